// How a candidate row is written: the column list and the bindings, shared by single
// edits and bulk imports.
#include "CandidateBinding.h"

#include "SqliteDatabase.h"

#include <QStringList>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::store::binding {

QString readinessText(const std::array<Readiness, kReadinessItems> &items)
{
    static const QString unknown = u"?????"_s;
    if (std::all_of(items.cbegin(), items.cend(),
                    [](Readiness r) { return r == Readiness::Unknown; }))
        return unknown;
    QString text;
    for (Readiness item : items)
        text += item == Readiness::Yes ? u'Y' : item == Readiness::No ? u'N' : u'?';
    return text;
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// The columns every write binds, in this order, followed by the id.
const QString kColumns = u"name, name_key, website, structure, audience_overlap, "
                         u"strategic_value, ease_of_integration, stage, owner, revenue_theory, "
                         u"their_customer, shared_pain, champion, readiness, notes"_s;

// The stable ids of enums as static UTF-8, so the hot import path binds them without
// building and converting a QString per row.
template<std::size_t N>
void bindLiteral(SqliteStatement &statement, int index, const char (&text)[N])
{
    statement.bindStaticUtf8(index, text, int(N - 1));
}

void bindStructure(SqliteStatement &statement, int index, Structure structure)
{
    switch (structure) {
    case Structure::Unset:
        return bindLiteral(statement, index, "");
    case Structure::Referral:
        return bindLiteral(statement, index, "referral");
    case Structure::Reseller:
        return bindLiteral(statement, index, "reseller");
    case Structure::Integration:
        return bindLiteral(statement, index, "integration");
    case Structure::CoMarketing:
        return bindLiteral(statement, index, "co-marketing");
    case Structure::JointVenture:
        return bindLiteral(statement, index, "joint-venture");
    }
}

void bindStage(SqliteStatement &statement, int index, Stage stage)
{
    static const char *ids[] = {"sourced", "qualified", "proposed", "pilot",
                                "scaled",  "paused",    "ended"};
    const char *id = ids[int(stage)];
    statement.bindStaticUtf8(index, id, int(std::strlen(id)));
}

// Binds the 15 columns of kColumns starting at parameter first + 1.
void bindCandidate(SqliteStatement &statement, const Candidate &c, const QString &key, int first)
{
    statement.bindText(first + 1, c.name.trimmed());
    statement.bindText(first + 2, key.isNull() ? nameKey(c.name) : key);
    statement.bindText(first + 3, c.website);
    // A stage or structure this version does not know goes back as it was stored.
    if (c.unknownStructure.isEmpty())
        bindStructure(statement, first + 4, c.structure);
    else
        statement.bindText(first + 4, c.unknownStructure);
    statement.bind(first + 5, optionalInt(c.audienceOverlap));
    statement.bind(first + 6, optionalInt(c.strategicValue));
    statement.bind(first + 7, optionalInt(c.easeOfIntegration));
    if (c.unknownStage.isEmpty())
        bindStage(statement, first + 8, c.stage);
    else
        statement.bindText(first + 8, c.unknownStage);
    statement.bindText(first + 9, c.owner);
    statement.bindText(first + 10, c.revenueTheory);
    statement.bindText(first + 11, c.theirCustomer);
    statement.bindText(first + 12, c.sharedPain);
    statement.bindText(first + 13, c.champion);
    if (std::all_of(c.readiness.cbegin(), c.readiness.cend(),
                    [](Readiness r) { return r == Readiness::Unknown; }))
        bindLiteral(statement, first + 14, "?????");
    else
        statement.bindText(first + 14, readinessText(c.readiness));
    statement.bindText(first + 15, c.notes);
}

QString insertSql(int rows)
{
    QString values = u"(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s;
    QStringList all;
    all.reserve(rows);
    for (int i = 0; i < rows; ++i)
        all.append(values);
    return u"INSERT INTO candidates(%1) VALUES %2"_s.arg(kColumns, all.join(u','));
}

} // namespace pb::store::binding
