#pragma once

#include "domain/PartnershipKpis.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;

namespace pb::item {
class KpiTracker;
}

namespace pb::ui {

// The pilot and the review cadence, in the bar at the top of the KPIs area: whether and when
// the pilot started and how long it runs, when the next review is due (in red once it is
// overdue), and the button that records a review. KpiPage places it beside the partner
// picker and refreshes it when the tracker changes.
class KpiPilotBar : public QWidget
{
    Q_OBJECT
public:
    explicit KpiPilotBar(item::KpiTracker *tracker, QWidget *parent = nullptr);

    // Shows the tracker's pilot and when the next review is due.
    void refresh();
    // Writes the pilot as one undo step; why it was refused, or an empty string.
    QString setPilot(const domain::Pilot &pilot);
    QLabel *nextReviewLabel() const { return m_nextReview; }

signals:
    // "Record Review…" was clicked; the reviews panel asks for the review.
    void recordReviewRequested();

private:
    void writePilot();
    QString nextReviewText(const domain::Pilot &pilot, std::optional<QDate> next) const;

    item::KpiTracker *m_tracker;
    QCheckBox *m_started;
    QDateEdit *m_start;
    QSpinBox *m_days;
    QLabel *m_nextReview;
    QPushButton *m_reviewButton;
};

} // namespace pb::ui
