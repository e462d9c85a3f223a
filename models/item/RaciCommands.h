#pragma once

#include "WorkbookCommand.h"
#include "domain/Raci.h"

namespace pb::item {

// Any edit of a RACI grid (cells, activities, parties, import): the grid before and after,
// each written whole through the store.
class ReplaceRaciGridCommand : public WorkbookCommand
{
public:
    ReplaceRaciGridCommand(store::Workbook *workbook, qint64 candidateId, domain::RaciGrid before,
                           domain::RaciGrid after, const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    domain::RaciGrid m_before;
    domain::RaciGrid m_after;
};

} // namespace pb::item
