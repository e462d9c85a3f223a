#pragma once

#include "domain/CandidateField.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

namespace pb::store {

class SqliteStatement;

namespace binding {

// The columns a candidate row is written with (binding::columns()): the 15 of the first
// version, then the qualification fields.
constexpr int kFirstVersionColumns = 15;
constexpr int kColumnCount =
    kFirstVersionColumns + domain::kCandidateFieldCount - int(domain::CandidateField::Competes);

// A new candidate's columns encoded exactly as the INSERT binds them (UTF-8 text, integers,
// nulls, the stable ids of choices), made by the import's reading thread so that the
// writing thread only binds: the UTF-8 conversion runs beside SQLite, not before it.
class EncodedRow
{
public:
    void encode(const domain::Candidate &candidate, const QString &key);
    // Binds the first columns columns, starting at parameter first + 1; the row must
    // outlive the step.
    void bindTo(SqliteStatement &statement, int first, int columns = kColumnCount) const;
    // kFirstVersionColumns when every qualification column holds the table's default ('' or
    // null), as in most imported lists: the INSERT can leave them to the defaults.
    int columnsNeeded() const { return m_columnsNeeded; }

    // The sink the column writer fills (1-based indexes).
    void text(int index, const QString &value);
    void literal(int index, const char *text, int length);
    void integer(int index, const std::optional<int> &value);

private:
    struct Cell
    {
        enum Kind : quint8 { Null, Integer, Owned, Static } kind = Null;
        int length = 0;
        qint64 offset = 0; // into m_utf8, or the integer
        const char *literal = nullptr;
    };
    QByteArray m_utf8;
    std::array<Cell, kColumnCount> m_cells{};
    int m_columnsNeeded = kColumnCount;
};

} // namespace binding
} // namespace pb::store
