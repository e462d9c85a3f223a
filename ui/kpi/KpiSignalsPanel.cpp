#include "KpiSignalsPanel.h"

#include "Messages.h"
#include "ReviewDialog.h"
#include "WrappingItemDelegate.h"
#include "domain/KpiRules.h"
#include "item/KpiTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QHeaderView>
#include <QListWidget>
#include <QLocale>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

KpiSignalsPanel::KpiSignalsPanel(item::KpiTracker *tracker, QWidget *parent)
    : QTabWidget(parent)
    , m_tracker(tracker)
    , m_signals(createSignalsList())
    , m_reviews(createReviewsTree())
{
    addTab(m_signals, tr("Signals"));
    addTab(m_reviews, tr("Reviews"));
    setMinimumWidth(260);
}

QListWidget *KpiSignalsPanel::createSignalsList()
{
    auto *list = new QListWidget(this);
    list->setWordWrap(true);
    list->setAccessibleName(tr("Signals"));
    list->setTextElideMode(Qt::ElideNone);
    return list;
}

// The reviews, with a context action that removes the current one.
QTreeWidget *KpiSignalsPanel::createReviewsTree()
{
    auto *tree = new QTreeWidget(this);
    tree->setHeaderLabels({tr("Date"), tr("Decision"), tr("Counts for")});
    tree->setRootIsDecorated(false);
    tree->setAccessibleName(tr("Reviews"));
    // The note under its review, across the whole width and wrapped: read whole.
    tree->setItemDelegate(new WrappingItemDelegate(tree));
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remove = new QAction(tr("Remove Review"), tree);
    tree->addAction(remove);
    connect(remove, &QAction::triggered, this, &KpiSignalsPanel::removeCurrentReview);
    remove->setEnabled(!m_tracker->editor()->workbook()->isReadOnly());
    return tree;
}

void KpiSignalsPanel::refresh()
{
    refreshSignals();
    refreshReviews();
}

void KpiSignalsPanel::refreshSignals()
{
    m_signals->clear();
    for (const Finding &finding : m_tracker->findings()) {
        auto *item = new QListWidgetItem(finding.message, m_signals);
        item->setToolTip(finding.code);
        item->setIcon(style()->standardIcon(finding.severity == Finding::Severity::Info
                                                ? QStyle::SP_MessageBoxInformation
                                                : QStyle::SP_MessageBoxWarning));
    }
    if (m_signals->count() == 0 && m_tracker->candidateId()) {
        auto *item = new QListWidgetItem(tr("No warning signals."), m_signals);
        item->setFlags(Qt::NoItemFlags);
    }
    const int warnings =
        int(std::count_if(m_tracker->findings().cbegin(), m_tracker->findings().cend(),
                          [](const Finding &f) { return f.severity != Finding::Severity::Info; }));
    setTabText(0, warnings ? tr("Signals (%1)").arg(warnings) : tr("Signals"));
}

void KpiSignalsPanel::refreshReviews()
{
    m_reviews->clear();
    const PartnershipKpis &kpis = m_tracker->kpis();
    const QList<Review> &reviews = kpis.reviews;
    // Newest first: the last decision is what matters in a review meeting.
    for (auto it = reviews.crbegin(); it != reviews.crend(); ++it) {
        const auto credit = KpiRules::reviewCredit(kpis.pilot, reviews, *it);
        auto *item =
            new QTreeWidgetItem(m_reviews, {QLocale().toString(it->date, QLocale::ShortFormat),
                                            reviewDecisionDisplayName(it->decision),
                                            ReviewDialog::creditText(credit, false)});
        item->setData(0, Qt::UserRole, it->id);
        item->setToolTip(2, ReviewDialog::creditText(credit, true));
        if (!it->note.isEmpty()) {
            auto *note = new QTreeWidgetItem(item, {it->note});
            note->setData(0, Qt::UserRole, it->id);
            note->setFirstColumnSpanned(true);
            note->setForeground(0, palette().placeholderText());
        }
    }
    m_reviews->expandAll();
    setTabText(1, tr("Reviews (%1)").arg(reviews.size()));
}

QString KpiSignalsPanel::recordReview(const Review &review)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    // A decision to scale, pause or end also moves the stage, in the same undo step: this
    // and the Lifecycle view's retrospective are one flow.
    return m_tracker->editor()->recordRetrospective(m_tracker->candidateId(), review);
}

void KpiSignalsPanel::askRecordReview()
{
    if (!m_tracker->candidateId())
        return;
    const PartnershipKpis &kpis = m_tracker->kpis();
    ReviewDialog dialog(kpis.partner, kpis.pilot, kpis.reviews, m_tracker->today(), this);
    dialog.setKpis(kpis, m_tracker->thresholds());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Review review = dialog.review();
    const auto credit = KpiRules::reviewCredit(kpis.pilot, kpis.reviews, review);
    if (const QString error = recordReview(review); !error.isEmpty()) {
        Messages::warning(this, tr("Record Review"), error);
        return;
    }
    setCurrentWidget(m_reviews);
    emit statusMessage(tr("Review of %1 recorded. %2")
                           .arg(QLocale().toString(review.date, QLocale::ShortFormat),
                                ReviewDialog::creditText(credit, true)));
}

void KpiSignalsPanel::removeCurrentReview()
{
    QTreeWidgetItem *item = m_reviews->currentItem();
    if (!item)
        return;
    if (const QString error = m_tracker->editor()->removeReview(
            m_tracker->candidateId(), item->data(0, Qt::UserRole).toLongLong());
        !error.isEmpty())
        Messages::warning(this, tr("Remove Review"), error);
}

} // namespace pb::ui
