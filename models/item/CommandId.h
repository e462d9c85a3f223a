#pragma once

#include <QVariant>

namespace pb::item {

// One id per kind of undo command that merges, so QUndoStack offers repeated edits of one
// field to the step before. None never merges (QUndoStack's -1).
enum class CommandId : int {
    None = -1,
    ChangeSettings = 1,
    ChangeCandidateField = 2,
    ChangeRating = 3,
};

// Which steps merge into one: the same kind of command on the same record (a candidate's
// field, one set of settings). WorkbookEditor chooses it for each edit.
struct MergeKey
{
    CommandId id = CommandId::None;
    QVariant record;
};

} // namespace pb::item
