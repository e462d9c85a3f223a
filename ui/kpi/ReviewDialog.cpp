#include "ReviewDialog.h"

#include "domain/Retrospective.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

ReviewDialog::ReviewDialog(const QString &partner, const Pilot &pilot, const QList<Review> &reviews,
                           const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_pilot(pilot)
    , m_reviews(reviews)
    , m_date(new QDateEdit(today, this))
    , m_decision(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_worked(new QPlainTextEdit(this))
    , m_didNotWork(new QPlainTextEdit(this))
    , m_toChange(new QPlainTextEdit(this))
    , m_credit(new QLabel(this))
    , m_kpis(new QLabel(this))
{
    setWindowTitle(tr("Record Review — %1").arg(partner));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
    for (ReviewDecision d : {ReviewDecision::Continue, ReviewDecision::Scale, ReviewDecision::Pause,
                             ReviewDecision::End})
        m_decision->addItem(reviewDecisionDisplayName(d), int(d));
    m_note->setPlaceholderText(tr("What was decided and why; who does what next"));
    m_note->setTabChangesFocus(true);
    // The retrospective's three questions, a few lines each; optional on any review.
    const int lines = fontMetrics().lineSpacing() * 3;
    for (QPlainTextEdit *edit : {m_note, m_worked, m_didNotWork, m_toChange}) {
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(lines + 12);
    }
    m_worked->setPlaceholderText(tr("Keep doing"));
    m_didNotWork->setPlaceholderText(tr("Stop doing"));
    m_toChange->setPlaceholderText(tr("Change for the next period, or the next partner"));
    m_kpis->setWordWrap(true);
    m_kpis->setAccessibleName(tr("The KPIs on the review's date"));
    m_kpis->hide();
    m_credit->setWordWrap(true);
    m_credit->setAccessibleName(tr("What the review counts for"));
    m_credit->setMinimumWidth(fontMetrics().averageCharWidth() * 48);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(QString(), m_credit);
    form->addRow(tr("De&cision:"), m_decision);
    form->addRow(QString(), m_kpis);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("What &worked:"), m_worked);
    form->addRow(tr("What did no&t:"), m_didNotWork);
    form->addRow(tr("What we c&hange:"), m_toChange);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_date, &QDateEdit::dateChanged, this, &ReviewDialog::updateCredit);
    connect(m_date, &QDateEdit::dateChanged, this, &ReviewDialog::updateKpis);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &ReviewDialog::updateCredit);
    updateCredit();
}

Review ReviewDialog::review() const
{
    Review review;
    review.date = m_date->date();
    review.decision = ReviewDecision(m_decision->currentData().toInt());
    review.note = m_note->toPlainText().trimmed();
    review.worked = m_worked->toPlainText().trimmed();
    review.didNotWork = m_didNotWork->toPlainText().trimmed();
    review.toChange = m_toChange->toPlainText().trimmed();
    return review;
}

void ReviewDialog::setKpis(const PartnershipKpis &tracker, const KpiThresholds &thresholds)
{
    m_tracker = tracker;
    m_thresholds = thresholds;
    m_kpis->show();
    updateKpis();
}

void ReviewDialog::setDecision(ReviewDecision decision)
{
    m_decision->setCurrentIndex(m_decision->findData(int(decision)));
}

void ReviewDialog::updateKpis()
{
    if (!m_tracker)
        return;
    const QDate date = m_date->date();
    m_kpis->setText(
        tr("KPIs on %1: %2.")
            .arg(QLocale().toString(date, QLocale::ShortFormat),
                 Retrospective::summary(Retrospective::kpisAt(*m_tracker, m_thresholds, date))));
}

void ReviewDialog::updateCredit()
{
    const auto credit = KpiRules::reviewCredit(m_pilot, m_reviews, review());
    m_credit->setText(creditText(credit, true));
    const bool counts = credit.kind == KpiRules::ReviewCredit::Kind::CountsFor;
    m_credit->setStyleSheet(counts ? QString() : u"color: #8a4b00;"_s);
}

QString ReviewDialog::creditText(const KpiRules::ReviewCredit &credit, bool sentence)
{
    using Kind = KpiRules::ReviewCredit::Kind;
    const auto day = [](const QDate &date) {
        return QLocale().toString(date, QLocale::ShortFormat);
    };
    switch (credit.kind) {
    case Kind::CountsFor:
        if (credit.firstDue == credit.lastDue)
            return sentence ? tr("Counts for the review due %1.").arg(day(credit.lastDue))
                            : tr("due %1").arg(day(credit.lastDue));
        return sentence ? tr("Counts for the reviews due %1 to %2.")
                              .arg(day(credit.firstDue), day(credit.lastDue))
                        : tr("due %1 to %2").arg(day(credit.firstDue), day(credit.lastDue));
    case Kind::TooEarly:
        return sentence ? tr("Too early to count: reviews count from %1 days before their date "
                             "(the review due %2 counts from %3).")
                              .arg(KpiRules::kReviewEarlyDays)
                              .arg(day(credit.firstDue), day(credit.countsFrom))
                        : tr("too early");
    case Kind::AfterEnd:
        return sentence ? tr("Counts for no review: an earlier review ended the partnership.")
                        : tr("after the end");
    case Kind::NoPilot:
        break;
    }
    return sentence ? tr("Counts for no review yet: set the pilot start first.") : tr("no pilot");
}

} // namespace pb::ui
