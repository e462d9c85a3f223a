#pragma once

#include "WorkbookCommand.h"
#include "domain/Overlap.h"

namespace pb::item {

// An audience-overlap measurement recorded on a candidate: the evidence and the score it
// set, before and after, in one transaction through the store.
class OverlapCommand : public WorkbookCommand
{
public:
    struct State
    {
        std::optional<domain::OverlapEvidence> evidence;
        std::optional<int> score;
    };
    OverlapCommand(store::Workbook *workbook, qint64 candidateId, State before, State after,
                   const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    State m_before;
    State m_after;
};

} // namespace pb::item
