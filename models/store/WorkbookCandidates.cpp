// Workbook: candidate edits, removal and imports.
#include "CandidateBinding.h"
#include "CandidateImporter.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QScopeGuard>

#include <QSet>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

using namespace binding;

namespace {

QList<qint64> idsOf(const QList<Candidate> &candidates)
{
    QList<qint64> ids;
    for (const Candidate &c : candidates)
        ids.append(c.id);
    return ids;
}

} // namespace

bool Workbook::writeCandidate(const Candidate &candidate, bool insert, bool keepId)
{
    QString sql;
    if (insert && keepId)
        sql = u"INSERT INTO candidates(%1, id) VALUES (%2)"_s.arg(columns(),
                                                                  placeholders(kColumnCount + 1));
    else if (insert)
        sql = u"INSERT INTO candidates(%1) VALUES (%2)"_s.arg(columns(), placeholders());
    else
        sql = u"UPDATE candidates SET (%1, updated_at) = (%2, CURRENT_TIMESTAMP) WHERE id = ?%3"_s
                  .arg(columns(), placeholders())
                  .arg(kColumnCount + 1);
    SqliteStatement statement(*m_db, sql);
    if (!statement.isValid())
        return false;
    bindCandidate(statement, candidate);
    if (keepId || !insert)
        statement.bindInt(kColumnCount + 1, candidate.id);
    return statement.exec();
}

StoreError Workbook::checkNameFree(const QString &name, qint64 exceptId) const
{
    SqliteStatement query(*m_db, u"SELECT name FROM candidates WHERE name_key = ? AND id <> ?"_s);
    query.bindText(1, nameKey(name));
    query.bindInt(2, exceptId);
    if (query.step()) {
        return StoreError::make(Code::InvalidValue,
                                tr("A candidate named \"%1\" already exists; names must be "
                                   "unique (ignoring case).")
                                    .arg(query.text(0)));
    }
    return {};
}

std::optional<Candidate> Workbook::candidate(qint64 id) const
{
    const QList<Candidate> one = readCandidates(u"WHERE id = %1"_s.arg(id));
    return one.isEmpty() ? std::nullopt : std::optional<Candidate>(one.first());
}

bool Workbook::isCandidateNameTaken(const QString &name) const
{
    return checkNameFree(name, 0).isError();
}

StoreError Workbook::prepareFieldEdit(qint64 id, CandidateField field, QVariant &value,
                                      std::optional<Candidate> &current) const
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (QString why = CandidateFields::validate(field, value); !why.isEmpty())
        return StoreError::make(Code::InvalidValue,
                                tr("%1: %2.").arg(CandidateFields::displayName(field), why));
    current = candidate(id);
    if (!current)
        return StoreError::make(Code::NotFound, tr("That candidate no longer exists."));
    return {};
}

StoreError Workbook::setCandidateField(qint64 id, CandidateField field, const QVariant &value)
{
    QVariant checked = value;
    std::optional<Candidate> current;
    if (StoreError error = prepareFieldEdit(id, field, checked, current))
        return error;
    if (field == CandidateField::Name) {
        if (StoreError error = checkNameFree(checked.toString(), id); error)
            return error;
    }
    CandidateFields::setValue(*current, field, checked);
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !writeCandidate(*current, false, true) || !transaction.commit())
        return sqliteError(tr("Saving the candidate"));
    emit m_notifier->changed({Change::Entity::Candidate,
                              Change::Kind::Updated,
                              {id},
                              {CandidateFields::columnName(field)}});
    return {};
}

StoreError Workbook::setCandidateFields(qint64 id, const CandidateValues &values)
{
    if (StoreError error = checkWritable(); error)
        return error;
    std::optional<Candidate> current = candidate(id);
    if (!current)
        return StoreError::make(Code::NotFound, tr("That candidate no longer exists."));
    QStringList columns;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QVariant checked = it.value();
        if (QString why = CandidateFields::validate(it.key(), checked); !why.isEmpty())
            return StoreError::make(Code::InvalidValue,
                                    tr("%1: %2.").arg(CandidateFields::displayName(it.key()), why));
        if (it.key() == CandidateField::Name) {
            if (StoreError error = checkNameFree(checked.toString(), id); error)
                return error;
        }
        CandidateFields::setValue(*current, it.key(), checked);
        columns << CandidateFields::columnName(it.key());
    }
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !writeCandidate(*current, false, true) || !transaction.commit())
        return sqliteError(tr("Saving the candidate"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, {id}, columns});
    return {};
}

bool Workbook::writeCandidates(const QList<Candidate> &candidates, bool insert)
{
    for (const Candidate &c : candidates) {
        if (!writeCandidate(c, insert, true))
            return false;
    }
    return writeRatings(candidates);
}

bool Workbook::deleteCandidates(const QList<qint64> &ids)
{
    SqliteStatement remove(*m_db, u"DELETE FROM candidates WHERE id = ?"_s);
    bool ok = remove.isValid();
    for (qsizetype i = 0; ok && i < ids.size(); ++i) {
        remove.reset();
        remove.bindInt(1, ids.at(i));
        ok = remove.exec();
    }
    return ok;
}

StoreError Workbook::putCandidates(const QList<Candidate> &candidates, bool insert,
                                   const char *action)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !writeCandidates(candidates, insert) || !transaction.commit())
        return sqliteError(tr(action));
    emit m_notifier->changed({Change::Entity::Candidate,
                              insert ? Change::Kind::Inserted : Change::Kind::Updated,
                              idsOf(candidates),
                              {}});
    return {};
}

StoreError Workbook::updateCandidates(const QList<Candidate> &candidates)
{
    return putCandidates(candidates, false, QT_TR_NOOP("Saving candidates"));
}

StoreError Workbook::removeCandidates(const QList<qint64> &ids)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement partner(*m_db, u"SELECT c.name FROM partnerships p JOIN candidates c "
                                   u"ON c.id = p.candidate_id WHERE p.candidate_id = ?"_s);
    bool ok = transaction.isActive() && partner.isValid();
    for (qsizetype i = 0; ok && i < ids.size(); ++i) {
        partner.reset();
        partner.bindInt(1, ids.at(i));
        if (partner.step()) {
            return StoreError::make(Code::InvalidValue,
                                    tr("\"%1\" has a partnership (RACI grid, KPIs); it is not "
                                       "removed. Set its stage to ended instead.")
                                        .arg(partner.text(0)));
        }
    }
    if (!ok || !deleteCandidates(ids) || !transaction.commit())
        return sqliteError(tr("Removing candidates"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Removed, ids, {}});
    return {};
}

StoreError Workbook::restoreCandidates(const QList<Candidate> &candidates)
{
    return putCandidates(candidates, true, QT_TR_NOOP("Restoring candidates"));
}

StoreError Workbook::importCandidates(const QList<domain::CandidatePatch> &patches,
                                      ImportOutcome *outcome,
                                      const std::function<void(qsizetype, qsizetype)> &progress)
{
    CandidateImporter importer(*this);
    std::vector<PreparedCandidate> batch;
    for (qsizetype i = 0; i < patches.size(); ++i) {
        batch.push_back(importer.prepare(CandidatePatch(patches.at(i))));
        if (batch.size() < 512 && i + 1 < patches.size())
            continue;
        if (!importer.add(batch))
            break;
        batch.clear();
        if (progress)
            progress(i + 1, patches.size());
    }
    const StoreError error = importer.commit(outcome);
    if (!error && progress)
        progress(patches.size(), patches.size());
    return error;
}

QString Workbook::importColumns()
{
    return u"id, uid, created_at, updated_at, "_s + columns();
}

bool Workbook::prepareImportHistory()
{
    // Temporary: they live beside the connection, never in the workbook file, and go with
    // the undo stack when the workbook is closed.
    const QString shape =
        u"SELECT 0 AS import_id, %1 FROM candidates WHERE 0"_s.arg(importColumns());
    return m_db->exec(u"CREATE TEMP TABLE IF NOT EXISTS import_ratings (import_id INTEGER, "
                      u"candidate_id INTEGER, before TEXT, after TEXT, "
                      u"PRIMARY KEY (import_id, candidate_id))"_s) &&
           m_db->exec(u"CREATE TEMP TABLE IF NOT EXISTS import_before AS %1"_s.arg(shape)) &&
           m_db->exec(u"CREATE TEMP TABLE IF NOT EXISTS import_after AS %1"_s.arg(shape)) &&
           m_db->exec(u"CREATE INDEX IF NOT EXISTS temp.import_before_id "
                      u"ON import_before(import_id, id)"_s) &&
           m_db->exec(u"CREATE INDEX IF NOT EXISTS temp.import_after_id "
                      u"ON import_after(import_id, id)"_s);
}

namespace {

// The rows an import added: ids handed out consecutively, so as ranges ("id BETWEEN a AND
// b OR …"), which keeps the statement short for 100,000 rows.
QString addedCondition(const QList<qint64> &ids)
{
    QStringList ranges;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i;
        while (j + 1 < ids.size() && ids.at(j + 1) == ids.at(j) + 1)
            ++j;
        ranges << u"id BETWEEN %1 AND %2"_s.arg(ids.at(i)).arg(ids.at(j));
        i = j + 1;
    }
    return ranges.isEmpty() ? u"0"_s : ranges.join(u" OR "_s);
}

} // namespace

bool Workbook::keepImportedRows(const ImportOutcome &outcome)
{
    const QString id = QString::number(outcome.importId);
    return m_db->exec(u"DELETE FROM temp.import_after WHERE import_id = %1"_s.arg(id)) &&
           m_db->exec(u"INSERT INTO temp.import_after SELECT %1, %2 FROM candidates WHERE %3 "
                      u"OR id IN (SELECT id FROM temp.import_before WHERE import_id = %1)"_s.arg(
                          id, importColumns(), addedCondition(outcome.addedIds)));
}

void Workbook::announceImport(const ImportOutcome &outcome, Change::Kind added) const
{
    if (!outcome.addedIds.isEmpty())
        emit m_notifier->changed({Change::Entity::Candidate, added, outcome.addedIds, {}});
    if (!outcome.updatedIds.isEmpty())
        emit m_notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Updated, outcome.updatedIds, {}});
}

StoreError Workbook::revertImport(const ImportOutcome &outcome)
{
    if (StoreError error = checkWritable(); error)
        return error;
    const QString id = QString::number(outcome.importId);
    const QString cols = importColumns();
    SqliteTransaction transaction(*m_db);
    const bool ok =
        transaction.isActive() && prepareImportHistory() && keepImportedRows(outcome) &&
        m_db->exec(u"DELETE FROM candidates WHERE %1"_s.arg(addedCondition(outcome.addedIds))) &&
        m_db->exec(u"UPDATE candidates SET (%2) = (SELECT %2 FROM temp.import_before b "
                   u"WHERE b.import_id = %1 AND b.id = candidates.id) "
                   u"WHERE id IN (SELECT id FROM temp.import_before WHERE import_id = %1)"_s.arg(
                       id, cols)) &&
        putBackImportRatings(outcome.importId, true);
    if (!ok || !transaction.commit())
        return sqliteError(tr("Undoing the import"));
    announceImport(outcome, Change::Kind::Removed);
    return {};
}

StoreError Workbook::reapplyImport(const ImportOutcome &outcome)
{
    if (StoreError error = checkWritable(); error)
        return error;
    const QString id = QString::number(outcome.importId);
    const QString cols = importColumns();
    const QString updated = u"SELECT id FROM temp.import_before WHERE import_id = %1"_s.arg(id);
    SqliteTransaction transaction(*m_db);
    const bool ok =
        transaction.isActive() && prepareImportHistory() &&
        m_db->exec(
            u"INSERT INTO candidates(%2) SELECT %2 FROM temp.import_after "
            u"WHERE import_id = %1 AND id NOT IN (%3) ORDER BY id"_s.arg(id, cols, updated)) &&
        m_db->exec(u"UPDATE candidates SET (%2) = (SELECT %2 FROM temp.import_after a "
                   u"WHERE a.import_id = %1 AND a.id = candidates.id) WHERE id IN (%3)"_s.arg(
                       id, cols, updated)) &&
        putBackImportRatings(outcome.importId, false);
    if (!ok || !transaction.commit())
        return sqliteError(tr("Redoing the import"));
    announceImport(outcome, Change::Kind::Inserted);
    return {};
}

} // namespace pb::store
