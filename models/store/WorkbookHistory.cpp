// Workbook: its identity and history (schema step 11; the recording is History.cpp).
#include "History.h"
#include "SqliteDatabase.h"
#include "Workbook.h"


using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::store {

namespace {

// The steps query: newest first, since a time, touching an owner, at most a number.
QString stepsSql(const HistoryQuery &query)
{
    QString sql = u"SELECT seq, id, made_at, author, kind, label, origin FROM history_steps "
                  u"WHERE made_at >= ?1"_s;
    if (query.beforeSeq > 0)
        sql += u" AND seq < %1"_s.arg(query.beforeSeq);
    if (!query.owner.isEmpty())
        sql += u" AND seq IN (SELECT step FROM history_changes WHERE owner = ?2)"_s;
    sql += u" ORDER BY seq DESC"_s;
    if (query.limit > 0)
        sql += u" LIMIT %1"_s.arg(query.limit);
    return sql;
}

HistoryStep readStep(const SqliteStatement &row)
{
    HistoryStep step;
    step.seq = row.integer(0);
    step.id = row.value(1).toByteArray();
    step.madeAt = QDateTime::fromString(row.text(2), Qt::ISODateWithMs);
    step.author = row.text(3);
    step.kind = historyKindFromId(row.text(4)).value_or(HistoryKind::Edit);
    step.label = row.text(5);
    step.origin = row.text(6);
    return step;
}

} // namespace

HistoryScope::HistoryScope(Workbook &workbook, HistoryKind kind, const QString &label,
                           const QString &origin)
    : m_workbook(workbook)
{
    HistoryRecorder *recorder = workbook.m_history.get();
    const HistoryRecorder::Context previous = recorder ? recorder->context()
                                                       : HistoryRecorder::Context{};
    m_kind = previous.kind;
    m_label = previous.label;
    m_origin = previous.origin;
    // An edit made for a revert or a merge is part of it: the outer description stays.
    const bool partOfOuter = kind == HistoryKind::Edit && (previous.kind == HistoryKind::Revert ||
                                                           previous.kind == HistoryKind::Merge);
    if (recorder && !partOfOuter)
        recorder->setContext({kind, label, origin});
}

HistoryScope::~HistoryScope()
{
    if (HistoryRecorder *recorder = m_workbook.m_history.get())
        recorder->setContext({m_kind, m_label, m_origin});
}

void Workbook::setAuthor(const QString &author)
{
    if (m_history && !author.trimmed().isEmpty())
        m_history->setAuthor(author.trimmed());
}

QString Workbook::author() const
{
    return m_history ? m_history->author() : systemUserName();
}

QByteArray Workbook::lineage() const
{
    if (schemaVersion() < 11)
        return {};
    return m_db->scalar(u"SELECT id FROM lineage"_s).toByteArray();
}

qint64 Workbook::historyStepCount() const
{
    return m_db->scalar(u"SELECT count(*) FROM history_steps"_s).toLongLong();
}

StoreError Workbook::joinLastHistorySteps()
{
    if (!m_history)
        return {};
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !m_history->joinLastSteps() || !transaction.commit())
        return sqliteError(tr("Recording the history"));
    return {};
}

QList<HistoryStep> Workbook::history(const HistoryQuery &query) const
{
    QList<HistoryStep> steps;
    QHash<qint64, qsizetype> at;
    {
        SqliteStatement rows(*m_db, stepsSql(query));
        rows.bindText(1, query.since.isValid()
                             ? query.since.toUTC().toString(Qt::ISODateWithMs)
                             : QString());
        if (!query.owner.isEmpty())
            rows.bind(2, query.owner);
        while (rows.step()) {
            at.insert(rows.integer(0), steps.size());
            steps.append(readStep(rows));
        }
    }
    if (steps.isEmpty())
        return steps;
    SqliteStatement changes(*m_db, u"SELECT step, entity, record, owner, field, op, before, "
                                   u"after FROM history_changes WHERE step BETWEEN ? AND ? "
                                   u"ORDER BY step, rowid"_s);
    changes.bindInt(1, steps.constLast().seq);
    changes.bindInt(2, steps.constFirst().seq);
    while (changes.step()) {
        const auto it = at.constFind(changes.integer(0));
        if (it == at.cend())
            continue;
        const QString entity = changes.text(1);
        const QByteArray record = changes.value(2).toByteArray();
        HistoryChange change{entity, record, changes.value(3).toByteArray(),
                             HistoryRecorder::recordName(entity, record), changes.text(4),
                             historyOpFromId(changes.text(5)).value_or(HistoryOp::Change),
                             changes.value(6), changes.value(7)};
        if (query.owner.isEmpty() || change.owner == query.owner)
            steps[*it].changes.append(std::move(change));
    }
    return steps;
}

bool Workbook::changedAfter(qint64 seq, const HistoryChange &change) const
{
    SqliteStatement query(*m_db, u"SELECT 1 FROM history_changes WHERE step > ? AND entity = ? "
                                 u"AND record = ? AND (field = ? OR field = '') LIMIT 1"_s);
    query.bindInt(1, seq);
    query.bindText(2, change.entity);
    query.bind(3, change.record);
    query.bindText(4, change.field);
    return query.step();
}

std::optional<qint64> Workbook::candidateIdByUid(const QByteArray &uid) const
{
    SqliteStatement query(*m_db, u"SELECT id FROM candidates WHERE uid = ?"_s);
    query.bind(1, uid);
    if (query.step())
        return query.integer(0);
    return std::nullopt;
}

QByteArray Workbook::candidateUid(qint64 id) const
{
    SqliteStatement query(*m_db, u"SELECT uid FROM candidates WHERE id = ?"_s);
    query.bindInt(1, id);
    return query.step() ? query.value(0).toByteArray() : QByteArray();
}

QHash<QByteArray, QString> Workbook::candidateNamesByUid() const
{
    QHash<QByteArray, QString> names;
    SqliteStatement removed(*m_db, u"SELECT record, before FROM history_changes "
                                   u"WHERE entity = 'candidates' AND op = 'remove'"_s);
    while (removed.step())
        names.insert(removed.value(0).toByteArray(), removed.text(1));
    SqliteStatement present(*m_db, u"SELECT uid, name FROM candidates"_s);
    while (present.step())
        names.insert(present.value(0).toByteArray(), present.text(1));
    return names;
}

} // namespace pb::store
