#pragma once

#include <QTableView>

namespace pb::ui {

// The candidate table as a spreadsheet user expects it: Enter commits and moves down,
// typing starts editing, Delete asks to remove the selected candidates, and the header's
// context menu chooses the columns. Large lists keep uniform row heights.
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

signals:
    void deleteRequested();

protected:
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showColumnMenu(const QPoint &position);
};

} // namespace pb::ui
