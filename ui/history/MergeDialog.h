#pragma once

#include "domain/Merge.h"

#include <QDialog>

class QTableWidget;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// File → Merge Changes From…: what a colleague's copy brings in (their steps, their authors,
// each change) and, side by side, each conflict — the value before, ours, theirs — with the
// side to keep (ours by default: nothing of this workbook changes unless chosen).
class MergeDialog : public QDialog
{
    Q_OBJECT
public:
    // report is a dry run's: what the merge would do.
    explicit MergeDialog(const domain::MergeReport &report, QWidget *parent = nullptr);

    // The side chosen for each conflict, by MergeConflict::key().
    QHash<QString, domain::MergeSide> choices() const;
    void keepAll(domain::MergeSide side);
    QTableWidget *conflictTable() const { return m_conflicts; }

    // The whole command: a dry run, the dialog when there is something to decide or to
    // confirm, then the merge as one undo step. Returns the status-bar message (empty when
    // cancelled or refused: a refusal was shown).
    static QString run(item::WorkbookEditor *editor, const QString &otherPath, QWidget *parent);

private:
    QWidget *createSummary();
    QWidget *createConflicts();
    QWidget *createChanges();
    void addConflictRow(int row, const domain::MergeConflict &conflict);

    domain::MergeReport m_report;
    QTableWidget *m_conflicts = nullptr;
};

} // namespace pb::ui
