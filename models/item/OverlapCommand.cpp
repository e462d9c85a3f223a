#include "OverlapCommand.h"

#include "store/Workbook.h"

namespace pb::item {

OverlapCommand::OverlapCommand(store::Workbook *workbook, qint64 candidateId, State before,
                               State after, const QString &text, ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError OverlapCommand::applyUndo()
{
    return workbook()->setOverlapEvidence(m_candidateId, m_before.evidence, m_before.score);
}

store::StoreError OverlapCommand::applyRedo()
{
    return workbook()->setOverlapEvidence(m_candidateId, m_after.evidence, m_after.score);
}

} // namespace pb::item
