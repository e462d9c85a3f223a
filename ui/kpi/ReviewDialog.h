#pragma once

#include "domain/KpiRules.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;

namespace pb::ui {

// Records a review of a partnership: its date, the decision and a note, and under the date
// what the review will count for in the review cadence, as the date changes (a review more
// than 14 days before the next date counts for none, which the user should see before
// saving). The rule is domain::KpiRules::reviewCredit; the words are here. It is also the
// pilot's retrospective (DOMAIN.md §7): what worked, what did not, what we change, with the
// KPIs' status on the review's date beside the decision (setKpis); a scale, pause or end
// decision sets the stage (WorkbookEditor::recordRetrospective). KpiSignalsPanel opens it
// from "Record Review…", LifecyclePanel from "Record Retrospective…": one flow.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(const QString &partner, const domain::Pilot &pilot,
                 const QList<domain::Review> &reviews, const QDate &today,
                 QWidget *parent = nullptr);

    domain::Review review() const;
    QLabel *creditLabel() const { return m_credit; }
    QLabel *kpisLabel() const { return m_kpis; }
    // The tracker whose KPIs are shown as they stood on the review's date.
    void setKpis(const domain::PartnershipKpis &tracker, const domain::KpiThresholds &thresholds);
    // Opens on a decision (the retrospective offers scale first).
    void setDecision(domain::ReviewDecision decision);

    // What a review counted for: a short phrase for the reviews list ("due 1 Jan 2027",
    // "too early"), or a sentence for the dialog, the status bar and tooltips ("Counts for
    // the review due 1 Jan 2027.", "Too early to count: reviews count from 14 days …").
    static QString creditText(const domain::KpiRules::ReviewCredit &credit, bool sentence);

private:
    void updateCredit();
    void updateKpis();

    domain::Pilot m_pilot;
    QList<domain::Review> m_reviews;
    QDateEdit *m_date;
    QComboBox *m_decision;
    QPlainTextEdit *m_note;
    QPlainTextEdit *m_worked;
    QPlainTextEdit *m_didNotWork;
    QPlainTextEdit *m_toChange;
    QLabel *m_credit;
    QLabel *m_kpis;
    std::optional<domain::PartnershipKpis> m_tracker;
    domain::KpiThresholds m_thresholds;
};

} // namespace pb::ui
