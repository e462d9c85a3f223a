#pragma once

#include <QStyledItemDelegate>

namespace pb::ui {

// Editors for the candidate table: a 1–5 list (or "not scored") for scores, the playbook's
// structures and stages as lists, plain text otherwise. Values are written back as the
// stable ids the store expects.
class CandidateDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};

} // namespace pb::ui
