#include "Merger.h"

#include "SqliteDatabase.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::store {

namespace {

const QString kOurs = u"0"_s;
const QString kTheirs = u"1"_s;

struct Columns
{
    QStringList all;
    QStringList keys; // the primary key, in its order
};

Columns columnsOf(SqliteDatabase &db, const QString &table)
{
    Columns columns;
    SqliteStatement info(db, u"SELECT name, pk FROM main.pragma_table_info(?) ORDER BY cid"_s);
    info.bindText(1, table);
    QMap<qint64, QString> keys;
    while (info.step()) {
        columns.all.append(info.text(0));
        if (info.integer(1) > 0)
            keys.insert(info.integer(1), info.text(0));
    }
    columns.keys = keys.values();
    return columns;
}

// "a, b" / "p.a, p.b" / "p.a = q.a AND p.b = q.b"
QString listed(const QStringList &columns, const QString &alias = {})
{
    QStringList out;
    for (const QString &column : columns)
        out.append(alias.isEmpty() ? column : alias + u'.' + column);
    return out.join(u", "_s);
}

QString joined(const QStringList &columns, const QString &left, const QString &right)
{
    QStringList out;
    for (const QString &column : columns)
        out.append(u"%1.%2 = %3.%2"_s.arg(left, column, right));
    return out.join(u" AND "_s);
}

MergeConflict conflictOf(MergeConflictKind kind, const QString &entity, const QByteArray &record,
                         const QByteArray &owner)
{
    MergeConflict conflict;
    conflict.kind = kind;
    conflict.entity = entity;
    conflict.record = record;
    conflict.owner = owner;
    return conflict;
}

bool same(const QVariant &a, const QVariant &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() == b.isNull();
    return a.typeId() == b.typeId() && a == b;
}

} // namespace

struct Merger::Table
{
    HistoryRecorder::Tracked tracked;
    Columns columns;
    QStringList values;               // the columns a change names
    QHash<QString, QString> parents;  // a column that refers to a row of another table
    QString keys(const QString &alias = {}) const { return listed(columns.keys, alias); }
    QString keyTable(bool theirs) const
    {
        return (theirs ? u"temp.mk_t_"_s : u"temp.mk_o_"_s) + tracked.name;
    }
};

Merger::Merger(SqliteDatabase &db, const MergeOptions &options, MergeReport *report)
    : m_db(db)
    , m_options(options)
    , m_report(report)
{}

Merger::~Merger() = default;

SqliteStatement &Merger::statement(const QString &sql)
{
    auto &cached = m_statements[sql];
    if (!cached)
        cached = std::make_shared<SqliteStatement>(m_db, sql);
    cached->reset();
    return *cached;
}

bool Merger::run()
{
    if (!prepare() || !findOwnChanges())
        return false;
    for (const auto &table : m_tables) {
        if (!mergeTable(*table))
            return false;
    }
    // By candidate, then record and field: the same order for the same two files.
    std::stable_sort(m_report->conflicts.begin(), m_report->conflicts.end(),
                     [](const MergeConflict &a, const MergeConflict &b) {
                         const int byName = QString::localeAwareCompare(a.ownerName, b.ownerName);
                         return byName != 0 ? byName < 0 : a.key() < b.key();
                     });
    return true;
}

// Records both copies added for the same thing become one: a partnership of the same
// candidate, a KPI, RACI party or activity of the same name in the same partnership (two
// colleagues who each start the grid of a candidate). Their record takes our id in their copy
// — a private copy — and in its history, so the merge then meets them as one record.
bool Merger::matchAddedOnBoth()
{
    struct Match
    {
        const char16_t *table;
        const char16_t *sameThing; // over their row t and our row o
        const char16_t *keyedBy;   // the tables whose records' keys hold its id
    };
    static const Match matches[] = {
        {u"partnerships",
         u"(SELECT uid FROM theirs.candidates WHERE id = t.candidate_id) = "
         u"(SELECT uid FROM main.candidates WHERE id = o.candidate_id)",
         u"partnerships proposals checklist_items costs"},
        {u"kpis", u"t.name = o.name", u"kpis kpi_values"},
        {u"raci_parties", u"t.name = o.name", u"raci_parties raci_cells"},
        {u"raci_activities", u"t.name = o.name", u"raci_activities raci_cells"},
    };
    for (const Match &match : matches) {
        const QString table = QString::fromUtf16(match.table);
        const QString samePartnership =
            table == u"partnerships"
                ? u"1"_s
                : u"(SELECT uid FROM theirs.partnerships WHERE id = t.partnership_id) = "
                  u"(SELECT uid FROM main.partnerships WHERE id = o.partnership_id)"_s;
        QList<std::pair<QByteArray, QByteArray>> pairs;
        SqliteStatement find(m_db, u"SELECT t.uid, o.uid FROM theirs.%1 t JOIN main.%1 o ON %2 "
                                   u"AND %3 WHERE t.uid IS NOT o.uid AND NOT EXISTS (SELECT 1 "
                                   u"FROM main.%1 x WHERE x.uid = t.uid) AND NOT EXISTS (SELECT 1 "
                                   u"FROM theirs.%1 y WHERE y.uid = o.uid)"_s.arg(
                                       table, QString::fromUtf16(match.sameThing),
                                       samePartnership));
        while (find.step())
            pairs.append({find.value(0).toByteArray(), find.value(1).toByteArray()});
        const QStringList keyedBy = QString::fromUtf16(match.keyedBy).split(u' ');
        for (const auto &[theirs, ours] : std::as_const(pairs)) {
            if (!renameTheirs(table, keyedBy, theirs, ours))
                return false;
        }
    }
    return true;
}

// Gives their record our id: in its table, and wherever their history names it (its own
// changes, and those of the records whose keys begin or end with it).
bool Merger::renameTheirs(const QString &table, const QStringList &keyedBy,
                          const QByteArray &theirs, const QByteArray &ours)
{
    SqliteStatement row(m_db, u"UPDATE theirs.%1 SET uid = ?2 WHERE uid = ?1"_s.arg(table));
    SqliteStatement history(
        m_db, u"UPDATE theirs.history_changes SET record = CAST(CASE "
              u"WHEN substr(record, 1, 16) = ?1 THEN ?2 || substr(record, 17) "
              u"ELSE substr(record, 1, 16) || ?2 || substr(record, 33) END AS BLOB) "
              u"WHERE entity IN ('%1') AND (substr(record, 1, 16) = ?1 OR "
              u"(entity = 'raci_cells' AND substr(record, 17, 16) = ?1))"_s.arg(
                  keyedBy.join(u"', '"_s)));
    for (SqliteStatement *statement : {&row, &history}) {
        statement->bind(1, theirs);
        statement->bind(2, ours);
        if (!statement->exec())
            return false;
    }
    return true;
}

bool Merger::prepare()
{
    if (!matchAddedOnBoth())
        return false;
    for (const HistoryRecorder::Tracked &tracked : HistoryRecorder::trackedTables()) {
        auto table = std::make_shared<Table>();
        table->tracked = tracked;
        table->columns = columnsOf(m_db, tracked.name);
        for (const QString &column : table->columns.all) {
            if (!tracked.skipped.contains(column))
                table->values.append(column);
        }
        SqliteStatement references(
            m_db, u"SELECT \"from\", \"table\" FROM main.pragma_foreign_key_list(?)"_s);
        references.bindText(1, tracked.name);
        while (references.step())
            table->parents.insert(references.text(0), references.text(1));
        if (table->columns.keys.isEmpty() || !prepareTable(*table))
            return false;
        m_tables.append(table);
    }
    return true;
}

// The lasting key of every record on each side, with the columns that find its row.
bool Merger::prepareTable(Table &table)
{
    QString sql;
    for (const bool theirs : {false, true}) {
        const QString schema = theirs ? u"theirs."_s : u"main."_s;
        const QString record = QString(table.tracked.recordSql).replace(u"main."_s, schema);
        sql += u"DROP TABLE IF EXISTS %1; CREATE TEMP TABLE %2 (record BLOB PRIMARY KEY, %3);"
               u"INSERT OR IGNORE INTO %1 SELECT %4, %5 FROM %6%7 AS R WHERE %4 IS NOT NULL;"_s
                   .arg(table.keyTable(theirs), table.keyTable(theirs).mid(5), table.keys(),
                        record, table.keys(u"R"_s), schema, table.tracked.name);
    }
    // Their rows are found by row number too (the references of what they added).
    if (table.tracked.hasUid)
        sql += u"CREATE INDEX temp.mk_t_%1_id ON mk_t_%1(id);"_s.arg(table.tracked.name);
    return m_db.exec(sql);
}

// Each side's own steps (those the other lacks) and what they did to each record and field:
// the first change of each, for its value before.
bool Merger::findOwnChanges()
{
    QString sql = u"DROP TABLE IF EXISTS temp.m_steps; DROP TABLE IF EXISTS temp.m_changes;"
                  u"CREATE TEMP TABLE m_steps (side INTEGER, seq INTEGER, PRIMARY KEY (side, seq));"
                  u"CREATE TEMP TABLE m_changes (side INTEGER, entity TEXT, record BLOB, "
                  u"field TEXT, op TEXT, owner BLOB, before ANY, "
                  u"PRIMARY KEY (side, entity, record, field, op)) WITHOUT ROWID;"_s;
    for (const auto &[side, mine, other] : {std::tuple{kOurs, u"main"_s, u"theirs"_s},
                                            std::tuple{kTheirs, u"theirs"_s, u"main"_s}}) {
        sql += u"INSERT INTO temp.m_steps SELECT %1, seq FROM %2.history_steps "
               u"WHERE id NOT IN (SELECT id FROM %3.history_steps);"
               u"INSERT OR IGNORE INTO temp.m_changes SELECT %1, entity, record, field, op, "
               u"owner, before FROM %2.history_changes WHERE step IN "
               u"(SELECT seq FROM temp.m_steps WHERE side = %1) AND step NOT IN "
               u"(SELECT seq FROM %2.history_steps WHERE kind = 'merge') AND length(record) > 0 "
               u"ORDER BY step, rowid;"_s.arg(side, mine, other);
    }
    // A merge's own step is not an edit: what it brought in is in the steps it copied (also
    // own steps, where the other file lacks them), what it kept was already there. This
    // merge's step is not one of ours at all.
    sql += u"DELETE FROM temp.m_steps WHERE side = 0 AND seq = "
           u"(SELECT step FROM temp.history_context);"_s;
    sql += u"CREATE INDEX temp.m_changes_by_owner ON m_changes(side, owner, op);"_s;
    if (!m_db.exec(sql))
        return false;
    m_report->ourSteps = m_db.scalar(u"SELECT count(*) FROM temp.m_steps WHERE side = 0"_s).toInt();
    m_report->theirSteps =
        m_db.scalar(u"SELECT count(*) FROM temp.m_steps WHERE side = 1"_s).toInt();
    SqliteStatement authors(m_db, u"SELECT DISTINCT author FROM theirs.history_steps WHERE seq "
                                  u"IN (SELECT seq FROM temp.m_steps WHERE side = 1) ORDER BY 1"_s);
    while (authors.step())
        m_report->otherAuthors.append(authors.text(0));
    return authors.ok();
}

bool Merger::mergeTable(Table &table)
{
    return mergeRemoved(table) && mergeAdded(table) && mergeFields(table);
}

// Records only they have: added by them, or removed by us.
bool Merger::mergeAdded(Table &table)
{
    QList<QByteArray> records;
    SqliteStatement only(m_db, u"SELECT t.record FROM %1 t WHERE NOT EXISTS "
                               u"(SELECT 1 FROM %2 o WHERE o.record = t.record)"_s.arg(
                                   table.keyTable(true), table.keyTable(false)));
    while (only.step())
        records.append(only.value(0).toByteArray());
    if (!only.ok())
        return false;
    const QString &name = table.tracked.name;
    for (const QByteArray &record : std::as_const(records)) {
        if (ourChange(name, record, {}, u"remove"_s)) {
            if (changedBy(true, table, record) &&
                conflict(conflictOf(MergeConflictKind::RemovedByUsChangedByThem, name, record, {})) &&
                !insertTheirs(table, record)) {
                return false;
            }
            continue;
        }
        if (name == u"candidates") {
            SqliteStatement &clash = statement(
                u"SELECT o.uid, o.name, t.name FROM temp.mk_t_candidates k JOIN "
                u"theirs.candidates t ON t.id = k.id JOIN main.candidates o ON "
                u"o.name_key = t.name_key WHERE k.record = ?"_s);
            clash.bind(1, record);
            if (clash.step()) {
                MergeConflict c = conflictOf(MergeConflictKind::AddedOnBoth, name, record, record);
                c.ours = clash.value(1);
                c.theirs = clash.value(2);
                const QByteArray ours = clash.value(0).toByteArray();
                clash.reset();
                if (conflict(c) && !takeTheirsInto(table, record, ours))
                    return false;
                continue;
            }
        }
        if (!insertTheirs(table, record))
            return false;
    }
    return true;
}

// Records only we have that their steps removed.
bool Merger::mergeRemoved(Table &table)
{
    QList<QByteArray> records;
    SqliteStatement removed(
        m_db, u"SELECT c.record FROM temp.m_changes c WHERE c.side = 1 AND c.entity = ? AND "
              u"c.field = '' AND c.op = 'remove' AND EXISTS (SELECT 1 FROM %1 o WHERE "
              u"o.record = c.record) AND NOT EXISTS (SELECT 1 FROM %2 t WHERE "
              u"t.record = c.record)"_s.arg(table.keyTable(false), table.keyTable(true)));
    removed.bindText(1, table.tracked.name);
    while (removed.step())
        records.append(removed.value(0).toByteArray());
    if (!removed.ok())
        return false;
    for (const QByteArray &record : std::as_const(records)) {
        const bool keep =
            changedBy(false, table, record) &&
            !conflict(conflictOf(MergeConflictKind::ChangedByUsRemovedByThem, table.tracked.name, record,
                       {}));
        if (!keep && !deleteOurs(table, record))
            return false;
    }
    return true;
}

// Fields their steps changed (every field of a record they added) on records both have.
bool Merger::mergeFields(Table &table)
{
    struct Touched
    {
        QByteArray record;
        QString field;
        QVariant before;
        QByteArray owner;
    };
    QList<Touched> touched;
    SqliteStatement changes(
        m_db, u"SELECT c.record, c.field, c.before, c.owner FROM temp.m_changes c "
              u"WHERE c.side = 1 AND c.entity = ? AND (c.op = 'change' OR c.op = 'add') "
              u"AND EXISTS (SELECT 1 FROM %1 o WHERE o.record = c.record)"_s.arg(
                  table.keyTable(false)));
    changes.bindText(1, table.tracked.name);
    while (changes.step()) {
        touched.append({changes.value(0).toByteArray(), changes.text(1), changes.value(2),
                        changes.value(3).toByteArray()});
    }
    if (!changes.ok())
        return false;
    for (const Touched &t : std::as_const(touched)) {
        if (!mergeRecordFields(table, t.record, t.field, t.before, t.owner))
            return false;
    }
    return true;
}

bool Merger::mergeRecordFields(Table &table, const QByteArray &record, const QString &onlyField,
                               const QVariant &base, const QByteArray &owner)
{
    const QVariantList ours = readRow(table, false, record);
    const QVariantList theirs = readRow(table, true, record);
    if (ours.isEmpty() || theirs.isEmpty())
        return true; // gone with what it belonged to
    const QString &name = table.tracked.name;
    const bool weAdded = ourChange(name, record, {}, u"add"_s);
    for (qsizetype i = 0; i < table.values.size(); ++i) {
        const QString &field = table.values.at(i);
        if ((!onlyField.isEmpty() && field != onlyField) || same(ours.at(i), theirs.at(i)))
            continue;
        // A field whose value before their first change is known: back at it on their side,
        // they changed nothing (keep ours); still at it on ours, we changed nothing.
        const bool knownBase = !onlyField.isEmpty();
        if (knownBase && same(theirs.at(i), base))
            continue;
        bool take = (knownBase && same(ours.at(i), base)) ||
                    (!weAdded && !ourChange(name, record, field, u"change"_s));
        if (!take) {
            MergeConflict c = conflictOf(MergeConflictKind::ChangedOnBoth, name, record, owner);
            c.field = field;
            c.base = onlyField.isEmpty() ? QVariant() : base;
            c.ours = ours.at(i);
            c.theirs = theirs.at(i);
            take = conflict(c);
        }
        if (take && !setField(table, record, field, theirs.at(i)))
            return false;
    }
    return true;
}

QVariantList Merger::readRow(Table &table, bool theirs, const QByteArray &record)
{
    SqliteStatement &read = statement(
        u"SELECT %1 FROM %2.%3 AS R JOIN %4 AS k ON %5 WHERE k.record = ?"_s.arg(
            listed(table.values, u"R"_s), theirs ? u"theirs"_s : u"main"_s, table.tracked.name,
            table.keyTable(theirs), joined(table.columns.keys, u"R"_s, u"k"_s)));
    read.bind(1, record);
    QVariantList row;
    if (read.step()) {
        for (qsizetype i = 0; i < table.values.size(); ++i)
            row.append(read.value(int(i)));
    }
    read.reset();
    return row;
}

bool Merger::setField(Table &table, const QByteArray &record, const QString &field,
                      const QVariant &value)
{
    SqliteStatement &update = statement(
        u"UPDATE main.%1 SET %2 = ?1 WHERE (%3) IN (SELECT %3 FROM %4 WHERE record = ?2)"_s.arg(
            table.tracked.name, field, table.keys(), table.keyTable(false)));
    update.bind(1, value);
    update.bind(2, record);
    if (!update.exec())
        return false;
    if (table.tracked.name != u"candidates" || field != u"name")
        return true;
    // The name's key follows the name (lookups by name go by it): theirs, with their name.
    SqliteStatement &key = statement(
        u"UPDATE main.candidates SET name_key = coalesce((SELECT t.name_key FROM "
        u"temp.mk_t_candidates k JOIN theirs.candidates t ON t.id = k.id WHERE k.record = ?1), "
        u"name_key) "
        u"WHERE id IN (SELECT id FROM temp.mk_o_candidates WHERE record = ?1)"_s);
    key.bind(1, record);
    return key.exec();
}

bool Merger::takeTheirsInto(Table &table, const QByteArray &theirRecord,
                            const QByteArray &ourRecord)
{
    const QVariantList theirs = readRow(table, true, theirRecord);
    for (qsizetype i = 0; i < theirs.size(); ++i) {
        if (!setField(table, ourRecord, table.values.at(i), theirs.at(i)))
            return false;
    }
    return true;
}

// Inserts their record with its references turned into ours; skipped when what it belongs to
// is not here (removed with its candidate).
bool Merger::insertTheirs(Table &table, const QByteArray &record)
{
    QStringList columns;
    QStringList values;
    QStringList present;
    for (const QString &column : table.columns.all) {
        if (table.tracked.hasUid && column == u"id")
            continue; // a new row number of this file
        columns.append(column);
        const QString parent = table.parents.value(column);
        if (parent.isEmpty()) {
            values.append(u"R."_s + column);
            continue;
        }
        values.append(u"(SELECT o.id FROM temp.mk_t_%1 AS t JOIN temp.mk_o_%1 AS o ON "
                      u"o.record = t.record WHERE t.id = R.%2) AS %2"_s.arg(parent, column));
        present.append(column + u" IS NOT NULL"_s);
    }
    SqliteStatement &insert = statement(
        u"INSERT INTO main.%1 (%2) SELECT %2 FROM (SELECT %3 FROM theirs.%1 AS R JOIN %4 AS k "
        u"ON %5 WHERE k.record = ?) WHERE %6"_s.arg(
            table.tracked.name, columns.join(u", "_s), values.join(u", "_s),
            table.keyTable(true), joined(table.columns.keys, u"R"_s, u"k"_s),
            present.isEmpty() ? u"1"_s : present.join(u" AND "_s)));
    insert.bind(1, record);
    if (!insert.exec())
        return false;
    if (!table.tracked.hasUid || m_db.scalar(u"SELECT changes()"_s).toInt() == 0)
        return true;
    SqliteStatement &known = statement(
        u"INSERT OR REPLACE INTO %1 (record, id) VALUES (?, last_insert_rowid())"_s.arg(
            table.keyTable(false)));
    known.bind(1, record);
    return known.exec();
}

bool Merger::deleteOurs(Table &table, const QByteArray &record)
{
    SqliteStatement &remove =
        statement(u"DELETE FROM main.%1 WHERE (%2) IN (SELECT %2 FROM %3 WHERE record = ?)"_s.arg(
            table.tracked.name, table.keys(), table.keyTable(false)));
    remove.bind(1, record);
    return remove.exec();
}

bool Merger::ourChange(const QString &entity, const QByteArray &record, const QString &field,
                       const QString &op)
{
    SqliteStatement &find = statement(
        u"SELECT 1 FROM temp.m_changes WHERE side = 0 AND entity = ? AND record = ? AND "
        u"field = ? AND op = ?"_s);
    find.bindText(1, entity);
    find.bind(2, record);
    find.bindText(3, field);
    find.bindText(4, op);
    const bool found = find.step();
    find.reset();
    return found;
}

// Whether a side's steps changed the record, or for a candidate anything that is its.
bool Merger::changedBy(bool theirs, const Table &table, const QByteArray &record)
{
    SqliteStatement &find = statement(
        u"SELECT 1 FROM temp.m_changes WHERE side = ?1 AND entity = ?2 AND record = ?3 AND "
        u"op = 'change' UNION ALL SELECT 1 FROM temp.m_changes WHERE ?2 = 'candidates' AND "
        u"side = ?1 AND owner = ?3 AND op IN ('change', 'add') AND entity <> 'candidates' "
        u"LIMIT 1"_s);
    find.bindInt(1, theirs ? 1 : 0);
    find.bindText(2, table.tracked.name);
    find.bind(3, record);
    const bool found = find.step();
    find.reset();
    return found;
}

bool Merger::conflict(MergeConflict c)
{
    if (c.entity == u"candidates") {
        c.owner = c.record;
    } else if (c.owner.isEmpty()) {
        SqliteStatement &find = statement(u"SELECT owner FROM temp.m_changes WHERE entity = ? "
                                          u"AND record = ? AND owner IS NOT NULL LIMIT 1"_s);
        find.bindText(1, c.entity);
        find.bind(2, c.record);
        c.owner = find.step() ? find.value(0).toByteArray() : QByteArray();
        find.reset();
    }
    c.ownerName = candidateName(c.owner);
    c.resolution = m_options.choices.contains(c.key())
        ? std::optional<MergeSide>(m_options.choices.value(c.key()))
        : m_options.prefer;
    for (const MergeConflict &known : std::as_const(m_report->conflicts)) {
        if (known.key() == c.key())
            return known.resolution == MergeSide::Theirs;
    }
    m_report->conflicts.append(c);
    return c.resolution == MergeSide::Theirs;
}

QString Merger::candidateName(const QByteArray &uid)
{
    if (uid.isEmpty())
        return {};
    // By the keys' tables: the ids are not indexed in the files.
    SqliteStatement &find = statement(
        u"SELECT c.name FROM temp.mk_o_candidates k JOIN main.candidates c ON c.id = k.id "
        u"WHERE k.record = ?1 UNION ALL SELECT c.name FROM temp.mk_t_candidates k JOIN "
        u"theirs.candidates c ON c.id = k.id WHERE k.record = ?1 LIMIT 1"_s);
    find.bind(1, uid);
    const QString name = find.step() ? find.text(0) : QString();
    find.reset();
    return name;
}

bool Merger::readChanges()
{
    SqliteStatement read(m_db, u"SELECT entity, record, owner, field, op, before, after "
                               u"FROM main.history_changes WHERE step = "
                               u"(SELECT step FROM temp.history_context) ORDER BY rowid"_s);
    while (read.step()) {
        HistoryChange change;
        change.entity = read.text(0);
        change.record = read.value(1).toByteArray();
        change.owner = read.value(2).toByteArray();
        change.recordName = HistoryRecorder::recordName(change.entity, change.record);
        change.field = read.text(3);
        change.op = historyOpFromId(read.text(4)).value_or(HistoryOp::Change);
        change.before = read.value(5);
        change.after = read.value(6);
        if (!change.owner.isEmpty() && !m_report->names.contains(change.owner))
            m_report->names.insert(change.owner, candidateName(change.owner));
        m_report->changes.append(change);
    }
    return read.ok();
}

bool Merger::copyHistory(const QString &tag)
{
    const QString theirSteps = u"(SELECT seq FROM temp.m_steps WHERE side = 1)"_s;
    return m_db.exec(
               u"DROP TABLE IF EXISTS temp.merge_steps_%1; DROP TABLE IF EXISTS "
               u"temp.merge_changes_%1; CREATE TEMP TABLE merge_steps_%1 AS SELECT id, made_at, "
               u"author, kind, label, origin FROM theirs.history_steps WHERE seq IN %2 "
               u"ORDER BY seq; CREATE TEMP TABLE merge_changes_%1 AS SELECT s.id AS step_id, "
               u"c.entity, c.record, c.owner, c.field, c.op, c.before, c.after FROM "
               u"theirs.history_changes c JOIN theirs.history_steps s ON s.seq = c.step "
               u"WHERE c.step IN %2 ORDER BY c.step, c.rowid;"_s.arg(tag, theirSteps)) &&
           insertCopiedHistory(m_db, tag);
}

bool Merger::insertCopiedHistory(SqliteDatabase &db, const QString &tag)
{
    return db.exec(
        u"INSERT INTO main.history_steps(id, made_at, author, kind, label, origin) "
        u"SELECT id, made_at, author, kind, label, origin FROM temp.merge_steps_%1 "
        u"ORDER BY rowid; INSERT INTO main.history_changes(step, entity, record, owner, field, "
        u"op, before, after) SELECT (SELECT seq FROM main.history_steps WHERE id = c.step_id), "
        u"c.entity, c.record, c.owner, c.field, c.op, c.before, c.after "
        u"FROM temp.merge_changes_%1 c ORDER BY rowid;"_s.arg(tag));
}

bool Merger::dropCopiedHistory(SqliteDatabase &db, const QString &tag)
{
    return db.exec(u"DELETE FROM main.history_steps WHERE id IN "
                   u"(SELECT id FROM temp.merge_steps_%1)"_s.arg(tag));
}

bool Merger::snapshot(SqliteDatabase &db, const QString &tag)
{
    QString sql;
    for (const HistoryRecorder::Tracked &table : HistoryRecorder::trackedTables()) {
        sql += u"DROP TABLE IF EXISTS temp.snap_%1_%2; "
               u"CREATE TEMP TABLE snap_%1_%2 AS SELECT * FROM main.%2;"_s.arg(tag, table.name);
    }
    return db.exec(sql);
}

// Puts every tracked table back as the snapshot has it, writing only the rows that differ
// (so the history records only what the undo or redo changed): removes what the snapshot
// lacks (children first), then writes back changed rows and re-adds missing ones (parents
// first), with their row numbers and ids.
bool Merger::restore(SqliteDatabase &db, const QString &tag)
{
    const QList<HistoryRecorder::Tracked> tables = HistoryRecorder::trackedTables();
    QList<Columns> columnsOfTables;
    for (const HistoryRecorder::Tracked &table : tables)
        columnsOfTables.append(columnsOf(db, table.name));
    QString sql;
    for (qsizetype i = tables.size() - 1; i >= 0; --i) {
        sql += u"DELETE FROM main.%2 WHERE (%3) NOT IN (SELECT %3 FROM temp.snap_%1_%2);"_s.arg(
            tag, tables[i].name, listed(columnsOfTables[i].keys));
    }
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const HistoryRecorder::Tracked &table = tables[i];
        const Columns &columns = columnsOfTables[i];
        const QString keys = listed(columns.keys);
        QStringList others;
        for (const QString &column : columns.all) {
            if (!columns.keys.contains(column))
                others.append(column);
        }
        if (!others.isEmpty()) {
            sql += u"UPDATE main.%2 SET (%4) = (SELECT %4 FROM temp.snap_%1_%2 AS s WHERE %5) "
                   u"WHERE (%3) IN (SELECT %3 FROM (SELECT * FROM main.%2 EXCEPT "
                   u"SELECT * FROM temp.snap_%1_%2));"_s.arg(
                       tag, table.name, keys, listed(others),
                       joined(columns.keys, u"s"_s, u"main."_s + table.name));
        }
        sql += u"INSERT INTO main.%2 SELECT * FROM temp.snap_%1_%2 WHERE (%3) NOT IN "
               u"(SELECT %3 FROM main.%2);"_s.arg(tag, table.name, keys);
    }
    return db.exec(sql);
}

} // namespace pb::store
