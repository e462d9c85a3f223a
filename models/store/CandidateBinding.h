#pragma once

#include "EncodedRow.h"
#include "domain/CandidateField.h"

#include <QString>
#include <QVariant>

namespace pb::store {

class SqliteStatement;

// Internal to the store: the candidates table's written columns and their bindings.
namespace binding {

// The columns every write binds, in order (kColumnCount, EncodedRow.h), followed by the id
// where needed: the 15 of the first version, then the qualification fields (CandidateField
// order).
const QString &columns();
// The qualification columns alone, in CandidateField order ("competes, …, territory").
const QString &qualificationColumns();
// "?,?,…": one placeholder per column.
QString placeholders(int count = kColumnCount);
// Rows per INSERT statement during imports: one statement for many rows saves SQLite's
// per-statement work.
constexpr int kBatchRows = 64;

QString readinessText(const std::array<domain::Readiness, domain::kReadinessItems> &items);
QVariant optionalInt(const std::optional<int> &value);
// Binds the columns starting at parameter first + 1; key is the name key when known.
void bindCandidate(SqliteStatement &statement, const domain::Candidate &c, const QString &key = {},
                   int first = 0);
// INSERT INTO candidates(columns()) VALUES (...), repeated for rows rows; columnCount <
// kColumnCount names only the first columns, leaving the rest to the table's defaults.
QString insertSql(int rows, int columnCount = kColumnCount);
// Reads the qualification columns (as columns() lists them after the first 15), starting at
// result column first, into c.
void readQualification(const SqliteStatement &query, int first, domain::Candidate &c);

} // namespace binding
} // namespace pb::store
