#pragma once

#include "store/StoreError.h"

#include <QUndoCommand>

#include <functional>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// Base of every undo command: it writes through the store. The editor performs the edit
// before pushing the command (so a refused edit never reaches the stack); the command's
// first redo() is therefore skipped. When the store refuses a later undo or redo (disk
// full, file gone read-only) the command leaves the stack instead of pretending.
class WorkbookCommand : public QUndoCommand
{
public:
    using ErrorHandler = std::function<void(const QString &)>;

    WorkbookCommand(store::Workbook *workbook, const QString &text, ErrorHandler onError);

    void undo() final;
    void redo() final;

protected:
    virtual store::StoreError applyUndo() = 0;
    virtual store::StoreError applyRedo() = 0;
    store::Workbook *workbook() const { return m_workbook; }

private:
    void report(const store::StoreError &error);

    store::Workbook *m_workbook;
    ErrorHandler m_onError;
    bool m_alreadyApplied = true;
};

} // namespace pb::item
