#include "WorkbookCommand.h"

namespace pb::item {

WorkbookCommand::WorkbookCommand(store::Workbook *workbook, const QString &text,
                                 ErrorHandler onError)
    : QUndoCommand(text)
    , m_workbook(workbook)
    , m_onError(std::move(onError))
{}

void WorkbookCommand::redo()
{
    if (m_alreadyApplied) {
        m_alreadyApplied = false;
        return;
    }
    report(applyRedo());
}

void WorkbookCommand::undo()
{
    report(applyUndo());
}

void WorkbookCommand::report(const store::StoreError &error)
{
    if (!error)
        return;
    setObsolete(true);
    if (m_onError)
        m_onError(error.message);
}

} // namespace pb::item
