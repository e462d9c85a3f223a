#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace pb::ui {

// Lets a tree's items wrap onto as many lines as they need (QTreeView does not measure
// wrapped text by itself): an item is as tall as its text at its column's width, or at the
// whole width for a row spanning the columns, and the rows are measured again when a column
// is resized. Used by the reviews list of the KPIs area, whose notes must be read whole.
class WrappingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
    bool m_relayoutPending = false;
};

} // namespace pb::ui
