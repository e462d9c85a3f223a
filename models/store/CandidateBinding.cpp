// How a candidate row is written: the column list and the bindings, shared by single
// edits and bulk imports.
#include "CandidateBinding.h"

#include "SqliteDatabase.h"
#include "domain/QualificationFields.h"

#include <QStringEncoder>
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

namespace {

// Where a candidate's columns go: a statement's parameters, or a row encoded ahead of time.
// Indexes are 1-based, as columns() lists them.
struct StatementSink
{
    SqliteStatement &statement;
    int first;
    void text(int index, const QString &value) { statement.bindText(first + index, value); }
    void literal(int index, const char *text, int length)
    {
        statement.bindStaticUtf8(first + index, text, length);
    }
    void integer(int index, const std::optional<int> &value)
    {
        if (value)
            statement.bindInt(first + index, *value);
        else
            statement.bindNull(first + index);
    }
};

// The stable ids of enums as static UTF-8, so the hot import path binds them without
// building and converting a QString per row.
template<class Sink, std::size_t N> void literal(Sink &sink, int index, const char (&text)[N])
{
    sink.literal(index, text, int(N - 1));
}

template<class Sink> void writeStructure(Sink &sink, int index, Structure structure)
{
    switch (structure) {
    case Structure::Unset:
        return literal(sink, index, "");
    case Structure::Referral:
        return literal(sink, index, "referral");
    case Structure::Reseller:
        return literal(sink, index, "reseller");
    case Structure::Integration:
        return literal(sink, index, "integration");
    case Structure::CoMarketing:
        return literal(sink, index, "co-marketing");
    case Structure::JointVenture:
        return literal(sink, index, "joint-venture");
    }
}

template<class Sink> void writeStage(Sink &sink, int index, Stage stage)
{
    static const char *ids[] = {"sourced", "qualified", "proposed", "pilot",
                                "scaled",  "paused",    "ended"};
    const char *id = ids[int(stage)];
    sink.literal(index, id, int(std::strlen(id)));
}

// The qualification columns, after the first 15.
template<class Sink> void writeQualification(Sink &sink, const Candidate &c)
{
    const ChoiceIds &choices = choiceIds();
    auto &candidate = const_cast<Candidate &>(c);
    for (int f = kFirstQualification; f < kCandidateFieldCount; ++f) {
        const auto field = CandidateField(f);
        const int index = 16 + f - kFirstQualification;
        switch (QualificationFields::kind(field)) {
        case Kind::Choice: {
            const QByteArray &id = choices.ids[f][QualificationFields::choice(c, field)];
            sink.literal(index, id.constData(), int(id.size()));
            break;
        }
        case Kind::Count:
            sink.integer(index, *QualificationFields::count(candidate, field));
            break;
        case Kind::Text:
            sink.text(index, *QualificationFields::text(candidate, field));
            break;
        }
    }
}

// Every column of columns(), in order: the one description of a written candidate row.
template<class Sink> void writeCandidate(Sink &sink, const Candidate &c, const QString &key)
{
    sink.text(1, c.name.trimmed());
    sink.text(2, key.isNull() ? nameKey(c.name) : key);
    sink.text(3, c.website);
    // A stage or structure this version does not know goes back as it was stored.
    if (c.unknownStructure.isEmpty())
        writeStructure(sink, 4, c.structure);
    else
        sink.text(4, c.unknownStructure);
    sink.integer(5, c.audienceOverlap);
    sink.integer(6, c.strategicValue);
    sink.integer(7, c.easeOfIntegration);
    if (c.unknownStage.isEmpty())
        writeStage(sink, 8, c.stage);
    else
        sink.text(8, c.unknownStage);
    sink.text(9, c.owner);
    sink.text(10, c.revenueTheory);
    sink.text(11, c.theirCustomer);
    sink.text(12, c.sharedPain);
    sink.text(13, c.champion);
    if (std::all_of(c.readiness.cbegin(), c.readiness.cend(),
                    [](Readiness r) { return r == Readiness::Unknown; }))
        literal(sink, 14, "?????");
    else
        sink.text(14, readinessText(c.readiness));
    sink.text(15, c.notes);
    writeQualification(sink, c);
}

} // namespace

void bindCandidate(SqliteStatement &statement, const Candidate &c, const QString &key, int first)
{
    StatementSink sink{statement, first};
    writeCandidate(sink, c, key);
}

void EncodedRow::encode(const Candidate &c, const QString &key)
{
    m_utf8.clear();
    writeCandidate(*this, c, key);
    const bool defaults =
        std::all_of(m_cells.cbegin() + kFirstVersionColumns, m_cells.cend(), [](const Cell &cell) {
            return cell.kind == Cell::Null || (cell.kind != Cell::Integer && cell.length == 0);
        });
    m_columnsNeeded = defaults ? kFirstVersionColumns : kColumnCount;
}

void EncodedRow::text(int index, const QString &value)
{
    Cell &cell = m_cells[std::size_t(index - 1)];
    cell.kind = Cell::Owned;
    const qsizetype at = m_utf8.size();
    m_utf8.resize(at + value.size() * 3);
    char *end = QStringEncoder(QStringEncoder::Utf8).appendToBuffer(m_utf8.data() + at, value);
    m_utf8.resize(end - m_utf8.constData());
    cell.offset = at;
    cell.length = int(m_utf8.size() - at);
}

void EncodedRow::literal(int index, const char *text, int length)
{
    m_cells[std::size_t(index - 1)] = {Cell::Static, length, 0, text};
}

void EncodedRow::integer(int index, const std::optional<int> &value)
{
    m_cells[std::size_t(index - 1)] = {value ? Cell::Integer : Cell::Null, 0, value.value_or(0),
                                       nullptr};
}

void EncodedRow::bindTo(SqliteStatement &statement, int first, int columns) const
{
    for (int i = 0; i < columns; ++i) {
        const Cell &cell = m_cells[std::size_t(i)];
        switch (cell.kind) {
        case Cell::Null:
            statement.bindNull(first + i + 1);
            break;
        case Cell::Integer:
            statement.bindInt(first + i + 1, cell.offset);
            break;
        case Cell::Owned:
            statement.bindStaticUtf8(first + i + 1, m_utf8.constData() + cell.offset, cell.length);
            break;
        case Cell::Static:
            statement.bindStaticUtf8(first + i + 1, cell.literal, cell.length);
            break;
        }
    }
}

QString insertSql(int rows, int columnCount)
{
    // Each new record's lasting id is drawn here, so no trigger has to fill it in afterwards.
    const QString values = u'(' + placeholders(columnCount) + u", randomblob(16))"_s;
    QStringList all;
    all.reserve(rows);
    for (int i = 0; i < rows; ++i)
        all.append(values);
    const QString names = columnCount == kColumnCount
                              ? columns()
                              : columns().split(u", "_s).mid(0, columnCount).join(u", "_s);
    return u"INSERT INTO candidates(%1, uid) VALUES %2"_s.arg(names, all.join(u','));
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
