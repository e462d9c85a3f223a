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

StoreError Workbook::setCandidateField(qint64 id, CandidateField field, const QVariant &value)
{
    if (StoreError error = checkWritable(); error)
        return error;
    QVariant checked = value;
    if (QString why = CandidateFields::validate(field, checked); !why.isEmpty())
        return StoreError::make(Code::InvalidValue,
                                tr("%1: %2.").arg(CandidateFields::displayName(field), why));
    std::optional<Candidate> current = candidate(id);
    if (!current)
        return StoreError::make(Code::NotFound, tr("That candidate no longer exists."));
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
    return true;
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
    for (qsizetype i = 0; i < patches.size() && importer.add(patches.at(i)); ++i) {
        if (progress && (i + 1) % 5000 == 0)
            progress(i + 1, patches.size());
    }
    const StoreError error = importer.commit(outcome);
    if (!error && progress)
        progress(patches.size(), patches.size());
    return error;
}

StoreError Workbook::revertImport(const ImportOutcome &outcome)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !deleteCandidates(outcome.addedIds) ||
        !writeCandidates(outcome.updatedBefore, false) || !transaction.commit())
        return sqliteError(tr("Undoing the import"));
    const QList<qint64> restored = idsOf(outcome.updatedBefore);
    if (!outcome.addedIds.isEmpty())
        emit m_notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Removed, outcome.addedIds, {}});
    if (!restored.isEmpty())
        emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, restored, {}});
    return {};
}

} // namespace pb::store
