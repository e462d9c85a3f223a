#include "CandidateTableView.h"

#include "CandidateDelegate.h"
#include "ColumnFitter.h"
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
    setColumnHidden(CandidateTableModel::WebsiteColumn, true);
    // The qualification answers are there to choose from the header's menu.
    for (int column = CandidateTableModel::FirstQualificationColumn;
         column < CandidateTableModel::ColumnCount; ++column)
        setColumnHidden(column, true);
    // Each column as wide as its header and the rows in view need (measuring a screenful, so
    // 100,000 rows cost nothing); the name takes the rest, and when the table is narrow the
    // structure, stage and owner give way before it: no sideways scrolling at 1366 pixels.
    const int em = fontMetrics().horizontalAdvance(u'M');
    verticalHeader()->setResizeContentsPrecision(200);
    m_fitter =
        new ColumnFitter(this, CandidateTableModel::NameColumn,
                         {CandidateTableModel::StructureColumn, CandidateTableModel::StageColumn,
                          CandidateTableModel::OwnerColumn},
                         4 * em, 10 * em);
}

void CandidateTableView::showColumn(int column, bool shown)
{
    if (isColumnHidden(column) != shown)
        return;
    setColumnHidden(column, !shown);
    if (m_fitter)
        m_fitter->fit();
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

QModelIndex CandidateTableView::moveCursor(CursorAction cursorAction,
                                           Qt::KeyboardModifiers modifiers)
{
    if (cursorAction == MoveNext || cursorAction == MovePrevious) {
        // The last editable cell keeps its place: Tab then leaves the table.
        const QModelIndex next = nextEditable(currentIndex(), cursorAction == MoveNext);
        return next.isValid() ? next : currentIndex();
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

QModelIndex CandidateTableView::nextEditable(const QModelIndex &from, bool forward) const
{
    const QAbstractItemModel *m = model();
    if (!m || !from.isValid())
        return {};
    const QHeaderView *header = horizontalHeader();
    const int columns = header->count();
    const int step = forward ? 1 : -1;
    int row = from.row();
    int visual = header->visualIndex(from.column()) + step;
    for (; row >= 0 && row < m->rowCount(); row += step, visual = forward ? 0 : columns - 1) {
        for (; visual >= 0 && visual < columns; visual += step) {
            const int column = header->logicalIndex(visual);
            const QModelIndex index = m->index(row, column);
            if (!isColumnHidden(column) && (m->flags(index) & Qt::ItemIsEditable))
                return index;
        }
    }
    return {};
}

void CandidateTableView::keyboardSearch(const QString &search)
{
    // Typing on a computed cell would jump to a candidate whose rank starts with the digit
    // typed: say instead why nothing can be typed here.
    if (!search.trimmed().isEmpty() && currentIndex().isValid())
        emit readOnlyTyped(currentIndex());
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
                [this, column](bool visible) { showColumn(column, visible); });
    }
    menu.exec(horizontalHeader()->mapToGlobal(position));
}

} // namespace pb::ui
