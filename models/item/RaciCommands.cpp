#include "RaciCommands.h"

#include "store/Workbook.h"

namespace pb::item {

ReplaceRaciGridCommand::ReplaceRaciGridCommand(store::Workbook *workbook, qint64 candidateId,
                                               domain::RaciGrid before, domain::RaciGrid after,
                                               const QString &text, ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError ReplaceRaciGridCommand::applyUndo()
{
    domain::RaciGrid grid = m_before;
    return workbook()->replaceRaciGrid(m_candidateId, grid);
}

store::StoreError ReplaceRaciGridCommand::applyRedo()
{
    domain::RaciGrid grid = m_after;
    return workbook()->replaceRaciGrid(m_candidateId, grid);
}

} // namespace pb::item
