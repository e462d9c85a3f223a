#include "Workbook.h"

#include "FileSnapshot.h"
#include "Schema.h"
#include "SqliteDatabase.h"
#include "WorkbookHeader.h"
#include "WorkbookLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;
using pb::domain::SettingValues;
using pb::domain::WorkbookSettings;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

QString quoted(const QString &path)
{
    return u'"' + QDir::toNativeSeparators(path) + u'"';
}

StoreError cannotOpen(Code code, const QString &path, const QString &why)
{
    return StoreError::make(code, Workbook::tr("%1 cannot be opened: %2").arg(quoted(path), why));
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

bool writeNewFile(const QString &path, int version, const QString &title, QString *error)
{
    const QString temporary = snapshot::temporarySibling(path, u"new"_s);
    bool ok = false;
    {
        SqliteDatabase db;
        ok = db.open(temporary, SqliteDatabase::Access::Create) &&
             db.exec(u"PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
                     u"PRAGMA application_id=%1;"_s.arg(schema::kApplicationId));
        if (ok) {
            SqliteTransaction transaction(db);
            ok = transaction.isActive() && schema::migrate(db, 0, version);
            if (ok) {
                SqliteStatement insert(db, u"INSERT INTO settings(key, value) VALUES (?, ?)"_s);
                insert.bindText(1, WorkbookSettings::storageKey(SettingKey::Title));
                insert.bindText(2, title);
                ok = insert.exec() && transaction.commit();
            }
        }
        if (!ok)
            *error = db.lastError();
    }
    // QFile::rename never replaces an existing file, so a file that appeared meanwhile
    // is not overwritten either.
    if (ok && !QFile::rename(temporary, path)) {
        *error = Workbook::tr("a file with that name already exists");
        ok = false;
    }
    if (!ok) {
        QFile::remove(temporary);
        QFile::remove(temporary + u"-journal"_s);
    }
    return ok;
}

} // namespace

Workbook::Workbook()
    : m_db(std::make_unique<SqliteDatabase>())
    , m_notifier(std::make_unique<WorkbookNotifier>())
{}

Workbook::~Workbook()
{
    // Close the database before the lock goes, so no one can open it for writing while we
    // still have it.
    m_db->close();
    m_lock.reset();
}

std::unique_ptr<Workbook> Workbook::open(const QString &path, const OpenOptions &options,
                                         StoreError *error)
{
    *error = {};
    const QFileInfo info(path);
    if (!info.exists())
        return *error = cannotOpen(Code::Missing, path, tr("the file does not exist.")), nullptr;
    if (!info.isFile())
        return *error = cannotOpen(Code::NotAFile, path, tr("it is a folder, not a file.")),
               nullptr;

    // 1. Look at the header without SQLite: refuse what is not ours before any connection
    //    could change a byte.
    const WorkbookHeader header = WorkbookHeader::read(path);
    switch (header.kind) {
    case WorkbookHeader::Kind::Unreadable:
        *error =
            cannotOpen(Code::Unreadable, path, tr("it cannot be read (%1).").arg(header.readError));
        return nullptr;
    case WorkbookHeader::Kind::Empty:
        *error = cannotOpen(Code::Empty, path,
                            tr("the file is empty (0 bytes), not a Playbook workbook."));
        return nullptr;
    case WorkbookHeader::Kind::NotSqlite:
        *error = cannotOpen(Code::NotSqlite, path,
                            tr("it is not a Playbook workbook (not an SQLite database)."));
        return nullptr;
    case WorkbookHeader::Kind::Sqlite:
        break;
    }
    if (header.applicationId != schema::kApplicationId) {
        *error = cannotOpen(Code::ForeignDatabase, path,
                            tr("it is an SQLite database of another application, "
                               "not a Playbook workbook."));
        return nullptr;
    }
    if (header.userVersion > schema::currentVersion()) {
        *error = cannotOpen(Code::TooNew, path,
                            tr("it was made by a newer version of Playbook Workbench (file "
                               "format %1; this version reads up to %2). Update Playbook "
                               "Workbench to open it.")
                                .arg(header.userVersion)
                                .arg(schema::currentVersion()));
        return nullptr;
    }
    if (header.userVersion < 1) {
        *error = cannotOpen(Code::Corrupt, path,
                            tr("the workbook is damaged (it has no file format version)."));
        return nullptr;
    }
    // A rollback journal beside it means a crash in the middle of a change: SQLite puts the
    // file back from the journal, so only without one is a short file a damaged copy.
    if (header.cutShort && !QFileInfo::exists(path + u"-journal"_s)) {
        *error = cannotOpen(Code::Corrupt, path,
                            tr("the workbook is damaged: the file is cut short, as by a copy or "
                               "download that did not finish. Ask for the file again."));
        return nullptr;
    }
    if (header.walMode) {
        *error = cannotOpen(Code::WalMode, path,
                            tr("another program switched it to write-ahead-log mode, which "
                               "Playbook does not use. Open it in that program and set "
                               "journal_mode=DELETE, or restore a copy."));
        return nullptr;
    }

    // 2. Decide how to open it: writable file and folder, and nobody else editing it.
    std::unique_ptr<Workbook> workbook(new Workbook());
    workbook->m_path = info.absoluteFilePath();
    workbook->m_readOnly = options.readOnly;
    workbook->m_fileVersion = header.userVersion;
    QString unwritable;
    if (!isMarkedWritable(info))
        unwritable = tr("the file is read-only");
    else if (!isMarkedWritable(QFileInfo(info.absolutePath())))
        unwritable = tr("its folder is read-only");
    if (!workbook->m_readOnly && unwritable.isEmpty()) {
        workbook->m_lock = std::make_unique<WorkbookLock>(path);
        const auto result = options.breakLock ? workbook->m_lock->breakAndAcquire()
                                              : workbook->m_lock->tryAcquire();
        if (result == WorkbookLock::Result::HeldByOther) {
            *error = StoreError::make(
                Code::Locked, tr("%1 is being edited by %2.")
                                  .arg(quoted(path), workbook->m_lock->holder().describe()));
            error->holder = workbook->m_lock->holder();
            return nullptr;
        }
        if (result != WorkbookLock::Result::Acquired) {
            unwritable = tr("no lock file can be created beside it");
            workbook->m_lock.reset();
        }
    }
    if (!workbook->m_readOnly && !unwritable.isEmpty()) {
        if (!options.readOnlyIfUnwritable) {
            *error = StoreError::make(
                Code::ReadOnly, tr("%1 cannot be changed: %2.").arg(quoted(path), unwritable));
            return nullptr;
        }
        workbook->m_readOnly = true;
        workbook->m_readOnlyReason = tr("Opened read-only because %1.").arg(unwritable);
    }

    // 3. Open and check it.
    SqliteDatabase &db = *workbook->m_db;
    const auto access =
        workbook->m_readOnly ? SqliteDatabase::Access::ReadOnly : SqliteDatabase::Access::ReadWrite;
    if (!db.open(path, access)) {
        *error = openFailure(path, db);
        return nullptr;
    }
    bool ok = db.exec(u"PRAGMA foreign_keys=ON; PRAGMA cell_size_check=ON;"_s);
    if (ok && !workbook->m_readOnly)
        ok = db.exec(u"PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"_s);
    const QString check = ok ? db.scalar(u"PRAGMA quick_check"_s, &ok).toString() : QString();
    if (!ok) {
        *error = openFailure(path, db);
        return nullptr;
    }
    if (check != u"ok") {
        // quick_check lists one problem per line; the first names the kind of damage.
        const QStringList lines = check.split(u'\n', Qt::SkipEmptyParts);
        QString first = lines.value(lines.size() > 1 && lines.first().startsWith(u"***"_s) ? 1 : 0);
        *error = cannotOpen(Code::Corrupt, path, tr("the workbook is damaged (%1).").arg(first));
        return nullptr;
    }
    // The version as SQLite sees it. After a crash in the middle of an upgrade the raw header
    // can show the new version while a hot journal holds the old pages; opening the
    // connection (quick_check above) has played the journal back, so ask again.
    const int version = db.scalar(u"PRAGMA user_version"_s, &ok).toInt();
    if (!ok || version < 1 || version > schema::currentVersion()) {
        *error = cannotOpen(Code::Corrupt, path,
                            tr("the workbook is damaged (file format version %1).").arg(version));
        return nullptr;
    }
    workbook->m_fileVersion = version;
    const QSet<QString> expected = schema::expectedObjects(version);
    QSet<QString> actual;
    {
        SqliteStatement objects(db, u"SELECT type, name FROM sqlite_schema "
                                    u"WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s);
        while (objects.step())
            actual.insert(objects.text(0) + u" \""_s + objects.text(1) + u'"');
    }
    if (const QSet<QString> extra = actual - expected; !extra.isEmpty()) {
        QStringList names = extra.values();
        names.sort();
        *error = cannotOpen(Code::UnexpectedSchema, path,
                            tr("it contains objects Playbook did not create (%1); it is refused "
                               "so that nothing in it can run.")
                                .arg(names.join(u", "_s)));
        return nullptr;
    }
    if (const QSet<QString> missing = expected - actual; !missing.isEmpty()) {
        QStringList names = missing.values();
        names.sort();
        *error = cannotOpen(Code::Corrupt, path,
                            tr("the workbook is damaged (missing %1).").arg(names.join(u", "_s)));
        return nullptr;
    }

    // 4. Bring an older workbook up to date: on disk after a backup copy, or in memory
    //    when it may not be written.
    if (version < schema::currentVersion()) {
        if (StoreError upgradeError = workbook->upgrade(version); upgradeError) {
            *error = upgradeError;
            return nullptr;
        }
    }
    if (!workbook->loadSettings()) {
        *error = openFailure(path, db);
        return nullptr;
    }
    return workbook;
}

StoreError Workbook::upgrade(int fromVersion)
{
    const int to = schema::currentVersion();
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

std::unique_ptr<Workbook> Workbook::create(const QString &path, const QString &title,
                                           StoreError *error)
{
    *error = createAtVersion(path, schema::currentVersion(), title);
    if (error->isError())
        return nullptr;
    return open(path, OpenOptions{}, error);
}

StoreError Workbook::createAtVersion(const QString &path, int version, const QString &title)
{
    const QFileInfo info(path);
    const auto refuse = [&](Code code, const QString &why) {
        return StoreError::make(code, tr("%1 cannot be created: %2").arg(quoted(path), why));
    };
    if (info.exists())
        return refuse(Code::Exists, tr("a file with that name already exists (Playbook never "
                                       "overwrites a file)."));
    if (!QFileInfo(info.absolutePath()).isDir())
        return refuse(Code::Missing, tr("the folder does not exist."));
    QVariant checkedTitle = title;
    if (QString why = WorkbookSettings::validate(SettingKey::Title, checkedTitle); !why.isEmpty())
        return refuse(Code::InvalidValue, why);
    QString message;
    if (!writeNewFile(path, version, checkedTitle.toString(), &message))
        return refuse(Code::Io, message + u'.');
    return {};
}

QString Workbook::displayName() const
{
    return QFileInfo(m_path).fileName();
}

int Workbook::schemaVersion() const
{
    return m_db->scalar(u"PRAGMA user_version"_s).toInt();
}

bool Workbook::isOnNetworkDrive() const
{
    if (m_path.startsWith(u"//"_s) || m_path.startsWith(u"\\\\"_s))
        return true;
    static const QSet<QByteArray> networkTypes = {
        "nfs",    "nfs4",  "cifs",       "smbfs", "smb2", "smb3",  "afpfs",
        "webdav", "davfs", "fuse.sshfs", "sshfs", "9p",   "ncpfs", "fuse.davfs2"};
    return networkTypes.contains(QStorageInfo(QFileInfo(m_path).absolutePath()).fileSystemType());
}

StoreError Workbook::checkWritable() const
{
    if (!m_readOnly)
        return {};
    return StoreError::make(
        Code::ReadOnly, tr("%1 is open read-only; the change was not saved.").arg(quoted(m_path)));
}

StoreError Workbook::sqliteError(const QString &action) const
{
    const int code = m_db->lastErrorCode();
    QString why;
    Code kind = Code::Io;
    switch (code & 0xff) {
    case SQLITE_FULL:
        why = tr("the disk is full");
        break;
    case SQLITE_IOERR:
        why = tr("the file could not be written (is the disk full?)");
        break;
    case SQLITE_READONLY:
        why = tr("the file can no longer be written");
        kind = Code::ReadOnly;
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        why = tr("another program is using the workbook; try again");
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        why = tr("the workbook is damaged");
        kind = Code::Corrupt;
        break;
    case SQLITE_CONSTRAINT:
        why = tr("the value breaks a rule of the workbook (%1)").arg(m_db->lastError());
        kind = Code::InvalidValue;
        break;
    default:
        why = m_db->lastError();
    }
    return StoreError::make(
        kind, tr("%1 in %2 failed: %3; nothing was changed.").arg(action, quoted(m_path), why));
}

bool Workbook::loadSettings()
{
    m_settings.clear();
    SqliteStatement query(*m_db, u"SELECT key, value FROM settings"_s);
    while (query.step()) {
        if (auto key = WorkbookSettings::keyFromStorage(query.text(0)))
            m_settings.insert(*key, query.value(1));
    }
    return query.ok();
}

QVariant Workbook::setting(SettingKey key) const
{
    return m_settings.value(key, WorkbookSettings::defaultValue(key));
}

SettingValues Workbook::settings() const
{
    SettingValues values;
    for (SettingKey key : WorkbookSettings::allKeys())
        values.insert(key, setting(key));
    return values;
}

StoreError Workbook::setSettings(const SettingValues &changes)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SettingValues checked;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        QVariant value = it.value();
        if (QString why = WorkbookSettings::validate(it.key(), value); !why.isEmpty())
            return StoreError::make(Code::InvalidValue, why);
        checked.insert(it.key(), value);
    }
    if (QString why = WorkbookSettings::validateTogether(settings(), checked); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);

    SqliteTransaction transaction(*m_db);
    SqliteStatement upsert(*m_db, u"INSERT INTO settings(key, value) VALUES (?, ?) "
                                  u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    bool ok = transaction.isActive() && upsert.isValid();
    for (auto it = checked.cbegin(); ok && it != checked.cend(); ++it) {
        upsert.reset();
        upsert.bindText(1, WorkbookSettings::storageKey(it.key()));
        upsert.bind(2, it.value());
        ok = upsert.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the settings"));

    Change change{Change::Entity::Settings, Change::Kind::Updated, {}, {}};
    for (auto it = checked.cbegin(); it != checked.cend(); ++it) {
        m_settings.insert(it.key(), it.value());
        change.fields.append(WorkbookSettings::storageKey(it.key()));
    }
    emit m_notifier->changed(change);
    return {};
}

StoreError Workbook::saveCopy(const QString &target) const
{
    const QFileInfo targetInfo(target);
    if (targetInfo.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return StoreError::make(Code::Exists,
                                tr("A copy cannot replace the open workbook itself; choose "
                                   "another name."));
    if (const LockHolder holder = WorkbookLock::inspect(target); holder.isValid()) {
        StoreError error =
            StoreError::make(Code::Locked, tr("%1 cannot be replaced: it is being edited by %2.")
                                               .arg(quoted(target), holder.describe()));
        error.holder = holder;
        return error;
    }
    if (!QFileInfo(targetInfo.absolutePath()).isDir())
        return StoreError::make(Code::Missing, tr("%1 cannot be written: the folder does not "
                                                  "exist.")
                                                   .arg(quoted(target)));
    QString message;
    int code = 0;
    if (!snapshot::writeFile(*m_db, target, &message, &code)) {
        if ((code & 0xff) == SQLITE_FULL)
            message = tr("the disk is full");
        return StoreError::make(Code::Io, tr("%1 could not be written: %2. No file was left "
                                             "behind.")
                                              .arg(quoted(target), message));
    }
    return {};
}

QStringList Workbook::integrityProblems() const
{
    QStringList problems;
    SqliteStatement check(*m_db, u"PRAGMA integrity_check"_s);
    while (check.step()) {
        if (check.text(0) != u"ok")
            problems.append(check.text(0));
    }
    if (!check.ok())
        problems.append(m_db->lastError());
    return problems;
}

} // namespace pb::store
