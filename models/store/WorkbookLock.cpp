#include "WorkbookLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace pb::store {

QString LockHolder::describe() const
{
    const QString who = user.isEmpty() ? WorkbookLock::tr("another user") : user;
    const QString where = host.isEmpty() ? WorkbookLock::tr("an unknown computer") : host;
    const QString when = since.isValid()
                             ? QLocale().toString(since.toLocalTime(), QLocale::ShortFormat)
                             : WorkbookLock::tr("an unknown time");
    return WorkbookLock::tr("%1 on %2 (process %3, since %4)").arg(who, where).arg(pid).arg(when);
}

WorkbookLock::WorkbookLock(const QString &workbookPath)
    : m_lockPath(lockFilePath(workbookPath))
{}

WorkbookLock::~WorkbookLock()
{
    release();
}

QString WorkbookLock::lockFilePath(const QString &workbookPath)
{
    const QFileInfo info(workbookPath);
    return info.absoluteDir().filePath(u".~lock."_s + info.fileName() + u'#');
}

static LockHolder readHolder(const QLockFile &lock, const QString &lockPath)
{
    LockHolder holder;
    if (!lock.getLockInfo(&holder.pid, &holder.host, &holder.application))
        return holder;
    const QFileInfo info(lockPath);
    // QLockFile writes the file once when it locks, so its time is "since when"; the
    // owner of the file is the user who took the lock.
    holder.since = info.lastModified();
    holder.user = info.owner();
    holder.sameHost = holder.host == QSysInfo::machineHostName();
    return holder;
}

WorkbookLock::Result WorkbookLock::tryAcquire()
{
    if (isHeld())
        return Result::Acquired;
    m_lock = std::make_unique<QLockFile>(m_lockPath);
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        m_holder = {};
        return Result::Acquired;
    }
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        m_holder = readHolder(*m_lock, m_lockPath);
        if (!m_holder.isValid()) {
            // QLockFile creates the file and then writes who holds it; a process killed in
            // between (found by tst_crash) leaves an empty file that names nobody and
            // would block the workbook for good. A live holder finishes writing within
            // microseconds: still unreadable a moment later, the file is an orphan.
            QThread::msleep(100);
            QLockFile probe(m_lockPath);
            qint64 pid = 0;
            QString host, application;
            if (!probe.getLockInfo(&pid, &host, &application) && QFile::remove(m_lockPath) &&
                m_lock->tryLock(0)) {
                m_holder = {};
                return Result::Acquired;
            }
            m_holder = readHolder(*m_lock, m_lockPath);
        }
        return Result::HeldByOther;
    case QLockFile::PermissionError:
        return Result::NoPermission;
    default:
        return Result::Failed;
    }
}

WorkbookLock::Result WorkbookLock::breakAndAcquire()
{
    if (isHeld())
        return Result::Acquired;
    QLockFile lock(m_lockPath);
    lock.removeStaleLockFile();
    return tryAcquire();
}

void WorkbookLock::release()
{
    if (m_lock && m_lock->isLocked())
        m_lock->unlock();
    m_lock.reset();
}

bool WorkbookLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

LockHolder WorkbookLock::inspect(const QString &workbookPath)
{
    const QString path = lockFilePath(workbookPath);
    if (!QFileInfo::exists(path))
        return {};
    QLockFile lock(path);
    return readHolder(lock, path);
}

} // namespace pb::store
