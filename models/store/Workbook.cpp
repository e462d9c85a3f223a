#include "Workbook.h"

#include "FileSnapshot.h"
#include "History.h"
#include "Schema.h"
#include "SqliteDatabase.h"
#include "WorkbookLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using pb::domain::InvalidValue;
using pb::domain::SettingKey;
using pb::domain::SettingValues;
using pb::domain::WorkbookSettings;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

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

// A setting the rules refuse, as reported: what is stored and what is used instead.
InvalidValue invalidSetting(SettingKey key, const QVariant &stored, QString why)
{
    if (why.endsWith(u'.'))
        why.chop(1);
    return {u"settings"_s, WorkbookSettings::storageKey(key), u"value"_s, stored.toString(),
            Workbook::tr("%1; the default (%2) is used")
                .arg(why, WorkbookSettings::text(key, WorkbookSettings::defaultValue(key)))};
}

} // namespace

QString Workbook::quoted(const QString &path)
{
    return u'"' + QDir::toNativeSeparators(path) + u'"';
}

Workbook::Workbook()
    : m_db(std::make_unique<SqliteDatabase>())
    , m_notifier(std::make_unique<WorkbookNotifier>())
{}

Workbook::~Workbook()
{
    // Close the database before the lock goes, so no one can open it for writing while we
    // still have it. The history's statements go first: SQLite closes no connection with
    // statements left.
    m_history.reset();
    m_db->close();
    m_lock.reset();
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
    m_invalidSettings.clear();
    SqliteStatement query(*m_db, u"SELECT key, value FROM settings"_s);
    SettingValues stored;
    while (query.step()) {
        // A key this version does not know (a newer version's) is left alone.
        const auto key = WorkbookSettings::keyFromStorage(query.text(0));
        if (!key)
            continue;
        const QVariant raw = query.value(1);
        stored.insert(*key, raw);
        QVariant value = raw;
        if (const QString why = WorkbookSettings::validate(*key, value); !why.isEmpty())
            m_invalidSettings.append(invalidSetting(*key, raw, why));
        else
            m_settings.insert(*key, value);
    }
    // Values each sound but wrong together (every weight zero, a referral-fee range upside
    // down): the defaults of that group.
    const QList<QList<SettingKey>> groups = {
        {SettingKey::WeightAudienceOverlap, SettingKey::WeightStrategicValue,
         SettingKey::WeightEaseOfIntegration},
        {SettingKey::ReferralFeeMin, SettingKey::ReferralFeeMax}};
    for (const QList<SettingKey> &group : groups) {
        const QString why = WorkbookSettings::validateTogether(m_settings, {});
        if (why.isEmpty())
            break;
        SettingValues without = m_settings;
        for (SettingKey key : group)
            without.remove(key);
        if (!WorkbookSettings::validateTogether(without, {}).isEmpty())
            continue; // not this group
        for (SettingKey key : group) {
            if (m_settings.contains(key))
                m_invalidSettings.append(invalidSetting(key, stored.value(key), why));
        }
        m_settings = without;
    }
    return query.ok();
}

QList<InvalidValue> Workbook::invalidValues() const
{
    QList<InvalidValue> found = m_invalidSettings;
    found += invalidCandidateValues();
    return found;
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

    // Read back, so that a value that was invalid and is now replaced is no longer listed.
    loadSettings();
    Change change{Change::Entity::Settings, Change::Kind::Updated, {}, {}};
    for (auto it = checked.cbegin(); it != checked.cend(); ++it)
        change.fields.append(WorkbookSettings::storageKey(it.key()));
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
