#pragma once

#include <QWidget>

class QTabWidget;

namespace pb::charts {
class KpiChartView;
}
namespace pb::item {
class ProgrammeTracker;
}

namespace pb::ui {

// The Programme area's charts: the funnel against the practice's shape (with the structure
// mix) on the left; on the right the P&L by month of the chosen partnership and, in a second
// tab, of the whole programme. Built by the charts library (FunnelChart, PnlChart), so the
// review PDF draws the same.
class ProgrammeCharts : public QWidget
{
    Q_OBJECT
public:
    explicit ProgrammeCharts(item::ProgrammeTracker *tracker, QWidget *parent = nullptr);

    charts::KpiChartView *funnelChart() const { return m_funnel; }
    charts::KpiChartView *partnerPnlChart() const { return m_partnerPnl; }
    charts::KpiChartView *totalPnlChart() const { return m_totalPnl; }
    QTabWidget *pnlTabs() const { return m_tabs; }
    void refresh();

private:
    item::ProgrammeTracker *m_tracker;
    charts::KpiChartView *m_funnel;
    QTabWidget *m_tabs;
    charts::KpiChartView *m_partnerPnl;
    charts::KpiChartView *m_totalPnl;
};

} // namespace pb::ui
