#pragma once

namespace pb::item {

// One id per kind of undo command, so QUndoStack can merge repeated edits of one field.
enum class CommandId : int {
    ChangeSettings = 1,
    ChangeCandidateField = 2,
};

} // namespace pb::item
