#pragma once

#include "domain/KpiRules.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
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

namespace pb::ui {

using charts::KpiChartView;
class PartnerPicker;

// The KPI tracker of one partnership: its KPIs with their status and trend, an entry grid
// of periods × KPIs for fast keyboard entry and spreadsheet paste, a chart of the chosen
// KPI and one of partner revenue across the portfolio, the pilot and review cadence, the
// reviews recorded and the warning signals. Every edit is one undo step.
class KpiPage : public QWidget
{
    Q_OBJECT
public:
    explicit KpiPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::KpiTracker *tracker() const { return m_tracker; }
    item::KpiListModel *listModel() const { return m_listModel; }
    item::KpiValuesModel *valuesModel() const { return m_valuesModel; }
    QTableView *kpiTable() const { return m_kpiTable; }
    QTableView *valuesTable() const { return m_valuesTable; }
    KpiChartView *chart() const { return m_chart; }
    KpiChartView *portfolioChart() const { return m_portfolioChart; }
    QListWidget *signalsList() const { return m_signals; }
    QTreeWidget *reviewsTree() const { return m_reviews; }
    QLabel *nextReviewLabel() const { return m_nextReview; }
    qint64 currentPartner() const;

    // The actions, callable without dialogs (tests, scripts); each returns why it was
    // refused, or an empty string.
    bool selectPartner(qint64 candidateId);
    QString startTracking(const QList<domain::KpiDefinition> &kpis);
    QString addKpi(const domain::KpiDefinition &kpi);
    QString setPilot(const domain::Pilot &pilot);
    QString recordReview(const domain::Review &review);
    QString addPeriod(const QString &period);
    QString pasteValues(const QString &text);
    QString importFile(const QString &path);
    QString exportFile(const QString &path);
    QString exportChart(const QString &path);
    // The KPI the chart shows (a row of the KPI table).
    void showKpi(int row);

signals:
    void statusMessage(const QString &text);

private:
    void onPartnerChosen(qint64 candidateId, const QString &name);
    void onReset();
    void onUpdated();
    void refreshPilot();
    void refreshSignals();
    void refreshReviews();
    void refreshCharts();
    void askStartTracking();
    void askRecordReview();
    void askAddPeriod();
    void copyValues();
    void clearValues();
    void removeSelectedKpis();
    void moveSelectedKpi(int delta);
    void writePilot();
    void warn(const QString &title, const QString &message);

    item::WorkbookEditor *m_editor;
    item::KpiTracker *m_tracker;
    item::KpiListModel *m_listModel;
    item::KpiValuesModel *m_valuesModel;
    PartnerPicker *m_partner;
    QStackedWidget *m_stack;
    QLabel *m_emptyTitle;
    QPushButton *m_startButton;
    QCheckBox *m_pilotStarted;
    QDateEdit *m_pilotStart;
    QSpinBox *m_pilotDays;
    QLabel *m_nextReview;
    QTableView *m_kpiTable;
    QTableView *m_valuesTable;
    QTabWidget *m_chartTabs;
    KpiChartView *m_chart;
    KpiChartView *m_portfolioChart;
    QTabWidget *m_sideTabs;
    QListWidget *m_signals;
    QTreeWidget *m_reviews;
    QList<QWidget *> m_editWidgets;
    int m_chartRow = 0;
    bool m_portfolioDirty = true;
};

} // namespace pb::ui
