#pragma once

#include <QString>

namespace pb::store {

class SqliteDatabase;

// Whole-database copies through SQLite's backup API, never through file-system copies of a
// database that may be open (a known way to corrupt SQLite files).
namespace snapshot {

// Copies every page of source into destination (both open); false with an error message.
bool copyInto(SqliteDatabase &source, SqliteDatabase &destination, QString *error);

// Writes a checked copy of source to target: a temporary file in the target folder,
// synced by SQLite's own commit, quick_check'ed, then renamed over target.
bool writeFile(SqliteDatabase &source, const QString &target, QString *error,
               int *sqliteCode = nullptr);

// A path beside target for a file being written, unlikely to clash with anything.
QString temporarySibling(const QString &target, const QString &tag);

// Replaces target by source atomically where the platform allows (rename over).
bool replaceFile(const QString &source, const QString &target, QString *error);

} // namespace snapshot
} // namespace pb::store
