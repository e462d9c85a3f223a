#pragma once

#include "WorkbookLock.h"

#include <QString>

namespace pb::store {

// Why a store operation failed. The message is one line for people and names the file;
// the code is for callers that react differently (the CLI's exit codes, the GUI's
// "open read-only?" question).
struct StoreError
{
    enum class Code {
        None,
        Missing,          // no such file
        NotAFile,         // a folder or device
        Unreadable,       // permissions
        Empty,            // zero bytes
        NotSqlite,        // any other kind of file
        ForeignDatabase,  // SQLite, but another application's
        TooNew,           // a newer schema than this build understands
        WalMode,          // left in write-ahead-log mode by another tool
        Corrupt,          // quick_check failed or SQLite reports corruption
        UnexpectedSchema, // objects we did not create, or missing tables
        ReadOnly,         // file or folder not writable
        Locked,           // someone holds the lock; see holder
        Exists,           // would overwrite a file
        InvalidValue,     // a value the rules refuse
        NotFound,         // a record that is no longer there
        Io,               // disk full, I/O error, busy
        NotACopy,         // a workbook of another lineage offered for a merge
    };

    Code code = Code::None;
    QString message;
    LockHolder holder;

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }
    static StoreError make(Code code, const QString &message) { return {code, message, {}}; }
};

} // namespace pb::store
