#pragma once

#include "domain/Kpi.h"

#include <QWidget>

class QMenu;
class QTableView;

namespace pb::item {
class KpiListModel;
class KpiTracker;
} // namespace pb::item

namespace pb::ui {

// The KPIs of the partnership, one line each, editable in place, with where each stands
// (status and trend), and the buttons that add one (from the common set or by name),
// remove the selected ones and move one up or down. KpiPage shows it at the top left and
// charts the KPI chosen here.
class KpiTablePanel : public QWidget
{
    Q_OBJECT
public:
    KpiTablePanel(item::KpiTracker *tracker, item::KpiListModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Adds a KPI at the end and selects it; why it was refused, or an empty string.
    QString addKpi(const domain::KpiDefinition &kpi);
    // Makes this row current when no row is (a partnership just shown).
    void selectIfNone(int row);

signals:
    // The user chose the KPI in this row.
    void kpiChosen(int row);

private:
    void setUpTable();
    QWidget *createMoveButton(int delta);
    QWidget *createAddButton();
    void fillAddMenu(QMenu *menu);
    void addKpiByName();
    void removeSelectedKpis();
    void moveSelectedKpi(int delta);
    void warn(const QString &title, const QString &message);

    item::KpiTracker *m_tracker;
    item::KpiListModel *m_model;
    QTableView *m_table;
};

} // namespace pb::ui
