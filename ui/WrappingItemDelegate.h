#pragma once

#include <QStyledItemDelegate>

class QTreeView;
class QWidget;

namespace pb::ui {

// Lets a tree's rows that span all columns wrap onto as many lines as they need (QTreeView
// does not measure wrapped text by itself): such a row is as tall as its text at the whole
// width, measured again when a column or the view is resized. Other items keep one line, in
// columns sized to them. Used by the reviews list of the KPIs area, whose notes must be read whole.
class WrappingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingItemDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayoutLater();

    QTreeView *m_view;
    // Kept apart: while the view is destroyed its viewport still reports events, and the
    // view can no longer be asked for it.
    QWidget *m_viewport;
    bool m_relayoutPending = false;
};

} // namespace pb::ui
