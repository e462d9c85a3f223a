#include "KpiPilotBar.h"

#include "Messages.h"
#include "domain/KpiRules.h"
#include "item/KpiTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

KpiPilotBar::KpiPilotBar(item::KpiTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_started(new QCheckBox(tr("Pilot started"), this))
    , m_start(new QDateEdit(this))
    , m_days(new QSpinBox(this))
    , m_nextReview(new QLabel(this))
    , m_reviewButton(new QPushButton(tr("&Record Review…"), this))
{
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_start->setAccessibleName(tr("Pilot start"));
    m_start->setToolTip(tr("The day the pilot started; reviews are due monthly for three "
                           "months after it, then quarterly"));
    m_days->setRange(1, 3650);
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Pilot length"));
    m_days->setToolTip(tr("How long the pilot runs (90 days is usual; longer is a warning "
                          "sign in the proposal)"));
    m_nextReview->setTextFormat(Qt::PlainText);
    m_nextReview->setAccessibleName(tr("Next review"));
    m_nextReview->setToolTip(tr("Reviews are due monthly for the first three months after the "
                                "pilot starts, then quarterly. A review recorded up to 14 days "
                                "early counts."));
    m_reviewButton->setToolTip(tr("Record today's review: the decision and a note"));
    connect(m_started, &QCheckBox::toggled, this, &KpiPilotBar::writePilot);
    connect(m_start, &QDateEdit::editingFinished, this, &KpiPilotBar::writePilot);
    connect(m_days, &QSpinBox::editingFinished, this, &KpiPilotBar::writePilot);
    connect(m_reviewButton, &QPushButton::clicked, this, &KpiPilotBar::recordReviewRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_started);
    layout->addWidget(m_start);
    layout->addWidget(new QLabel(tr("for"), this));
    layout->addWidget(m_days);
    layout->addSpacing(16);
    layout->addWidget(m_nextReview);
    layout->addStretch(1);
    layout->addWidget(m_reviewButton);

    const bool readOnly = tracker->editor()->workbook()->isReadOnly();
    for (QWidget *widget : QList<QWidget *>{m_started, m_start, m_days, m_reviewButton})
        widget->setEnabled(!readOnly);
}

QString KpiPilotBar::setPilot(const Pilot &pilot)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    return m_tracker->editor()->changePilot(m_tracker->candidateId(), pilot);
}

void KpiPilotBar::writePilot()
{
    if (!m_tracker->candidateId())
        return;
    Pilot pilot;
    pilot.start = m_started->isChecked() ? m_start->date() : QDate();
    pilot.days = m_days->value();
    if (const QString error = setPilot(pilot); !error.isEmpty())
        Messages::warning(this, tr("Pilot not changed"), error);
    refresh();
}

void KpiPilotBar::refresh()
{
    const Pilot pilot = m_tracker->kpis().pilot;
    const bool hasPartner = m_tracker->candidateId() != 0;
    const bool readOnly = m_tracker->editor()->workbook()->isReadOnly();
    {
        const QSignalBlocker a(m_started), b(m_start), c(m_days);
        m_started->setChecked(pilot.start.isValid());
        m_start->setDate(pilot.start.isValid() ? pilot.start : m_tracker->today());
        m_days->setValue(pilot.days);
    }
    m_started->setEnabled(hasPartner && !readOnly);
    m_start->setEnabled(hasPartner && !readOnly && pilot.start.isValid());
    m_days->setEnabled(hasPartner && !readOnly);

    const auto next = KpiRules::nextReview(pilot, m_tracker->kpis().reviews);
    m_nextReview->setText(hasPartner ? nextReviewText(pilot, next) : QString());
    const bool overdue = next && m_tracker->today() > *next;
    m_nextReview->setStyleSheet(overdue ? u"color: #b2182b; font-weight: bold;"_s : QString());
}

QString KpiPilotBar::nextReviewText(const Pilot &pilot, std::optional<QDate> next) const
{
    const QDate today = m_tracker->today();
    if (!pilot.start.isValid())
        return tr("Next review: set the pilot start");
    if (!next)
        return tr("No further reviews: the partnership was ended");
    if (today > *next) {
        const qint64 late = next->daysTo(today);
        const QString due = QLocale().toString(*next, QLocale::ShortFormat);
        return late == 1 ? tr("Review overdue since %1 (1 day)").arg(due)
                         : tr("Review overdue since %1 (%2 days)").arg(due).arg(late);
    }
    return tr("Next review: %1").arg(QLocale().toString(*next, QLocale::ShortFormat));
}

} // namespace pb::ui
