#include "RaciGridView.h"

#include "WrappingHeaderView.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

namespace pb::ui {

RaciGridView::RaciGridView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);
    // The party's name, wrapped when the column is narrow, then its side.
    setHorizontalHeader(new WrappingHeaderView(this, 4));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(90);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setWordWrap(false);

    for (auto orientation : {Qt::Vertical, Qt::Horizontal}) {
        QHeaderView *header = orientation == Qt::Vertical ? verticalHeader() : horizontalHeader();
        header->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(header, &QHeaderView::sectionDoubleClicked, this, [this, orientation](int section) {
            if (!m_readOnly)
                emit renameRequested(orientation, section);
        });
        connect(
            header, &QWidget::customContextMenuRequested, this,
            [this, orientation](const QPoint &position) { showHeaderMenu(orientation, position); });
    }
}

void RaciGridView::showHeaderMenu(Qt::Orientation orientation, const QPoint &position)
{
    QHeaderView *header = orientation == Qt::Vertical ? verticalHeader() : horizontalHeader();
    const int section = header->logicalIndexAt(position);
    if (section < 0 || m_readOnly)
        return;
    QMenu menu(this);
    menu.addAction(tr("Rename…"), this,
                   [this, orientation, section] { emit renameRequested(orientation, section); });
    menu.addAction(tr("Remove"), this,
                   [this, orientation, section] { emit removeRequested(orientation, section); });
    menu.exec(header->mapToGlobal(position));
}

QList<QPoint> RaciGridView::selectedCells() const
{
    QList<QPoint> cells;
    for (const QModelIndex &index : selectionModel()->selectedIndexes())
        cells.append(QPoint(index.column(), index.row()));
    if (cells.isEmpty() && currentIndex().isValid())
        cells.append(QPoint(currentIndex().column(), currentIndex().row()));
    return cells;
}

void RaciGridView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers == Qt::AltModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
            return emit moveRequested(Qt::Vertical, -1);
        case Qt::Key_Down:
            return emit moveRequested(Qt::Vertical, 1);
        case Qt::Key_Left:
            return emit moveRequested(Qt::Horizontal, -1);
        case Qt::Key_Right:
            return emit moveRequested(Qt::Horizontal, 1);
        default:
            break;
        }
    }
    if (event->matches(QKeySequence::Copy))
        return emit copyRequested();
    if (event->matches(QKeySequence::Paste))
        return emit pasteRequested();
    if (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier) {
        switch (event->key()) {
        case Qt::Key_R:
            return emit typedRole(domain::RaciRole::Responsible);
        case Qt::Key_A:
            return emit typedRole(domain::RaciRole::Accountable);
        case Qt::Key_C:
            return emit typedRole(domain::RaciRole::Consulted);
        case Qt::Key_I:
            return emit typedRole(domain::RaciRole::Informed);
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            return emit clearRequested();
        case Qt::Key_Space:
            if (currentIndex().isValid())
                return emit cycleRequested(currentIndex());
            break;
        default:
            break;
        }
    }
    QTableView::keyPressEvent(event);
}

void RaciGridView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    const bool plain = event->button() == Qt::LeftButton && event->modifiers() == Qt::NoModifier;
    // Only a cell the user chose by a click cycles: the cell a new grid starts on, or one
    // reached with the keyboard, is current without having been clicked.
    const bool again = plain && index.isValid() && index == currentIndex() && index == m_clicked;
    QTableView::mousePressEvent(event);
    m_clicked = plain && index.isValid() ? QPersistentModelIndex(index) : QPersistentModelIndex();
    if (again)
        emit cycleRequested(index);
}

} // namespace pb::ui
