#pragma once

#include <QTableView>

namespace pb::ui {

class ColumnFitter;

// The candidate table as a spreadsheet user expects it: Enter commits and moves down,
// typing starts editing, Tab and Shift+Tab move through the cells that can be edited in
// reading order (Rank and Score are computed, so Tab passes them by), Delete asks to remove
// the selected candidates, and the header's context menu chooses the columns. Typing in a
// cell that cannot be edited says why instead of searching (which would jump to another
// candidate). Large lists keep uniform row heights.
class CandidateTableView : public QTableView
{
    Q_OBJECT
public:
    explicit CandidateTableView(QWidget *parent = nullptr);
    // Shows the candidates (a filter model over item::CandidateTableModel) in rank order,
    // with the area's delegate and column widths.
    void showCandidates(QAbstractItemModel *candidates);
    // Writes and closes an open cell editor (before the page goes away).
    void commitOpenEditor();
    // Shows or hides a column and gives the columns their widths again.
    void showColumn(int column, bool shown);

signals:
    void deleteRequested();
    // Text was typed on a cell that cannot be edited (a computed column, a read-only
    // workbook); nothing changed.
    void readOnlyTyped(const QModelIndex &index);

protected:
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    void keyPressEvent(QKeyEvent *event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void keyboardSearch(const QString &search) override;

private:
    void showColumnMenu(const QPoint &position);
    // The next (or previous) editable cell in reading order; invalid when there is none.
    QModelIndex nextEditable(const QModelIndex &from, bool forward) const;

    ColumnFitter *m_fitter = nullptr;
};

} // namespace pb::ui
