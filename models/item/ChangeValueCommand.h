#pragma once

#include "WorkbookCommand.h"
#include "store/Workbook.h"

namespace pb::item {

// The one undo step of the editor: "this record went from A to B", where the record is a
// candidate's field, a set of settings, a RACI grid, a partnership's KPIs, its pilot, its
// proposal, a picture, or whether some records exist at all (added, removed, imported).
// write() puts a value into the store: undo writes before, redo writes after (Tiled's
// ChangeValue serves its properties the same way). A step with a merge id takes in the next
// step on the same record (typing into one field again); when the merged edit ends where
// it began, the step leaves the stack. Only WorkbookEditor builds these.
template<typename T> class ChangeValueCommand final : public WorkbookCommand
{
public:
    using Write = std::function<store::StoreError(store::Workbook &, const T &)>;

    ChangeValueCommand(store::Workbook *workbook, const QString &text, T before, T after,
                       Write write, MergeKey merge, ErrorHandler onError)
        : WorkbookCommand(workbook, text, std::move(merge), std::move(onError))
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_write(std::move(write))
    {}

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ChangeValueCommand *>(other);
        if (!next || !sameRecord(*next))
            return false;
        m_after = next->m_after;
        if (m_after == m_before)
            setObsolete(true);
        // One undo step, one step in the history (a failure there loses no data).
        workbook().joinLastHistorySteps();
        return true;
    }

protected:
    store::StoreError applyUndo() override { return m_write(workbook(), m_before); }
    store::StoreError applyRedo() override { return m_write(workbook(), m_after); }

private:
    T m_before;
    T m_after;
    Write m_write;
};

} // namespace pb::item
