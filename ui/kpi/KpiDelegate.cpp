#include "KpiDelegate.h"

#include <QComboBox>
#include <QPainter>
#include <QPainterPath>

using namespace pb::domain;

namespace pb::ui {

KpiStatusLook kpiStatusLook(KpiStatus status)
{
    using Shape = KpiStatusLook::Shape;
    // Blue, orange and red tell the states apart for the common kinds of colour blindness;
    // the shapes do it for everyone.
    switch (status) {
    case KpiStatus::OnTrack:
        return {QColor(0x21, 0x66, 0xac), Shape::Circle};
    case KpiStatus::AtRisk:
        return {QColor(0xe0, 0x82, 0x14), Shape::Triangle};
    case KpiStatus::OffTrack:
        return {QColor(0xb2, 0x18, 0x2b), Shape::Square};
    case KpiStatus::NoData:
    case KpiStatus::NoTarget:
        break;
    }
    return {};
}

void paintKpiStatusMarker(QPainter *painter, const QRectF &box, KpiStatus status)
{
    const KpiStatusLook look = kpiStatusLook(status);
    if (look.shape == KpiStatusLook::Shape::None)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(look.color);
    switch (look.shape) {
    case KpiStatusLook::Shape::Circle:
        painter->drawEllipse(box);
        break;
    case KpiStatusLook::Shape::Triangle: {
        QPainterPath path;
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.right(), box.bottom());
        path.lineTo(box.left(), box.bottom());
        path.closeSubpath();
        painter->drawPath(path);
        break;
    }
    case KpiStatusLook::Shape::Square:
        painter->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case KpiStatusLook::Shape::None:
        break;
    }
    painter->restore();
}

KpiDelegate::KpiDelegate(int statusRole, int choicesRole, int markerColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
    , m_choicesRole(choicesRole)
    , m_markerColumn(markerColumn)
{}

void KpiDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const
{
    const QVariant status = index.data(m_statusRole);
    const bool marked =
        (m_markerColumn < 0 || index.column() == m_markerColumn) && status.isValid() &&
        kpiStatusLook(KpiStatus(status.toInt())).shape != KpiStatusLook::Shape::None;
    if (!marked) {
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
    paintKpiStatusMarker(painter, box, KpiStatus(status.toInt()));
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
