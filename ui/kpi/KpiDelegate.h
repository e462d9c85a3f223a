#pragma once

#include "domain/KpiRules.h"

#include <QStyledItemDelegate>

namespace pb::ui {

// Cells of the KPI views: a combo box for columns that offer choices (ChoicesRole), and a
// status marker (StatusRole) before the text in the marked columns.
class KpiDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // markerColumn: the column that shows the marker, or -1 for every column.
    KpiDelegate(int statusRole, int choicesRole, int markerColumn, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    bool isMarked(const QModelIndex &index) const;

    void commitChoice();

    int m_statusRole;
    int m_choicesRole;
    int m_markerColumn;
};

} // namespace pb::ui
