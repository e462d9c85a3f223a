// Workbook: the one-page proposal (text and commercial terms) and stored pictures. The
// proposal's columns follow its field table (domain/ProposalField): a new field kept with
// the proposal is read and written here once a migration has added its column.
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

// The proposal's own fields are the proposals table's columns, named by their keys.
const QString &columnList()
{
    static const QString list = [] {
        QStringList names;
        for (ProposalField field : ProposalFieldTable::storedWithProposal())
            names.append(ProposalFieldTable::key(field));
        return names.join(u", "_s);
    }();
    return list;
}

QVariant readColumn(const SqliteStatement &query, int column, ProposalFieldType type)
{
    switch (type) {
    case ProposalFieldType::Text:
    case ProposalFieldType::Structure:
    case ProposalFieldType::Choice:
        return query.text(column);
    case ProposalFieldType::YesNo:
        return query.integer(column) != 0;
    case ProposalFieldType::Percent:
    case ProposalFieldType::Money:
        return query.isNull(column) ? QVariant() : QVariant(query.real(column));
    case ProposalFieldType::Days:
    case ProposalFieldType::Months: {
        // A named value ("open-ended") is stored as its id, a number as an integer.
        const QVariant stored = query.value(column);
        if (stored.typeId() == QMetaType::QString)
            return stored;
        return stored.isValid() ? QVariant(int(query.integer(column))) : QVariant();
    }
    case ProposalFieldType::Date:
        return query.isNull(column) ? QVariant()
                                    : QVariant(QDate::fromString(query.text(column), Qt::ISODate));
    }
    return {};
}

void bindColumn(SqliteStatement &statement, int index, ProposalFieldType type,
                const QVariant &value)
{
    switch (type) {
    case ProposalFieldType::Text:
    case ProposalFieldType::Structure:
    case ProposalFieldType::Choice:
        statement.bindText(index, value.toString());
        return;
    case ProposalFieldType::YesNo:
        statement.bindInt(index, value.toBool() ? 1 : 0);
        return;
    case ProposalFieldType::Percent:
    case ProposalFieldType::Money:
    case ProposalFieldType::Days:
    case ProposalFieldType::Months:
        statement.bind(index, value); // a named value binds as text
        return;
    case ProposalFieldType::Date:
        statement.bind(index, value.isValid() ? QVariant(value.toDate().toString(Qt::ISODate))
                                              : QVariant());
        return;
    }
}

// The same limits as the table's CHECK constraints, as sentences.
QString validate(const Proposal &proposal)
{
    bool percentages = true;
    bool amounts = true;
    bool counts = true;
    for (ProposalField field : ProposalFieldTable::storedWithProposal()) {
        const QVariant value = proposal.value(field);
        if (!value.isValid() || ProposalFieldTable::isNamedValue(field, value))
            continue;
        const double number = value.toDouble();
        switch (ProposalFieldTable::spec(field).type) {
        case ProposalFieldType::Percent:
            percentages = percentages && std::isfinite(number) && number >= 0 && number <= 100;
            break;
        case ProposalFieldType::Money:
            amounts = amounts && std::isfinite(number) && number >= 0;
            break;
        case ProposalFieldType::Days:
        case ProposalFieldType::Months:
            counts = counts && number >= 0;
            break;
        default:
            break;
        }
    }
    if (!percentages)
        return Workbook::tr("A percentage must be between 0 and 100.");
    if (!amounts)
        return Workbook::tr("An amount must not be negative.");
    if (!counts)
        return Workbook::tr("Months and days must not be negative.");
    return {};
}

bool writeProposal(SqliteDatabase &db, qint64 partnership, const Proposal &proposal)
{
    const QList<ProposalField> &fields = ProposalFieldTable::storedWithProposal();
    const QString placeholders = u", ?"_s.repeated(fields.size());
    // An update in place (not a replace): the history records each term that changed.
    const QString excluded = u"excluded."_s + columnList().split(u", "_s).join(u", excluded."_s);
    SqliteStatement upsert(db, u"INSERT INTO proposals(partnership_id, %1) VALUES (?%2) "
                               u"ON CONFLICT(partnership_id) DO UPDATE SET (%1) = (%3)"_s.arg(
                                   columnList(), placeholders, excluded));
    upsert.bindInt(1, partnership);
    for (qsizetype i = 0; i < fields.size(); ++i)
        bindColumn(upsert, int(i) + 2, ProposalFieldTable::spec(fields.at(i)).type,
                   proposal.value(fields.at(i)));
    return upsert.exec();
}

} // namespace

Proposal Workbook::proposal(qint64 candidateId) const
{
    Proposal result;
    SqliteStatement query(
        *m_db, u"SELECT %1 FROM proposals WHERE partnership_id = "
               u"(SELECT id FROM partnerships WHERE candidate_id = ?)"_s.arg(columnList()));
    query.bindInt(1, candidateId);
    if (!query.step())
        return result;
    const QList<ProposalField> &fields = ProposalFieldTable::storedWithProposal();
    for (qsizetype i = 0; i < fields.size(); ++i)
        result.setValue(fields.at(i),
                        readColumn(query, int(i), ProposalFieldTable::spec(fields.at(i)).type));
    return result;
}

StoreError Workbook::setProposalFields(qint64 candidateId, const ProposalFields &fields)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (const QString why = validate(fields.proposal); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);
    if (fields.pilot.days <= 0 || fields.pilot.days > 3650)
        return StoreError::make(Code::InvalidValue,
                                tr("The pilot length must be between 1 and 3650 days."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    bool ok = partnership && writeProposal(*m_db, *partnership, fields.proposal);
    if (ok) {
        SqliteStatement pilot(
            *m_db, u"UPDATE partnerships SET pilot_start = ?, pilot_days = ? WHERE id = ?"_s);
        pilot.bind(1, fields.pilot.start.isValid()
                          ? QVariant(fields.pilot.start.toString(Qt::ISODate))
                          : QVariant());
        pilot.bindInt(2, fields.pilot.days);
        pilot.bindInt(3, *partnership);
        ok = pilot.exec();
    }
    // The structure is written only when it changed, so that one this version does not
    // know stays as it is stored.
    const auto current = candidate(candidateId);
    if (ok && (!current || current->structure != fields.structure ||
               (fields.structure != Structure::Unset && !current->unknownStructure.isEmpty()))) {
        SqliteStatement structure(*m_db, u"UPDATE candidates SET structure = ? WHERE id = ?"_s);
        structure.bindText(1, structureId(fields.structure));
        structure.bindInt(2, candidateId);
        ok = structure.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the terms"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, {candidateId}, {}});
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"pilot"_s}});
    emit m_notifier->changed({Change::Entity::Proposal, Change::Kind::Updated, {candidateId}, {}});
    return {};
}

QByteArray Workbook::image(const QString &name) const
{
    SqliteStatement query(*m_db, u"SELECT data FROM images WHERE name = ?"_s);
    query.bindText(1, name);
    return query.step() ? query.value(0).toByteArray() : QByteArray();
}

StoreError Workbook::setImage(const QString &name, const QByteArray &bytes)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement statement(
        *m_db, bytes.isEmpty() ? u"DELETE FROM images WHERE name = ?"_s
                               : u"INSERT OR REPLACE INTO images(name, data) VALUES (?, ?)"_s);
    statement.bindText(1, name);
    if (!bytes.isEmpty())
        statement.bind(2, bytes);
    if (!transaction.isActive() || !statement.exec() || !transaction.commit())
        return sqliteError(tr("Saving the picture"));
    emit m_notifier->changed({Change::Entity::Settings, Change::Kind::Updated, {}, {name}});
    return {};
}

} // namespace pb::store
