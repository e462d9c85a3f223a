#include "History.h"

#include "SqliteDatabase.h"

#include <array>

using namespace Qt::StringLiterals;
using pb::domain::HistoryKind;

namespace pb::store {

namespace {

// A table whose records the history follows. The expressions are SQL over the row R (new
// or old): the record's lasting key, the id of the candidate it belongs to, and the value
// that names an added or removed record. skipped are the columns that are keys or follow
// from others (never "changed" by themselves).
struct TrackedTable
{
    const char16_t *name;
    bool hasUid; // the record carries its own 128-bit id
    int ownerIds; // how many 16-byte ids its key starts with, before its own text
    const char16_t *record;
    const char16_t *owner; // u"NULL": the workbook's, not a candidate's
    const char16_t *label;
    const char16_t *skipped; // separated by spaces
};

#define PB_CANDIDATE_OF(candidateId) u"(SELECT uid FROM main.candidates WHERE id = " candidateId u")"
#define PB_PARTNERSHIP_UID(partnershipId)                                                         \
    u"(SELECT uid FROM main.partnerships WHERE id = " partnershipId u")"
#define PB_OWNER_OF_PARTNERSHIP(partnershipId)                                                    \
    u"(SELECT c.uid FROM main.partnerships p JOIN main.candidates c ON c.id = p.candidate_id "   \
    u"WHERE p.id = " partnershipId u")"


const std::array<TrackedTable, 16> &trackedTableList()
{
    static const std::array<TrackedTable, 16> tables = {{
        {u"candidates", true, 1, u"R.uid", u"R.uid", u"R.name",
         u"id uid name_key created_at updated_at"},
        {u"partnerships", true, 1, u"R.uid", PB_CANDIDATE_OF(u"R.candidate_id"), u"NULL",
         u"id uid candidate_id created_at"},
        {u"kpis", true, 1, u"R.uid", PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"), u"R.name",
         u"id uid partnership_id"},
        {u"raci_parties", true, 1, u"R.uid", PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"),
         u"R.name", u"id uid partnership_id"},
        {u"raci_activities", true, 1, u"R.uid", PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"),
         u"R.name", u"id uid partnership_id"},
        {u"reviews", true, 1, u"R.uid", PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"),
         u"R.review_date", u"id uid partnership_id"},
        {u"raci_cells", false, 2,
         u"CAST((SELECT uid FROM main.raci_activities WHERE id = R.activity_id) || "
         u"(SELECT uid FROM main.raci_parties WHERE id = R.party_id) AS BLOB)",
         PB_OWNER_OF_PARTNERSHIP(u"(SELECT partnership_id FROM main.raci_activities "
                                 u"WHERE id = R.activity_id)"),
         u"R.role", u"activity_id party_id"},
        {u"kpi_values", false, 1,
         u"CAST((SELECT uid FROM main.kpis WHERE id = R.kpi_id) || R.period AS BLOB)",
         PB_OWNER_OF_PARTNERSHIP(u"(SELECT partnership_id FROM main.kpis WHERE id = R.kpi_id)"),
         u"R.value", u"kpi_id period"},
        {u"proposals", false, 1, PB_PARTNERSHIP_UID(u"R.partnership_id"),
         PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"), u"NULL", u"partnership_id"},
        {u"ratings", false, 1, u"CAST(" PB_CANDIDATE_OF(u"R.candidate_id") u" || R.rater AS BLOB)",
         PB_CANDIDATE_OF(u"R.candidate_id"), u"R.rater", u"candidate_id rater"},
        {u"overlap_evidence", false, 1, PB_CANDIDATE_OF(u"R.candidate_id"),
         PB_CANDIDATE_OF(u"R.candidate_id"), u"R.measured_on", u"candidate_id"},
        {u"checklist_items", false, 1,
         u"CAST(" PB_PARTNERSHIP_UID(u"R.partnership_id") u" || R.kind || char(31) || R.item "
         u"AS BLOB)",
         PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"), u"R.status",
         u"partnership_id kind item"},
        {u"costs", false, 1,
         u"CAST(" PB_PARTNERSHIP_UID(u"R.partnership_id") u" || R.month || char(31) || "
         u"R.category AS BLOB)",
         PB_OWNER_OF_PARTNERSHIP(u"R.partnership_id"), u"R.amount",
         u"partnership_id month category"},
        {u"programme_inputs", false, 0, u"CAST(R.month AS BLOB)", u"NULL", u"R.month", u"month"},
        {u"settings", false, 0, u"CAST(R.key AS BLOB)", u"NULL", u"R.value", u"key"},
        // A picture's bytes are not kept twice: the history says it was added or removed.
        {u"images", false, 0, u"CAST(R.name AS BLOB)", u"NULL", u"R.name", u"name data"},
    }};
    return tables;
}

#undef PB_CANDIDATE_OF
#undef PB_PARTNERSHIP_UID
#undef PB_OWNER_OF_PARTNERSHIP

QString over(const char16_t *expression, const QString &row)
{
    return QString::fromUtf16(expression).replace(u"R."_s, row + u"."_s);
}

const QString kInsertChange =
    u"INSERT INTO history_changes(step, entity, record, owner, field, op, before, after) "_s;
const QString kStep = u"(SELECT step FROM temp.history_context)"_s;

// Added: a record with an id of its own gets one first when the insert gave none — its old
// one when it is put back (by an undo or redo, or in the step that removed it), else a random
// one. An import's added records are not listed one by one: the importer records how many.
QString addTriggers(const TrackedTable &t)
{
    const QString name = QString::fromUtf16(t.name);
    const QString listed = u"(SELECT kind FROM temp.history_context) IS NOT 'import'"_s;
    const auto log = [&](const QString &row, const QString &where) {
        return kInsertChange + u"SELECT %1, '%2', %3, %4, '', 'add', NULL, %5 %6;\n"_s.arg(
                                   kStep, name, over(t.record, row), over(t.owner, row),
                                   over(t.label, row), where);
    };
    const QString newRow = u"WHERE %1 IS NOT NULL AND %2"_s.arg(over(t.record, u"new"_s), listed);
    if (!t.hasUid) {
        return u"CREATE TEMP TRIGGER history_%1_add AFTER INSERT ON main.%1 BEGIN\n%2END;\n"_s
            .arg(name, log(u"new"_s, newRow));
    }
    // A partnership is its candidate's (one each): it takes the candidate's id, so that two
    // copies that both take the same candidate forward meet as one partnership in a merge.
    const QString fresh = name == u"partnerships"
        ? u"(SELECT uid FROM main.candidates WHERE id = new.candidate_id), randomblob(16)"_s
        : u"randomblob(16)"_s;
    const QString fill =
        u"UPDATE %1 SET uid = coalesce((SELECT b.uid FROM temp.buried b, "
        u"temp.history_context c WHERE b.entity = '%1' AND b.id = new.id AND "
        u"(b.step = c.step OR c.kind IN ('undo', 'redo'))), %2) "
        u"WHERE id = new.id;\n"_s.arg(name, fresh);
    const QString stored = u"FROM main.%1 AS R WHERE R.id = new.id AND %2"_s.arg(name, listed);
    return u"CREATE TEMP TRIGGER history_%1_fill AFTER INSERT ON main.%1 WHEN new.uid IS NULL "
           u"BEGIN\n%2%3END;\n"
           u"CREATE TEMP TRIGGER history_%1_add AFTER INSERT ON main.%1 WHEN new.uid IS NOT NULL "
           u"BEGIN\n%4END;\n"_s.arg(name, fill, log(u"R"_s, stored), log(u"new"_s, newRow));
}

// Removed: recorded unless what it belongs to went first (a removed candidate's KPIs and
// grid go with it: its own entry says so). Its id is kept for this session, to be put back.
QString removeTriggers(const TrackedTable &t)
{
    const QString name = QString::fromUtf16(t.name);
    QString sql;
    if (t.hasUid) {
        sql += u"CREATE TEMP TRIGGER history_%1_bury AFTER DELETE ON main.%1 BEGIN\n"
               u"INSERT OR REPLACE INTO buried(entity, id, uid, step) "
               u"VALUES ('%1', old.id, old.uid, %2);\nEND;\n"_s.arg(name, kStep);
    }
    const QString record = over(t.record, u"old"_s);
    const QString owner = over(t.owner, u"old"_s);
    QString when = record + u" IS NOT NULL"_s;
    if (owner != u"NULL")
        when += u" AND "_s + owner + u" IS NOT NULL"_s;
    sql += u"CREATE TEMP TRIGGER history_%1_remove AFTER DELETE ON main.%1 WHEN %2 BEGIN\n"_s.arg(
        name, when);
    sql += kInsertChange + u"VALUES (%1, '%2', %3, %4, '', 'remove', %5, NULL);\nEND;\n"_s.arg(
                               kStep, name, record, owner, over(t.label, u"old"_s));
    return sql;
}

// Changed: one entry per column whose value is not the same as before.
QString changeTrigger(const TrackedTable &t, const QStringList &columns)
{
    if (columns.isEmpty())
        return {};
    const QString name = QString::fromUtf16(t.name);
    QStringList fields;
    for (const QString &column : columns)
        fields << u"SELECT '%1' AS f, old.%1 AS b, new.%1 AS a"_s.arg(column);
    const QString record = over(t.record, u"new"_s);
    return u"CREATE TEMP TRIGGER history_%1_change AFTER UPDATE OF %2 ON main.%1 "
           u"WHEN %3 IS NOT NULL BEGIN\n"_s.arg(name, columns.join(u", "_s), record) +
           kInsertChange +
           u"SELECT %1, '%2', %3, %4, f, 'change', b, a FROM (%5) WHERE b IS NOT a;\nEND;\n"_s.arg(
               kStep, name, record, over(t.owner, u"new"_s), fields.join(u" UNION ALL "_s));
}

} // namespace

QList<HistoryRecorder::Tracked> HistoryRecorder::trackedTables()
{
    QList<Tracked> tables;
    for (const TrackedTable &t : trackedTableList()) {
        tables.append({QString::fromUtf16(t.name), t.hasUid, QString::fromUtf16(t.record),
                       QString::fromUtf16(t.skipped).split(u' ')});
    }
    return tables;
}

QString HistoryRecorder::recordName(const QString &entity, const QByteArray &record)
{
    for (const TrackedTable &table : trackedTableList()) {
        if (entity == table.name) {
            QString text = QString::fromUtf8(record.mid(16 * table.ownerIds));
            return text.replace(QChar(31), u" · "_s);
        }
    }
    return {};
}

QString HistoryRecorder::countAddedSql()
{
    return kInsertChange + u"SELECT %1, ?1, x'', NULL, '', 'add', NULL, ?2"_s.arg(kStep);
}

HistoryRecorder::HistoryRecorder(SqliteDatabase &db)
    : m_db(db)
    , m_author(domain::systemUserName())
{}

HistoryRecorder::~HistoryRecorder()
{
    m_db.setTransactionHooks({}, {});
}

bool HistoryRecorder::install()
{
    const bool ok =
        m_db.exec(u"CREATE TEMP TABLE IF NOT EXISTS history_context (step INTEGER, kind TEXT);"
                  u"DELETE FROM temp.history_context;"
                  u"INSERT INTO temp.history_context VALUES (NULL, 'edit');"
                  u"CREATE TEMP TABLE IF NOT EXISTS buried (entity TEXT, id INTEGER, uid BLOB, "
                  u"step INTEGER, PRIMARY KEY (entity, id)) WITHOUT ROWID;"_s) &&
        createTriggers();
    if (!ok)
        return false;
    m_insertStep = std::make_unique<SqliteStatement>(
        m_db, u"INSERT INTO main.history_steps(id, made_at, author, kind, label, origin) "
              u"VALUES (randomblob(16), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?)"_s);
    m_setStep = std::make_unique<SqliteStatement>(
        m_db, u"UPDATE temp.history_context SET step = ?, kind = ?"_s);
    m_dropEmptyStep = std::make_unique<SqliteStatement>(
        m_db, u"DELETE FROM main.history_steps WHERE seq = ?1 AND NOT EXISTS "
              u"(SELECT 1 FROM main.history_changes WHERE step = ?1)"_s);
    if (!m_insertStep->isValid() || !m_setStep->isValid() || !m_dropEmptyStep->isValid())
        return false;
    m_db.setTransactionHooks([this] { return beginStep(); }, [this] { return endStep(); });
    return true;
}

bool HistoryRecorder::createTriggers()
{
    QString sql;
    for (const TrackedTable &table : trackedTableList()) {
        const QStringList skipped = QString::fromUtf16(table.skipped).split(u' ');
        QStringList columns;
        SqliteStatement info(m_db, u"SELECT name FROM pragma_table_info(?)"_s);
        info.bindText(1, QString::fromUtf16(table.name));
        while (info.step()) {
            const QString column = info.text(0);
            if (!skipped.contains(column))
                columns.append(column);
        }
        sql += addTriggers(table) + removeTriggers(table) + changeTrigger(table, columns);
    }
    return m_db.exec(sql);
}

bool HistoryRecorder::suspendAdds(const QString &table)
{
    return m_db.exec(u"DROP TRIGGER IF EXISTS temp.history_%1_fill; "
                     u"DROP TRIGGER temp.history_%1_add;"_s.arg(table));
}

bool HistoryRecorder::resumeAdds(const QString &table)
{
    for (const TrackedTable &tracked : trackedTableList()) {
        if (table == tracked.name)
            return m_db.exec(addTriggers(tracked));
    }
    return false;
}

bool HistoryRecorder::beginStep()
{
    m_insertStep->reset();
    m_insertStep->bindText(1, m_author);
    m_insertStep->bindText(2, domain::historyKindId(m_context.kind));
    m_insertStep->bindText(3, m_context.label);
    m_insertStep->bindText(4, m_context.origin);
    if (!m_insertStep->exec())
        return false;
    m_step = m_db.lastInsertId();
    m_setStep->reset();
    m_setStep->bindInt(1, m_step);
    m_setStep->bindText(2, domain::historyKindId(m_context.kind));
    return m_setStep->exec();
}

bool HistoryRecorder::endStep()
{
    m_dropEmptyStep->reset();
    m_dropEmptyStep->bindInt(1, m_step);
    if (!m_dropEmptyStep->exec())
        return false;
    if (m_db.scalar(u"SELECT changes()"_s).toInt() == 0) { // kept: it changed something
        m_kept[1] = m_kept[0];
        m_kept[0] = m_step;
    }
    return true;
}

bool HistoryRecorder::moveStepToEnd()
{
    SqliteStatement id(m_db, u"SELECT id FROM main.history_steps WHERE seq = ?"_s);
    id.bindInt(1, m_step);
    if (!id.step())
        return false;
    const QByteArray stepId = id.value(0).toByteArray();
    id.reset();
    SqliteStatement copy(m_db, u"INSERT INTO main.history_steps(id, made_at, author, kind, "
                               u"label, origin) SELECT randomblob(16), made_at, author, kind, "
                               u"label, origin FROM main.history_steps WHERE seq = ?"_s);
    copy.bindInt(1, m_step);
    if (!copy.exec())
        return false;
    const qint64 moved = m_db.lastInsertId();
    SqliteStatement changes(m_db, u"UPDATE main.history_changes SET step = ?1 WHERE step = ?2"_s);
    SqliteStatement drop(m_db, u"DELETE FROM main.history_steps WHERE seq = ?"_s);
    SqliteStatement rename(m_db, u"UPDATE main.history_steps SET id = ? WHERE seq = ?"_s);
    changes.bindInt(1, moved);
    changes.bindInt(2, m_step);
    drop.bindInt(1, m_step);
    rename.bind(1, stepId);
    rename.bindInt(2, moved);
    if (!changes.exec() || !drop.exec() || !rename.exec())
        return false;
    m_step = moved;
    m_setStep->reset();
    m_setStep->bindInt(1, m_step);
    m_setStep->bindText(2, domain::historyKindId(m_context.kind));
    return m_setStep->exec();
}

bool HistoryRecorder::joinLastSteps()
{
    const qint64 newest = m_kept[0];
    const qint64 previous = m_kept[1];
    if (newest == 0 || previous == 0)
        return true;
    SqliteStatement between(m_db, u"SELECT count(*) FROM history_steps WHERE seq > ? AND seq < ?"_s);
    between.bindInt(1, previous);
    between.bindInt(2, newest);
    if (!between.step() || between.integer(0) != 0)
        return true; // another step came between: they stay apart
    SqliteStatement move(m_db, u"UPDATE history_changes SET step = ? WHERE step = ?"_s);
    move.bindInt(1, previous);
    move.bindInt(2, newest);
    SqliteStatement drop(m_db, u"DELETE FROM history_steps WHERE seq = ?"_s);
    drop.bindInt(1, newest);
    if (!move.exec() || !drop.exec())
        return false;
    m_kept[0] = previous;
    m_kept[1] = 0;
    return true;
}

} // namespace pb::store
