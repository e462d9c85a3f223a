#include "WrappingItemDelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace pb::ui {

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_viewport(view->viewport())
{
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    connect(m_view->header(), &QHeaderView::sectionResized, this,
            &WrappingItemDelegate::relayoutLater);
    m_viewport->installEventFilter(this);
}

bool WrappingItemDelegate::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_viewport)
        relayoutLater();
    return QStyledItemDelegate::eventFilter(watched, event);
}

// Once per burst of resizes: the rows are measured again at the new widths.
void WrappingItemDelegate::relayoutLater()
{
    if (m_relayoutPending)
        return;
    m_relayoutPending = true;
    QTimer::singleShot(0, this, [this] {
        m_relayoutPending = false;
        m_view->doItemsLayout();
    });
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    // Columns are sized to their contents (which wrapping would make circular): only a row
    // spanning the columns wraps, at the whole width less its indentation.
    if (index.column() != 0 || !m_view->isFirstColumnSpanned(index.row(), index.parent()))
        return QStyledItemDelegate::sizeHint(option, index);
    int depth = 0;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        ++depth;
    const int width = m_view->viewport()->width() - m_view->indentation() * (depth + 1);
    QStyleOptionViewItem wrapped = option;
    // The style wraps only within a valid rectangle: a height is needed, any will do.
    wrapped.rect = QRect(0, 0, std::max(20, width), 1);
    wrapped.features |= QStyleOptionViewItem::WrapText;
    return QStyledItemDelegate::sizeHint(wrapped, index);
}

} // namespace pb::ui
