#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLockFile>
#include <QString>

#include <memory>

namespace pb::store {

// Who holds a workbook open for editing, as read from its lock file.
struct LockHolder
{
    QString user;
    QString host;
    QString application;
    qint64 pid = 0;
    QDateTime since;
    bool sameHost = false;

    bool isValid() const { return pid > 0 || !host.isEmpty(); }
    // "anna on laptop-7 (process 4711, since 22 Nov 2026 09:14)"
    QString describe() const;
};

// The office-suite style lock beside a workbook (`.~lock.NAME#`), over QLockFile. A lock
// is stale only when its process is gone on this same host (QLockFile checks that);
// there is no age limit, because a colleague may keep a workbook open all day.
class WorkbookLock
{
    Q_DECLARE_TR_FUNCTIONS(WorkbookLock)
public:
    enum class Result { Acquired, HeldByOther, NoPermission, Failed };

    explicit WorkbookLock(const QString &workbookPath);
    ~WorkbookLock();

    static QString lockFilePath(const QString &workbookPath);

    // Takes the lock, taking over a stale one. On HeldByOther, holder() says who.
    Result tryAcquire();
    // Removes someone else's lock after the user was warned, then takes it.
    Result breakAndAcquire();
    void release();
    bool isHeld() const;

    LockHolder holder() const { return m_holder; }
    // The current holder of the lock of any workbook, or an invalid holder if none.
    static LockHolder inspect(const QString &workbookPath);

private:
    QString m_lockPath;
    std::unique_ptr<QLockFile> m_lock;
    LockHolder m_holder;
};

} // namespace pb::store
