#include "KpiChartTabs.h"

#include "FileDialogs.h"
#include "KpiChart.h"
#include "KpiChartView.h"
#include "Messages.h"
#include "PartnerPicker.h"
#include "PortfolioChart.h"
#include "item/KpiTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QDir>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

KpiChartTabs::KpiChartTabs(item::KpiTracker *tracker, const PartnerPicker *partner, QWidget *parent)
    : QTabWidget(parent)
    , m_tracker(tracker)
    , m_partner(partner)
    , m_chart(new charts::KpiChartView(this))
    , m_portfolioChart(new charts::KpiChartView(this))
    , m_exportAction(new QAction(tr("Export &Chart…"), this))
{
    m_chart->setAccessibleName(tr("KPI chart"));
    m_portfolioChart->setAccessibleName(tr("Portfolio chart"));
    addTab(m_chart, tr("KPI"));
    addTab(m_portfolioChart, tr("Partner Revenue (All Partners)"));
    m_exportAction->setToolTip(tr("Save the chart shown as PNG or PDF"));
    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setAutoRaise(true);
    setCornerWidget(exportButton, Qt::TopRightCorner);
    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (currentWidget() == m_portfolioChart && m_portfolioDirty)
            refresh();
    });
    connect(m_exportAction, &QAction::triggered, this, &KpiChartTabs::askExportChart);
}

void KpiChartTabs::refresh()
{
    const auto &kpis = m_tracker->kpis().kpis;
    if (m_row >= 0 && m_row < kpis.size()) {
        charts::buildKpiChart(m_chart, kpis.at(m_row), m_tracker->thresholds(),
                              m_tracker->currency());
        setTabText(0, kpis.at(m_row).definition.name);
    } else {
        charts::buildKpiChart(m_chart, KpiSeries{}, m_tracker->thresholds(), m_tracker->currency());
        setTabText(0, tr("KPI"));
    }
    m_chart->replot();
    if (currentWidget() == m_portfolioChart) {
        charts::buildPortfolioChart(m_portfolioChart,
                                    m_tracker->editor()->workbook()->allPartnershipKpis(),
                                    m_tracker->currency());
        m_portfolioChart->replot();
        m_portfolioDirty = false;
    }
}

void KpiChartTabs::showKpi(int row)
{
    if (row == m_row && m_chart->graphCount() > 0)
        return;
    m_row = row;
    refresh();
    if (currentWidget() != m_chart)
        setCurrentWidget(m_chart);
}

void KpiChartTabs::clampKpiRow()
{
    m_row = std::clamp(m_row, 0, std::max(0, int(m_tracker->kpis().kpis.size()) - 1));
}

void KpiChartTabs::invalidatePortfolio(bool inView)
{
    m_portfolioDirty = true;
    if (currentWidget() == m_portfolioChart && inView)
        refresh();
}

QString KpiChartTabs::exportChart(const QString &path)
{
    charts::KpiChartView *chart = currentWidget() == m_portfolioChart ? m_portfolioChart : m_chart;
    const QString error = charts::exportChart(chart, path, 1200, 600);
    if (error.isEmpty()) {
        emit statusMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(path)));
    }
    return error;
}

void KpiChartTabs::askExportChart()
{
    const bool portfolio = currentWidget() == m_portfolioChart;
    const QString name =
        portfolio ? tr("Partner revenue") : m_tracker->kpis().kpis.value(m_row).definition.name;
    const QString path = FileDialogs::saveFile(
        this, FileDialogs::Kind::Export, tr("Export Chart"),
        portfolio ? name + u".png"_s : u"%1 — %2.png"_s.arg(m_partner->currentName(), name),
        tr("PNG image (*.png);;PDF document (*.pdf)"), u"png"_s);
    if (!path.isEmpty())
        if (const QString error = exportChart(path); !error.isEmpty())
            Messages::warning(this, tr("Export Chart"), error);
}

} // namespace pb::ui
