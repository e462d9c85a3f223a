// Workbook: the checklists a partnership keeps after its proposal (contract essentials,
// enablement kit, exit), one row per stored item, and the learnings they leave behind.
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

// What is wrong with a list before it is written: a key the kind does not have, a status it
// does not allow, a key twice. Empty when it can be written.
QString validate(ChecklistKind kind, const QList<ChecklistItem> &items)
{
    QSet<QString> keys;
    for (const ChecklistItem &item : items) {
        if (!Checklists::spec(kind, item.key))
            return Workbook::tr("The %1 checklist has no item \"%2\".")
                .arg(checklistKindId(kind), item.key);
        if (!itemStatusFromId(kind, itemStatusId(item.status)))
            return Workbook::tr("\"%1\" is not a status of the %2 checklist.")
                .arg(itemStatusId(item.status), checklistKindId(kind));
        if (keys.contains(item.key))
            return Workbook::tr("The item \"%1\" is listed twice.").arg(item.key);
        keys.insert(item.key);
    }
    return {};
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}


// Writes a checklist in place: items no longer listed go, the others are written only where
// they differ — so the history records what changed (and a merge meets the same items).
bool syncChecklist(SqliteDatabase &db, qint64 partnership, ChecklistKind kind,
                   const QList<ChecklistItem> &items)
{
    QStringList keys;
    for (const ChecklistItem &item : items)
        keys.append(item.key);
    QStringList gone;
    SqliteStatement stored(db, u"SELECT item FROM checklist_items "
                               u"WHERE partnership_id = ? AND kind = ?"_s);
    stored.bindInt(1, partnership);
    stored.bindText(2, checklistKindId(kind));
    while (stored.step()) {
        if (!keys.contains(stored.text(0)))
            gone.append(stored.text(0));
    }
    SqliteStatement remove(db, u"DELETE FROM checklist_items "
                               u"WHERE partnership_id = ? AND kind = ? AND item = ?"_s);
    for (const QString &key : std::as_const(gone)) {
        remove.reset();
        remove.bindInt(1, partnership);
        remove.bindText(2, checklistKindId(kind));
        remove.bindText(3, key);
        if (!remove.exec())
            return false;
    }
    SqliteStatement write(db, u"INSERT INTO checklist_items(partnership_id, kind, item, status, "
                              u"item_date, note) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE "
                              u"SET status = excluded.status, item_date = excluded.item_date, "
                              u"note = excluded.note WHERE status IS NOT excluded.status OR "
                              u"item_date IS NOT excluded.item_date OR note IS NOT excluded.note"_s);
    for (const ChecklistItem &item : items) {
        write.reset();
        write.bindInt(1, partnership);
        write.bindText(2, checklistKindId(kind));
        write.bindText(3, item.key);
        write.bindText(4, itemStatusId(item.status));
        write.bind(5, dateValue(item.date));
        write.bindText(6, item.note.trimmed());
        if (!write.exec())
            return false;
    }
    return stored.ok();
}

} // namespace

QList<ChecklistItem> Workbook::checklist(qint64 candidateId, ChecklistKind kind) const
{
    QList<ChecklistItem> items;
    SqliteStatement query(*m_db, u"SELECT item, status, item_date, note FROM checklist_items "
                                 u"WHERE kind = ? AND partnership_id = "
                                 u"(SELECT id FROM partnerships WHERE candidate_id = ?) "
                                 u"ORDER BY item"_s);
    query.bindText(1, checklistKindId(kind));
    query.bindInt(2, candidateId);
    while (query.step()) {
        // A status the CHECK constraint allows but this kind does not reads as the kind's
        // first, so that the list stays one of its own.
        const auto status = itemStatusFromId(kind, query.text(1));
        items.append({query.text(0), status.value_or(statusesFor(kind).front()),
                      query.isNull(2) ? QDate() : QDate::fromString(query.text(2), Qt::ISODate),
                      query.text(3)});
    }
    return items;
}

StoreError Workbook::replaceChecklist(qint64 candidateId, ChecklistKind kind,
                                      const QList<ChecklistItem> &items)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (const QString why = validate(kind, items); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);
    if (!candidate(candidateId))
        return StoreError::make(Code::NotFound, tr("That candidate no longer exists."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    const bool ok = partnership.has_value() && syncChecklist(*m_db, *partnership, kind, items);
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the checklist"));
    emit m_notifier->changed(
        {Change::Entity::Checklist, Change::Kind::Updated, {candidateId}, {checklistKindId(kind)}});
    return {};
}

QList<Learning> Workbook::learnings() const
{
    QList<Learning> result;
    SqliteStatement query(*m_db, u"SELECT c.id, c.name, c.structure, c.stage, i.item_date, i.note "
                                 u"FROM checklist_items i "
                                 u"JOIN partnerships p ON p.id = i.partnership_id "
                                 u"JOIN candidates c ON c.id = p.candidate_id "
                                 u"WHERE i.kind = 'exit' AND i.item = ? AND i.note <> '' "
                                 u"ORDER BY i.item_date DESC, c.name"_s);
    query.bindText(1, Checklists::learningsKey());
    while (query.step()) {
        Learning learning;
        learning.candidateId = query.integer(0);
        learning.partner = query.text(1);
        learning.structure = structureFromId(query.text(2)).value_or(Structure::Unset);
        learning.stage = stageFromId(query.text(3)).value_or(Stage::Sourced);
        if (!query.isNull(4))
            learning.date = QDate::fromString(query.text(4), Qt::ISODate);
        learning.note = query.text(5);
        result.append(learning);
    }
    return result;
}

} // namespace pb::store
