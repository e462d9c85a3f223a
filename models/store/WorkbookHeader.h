#pragma once

#include <QString>

#include <cstdint>

namespace pb::store {

// The first 100 bytes of a file, read without SQLite: enough to tell an SQLite database
// from anything else, whose application wrote it, its schema version and journal mode,
// before any connection could touch the file.
struct WorkbookHeader
{
    enum class Kind { Unreadable, Empty, NotSqlite, Sqlite };

    Kind kind = Kind::Unreadable;
    std::uint32_t applicationId = 0;
    int userVersion = 0;
    bool walMode = false;
    // The file is shorter than its pages say (not a whole number of pages, or fewer pages
    // than the header counts): a half-finished copy or download.
    bool cutShort = false;
    QString readError;

    static WorkbookHeader read(const QString &path);
};

} // namespace pb::store
