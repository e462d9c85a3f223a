#include "KpiPage.h"

#include "AppSettings.h"
#include "PartnerPicker.h"
#include "item/KpiListModel.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

KpiPage::KpiPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tracker(new item::KpiTracker(editor, this))
    , m_listModel(new item::KpiListModel(m_tracker, this))
    , m_valuesModel(new item::KpiValuesModel(m_tracker, this))
    , m_partner(
          new PartnerPicker(editor->workbook(), PartnerPicker::Order::PartnershipsFirst, this))
    , m_pilot(new KpiPilotBar(m_tracker, this))
    , m_stack(new QStackedWidget(this))
    , m_start(new KpiStartPanel(m_tracker, this))
    , m_table(new KpiTablePanel(m_tracker, m_listModel, this))
    , m_signals(new KpiSignalsPanel(m_tracker, this))
    , m_values(new KpiValuesPanel(m_tracker, m_valuesModel, m_partner, this))
    , m_charts(new KpiChartTabs(m_tracker, m_partner, this))
{
    m_partner->setToolTip(tr("The partnership whose KPIs you are tracking; type to search"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addSpacing(16);
    bar->addWidget(m_pilot, 1);

    // A partner without KPIs starts from the common set; one with KPIs shows them.
    m_stack->addWidget(m_start);
    m_stack->addWidget(createBody());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connectPanels();
    onReset();
}

// The KPIs with the signals and reviews above; the entry grid with the charts below.
QWidget *KpiPage::createBody()
{
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_table);
    top->addWidget(m_signals);
    // The KPI table needs most of the width for its nine columns at 1366 pixels.
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(top, u"kpis.top"_s);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_values);
    bottom->addWidget(m_charts);
    bottom->setStretchFactor(0, 5);
    bottom->setStretchFactor(1, 6);
    bottom->setSizes({500, 600}); // ratios until the first layout
    bottom->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(bottom, u"kpis.bottom"_s);

    auto *body = new QSplitter(Qt::Vertical, this);
    body->addWidget(top);
    body->addWidget(bottom);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 6);
    body->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(body, u"kpis.body"_s);
    return body;
}

void KpiPage::connectPanels()
{
    connect(m_partner, &PartnerPicker::partnerChosen, m_tracker, &item::KpiTracker::setCandidate);
    connect(m_pilot, &KpiPilotBar::recordReviewRequested, m_signals,
            &KpiSignalsPanel::askRecordReview);
    connect(m_table, &KpiTablePanel::kpiChosen, this, &KpiPage::showKpi);
    connect(m_values, &KpiValuesPanel::kpiChosen, this, &KpiPage::showKpi);
    connect(m_values, &KpiValuesPanel::statusMessage, this, &KpiPage::statusMessage);
    connect(m_signals, &KpiSignalsPanel::statusMessage, this, &KpiPage::statusMessage);
    connect(m_charts, &KpiChartTabs::statusMessage, this, &KpiPage::statusMessage);
    connect(m_tracker, &item::KpiTracker::reset, this, &KpiPage::onReset);
    connect(m_tracker, &item::KpiTracker::updated, this, &KpiPage::onUpdated);
    connect(m_editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &KpiPage::onStoreChanged);
}

qint64 KpiPage::currentPartner() const
{
    return m_tracker->candidateId();
}

bool KpiPage::selectPartner(qint64 candidateId)
{
    return m_partner->selectPartner(candidateId);
}

// Another partnership, or other KPIs: the models were reset before this runs.
void KpiPage::onReset()
{
    m_stack->setCurrentIndex(m_tracker->kpis().kpis.isEmpty() ? 0 : 1);
    m_start->refresh();
    m_charts->clampKpiRow();
    m_table->selectIfNone(m_charts->kpiRow());
    m_values->fitColumns();
    onUpdated();
}

void KpiPage::onUpdated()
{
    m_pilot->refresh();
    m_signals->refresh();
    m_charts->refresh();
    if (m_stack->currentIndex() == 0 && !m_tracker->kpis().kpis.isEmpty())
        m_stack->setCurrentIndex(1);
}

// The portfolio chart reads every partnership: any KPI, partnership, settings or
// candidate change may show in it.
void KpiPage::onStoreChanged(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (change.entity == Entity::Kpi || change.entity == Entity::Partnership ||
        change.entity == Entity::Settings || change.entity == Entity::Candidate)
        m_charts->invalidatePortfolio(isVisible());
}

} // namespace pb::ui
