#pragma once

#include "CommandId.h"
#include "store/StoreError.h"

#include <QUndoCommand>

#include <functional>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// What every undo step shares, whatever it holds (ChangeValueCommand adds the values): it
// writes through the store. The editor performs the edit before pushing the command (so a
// refused edit never reaches the stack); the command's first redo() is therefore skipped.
// When the store refuses a later undo or redo (disk full, file gone read-only) the command
// leaves the stack instead of pretending.
class WorkbookCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &)>;

    WorkbookCommand(store::Workbook *workbook, const QString &text, MergeKey merge,
                    ErrorHandler onError);

    void undo() final;
    void redo() final;
    int id() const final { return int(m_merge.id); }

protected:
    virtual store::StoreError applyUndo() = 0;
    virtual store::StoreError applyRedo() = 0;
    store::Workbook &workbook() const { return *m_workbook; }
    // The other step (of the same id()) edits the same record of the same workbook.
    bool sameRecord(const WorkbookCommand &other) const;

private:
    void report(const store::StoreError &error);

    store::Workbook *m_workbook;
    MergeKey m_merge;
    ErrorHandler m_onError;
    bool m_alreadyApplied = true;
};

} // namespace pb::item
