#include "KpiStartPanel.h"

#include "Messages.h"
#include "item/KpiTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace pb::domain;

namespace pb::ui {

namespace {
// The common KPIs a new partnership starts with, when the user does not choose.
bool preselected(KpiMetric metric)
{
    return metric == KpiMetric::Referrals || metric == KpiMetric::ConversionRate ||
           metric == KpiMetric::PartnerSatisfaction || metric == KpiMetric::PartnerRevenue;
}
} // namespace

KpiStartPanel::KpiStartPanel(item::KpiTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_title(new QLabel(this))
    , m_startButton(new QPushButton(tr("&Start Tracking KPIs…"), this))
{
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_title);
    layout->addWidget(m_startButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_startButton, &QPushButton::clicked, this, &KpiStartPanel::askStartTracking);
    m_startButton->setEnabled(!tracker->editor()->workbook()->isReadOnly());
}

void KpiStartPanel::refresh()
{
    m_title->setText(
        !m_tracker->candidateId()
            ? tr("Choose a partner above to track its KPIs.")
            : tr("%1 has no KPIs yet. Agree three to five with the partner — the common ones "
                 "are referrals, conversion rate, average deal size, time to close, partner "
                 "satisfaction and partner-sourced revenue — and record their values each "
                 "month.")
                  .arg(m_tracker->kpis().partner));
    m_startButton->setVisible(m_tracker->candidateId() != 0);
}

QString KpiStartPanel::startTracking(const QList<KpiDefinition> &kpis)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    QList<KpiSeries> series;
    for (const KpiDefinition &kpi : kpis)
        series.append({kpi, {}});
    return m_tracker->editor()->changeKpis(
        m_tracker->candidateId(), series,
        tr("Start tracking KPIs for %1").arg(m_tracker->kpis().partner));
}

void KpiStartPanel::askStartTracking()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Start Tracking KPIs"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Choose the KPIs you agreed with %1. Three to five keep the "
                                "reviews focused; you can add, rename and retarget them later.")
                                 .arg(m_tracker->kpis().partner),
                             &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QList<QPair<QCheckBox *, KpiDefinition>> boxes;
    const QLocale locale;
    for (const KpiDefinition &kpi : commonKpis()) {
        auto *box = new QCheckBox(tr("%1 — target %2 per month")
                                      .arg(kpi.name, formatKpiValue(*kpi.target, kpi.unit,
                                                                    m_tracker->currency(), locale)),
                                  &dialog);
        box->setChecked(preselected(kpi.metric));
        layout->addWidget(box);
        boxes.append({box, kpi});
    }
    auto *count = new QLabel(&dialog);
    layout->addWidget(count);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    const auto updateCount = [&boxes, count, buttons] {
        const auto checked = std::count_if(
            boxes.cbegin(), boxes.cend(), [](const auto &pair) { return pair.first->isChecked(); });
        count->setText(
            !isRecommendedKpiCount(checked)
                ? tr("%n KPI(s) chosen; three to five is the usual range.", nullptr, int(checked))
                : tr("%n KPI(s) chosen.", nullptr, int(checked)));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(checked > 0);
    };
    for (const auto &pair : std::as_const(boxes))
        connect(pair.first, &QCheckBox::toggled, &dialog, updateCount);
    updateCount();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<KpiDefinition> chosen;
    for (const auto &pair : std::as_const(boxes)) {
        if (pair.first->isChecked())
            chosen.append(pair.second);
    }
    if (const QString error = startTracking(chosen); !error.isEmpty())
        Messages::warning(this, tr("Start Tracking KPIs"), error);
}

} // namespace pb::ui
