#include "ProgrammeCharts.h"

#include "FunnelChart.h"
#include "KpiChartView.h"
#include "PnlChart.h"
#include "item/ProgrammeTracker.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProgrammeCharts::ProgrammeCharts(item::ProgrammeTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_funnel(new charts::KpiChartView(this))
    , m_tabs(new QTabWidget(this))
    , m_partnerPnl(new charts::KpiChartView(this))
    , m_totalPnl(new charts::KpiChartView(this))
{
    // The funnel's axes are stages and counts, not time: nothing to pan or zoom.
    m_funnel->setInteractions({});
    m_funnel->setAccessibleName(tr("Funnel chart"));
    m_funnel->setToolTip(tr("Candidates per stage by structure; dashed: the practice's count"));
    m_partnerPnl->setAccessibleName(tr("Partnership P&L chart"));
    m_totalPnl->setAccessibleName(tr("Programme P&L chart"));
    m_tabs->addTab(m_partnerPnl, tr("Partnership P&&L"));
    m_tabs->addTab(m_totalPnl, tr("Programme P&&L"));
    m_tabs->setDocumentMode(true);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_funnel);
    split->addWidget(m_tabs);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void ProgrammeCharts::refresh()
{
    const item::ProgrammeData &data = m_tracker->data();
    charts::buildFunnelChart(m_funnel, data);
    m_funnel->replot();
    domain::PartnershipPnl partner;
    if (const item::PartnerPnl *chosen = m_tracker->partnerPnl())
        partner = chosen->pnl;
    else
        partner.partner = m_tracker->partnerName().isEmpty() ? tr("No partnership chosen")
                                                             : m_tracker->partnerName();
    charts::buildPnlChart(m_partnerPnl, partner, data.currency);
    m_partnerPnl->replot();
    charts::buildPnlChart(m_totalPnl, data.total, data.currency);
    m_totalPnl->replot();
    m_tabs->setTabText(
        0, m_tracker->partnerName().isEmpty()
               ? tr("Partnership P&&L")
               : tr("%1 P&&L").arg(QString(m_tracker->partnerName()).replace(u'&', u"&&"_s)));
}

} // namespace pb::ui
