// Workbook: the programme — when candidates entered their stage, the costs of each
// partnership, the programme's monthly totals (issue 16).
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

QString monthText(const QDate &month)
{
    return month.toString(u"yyyy-MM"_s);
}

QDate monthOf(const QString &text)
{
    return QDate::fromString(text + u"-01"_s, Qt::ISODate);
}

bool isMonth(const QDate &month)
{
    return month.isValid() && month.day() == 1;
}

QString checkAmount(const std::optional<double> &value)
{
    if (value && (!std::isfinite(*value) || *value < 0))
        return Workbook::tr("An amount must be a number of zero or more.");
    return {};
}

// The costs of one candidate's partnership, or of all, by candidate id.
QHash<qint64, QList<CostEntry>> readCosts(SqliteDatabase &db, std::optional<qint64> candidateId)
{
    QHash<qint64, QList<CostEntry>> costs;
    SqliteStatement query(db, u"SELECT p.candidate_id, c.month, c.category, c.amount FROM costs "
                              u"c JOIN partnerships p ON p.id = c.partnership_id %1 "
                              u"ORDER BY p.candidate_id, c.month"_s.arg(
                                  candidateId ? u"WHERE p.candidate_id = ?"_s : QString()));
    if (candidateId)
        query.bindInt(1, *candidateId);
    while (query.step()) {
        const auto category = costCategoryFromId(query.text(2));
        const QDate month = monthOf(query.text(1));
        if (category && month.isValid())
            costs[query.integer(0)].append({month, *category, query.real(3)});
    }
    return costs;
}

} // namespace

QHash<qint64, QDate> Workbook::stageSince() const
{
    // The latest recorded change of each candidate, else the day it was created.
    QHash<qint64, QDate> since;
    SqliteStatement query(*m_db, u"SELECT c.id, coalesce((SELECT s.changed_on FROM stage_changes "
                                 u"s WHERE s.candidate_id = c.id ORDER BY s.changed_on DESC, "
                                 u"s.id DESC LIMIT 1), date(c.created_at, 'localtime')) "
                                 u"FROM candidates c"_s);
    while (query.step())
        since.insert(query.integer(0), QDate::fromString(query.text(1), Qt::ISODate));
    return since;
}

StoreError Workbook::backdateStages(const QHash<qint64, QDate> &since)
{
    if (StoreError error = checkWritable(); error)
        return error;
    for (const QDate &date : since) {
        if (!date.isValid())
            return StoreError::make(Code::InvalidValue, tr("A stage date must be a valid date."));
    }
    SqliteTransaction transaction(*m_db);
    SqliteStatement insert(*m_db, u"INSERT INTO stage_changes(candidate_id, to_stage, changed_on) "
                                  u"SELECT id, stage, ? FROM candidates WHERE id = ?"_s);
    bool ok = transaction.isActive() && insert.isValid();
    for (auto it = since.cbegin(); ok && it != since.cend(); ++it) {
        insert.reset();
        insert.bindText(1, it.value().toString(Qt::ISODate));
        insert.bindInt(2, it.key());
        ok = insert.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Recording stage dates"));
    emit m_notifier->changed(
        {Change::Entity::Candidate, Change::Kind::Updated, since.keys(), {u"stage_since"_s}});
    return {};
}

QList<CostEntry> Workbook::costs(qint64 candidateId) const
{
    return readCosts(*m_db, candidateId).value(candidateId);
}

QHash<qint64, QList<CostEntry>> Workbook::allCosts() const
{
    return readCosts(*m_db, std::nullopt);
}

StoreError Workbook::setCosts(qint64 candidateId, const QList<CostEdit> &edits)
{
    if (StoreError error = checkWritable(); error)
        return error;
    for (const CostEdit &edit : edits) {
        if (!isMonth(edit.month))
            return StoreError::make(Code::InvalidValue, tr("A cost needs a month."));
        if (const QString why = checkAmount(edit.amount); !why.isEmpty())
            return StoreError::make(Code::InvalidValue, why);
    }
    if (!candidate(candidateId))
        return StoreError::make(Code::NotFound, tr("That candidate no longer exists."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    SqliteStatement upsert(*m_db, u"INSERT INTO costs(partnership_id, month, category, amount) "
                                  u"VALUES (?, ?, ?, ?) ON CONFLICT(partnership_id, month, "
                                  u"category) DO UPDATE SET amount = excluded.amount"_s);
    SqliteStatement remove(*m_db, u"DELETE FROM costs WHERE partnership_id = ? AND month = ? "
                                  u"AND category = ?"_s);
    bool ok = partnership.has_value();
    for (qsizetype i = 0; ok && i < edits.size(); ++i) {
        const CostEdit &edit = edits.at(i);
        SqliteStatement &statement = edit.amount ? upsert : remove;
        statement.reset();
        statement.bindInt(1, *partnership);
        statement.bindText(2, monthText(edit.month));
        statement.bindText(3, costCategoryId(edit.category));
        if (edit.amount)
            statement.bindDouble(4, *edit.amount);
        ok = statement.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving costs"));
    emit m_notifier->changed(
        {Change::Entity::Programme, Change::Kind::Updated, {candidateId}, {u"costs"_s}});
    return {};
}

QList<ProgrammeInput> Workbook::programmeInputs() const
{
    QList<ProgrammeInput> inputs;
    SqliteStatement query(
        *m_db, u"SELECT month, pipeline, new_arr FROM programme_inputs ORDER BY month"_s);
    while (query.step()) {
        ProgrammeInput input;
        input.month = monthOf(query.text(0));
        if (!input.month.isValid())
            continue;
        if (!query.isNull(1))
            input.pipeline = query.real(1);
        if (!query.isNull(2))
            input.newArr = query.real(2);
        inputs.append(input);
    }
    return inputs;
}

StoreError Workbook::setProgrammeInputs(const QList<ProgrammeInputEdit> &edits)
{
    if (StoreError error = checkWritable(); error)
        return error;
    for (const ProgrammeInputEdit &edit : edits) {
        if (!isMonth(edit.month))
            return StoreError::make(Code::InvalidValue, tr("A programme total needs a month."));
        if (const QString why = checkAmount(edit.value); !why.isEmpty())
            return StoreError::make(Code::InvalidValue, why);
    }
    SqliteTransaction transaction(*m_db);
    SqliteStatement ensure(*m_db, u"INSERT OR IGNORE INTO programme_inputs(month) VALUES (?)"_s);
    SqliteStatement pipeline(*m_db, u"UPDATE programme_inputs SET pipeline = ? WHERE month = ?"_s);
    SqliteStatement newArr(*m_db, u"UPDATE programme_inputs SET new_arr = ? WHERE month = ?"_s);
    bool ok = transaction.isActive();
    QSet<QString> months;
    for (qsizetype i = 0; ok && i < edits.size(); ++i) {
        const ProgrammeInputEdit &edit = edits.at(i);
        const QString month = monthText(edit.month);
        months.insert(month);
        ensure.reset();
        ensure.bindText(1, month);
        SqliteStatement &update = edit.field == ProgrammeInputField::Pipeline ? pipeline : newArr;
        update.reset();
        update.bind(1, edit.value ? QVariant(*edit.value) : QVariant());
        update.bindText(2, month);
        ok = ensure.exec() && update.exec();
    }
    // A month with neither total left is no row at all.
    SqliteStatement prune(*m_db, u"DELETE FROM programme_inputs WHERE month = ? AND pipeline IS "
                                 u"NULL AND new_arr IS NULL"_s);
    for (auto it = months.cbegin(); ok && it != months.cend(); ++it) {
        prune.reset();
        prune.bindText(1, *it);
        ok = prune.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the programme inputs"));
    emit m_notifier->changed(
        {Change::Entity::Programme, Change::Kind::Updated, {}, {u"programme_inputs"_s}});
    return {};
}

} // namespace pb::store
