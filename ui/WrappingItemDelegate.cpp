#include "WrappingItemDelegate.h"

#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace pb::ui {

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this] {
        if (m_relayoutPending)
            return;
        m_relayoutPending = true;
        QTimer::singleShot(0, this, [this] {
            m_relayoutPending = false;
            m_view->doItemsLayout();
        });
    });
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QStyleOptionViewItem wrapped = option;
    int depth = 0;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        ++depth;
    const bool spanned = m_view->isFirstColumnSpanned(index.row(), index.parent());
    const int width = spanned ? m_view->viewport()->width()
                              : m_view->header()->sectionSize(index.column());
    const int indent = index.column() == 0 ? m_view->indentation() * (depth + 1) : 0;
    wrapped.rect.setWidth(std::max(20, width - indent));
    wrapped.features |= QStyleOptionViewItem::WrapText;
    return QStyledItemDelegate::sizeHint(wrapped, index);
}

} // namespace pb::ui
