#pragma once

#include "domain/History.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace pb::store {

class SqliteDatabase;
class SqliteStatement;

// Records a writable workbook's history (schema step 11) for one connection. Every write
// transaction becomes one step (history_steps), opened when the transaction begins with the
// context set here (who, what kind, which label) and dropped at commit when it changed
// nothing. Temporary triggers — on this connection only, never in the file — record each
// added, changed or removed record into history_changes by its lasting keys, whichever
// write path made the change (an edit, an import, an undo), and give each new record its
// 128-bit id. A record removed and put back in the same step, or by an undo or redo, gets its
// id back (temp.buried), so undo never changes a record's identity.
class HistoryRecorder
{
public:
    explicit HistoryRecorder(SqliteDatabase &db);
    ~HistoryRecorder();
    HistoryRecorder(const HistoryRecorder &) = delete;
    HistoryRecorder &operator=(const HistoryRecorder &) = delete;

    // Creates the temporary tables and triggers and hooks into the connection's
    // transactions; false (with the connection's error) if SQLite refused.
    bool install();

    // A table the history follows, as a merge needs it: parents come before the tables that
    // refer to them; recordSql is the record's lasting key as SQL over the row R of the
    // tables in schema "main"; skipped are the columns a change never names (keys, and
    // values that follow from others).
    struct Tracked
    {
        QString name;
        bool hasUid = false;
        QString recordSql;
        QStringList skipped;
    };
    static QList<Tracked> trackedTables();

    // The part of a record's key that is its own text (a KPI value's period, a checklist
    // item's kind and key, a setting's key), after its owners' ids; empty for most.
    static QString recordName(const QString &entity, const QByteArray &record);

    // Records, in the current step, that ?2 records were added to the table ?1 at once (an
    // import): one change with an empty record whose after is the count.
    static QString countAddedSql();

    // Inside a transaction, for an import: no trigger runs on the rows table gains (each
    // insert then stays a plain one, without a statement journal: a 100,000-row import
    // measured 0.43 s with the triggers, 0.34 s without, 0.31 s before there was a history);
    // resumeAdds puts them back before
    // the commit, and a rollback puts them back by itself. Inserts meanwhile must give each
    // row its id (uid) and record the count (countAddedSql).
    bool suspendAdds(const QString &table);
    bool resumeAdds(const QString &table);

    // Moves the changes of the newest step into the one before it, when both were made on this
    // connection one after the other: an undo step that took in the next edit (typing into
    // one field again) stays one step in the history too. Inside the caller's transaction.
    bool joinLastSteps();

    // Gives the current step the newest place in the history (a merge, after it copied the
    // other copy's steps in: the panel then shows the merge first). Inside its transaction.
    bool moveStepToEnd();

    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    struct Context
    {
        domain::HistoryKind kind = domain::HistoryKind::Edit;
        QString label;
        QString origin;
    };
    Context context() const { return m_context; }
    void setContext(const Context &context) { m_context = context; }

private:
    bool createTriggers();
    bool beginStep();
    bool endStep();

    SqliteDatabase &m_db;
    QString m_author;
    Context m_context;
    qint64 m_step = 0;
    qint64 m_kept[2] = {0, 0}; // the last two steps this connection kept, newest first
    std::unique_ptr<SqliteStatement> m_insertStep;
    std::unique_ptr<SqliteStatement> m_setStep;
    std::unique_ptr<SqliteStatement> m_dropEmptyStep;
};

} // namespace pb::store
