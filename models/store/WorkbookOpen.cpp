// Workbook: opening a file, in the order of ARCHITECTURE.md ("The workbook file"): look at
// it without SQLite, take the lock, open and check it, upgrade it, read its settings.
// Each step refuses with a message that names the file; the first refusal wins.
#include "FileSnapshot.h"
#include "History.h"
#include "HotJournal.h"
#include "Schema.h"
#include "SqliteDatabase.h"
#include "Workbook.h"
#include "WorkbookHeader.h"
#include "WorkbookLock.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

StoreError cannotOpen(Code code, const QString &path, const QString &why)
{
    return StoreError::make(
        code, Workbook::tr("%1 cannot be opened: %2").arg(Workbook::quoted(path), why));
}

// Maps an SQLite result code met while opening to a refusal a person understands.
StoreError openFailure(const QString &path, const SqliteDatabase &db)
{
    switch (db.lastErrorCode() & 0xff) {
    case SQLITE_NOTADB:
        return cannotOpen(Code::NotSqlite, path,
                          Workbook::tr("it is not a Playbook workbook (not an SQLite database)."));
    case SQLITE_CORRUPT:
        return cannotOpen(Code::Corrupt, path,
                          Workbook::tr("the workbook is damaged (%1).").arg(db.lastError()));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return cannotOpen(Code::Io, path,
                          Workbook::tr("another program is writing to it; try again."));
    case SQLITE_READONLY:
        return cannotOpen(Code::ReadOnly, path,
                          Workbook::tr("it cannot be written (%1).").arg(db.lastError()));
    default:
        return cannotOpen(Code::Io, path, db.lastError() + u'.');
    }
}

// Writable by us, and not marked read-only by its owner: a file a colleague set read-only
// stays read-only even for an administrator account that could write it anyway.
bool isMarkedWritable(const QFileInfo &info)
{
    return info.isWritable() && info.permission(QFileDevice::WriteOwner);
}

QString backupPathFor(const QString &path, int version)
{
    const QFileInfo info(path);
    const QString stem = info.completeBaseName() + u".v%1-backup"_s.arg(version);
    QString candidate = info.absoluteDir().filePath(stem + u".playbook"_s);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = info.absoluteDir().filePath(stem + u"-%1.playbook"_s.arg(n));
    return candidate;
}

StoreError checkIsFile(const QFileInfo &info, const QString &path)
{
    if (!info.exists())
        return cannotOpen(Code::Missing, path, Workbook::tr("the file does not exist."));
    if (!info.isFile())
        return cannotOpen(Code::NotAFile, path, Workbook::tr("it is a folder, not a file."));
    return {};
}

// Looks at the header without SQLite: refuses what is not ours before any connection could
// change a byte.
StoreError checkHeader(const QString &path, int *userVersion)
{
    const WorkbookHeader header = WorkbookHeader::read(path);
    switch (header.kind) {
    case WorkbookHeader::Kind::Unreadable:
        return cannotOpen(Code::Unreadable, path,
                          Workbook::tr("it cannot be read (%1).").arg(header.readError));
    case WorkbookHeader::Kind::Empty:
        return cannotOpen(Code::Empty, path,
                          Workbook::tr("the file is empty (0 bytes), not a Playbook workbook."));
    case WorkbookHeader::Kind::NotSqlite:
        return cannotOpen(Code::NotSqlite, path,
                          Workbook::tr("it is not a Playbook workbook (not an SQLite database)."));
    case WorkbookHeader::Kind::Sqlite:
        break;
    }
    if (header.applicationId != schema::kApplicationId)
        return cannotOpen(Code::ForeignDatabase, path,
                          Workbook::tr("it is an SQLite database of another application, "
                                       "not a Playbook workbook."));
    if (header.userVersion > schema::currentVersion())
        return cannotOpen(Code::TooNew, path,
                          Workbook::tr("it was made by a newer version of Playbook Workbench "
                                       "(file format %1; this version reads up to %2). Update "
                                       "Playbook Workbench to open it.")
                              .arg(header.userVersion)
                              .arg(schema::currentVersion()));
    if (header.userVersion < 1)
        return cannotOpen(Code::Corrupt, path,
                          Workbook::tr("the workbook is damaged (it has no file format version)."));
    // A rollback journal beside it means a crash in the middle of a change: SQLite puts the
    // file back from the journal, so only without one is a short file a damaged copy.
    if (header.cutShort && !QFileInfo::exists(path + u"-journal"_s))
        return cannotOpen(Code::Corrupt, path,
                          Workbook::tr("the workbook is damaged: the file is cut short, as by a "
                                       "copy or download that did not finish. Ask for the file "
                                       "again."));
    if (header.walMode)
        return cannotOpen(Code::WalMode, path,
                          Workbook::tr("another program switched it to write-ahead-log mode, "
                                       "which Playbook does not use. Open it in that program "
                                       "and set journal_mode=DELETE, or restore a copy."));
    *userVersion = header.userVersion;
    return {};
}

// quick_check lists one problem per line; the first names the kind of damage.
QString firstProblem(const QString &check)
{
    const QStringList lines = check.split(u'\n', Qt::SkipEmptyParts);
    return lines.value(lines.size() > 1 && lines.first().startsWith(u"***"_s) ? 1 : 0);
}

QString sortedList(const QSet<QString> &names)
{
    QStringList sorted = names.values();
    sorted.sort();
    return sorted.join(u", "_s);
}

} // namespace

std::unique_ptr<Workbook> Workbook::open(const QString &path, const OpenOptions &options,
                                         StoreError *error)
{
    const QFileInfo info(path);
    int userVersion = 0;
    *error = checkIsFile(info, path);
    if (!*error)
        *error = checkHeader(path, &userVersion);
    if (*error)
        return nullptr;

    std::unique_ptr<Workbook> workbook(new Workbook());
    workbook->m_path = info.absoluteFilePath();
    workbook->m_readOnly = options.readOnly;
    workbook->m_fileVersion = userVersion;
    *error = workbook->recoverFromCrash(path, info);
    if (!*error)
        *error = workbook->chooseAccess(path, info, options);
    if (!*error)
        *error = workbook->openConnection(path);
    if (!*error)
        *error = workbook->checkSchema(path);
    // An older workbook is brought up to date: on disk after a backup copy, or in memory
    // when it may not be written.
    if (!*error && workbook->m_fileVersion < schema::currentVersion())
        *error = workbook->upgrade(workbook->m_fileVersion);
    if (!*error && !workbook->loadSettings())
        *error = openFailure(path, *workbook->m_db);
    if (!*error && !workbook->m_readOnly) {
        workbook->m_history = std::make_unique<HistoryRecorder>(*workbook->m_db);
        if (!workbook->m_history->install())
            *error = openFailure(path, *workbook->m_db);
    }
    if (*error)
        return nullptr;
    return workbook;
}

// A crash in the middle of a change leaves a hot journal beside the file. SQLite plays it
// back only through a connection that may write, so a read-only open (a `check`, a second
// window) would otherwise be refused until someone opened the file for editing. Every open
// therefore rolls the change back first, under the lock, when the file may be written; when
// it may not, it says what is waiting and why. A journal of another file, or a damaged one,
// is neither played back nor deleted (HotJournal).
StoreError Workbook::recoverFromCrash(const QString &path, const QFileInfo &info)
{
    QString reason;
    switch (HotJournal::inspect(path, &reason)) {
    case HotJournal::State::None:
        return {};
    case HotJournal::State::Foreign:
    case HotJournal::State::Damaged:
        return cannotOpen(Code::Corrupt, path,
                          tr("%1, so it is neither played back nor deleted. If the workbook is "
                             "known to be sound, move %2 away; otherwise restore a copy.")
                              .arg(reason, quoted(HotJournal::pathFor(path))));
    case HotJournal::State::Hot:
        break;
    }
    const QString waiting = tr("an unfinished change left by a crash is waiting to be rolled "
                               "back; open it once where it can be written (%1).");
    if (!isMarkedWritable(info))
        return cannotOpen(Code::ReadOnly, path, waiting.arg(tr("the file is read-only")));
    if (!isMarkedWritable(QFileInfo(info.absolutePath())))
        return cannotOpen(Code::ReadOnly, path, waiting.arg(tr("its folder is read-only")));
    WorkbookLock lock(path);
    switch (lock.tryAcquire()) {
    case WorkbookLock::Result::Acquired:
        break;
    case WorkbookLock::Result::HeldByOther: {
        // Someone on this computer is editing it: the journal is their change in progress,
        // which SQLite's own locks keep us out of. On another computer nobody can tell.
        if (lock.holder().sameHost)
            return {};
        StoreError error =
            cannotOpen(Code::Locked, path,
                       waiting.arg(tr("it is being edited by %1").arg(lock.holder().describe())));
        error.holder = lock.holder();
        return error;
    }
    default:
        return cannotOpen(Code::ReadOnly, path,
                          waiting.arg(tr("no lock file can be created beside it")));
    }
    // The first read through a connection that may write plays the journal back and removes it.
    SqliteDatabase db;
    bool ok = db.open(path, SqliteDatabase::Access::ReadWrite);
    if (ok)
        db.scalar(u"PRAGMA schema_version"_s, &ok);
    if (!ok)
        return openFailure(path, db);
    db.close();
    if (HotJournal::inspect(path) != HotJournal::State::None)
        return cannotOpen(Code::Io, path, waiting.arg(tr("rolling it back did not finish")));
    m_recovered = true;
    return {};
}

// Decides how to open it: writable file and folder, and nobody else editing it.
StoreError Workbook::chooseAccess(const QString &path, const QFileInfo &info,
                                  const OpenOptions &options)
{
    QString unwritable;
    if (!isMarkedWritable(info))
        unwritable = tr("the file is read-only");
    else if (!isMarkedWritable(QFileInfo(info.absolutePath())))
        unwritable = tr("its folder is read-only");
    if (!m_readOnly && unwritable.isEmpty()) {
        m_lock = std::make_unique<WorkbookLock>(path);
        const auto result = options.breakLock ? m_lock->breakAndAcquire() : m_lock->tryAcquire();
        if (result == WorkbookLock::Result::HeldByOther) {
            StoreError error = StoreError::make(
                Code::Locked,
                tr("%1 is being edited by %2.").arg(quoted(path), m_lock->holder().describe()));
            error.holder = m_lock->holder();
            return error;
        }
        if (result != WorkbookLock::Result::Acquired) {
            unwritable = tr("no lock file can be created beside it");
            m_lock.reset();
        }
    }
    if (!m_readOnly && !unwritable.isEmpty()) {
        if (!options.readOnlyIfUnwritable)
            return StoreError::make(Code::ReadOnly,
                                    tr("%1 cannot be changed: %2.").arg(quoted(path), unwritable));
        m_readOnly = true;
        m_readOnlyReason = tr("Opened read-only because %1.").arg(unwritable);
    }
    return {};
}

// Opens the SQLite connection with our settings, and runs quick_check (which also plays
// back a hot journal left by a crash).
StoreError Workbook::openConnection(const QString &path)
{
    SqliteDatabase &db = *m_db;
    const auto access =
        m_readOnly ? SqliteDatabase::Access::ReadOnly : SqliteDatabase::Access::ReadWrite;
    if (!db.open(path, access))
        return openFailure(path, db);
    bool ok = db.exec(u"PRAGMA foreign_keys=ON; PRAGMA cell_size_check=ON;"_s);
    if (ok && !m_readOnly)
        ok = db.exec(u"PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"_s);
    const QString check = ok ? db.scalar(u"PRAGMA quick_check"_s, &ok).toString() : QString();
    if (!ok)
        return openFailure(path, db);
    if (check != u"ok")
        return cannotOpen(Code::Corrupt, path,
                          tr("the workbook is damaged (%1).").arg(firstProblem(check)));
    return {};
}

// Checks the file format version and that the tables, indexes and triggers are exactly
// those that version has: nothing another tool added can run, nothing is missing.
StoreError Workbook::checkSchema(const QString &path)
{
    SqliteDatabase &db = *m_db;
    // The version as SQLite sees it. After a crash in the middle of an upgrade the raw header
    // can show the new version while a hot journal holds the old pages; opening the
    // connection (quick_check) has played the journal back, so ask again.
    bool ok = false;
    const int version = db.scalar(u"PRAGMA user_version"_s, &ok).toInt();
    if (!ok || version < 1 || version > schema::currentVersion())
        return cannotOpen(Code::Corrupt, path,
                          tr("the workbook is damaged (file format version %1).").arg(version));
    m_fileVersion = version;
    const QSet<QString> expected = schema::expectedObjects(version);
    QSet<QString> actual;
    SqliteStatement objects(db, u"SELECT type, name FROM sqlite_schema "
                                u"WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s);
    while (objects.step())
        actual.insert(objects.text(0) + u" \""_s + objects.text(1) + u'"');
    if (const QSet<QString> extra = actual - expected; !extra.isEmpty())
        return cannotOpen(Code::UnexpectedSchema, path,
                          tr("it contains objects Playbook did not create (%1); it is refused "
                             "so that nothing in it can run.")
                              .arg(sortedList(extra)));
    if (const QSet<QString> missing = expected - actual; !missing.isEmpty())
        return cannotOpen(Code::Corrupt, path,
                          tr("the workbook is damaged (missing %1).").arg(sortedList(missing)));
    return {};
}

StoreError Workbook::upgrade(int fromVersion)
{
    const int to = schema::currentVersion();
    // Read before the steps run: what they will change in the meaning of stored values.
    m_upgradeNotes = schema::upgradeNotes(*m_db, fromVersion, to);
    if (m_readOnly) {
        auto memory = std::make_unique<SqliteDatabase>();
        QString message;
        if (!memory->openInMemory() || !snapshot::copyInto(*m_db, *memory, &message) ||
            !memory->exec(u"PRAGMA foreign_keys=ON"_s) ||
            !schema::migrate(*memory, fromVersion, to))
            return cannotOpen(Code::Io, m_path,
                              tr("it could not be upgraded for viewing (%1).")
                                  .arg(message.isEmpty() ? memory->lastError() : message));
        m_db = std::move(memory);
        m_upgradedFrom = fromVersion;
        return {};
    }
    const QString backup = backupPathFor(m_path, fromVersion);
    QString message;
    if (!snapshot::writeFile(*m_db, backup, &message)) {
        return cannotOpen(Code::Io, m_path,
                          tr("it needs an upgrade, but the backup copy %1 could not be written "
                             "(%2); nothing was changed.")
                              .arg(quoted(backup), message));
    }
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !schema::migrate(*m_db, fromVersion, to) ||
        !transaction.commit()) {
        return cannotOpen(Code::Io, m_path,
                          tr("the upgrade from file format %1 failed (%2); the workbook is "
                             "unchanged and a backup is at %3.")
                              .arg(fromVersion)
                              .arg(m_db->lastError(), quoted(backup)));
    }
    m_upgradedFrom = fromVersion;
    m_fileVersion = to;
    m_backupPath = backup;
    return {};
}

} // namespace pb::store
