#include "KpiDelegate.h"

#include "io/KpiStatusLook.h"

#include <QComboBox>
#include <QPainter>

using namespace pb::domain;

namespace pb::ui {

KpiDelegate::KpiDelegate(int statusRole, int choicesRole, int markerColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
    , m_choicesRole(choicesRole)
    , m_markerColumn(markerColumn)
{}

bool KpiDelegate::isMarked(const QModelIndex &index) const
{
    const QVariant status = index.data(m_statusRole);
    return (m_markerColumn < 0 || index.column() == m_markerColumn) && status.isValid() &&
           io::kpiStatusLook(KpiStatus(status.toInt())).shape != io::KpiStatusLook::Shape::None;
}

QSize KpiDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    if (isMarked(index)) // room for the marker painted before the text
        hint.rwidth() += std::max(6, option.fontMetrics.height() / 2) + 8;
    return hint;
}

void KpiDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const
{
    const QVariant status = index.data(m_statusRole);
    if (!isMarked(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int size = std::max(6, opt.fontMetrics.height() / 2);
    const QRect cell = opt.rect;
    opt.rect.adjust(size + 8, 0, 0, 0);
    QStyledItemDelegate::paint(painter, opt, index);
    const QRectF box(cell.left() + 5, cell.center().y() - size / 2.0, size, size);
    io::paintKpiStatusMarker(painter, box, KpiStatus(status.toInt()));
}

QWidget *KpiDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QStringList choices = index.data(m_choicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->addItems(choices);
    // Choosing is committing: no second key press needed.
    connect(combo, &QComboBox::activated, this, &KpiDelegate::commitChoice);
    return combo;
}

void KpiDelegate::commitChoice()
{
    if (auto *combo = qobject_cast<QComboBox *>(sender())) {
        emit commitData(combo);
        emit closeEditor(combo);
    }
}

void KpiDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findText(index.data(Qt::EditRole).toString()));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void KpiDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                               const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentText() != index.data(Qt::EditRole).toString())
            model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace pb::ui
