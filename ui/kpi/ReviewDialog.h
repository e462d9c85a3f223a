#pragma once

#include "domain/KpiRules.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;

namespace pb::ui {

// Records a review of a partnership: its date, the decision and a note, and under the date
// what the review will count for in the review cadence, as the date changes (a review more
// than 14 days before the next date counts for none, which the user should see before
// saving). The rule is domain::KpiRules::reviewCredit; the words are here. KpiSignalsPanel
// opens it from "Record Review…" and words the reviews list with creditText().
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(const QString &partner, const domain::Pilot &pilot,
                 const QList<domain::Review> &reviews, const QDate &today,
                 QWidget *parent = nullptr);

    domain::Review review() const;
    QLabel *creditLabel() const { return m_credit; }

    // What a review counted for: a short phrase for the reviews list ("due 1 Jan 2027",
    // "too early"), or a sentence for the dialog, the status bar and tooltips ("Counts for
    // the review due 1 Jan 2027.", "Too early to count: reviews count from 14 days …").
    static QString creditText(const domain::KpiRules::ReviewCredit &credit, bool sentence);

private:
    void updateCredit();

    domain::Pilot m_pilot;
    QList<domain::Review> m_reviews;
    QDateEdit *m_date;
    QComboBox *m_decision;
    QPlainTextEdit *m_note;
    QLabel *m_credit;
};

} // namespace pb::ui
