#include "CandidateTableView.h"

#include "CandidateDelegate.h"
#include "item/CandidateTableModel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

namespace pb::ui {

CandidateTableView::CandidateTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(true);
    // Fixed row heights and column widths: ResizeToContents on 100,000 rows takes seconds.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &CandidateTableView::showColumnMenu);
}

void CandidateTableView::showCandidates(QAbstractItemModel *candidates)
{
    using item::CandidateTableModel;
    setModel(candidates);
    setItemDelegate(new CandidateDelegate(this));
    sortByColumn(CandidateTableModel::RankColumn, Qt::AscendingOrder);
    // Widths that fit a 1366-pixel laptop screen beside the side panel; Owner stretches.
    const int widths[CandidateTableModel::ColumnCount] = {58, 190, 56, 72,  70,
                                                          50, 100, 78, 110, 160};
    for (int column = 0; column < CandidateTableModel::ColumnCount; ++column)
        setColumnWidth(column, widths[column]);
    setColumnHidden(CandidateTableModel::WebsiteColumn, true);
}

void CandidateTableView::commitOpenEditor()
{
    if (QWidget *editor = indexWidget(currentIndex()); editor && state() == EditingState) {
        commitData(editor);
        closeEditor(editor, QAbstractItemDelegate::NoHint);
    }
}

void CandidateTableView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint);
    // Enter commits and moves to the next row, as in a spreadsheet.
    if (hint == QAbstractItemDelegate::SubmitModelCache) {
        const QModelIndex current = currentIndex();
        const QModelIndex below = current.sibling(current.row() + 1, current.column());
        if (below.isValid())
            setCurrentIndex(below);
    }
}

void CandidateTableView::keyPressEvent(QKeyEvent *event)
{
    if (state() != QAbstractItemView::EditingState &&
        (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        event->modifiers() == Qt::NoModifier) {
        emit deleteRequested();
        return;
    }
    if (state() != QAbstractItemView::EditingState &&
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        // Enter on a cell starts editing it (F2 also does).
        if (currentIndex().isValid() && edit(currentIndex(), EditKeyPressed, event))
            return;
    }
    QTableView::keyPressEvent(event);
}

void CandidateTableView::showColumnMenu(const QPoint &position)
{
    QMenu menu(this);
    QAbstractItemModel *m = model();
    for (int column = 0; m && column < m->columnCount(); ++column) {
        QAction *action = menu.addAction(m->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        // The name column always stays.
        action->setEnabled(column != 1);
        connect(action, &QAction::toggled, this,
                [this, column](bool visible) { setColumnHidden(column, !visible); });
    }
    menu.exec(horizontalHeader()->mapToGlobal(position));
}

} // namespace pb::ui
