// Workbook: candidate edits, removal and imports.
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

QString readinessText(const std::array<Readiness, kReadinessItems> &items) {
    QString text;
    for (Readiness item : items)
        text += item == Readiness::Yes ? u'Y' : item == Readiness::No ? u'N' : u'?';
    return text;
}

QVariant optionalInt(const std::optional<int> &value) {
    return value ? QVariant(*value) : QVariant();
}

// The columns every write binds, in this order, followed by the id.
const QString kColumns = u"name, name_key, website, structure, audience_overlap, "
                         u"strategic_value, ease_of_integration, stage, owner, revenue_theory, "
                         u"their_customer, shared_pain, champion, readiness, notes"_s;

void bindCandidate(SqliteStatement &statement, const Candidate &c) {
    statement.bindText(1, c.name.trimmed());
    statement.bindText(2, nameKey(c.name));
    statement.bindText(3, c.website);
    statement.bindText(4, structureId(c.structure));
    statement.bind(5, optionalInt(c.audienceOverlap));
    statement.bind(6, optionalInt(c.strategicValue));
    statement.bind(7, optionalInt(c.easeOfIntegration));
    statement.bindText(8, stageId(c.stage));
    statement.bindText(9, c.owner);
    statement.bindText(10, c.revenueTheory);
    statement.bindText(11, c.theirCustomer);
    statement.bindText(12, c.sharedPain);
    statement.bindText(13, c.champion);
    statement.bindText(14, readinessText(c.readiness));
    statement.bindText(15, c.notes);
}

} // namespace

bool Workbook::writeCandidate(const Candidate &candidate, bool insert, bool keepId) {
    QString sql;
    if (insert && keepId)
        sql = u"INSERT INTO candidates(%1, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(
            kColumns);
    else if (insert)
        sql = u"INSERT INTO candidates(%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(kColumns);
    else
        sql = u"UPDATE candidates SET (%1, updated_at) = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, "
              u"CURRENT_TIMESTAMP) WHERE id = ?16"_s.arg(kColumns);
    SqliteStatement statement(*m_db, sql);
    if (!statement.isValid())
        return false;
    bindCandidate(statement, candidate);
    if (keepId || !insert)
        statement.bindInt(16, candidate.id);
    return statement.exec();
}

StoreError Workbook::checkNameFree(const QString &name, qint64 exceptId) const {
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

std::optional<Candidate> Workbook::candidate(qint64 id) const {
    const QList<Candidate> one = readCandidates(u"WHERE id = %1"_s.arg(id));
    return one.isEmpty() ? std::nullopt : std::optional<Candidate>(one.first());
}

bool Workbook::isCandidateNameTaken(const QString &name) const {
    return checkNameFree(name, 0).isError();
}

StoreError Workbook::setCandidateField(qint64 id, CandidateField field, const QVariant &value) {
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

StoreError Workbook::updateCandidates(const QList<Candidate> &candidates) {
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    bool ok = transaction.isActive();
    QList<qint64> ids;
    for (const Candidate &c : candidates) {
        if (!ok)
            break;
        ok = writeCandidate(c, false, true);
        ids.append(c.id);
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving candidates"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, ids, {}});
    return {};
}

StoreError Workbook::removeCandidates(const QList<qint64> &ids) {
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement partner(*m_db, u"SELECT c.name FROM partnerships p JOIN candidates c "
                                   u"ON c.id = p.candidate_id WHERE p.candidate_id = ?"_s);
    SqliteStatement remove(*m_db, u"DELETE FROM candidates WHERE id = ?"_s);
    bool ok = transaction.isActive() && partner.isValid() && remove.isValid();
    for (qint64 id : ids) {
        if (!ok)
            break;
        partner.reset();
        partner.bindInt(1, id);
        if (partner.step()) {
            return StoreError::make(Code::InvalidValue,
                                    tr("\"%1\" has a partnership (RACI grid, KPIs); it is not "
                                       "removed. Set its stage to ended instead.")
                                        .arg(partner.text(0)));
        }
        remove.reset();
        remove.bindInt(1, id);
        ok = remove.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Removing candidates"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Removed, ids, {}});
    return {};
}

StoreError Workbook::restoreCandidates(const QList<Candidate> &candidates) {
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    bool ok = transaction.isActive();
    QList<qint64> ids;
    for (const Candidate &c : candidates) {
        if (!ok)
            break;
        ok = writeCandidate(c, true, true);
        ids.append(c.id);
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Restoring candidates"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Inserted, ids, {}});
    return {};
}

StoreError Workbook::importCandidates(const QList<domain::CandidatePatch> &patches,
                                      ImportOutcome *outcome,
                                      const std::function<void(qsizetype, qsizetype)> &progress) {
    if (StoreError error = checkWritable(); error)
        return error;
    *outcome = {};
    QHash<QString, qint64> idByKey;
    {
        SqliteStatement names(*m_db, u"SELECT id, name_key FROM candidates"_s);
        while (names.step())
            idByKey.insert(names.text(1), names.integer(0));
    }
    SqliteTransaction transaction(*m_db);
    SqliteStatement insert(*m_db, u"INSERT INTO candidates(%1) VALUES "
                                  u"(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s.arg(kColumns));
    bool ok = transaction.isActive() && insert.isValid();
    QList<qint64> updatedIds;
    for (qsizetype i = 0; ok && i < patches.size(); ++i) {
        const domain::CandidatePatch &patch = patches.at(i);
        const QString key = nameKey(patch.name);
        if (const auto found = idByKey.constFind(key); found != idByKey.cend()) {
            std::optional<Candidate> before = candidate(*found);
            ok = before.has_value();
            if (!ok)
                break;
            Candidate after = *before;
            for (auto it = patch.values.cbegin(); it != patch.values.cend(); ++it)
                CandidateFields::setValue(after, it.key(), it.value());
            if (after == *before) {
                ++outcome->unchanged;
                continue;
            }
            ok = writeCandidate(after, false, true);
            outcome->updatedBefore.append(*before);
            updatedIds.append(after.id);
        } else {
            Candidate added;
            added.name = patch.name.trimmed();
            for (auto it = patch.values.cbegin(); it != patch.values.cend(); ++it)
                CandidateFields::setValue(added, it.key(), it.value());
            insert.reset();
            bindCandidate(insert, added);
            ok = insert.exec();
            const qint64 id = m_db->lastInsertId();
            outcome->addedIds.append(id);
            idByKey.insert(key, id);
        }
        if (progress && (i + 1) % 5000 == 0)
            progress(i + 1, patches.size());
    }
    if (!ok || !transaction.commit()) {
        *outcome = {};
        return sqliteError(tr("Importing candidates"));
    }
    if (progress)
        progress(patches.size(), patches.size());
    if (!outcome->addedIds.isEmpty())
        emit m_notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Inserted, outcome->addedIds, {}});
    if (!updatedIds.isEmpty())
        emit m_notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Updated, updatedIds, {}});
    return {};
}

StoreError Workbook::revertImport(const ImportOutcome &outcome) {
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement remove(*m_db, u"DELETE FROM candidates WHERE id = ?"_s);
    bool ok = transaction.isActive() && remove.isValid();
    for (qint64 id : outcome.addedIds) {
        if (!ok)
            break;
        remove.reset();
        remove.bindInt(1, id);
        ok = remove.exec();
    }
    QList<qint64> restored;
    for (const Candidate &c : outcome.updatedBefore) {
        if (!ok)
            break;
        ok = writeCandidate(c, false, true);
        restored.append(c.id);
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Undoing the import"));
    if (!outcome.addedIds.isEmpty())
        emit m_notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Removed, outcome.addedIds, {}});
    if (!restored.isEmpty())
        emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, restored, {}});
    return {};
}

} // namespace pb::store
