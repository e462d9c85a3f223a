#pragma once

#include "domain/Candidate.h"

#include <QString>
#include <QVariant>

namespace pb::store {

class SqliteStatement;

// Internal to the store: the candidates table's written columns and their bindings.
namespace binding {

// The columns every write binds, in order (15), followed by the id where needed.
extern const QString kColumns;
constexpr int kColumnCount = 15;
// Rows per INSERT statement during imports: one statement for many rows saves SQLite's
// per-statement work.
constexpr int kBatchRows = 64;

QString readinessText(const std::array<domain::Readiness, domain::kReadinessItems> &items);
QVariant optionalInt(const std::optional<int> &value);
// Binds the 15 columns starting at parameter first + 1; key is the name key when known.
void bindCandidate(SqliteStatement &statement, const domain::Candidate &c, const QString &key = {},
                   int first = 0);
// INSERT INTO candidates(kColumns) VALUES (...), repeated for rows rows.
QString insertSql(int rows);

} // namespace binding
} // namespace pb::store
