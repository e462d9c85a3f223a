#include "WorkbookCommand.h"

#include "store/Workbook.h"

namespace pb::item {

WorkbookCommand::WorkbookCommand(store::Workbook *workbook, const QString &text, MergeKey merge,
                                 ErrorHandler onError)
    : QUndoCommand(text)
    , m_workbook(workbook)
    , m_merge(std::move(merge))
    , m_onError(std::move(onError))
{}

void WorkbookCommand::redo()
{
    if (m_alreadyApplied) {
        m_alreadyApplied = false;
        return;
    }
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Redo, text());
    report(applyRedo());
}

void WorkbookCommand::undo()
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Undo, text());
    report(applyUndo());
}

bool WorkbookCommand::sameRecord(const WorkbookCommand &other) const
{
    return other.m_workbook == m_workbook && other.m_merge.id == m_merge.id &&
           other.m_merge.record == m_merge.record;
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
