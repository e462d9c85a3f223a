#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace pb::store {

class SqliteDatabase;

// The workbook's schema history. Version N is reached from N-1 by migration N; a new
// workbook is built by running every migration in order, so a fresh file and an upgraded
// file are made by the same statements.
namespace schema {

// PRAGMA application_id of every workbook: "PBWB".
inline constexpr std::uint32_t kApplicationId = 0x50425742;
// The schema this build writes; files with a higher user_version are refused.
int currentVersion();

// Runs migrations from+1 .. to inside the caller's transaction and sets user_version.
bool migrate(SqliteDatabase &db, int from, int to);

// What the steps from+1 .. to will change in the meaning of values already in db (read
// before they run), one sentence per step that does: the upgrade note shows them.
QStringList upgradeNotes(SqliteDatabase &db, int from, int to);

// The objects (`table "name"`, `index "name"` ...) that a workbook of that version holds, taken
// from a scratch in-memory database built by the migrations; used to refuse foreign objects.
QSet<QString> expectedObjects(int version);

} // namespace schema
} // namespace pb::store
