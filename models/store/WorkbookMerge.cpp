// Workbook: merging a colleague's copy (issue 17). The comparison is Merger's; this file
// checks the other file, runs the merge in one transaction and keeps what undo and redo need.
#include "Merger.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::store {

namespace {

using Code = StoreError::Code;

// The other file, attached to the connection for as long as it lives.
class Attachment
{
public:
    Attachment(SqliteDatabase &db, const QString &path)
        : m_db(db)
    {
        SqliteStatement attach(db, u"ATTACH DATABASE ? AS theirs"_s);
        attach.bindText(1, path);
        m_ok = attach.exec();
    }
    ~Attachment()
    {
        if (m_ok)
            m_db.exec(u"DETACH DATABASE theirs"_s);
    }
    bool ok() const { return m_ok; }

private:
    SqliteDatabase &m_db;
    bool m_ok = false;
};

} // namespace

// Opens the other file as opening it would (refusing a damaged, foreign or newer file), checks
// it is a copy of this workbook, and writes a checked copy of it into folder: the merge reads
// that copy, so the colleague's file is never written, even by a crash recovery.
StoreError Workbook::copyForMerge(const QString &otherPath, const QString &folder, QString *copy)
{
    if (QFileInfo(otherPath).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return StoreError::make(Code::Exists, tr("%1 is the open workbook itself: choose the "
                                                 "copy to merge from.").arg(quoted(otherPath)));
    StoreError error;
    OpenOptions options;
    options.readOnly = true;
    const std::unique_ptr<Workbook> other = Workbook::open(otherPath, options, &error);
    if (!other)
        return error;
    if (other->fileSchemaVersion() < 11) {
        return StoreError::make(
            Code::NotACopy,
            tr("%1 was last saved by a version of Playbook Workbench without a history "
               "(file format %2), so its changes cannot be told from this workbook's. Import "
               "its candidates instead (File → Import Candidates… from a CSV export).")
                .arg(quoted(otherPath))
                .arg(other->fileSchemaVersion()));
    }
    if (other->lineage() != lineage()) {
        return StoreError::make(
            Code::NotACopy,
            tr("%1 is not a copy of this workbook: it was started as a workbook of its own, "
               "so there is no common history to merge. To bring its candidates in, export "
               "them there as CSV and use File → Import Candidates… here.")
                .arg(quoted(otherPath)));
    }
    *copy = folder + u"/theirs.playbook"_s;
    return other->saveCopy(*copy);
}

StoreError Workbook::merge(const QString &otherPath, const MergeOptions &options,
                           MergeReport *report, qint64 *mergeId)
{
    *report = {};
    report->otherPath = otherPath;
    if (StoreError error = checkWritable(); error)
        return error;
    const QTemporaryDir folder;
    QString copy;
    if (!folder.isValid())
        return StoreError::make(Code::Io, tr("No temporary folder could be made for the merge."));
    if (StoreError error = copyForMerge(otherPath, folder.path(), &copy); error)
        return error;
    const Attachment attached(*m_db, copy);
    if (!attached.ok())
        return sqliteError(tr("Reading %1").arg(quoted(otherPath)));
    const qint64 id = m_nextMergeId++;
    const QString tag = QString::number(id);
    const HistoryScope scope(*this, HistoryKind::Merge,
                             tr("Merge changes from %1").arg(QFileInfo(otherPath).fileName()),
                             QDir::toNativeSeparators(QFileInfo(otherPath).absoluteFilePath()));
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive())
        return sqliteError(tr("Merging %1").arg(quoted(otherPath)));
    {
        Merger merger(*m_db, options, report);
        const bool ok = (options.dryRun || Merger::snapshot(*m_db, u"before_"_s + tag)) &&
                        merger.run() && merger.readChanges();
        if (!ok)
            return sqliteError(tr("Merging %1").arg(quoted(otherPath)));
        if (options.dryRun || report->openConflicts() > 0)
            return {}; // the transaction rolls back: nothing was written
        SqliteStatement origin(*m_db, u"UPDATE main.history_steps SET origin = origin || ? "
                                      u"WHERE seq = (SELECT step FROM temp.history_context)"_s);
        origin.bindText(1, u" — "_s + report->otherAuthors.join(u", "_s));
        if (!origin.exec() || !merger.copyHistory(tag) || !m_history->moveStepToEnd() ||
            !Merger::snapshot(*m_db, u"after_"_s + tag)) {
            return sqliteError(tr("Merging %1").arg(quoted(otherPath)));
        }
    }
    const QList<qint64> owners = ownersOfCurrentStep();
    if (!transaction.commit())
        return sqliteError(tr("Merging %1").arg(quoted(otherPath)));
    report->applied = true;
    if (mergeId)
        *mergeId = id;
    announceRecordsOf(owners);
    return {};
}

StoreError Workbook::undoMerge(qint64 mergeId)
{
    return putBackMerge(mergeId, false);
}

StoreError Workbook::redoMerge(qint64 mergeId)
{
    return putBackMerge(mergeId, true);
}

StoreError Workbook::putBackMerge(qint64 mergeId, bool redo)
{
    if (StoreError error = checkWritable(); error)
        return error;
    const QString tag = QString::number(mergeId);
    SqliteTransaction transaction(*m_db);
    const bool ok = transaction.isActive() &&
                    Merger::restore(*m_db, (redo ? u"after_"_s : u"before_"_s) + tag) &&
                    (redo ? Merger::insertCopiedHistory(*m_db, tag) && m_history->moveStepToEnd()
                          : Merger::dropCopiedHistory(*m_db, tag));
    const QList<qint64> owners = ok ? ownersOfCurrentStep() : QList<qint64>();
    if (!ok || !transaction.commit())
        return sqliteError(redo ? tr("Redoing the merge") : tr("Undoing the merge"));
    announceRecordsOf(owners);
    return {};
}

StoreError Workbook::setRecordField(const QString &entity, const QByteArray &record,
                                    const QString &field, const QVariant &value)
{
    if (StoreError error = checkWritable(); error)
        return error;
    const QList<HistoryRecorder::Tracked> tables = HistoryRecorder::trackedTables();
    const auto table = std::find_if(tables.cbegin(), tables.cend(),
                                    [&](const auto &t) { return t.name == entity; });
    SqliteStatement columns(*m_db, u"SELECT 1 FROM main.pragma_table_info(?) WHERE name = ?"_s);
    columns.bindText(1, entity);
    columns.bindText(2, field);
    if (table == tables.cend() || table->skipped.contains(field) || !columns.step())
        return StoreError::make(Code::InvalidValue,
                                tr("%1 of %2 cannot be set here.").arg(field, entity));
    SqliteTransaction transaction(*m_db);
    // A scan of the table: the ids are not indexed, and this is one record on a user's click.
    SqliteStatement update(*m_db, u"UPDATE main.%1 AS R SET %2 = ?1 WHERE %3 = ?2"_s.arg(
                                      entity, field, table->recordSql));
    update.bind(1, value);
    update.bind(2, record);
    if (!transaction.isActive() || !update.exec())
        return sqliteError(tr("Changing the %1").arg(historyEntityDisplayName(entity).toLower()));
    if (m_db->scalar(u"SELECT changes()"_s).toInt() != 1)
        return StoreError::make(Code::NotFound,
                                tr("That %1 is no longer in the workbook.")
                                    .arg(historyEntityDisplayName(entity).toLower()));
    const QList<qint64> owners = ownersOfCurrentStep();
    if (!transaction.commit())
        return sqliteError(tr("Changing the %1").arg(historyEntityDisplayName(entity).toLower()));
    announceRecordsOf(owners);
    return {};
}

// The candidates whose records the current step changed.
QList<qint64> Workbook::ownersOfCurrentStep() const
{
    QList<qint64> ids;
    SqliteStatement owners(*m_db, u"SELECT id FROM main.candidates WHERE uid IN (SELECT owner "
                                  u"FROM main.history_changes WHERE step = "
                                  u"(SELECT step FROM temp.history_context))"_s);
    while (owners.step())
        ids.append(owners.integer(0));
    return ids;
}

void Workbook::announceRecordsOf(const QList<qint64> &candidateIds)
{
    loadSettings();
    emit m_notifier->changed({Change::Entity::Settings, Change::Kind::Updated, {}, {}});
    for (const Change::Entity entity :
         {Change::Entity::Candidate, Change::Entity::Partnership, Change::Entity::Kpi,
          Change::Entity::Raci, Change::Entity::Proposal, Change::Entity::Programme,
          Change::Entity::Checklist}) {
        emit m_notifier->changed({entity, Change::Kind::Reset, candidateIds, {}});
    }
}

} // namespace pb::store
