#pragma once

#include "domain/PartnershipKpis.h"

#include <QTabWidget>

class QListWidget;
class QTreeWidget;

namespace pb::item {
class KpiTracker;
}

namespace pb::ui {

// Beside the KPI table, two tabs: the partnership's warning signals (with a count in the
// tab) and the reviews recorded, newest first, each with what it counted for in the review
// cadence, with the dialog that records one (ReviewDialog) and a context action that removes
// one. KpiPage refreshes it when the tracker changes.
class KpiSignalsPanel : public QTabWidget
{
    Q_OBJECT
public:
    explicit KpiSignalsPanel(item::KpiTracker *tracker, QWidget *parent = nullptr);

    QListWidget *signalsList() const { return m_signals; }
    QTreeWidget *reviewsTree() const { return m_reviews; }
    // Records a review as one undo step; why it was refused, or an empty string.
    QString recordReview(const domain::Review &review);
    // Asks for today's review in a dialog and records it.
    void askRecordReview();
    void refresh();

signals:
    void statusMessage(const QString &text);

private:
    QListWidget *createSignalsList();
    QTreeWidget *createReviewsTree();
    void refreshSignals();
    void refreshReviews();
    void removeCurrentReview();

    item::KpiTracker *m_tracker;
    QListWidget *m_signals;
    QTreeWidget *m_reviews;
};

} // namespace pb::ui
