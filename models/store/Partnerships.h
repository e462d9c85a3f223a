#pragma once

// Internal to the store: finding and creating the partnership row of a candidate, shared by
// the RACI, KPI and proposal parts of Workbook.
#include "SqliteDatabase.h"

#include <optional>

namespace pb::store {

inline std::optional<qint64> partnershipOf(SqliteDatabase &db, qint64 candidateId)
{
    SqliteStatement query(db, QStringLiteral("SELECT id FROM partnerships WHERE candidate_id = ?"));
    query.bindInt(1, candidateId);
    if (query.step())
        return query.integer(0);
    return std::nullopt;
}

// The candidate's partnership, created when missing (inside the caller's transaction).
inline std::optional<qint64> ensurePartnership(SqliteDatabase &db, qint64 candidateId)
{
    if (const auto existing = partnershipOf(db, candidateId))
        return existing;
    SqliteStatement create(db, QStringLiteral("INSERT INTO partnerships(candidate_id) VALUES (?)"));
    create.bindInt(1, candidateId);
    if (!create.exec())
        return std::nullopt;
    return db.lastInsertId();
}

} // namespace pb::store
