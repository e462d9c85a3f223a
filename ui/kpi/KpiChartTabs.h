#pragma once

#include <QTabWidget>

class QAction;

namespace pb::item {
class KpiTracker;
}

namespace pb::charts {
class KpiChartView;
}

namespace pb::ui {

class PartnerPicker;

// Two charts in tabs: the chosen KPI of the partnership (the first tab is named after it)
// and partner-sourced revenue across the portfolio, with an "Export Chart…" button in the
// corner that saves the one shown as PNG or PDF. The portfolio chart reads every
// partnership, so it is built only while its tab is shown (or when it is next shown after
// the workbook changed). KpiPage shows it at the bottom right.
class KpiChartTabs : public QTabWidget
{
    Q_OBJECT
public:
    // The partner picker names the partner in the suggested file name.
    KpiChartTabs(item::KpiTracker *tracker, const PartnerPicker *partner,
                 QWidget *parent = nullptr);

    charts::KpiChartView *kpiChart() const { return m_chart; }
    charts::KpiChartView *portfolioChart() const { return m_portfolioChart; }
    // The KPI the chart shows (a row of the KPI table), and its tab brought to the front.
    int kpiRow() const { return m_row; }
    void showKpi(int row);
    // Keeps the chosen row within the partnership's KPIs (after a reset).
    void clampKpiRow();
    // Rebuilds the KPI chart, and the portfolio chart when its tab is shown.
    void refresh();
    // The workbook changed in a way the portfolio shows: rebuild it now when it is in
    // view, else when its tab is next shown.
    void invalidatePortfolio(bool inView);
    // Writes the chart shown as PNG or PDF; why it failed, or an empty string.
    QString exportChart(const QString &path);
    // "Export Chart…", also in the File menu while the area is shown.
    QAction *exportAction() const { return m_exportAction; }

signals:
    void statusMessage(const QString &text);

private:
    void askExportChart();

    item::KpiTracker *m_tracker;
    const PartnerPicker *m_partner;
    charts::KpiChartView *m_chart;
    charts::KpiChartView *m_portfolioChart;
    QAction *m_exportAction;
    int m_row = 0;
    bool m_portfolioDirty = true;
};

} // namespace pb::ui
