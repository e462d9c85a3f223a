#pragma once

#include "History.h"
#include "domain/Merge.h"

#include <QHash>
#include <QString>

#include <memory>

namespace pb::store {

class SqliteDatabase;
class SqliteStatement;

// The three-way merge of a colleague's copy (issue 17), on a connection where that copy is
// attached as the schema "theirs", inside the caller's write transaction: the history's
// triggers record what it changes in the merge's step. It works on the records' lasting keys
// (HistoryRecorder::trackedTables) and on the two histories:
// - their own steps are those of theirs this workbook lacks, and ours those theirs lacks;
// - a record only they have was added by them (unless we removed it), one only we have is
//   removed when their steps removed it (unless we changed it: a conflict);
// - a field their steps changed takes their value unless our steps changed it too, to
//   something else (a conflict; its base is the value before their first change).
// Children follow their parents: a KPI added by them comes in only when its partnership is
// here, a record removed with its candidate goes with it.
class Merger
{
public:
    Merger(SqliteDatabase &db, const domain::MergeOptions &options, domain::MergeReport *report);
    ~Merger();
    Merger(const Merger &) = delete;
    Merger &operator=(const Merger &) = delete;

    // Compares and applies, settling conflicts as the options say (open ones stay in the
    // report unsettled: the caller rolls back). False on an SQLite error.
    bool run();
    // Copies their own steps (ids and changes) into this workbook's history, and keeps them in
    // temp.merge_steps_<tag> / merge_changes_<tag> for a redo.
    bool copyHistory(const QString &tag);
    // The changes recorded in the current step (the merge's), for the report.
    bool readChanges();

    // Temporary copies of every tracked table (tag "before_3", "after_3"), and putting the
    // tables back as a copy has them: the merge's undo and redo.
    static bool snapshot(SqliteDatabase &db, const QString &tag);
    static bool restore(SqliteDatabase &db, const QString &tag);
    // Removes the steps a merge copied (undo), or copies them again (redo).
    static bool dropCopiedHistory(SqliteDatabase &db, const QString &tag);
    static bool insertCopiedHistory(SqliteDatabase &db, const QString &tag);

private:
    struct Table;
    bool prepare();
    bool matchAddedOnBoth();
    bool renameTheirs(const QString &table, const QStringList &keyedBy, const QByteArray &theirs,
                      const QByteArray &ours);
    bool prepareTable(Table &table);
    bool findOwnChanges();
    bool mergeTable(Table &table);
    bool mergeAdded(Table &table);
    bool mergeRemoved(Table &table);
    bool mergeFields(Table &table);
    bool mergeRecordFields(Table &table, const QByteArray &record, const QString &onlyField,
                           const QVariant &base, const QByteArray &owner);
    bool insertTheirs(Table &table, const QByteArray &record);
    bool deleteOurs(Table &table, const QByteArray &record);
    bool setField(Table &table, const QByteArray &record, const QString &field,
                  const QVariant &value);
    bool takeTheirsInto(Table &table, const QByteArray &theirRecord, const QByteArray &ourRecord);
    QVariantList readRow(Table &table, bool theirs, const QByteArray &record);
    bool ourChange(const QString &entity, const QByteArray &record, const QString &field,
                   const QString &op);
    bool changedBy(bool theirs, const Table &table, const QByteArray &record);
    // Adds the conflict to the report; true when it is settled for theirs.
    bool conflict(domain::MergeConflict conflict);
    QString candidateName(const QByteArray &uid);

    SqliteDatabase &m_db;
    const domain::MergeOptions &m_options;
    domain::MergeReport *m_report;
    QList<std::shared_ptr<Table>> m_tables;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_statements;
    SqliteStatement &statement(const QString &sql);
};

} // namespace pb::store
