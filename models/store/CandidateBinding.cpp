// How a candidate row is written: the column list and the bindings, shared by single
// edits and bulk imports.
#include "CandidateBinding.h"

#include "SqliteDatabase.h"
#include "domain/QualificationFields.h"

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

namespace {

using domain::QualificationFields;
using Kind = QualificationFields::Kind;

constexpr int kFirstQualification = int(CandidateField::Competes);

// The choices' stable ids as UTF-8, per field and value, made once: the import binds them
// and the reader compares them without building a QString per cell.
struct ChoiceIds
{
    QByteArray ids[kCandidateFieldCount][4];
    int counts[kCandidateFieldCount] = {};

    ChoiceIds()
    {
        for (CandidateField field : QualificationFields::all()) {
            const int f = int(field);
            counts[f] = QualificationFields::choiceCount(field);
            for (int value = 0; value < counts[f]; ++value)
                ids[f][value] = QualificationFields::choiceId(field, value).toUtf8();
        }
    }
};

const ChoiceIds &choiceIds()
{
    static const ChoiceIds table;
    return table;
}

} // namespace

// The columns every write binds, in this order, followed by the id.
const QString &qualificationColumns()
{
    static const QString list = [] {
        QStringList names;
        for (CandidateField field : QualificationFields::all())
            names << CandidateFields::columnName(field);
        return names.join(u", "_s);
    }();
    return list;
}

const QString &columns()
{
    static const QString list = u"name, name_key, website, structure, audience_overlap, "
                                u"strategic_value, ease_of_integration, stage, owner, "
                                u"revenue_theory, their_customer, shared_pain, champion, "
                                u"readiness, notes, "_s +
                                qualificationColumns();
    return list;
}

QString placeholders(int count)
{
    return QStringList(count, u"?"_s).join(u',');
}

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

// The qualification columns, after the first 15.
void bindQualification(SqliteStatement &statement, const Candidate &c, int first)
{
    const ChoiceIds &choices = choiceIds();
    auto &candidate = const_cast<Candidate &>(c);
    for (int f = kFirstQualification; f < kCandidateFieldCount; ++f) {
        const auto field = CandidateField(f);
        const int index = first + 16 + f - kFirstQualification;
        switch (QualificationFields::kind(field)) {
        case Kind::Choice: {
            const QByteArray &id = choices.ids[f][QualificationFields::choice(c, field)];
            statement.bindStaticUtf8(index, id.constData(), int(id.size()));
            break;
        }
        case Kind::Count:
            statement.bind(index, optionalInt(*QualificationFields::count(candidate, field)));
            break;
        case Kind::Text:
            statement.bindText(index, *QualificationFields::text(candidate, field));
            break;
        }
    }
}

// Binds the columns of columns() starting at parameter first + 1.
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
    bindQualification(statement, c, first);
}

QString insertSql(int rows)
{
    const QString values = u'(' + placeholders() + u')';
    QStringList all;
    all.reserve(rows);
    for (int i = 0; i < rows; ++i)
        all.append(values);
    return u"INSERT INTO candidates(%1) VALUES %2"_s.arg(columns(), all.join(u','));
}

void readQualification(const SqliteStatement &query, int first, Candidate &c)
{
    const ChoiceIds &choices = choiceIds();
    for (int f = kFirstQualification; f < kCandidateFieldCount; ++f) {
        const auto field = CandidateField(f);
        const int column = first + f - kFirstQualification;
        switch (QualificationFields::kind(field)) {
        case Kind::Choice: {
            // The table's CHECK keeps the ids known; anything else reads as not known.
            const QByteArrayView stored = query.utf8(column);
            for (int value = 1; !stored.isEmpty() && value < choices.counts[f]; ++value) {
                if (stored == choices.ids[f][value])
                    QualificationFields::setChoice(c, field, value);
            }
            break;
        }
        case Kind::Count:
            *QualificationFields::count(c, field) =
                query.isNull(column) ? std::nullopt
                                     : std::optional<int>(int(query.integer(column)));
            break;
        case Kind::Text:
            *QualificationFields::text(c, field) = query.text(column);
            break;
        }
    }
}

} // namespace pb::store::binding
