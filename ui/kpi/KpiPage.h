#pragma once

#include "domain/PartnershipKpis.h"
#include "kpi/KpiChartTabs.h"
#include "kpi/KpiPilotBar.h"
#include "kpi/KpiSignalsPanel.h"
#include "kpi/KpiStartPanel.h"
#include "kpi/KpiTablePanel.h"
#include "kpi/KpiValuesPanel.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace pb::item {
class KpiListModel;
class KpiTracker;
class KpiValuesModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::charts {
class KpiChartView;
}

namespace pb::store {
struct Change;
}

namespace pb::ui {

using charts::KpiChartView;
class PartnerPicker;

// The KPI tracker of one partnership: its KPIs with their status and trend, an entry grid
// of periods × KPIs for fast keyboard entry and spreadsheet paste, a chart of the chosen
// KPI and one of partner revenue across the portfolio, the pilot and review cadence, the
// reviews recorded and the warning signals. Every edit is one undo step.
// The page composes one panel per part (KpiPilotBar, KpiStartPanel, KpiTablePanel,
// KpiSignalsPanel, KpiValuesPanel, KpiChartTabs), each owning its widgets and actions. It
// owns the tracker and the item models the panels share, wires the panels to each other
// and to the store's notifier, and refreshes them when the tracker changes. MainWindow
// shows it as the KPIs area.
class KpiPage : public QWidget
{
    Q_OBJECT
public:
    explicit KpiPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::KpiTracker *tracker() const { return m_tracker; }
    item::KpiListModel *listModel() const { return m_listModel; }
    item::KpiValuesModel *valuesModel() const { return m_valuesModel; }
    QTableView *kpiTable() const { return m_table->table(); }
    QTableView *valuesTable() const { return m_values->table(); }
    KpiChartView *chart() const { return m_charts->kpiChart(); }
    KpiChartView *portfolioChart() const { return m_charts->portfolioChart(); }
    QListWidget *signalsList() const { return m_signals->signalsList(); }
    QTreeWidget *reviewsTree() const { return m_signals->reviewsTree(); }
    QLabel *nextReviewLabel() const { return m_pilot->nextReviewLabel(); }
    qint64 currentPartner() const;
    PartnerPicker *partnerPicker() const { return m_partner; }
    // For the File and Edit menus while the area is shown.
    QList<QAction *> fileActions() const
    {
        return m_values->fileActions() << m_charts->exportAction();
    }
    QList<QAction *> editActions() const { return m_values->editActions(); }

    // The actions, callable without dialogs (tests, scripts); each returns why it was
    // refused, or an empty string. The panel that owns each one does the work.
    bool selectPartner(qint64 candidateId);
    QString startTracking(const QList<domain::KpiDefinition> &kpis)
    {
        return m_start->startTracking(kpis);
    }
    QString addKpi(const domain::KpiDefinition &kpi) { return m_table->addKpi(kpi); }
    QString setPilot(const domain::Pilot &pilot) { return m_pilot->setPilot(pilot); }
    QString recordReview(const domain::Review &review) { return m_signals->recordReview(review); }
    QString addPeriod(const QString &period) { return m_values->addPeriod(period); }
    QString pasteValues(const QString &text) { return m_values->pasteValues(text); }
    QString importFile(const QString &path) { return m_values->importFile(path); }
    QString exportFile(const QString &path) { return m_values->exportFile(path); }
    QString exportChart(const QString &path) { return m_charts->exportChart(path); }
    // The KPI the chart shows (a row of the KPI table).
    void showKpi(int row) { m_charts->showKpi(row); }

signals:
    void statusMessage(const QString &text);

private:
    QWidget *createBody();
    void connectPanels();
    void onReset();
    void onUpdated();
    void onStoreChanged(const store::Change &change);

    item::WorkbookEditor *m_editor;
    item::KpiTracker *m_tracker;
    item::KpiListModel *m_listModel;
    item::KpiValuesModel *m_valuesModel;
    PartnerPicker *m_partner;
    KpiPilotBar *m_pilot;
    QStackedWidget *m_stack;
    KpiStartPanel *m_start;
    KpiTablePanel *m_table;
    KpiSignalsPanel *m_signals;
    KpiValuesPanel *m_values;
    KpiChartTabs *m_charts;
};

} // namespace pb::ui
