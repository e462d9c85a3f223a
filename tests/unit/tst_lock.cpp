// Locking for shared workbooks: a second writer is told who holds the lock and since
// when; a lock left by a dead process on this host is taken over; a lock from another
// host is only broken on request.
#include "TestFiles.h"
#include "io/SampleWorkbook.h"
#include "store/Workbook.h"
#include "store/WorkbookLock.h"

#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::store::StoreError;
using pb::store::Workbook;
using pb::store::WorkbookLock;

class TestLock : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString makeWorkbook(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        return io::SampleWorkbook::create(path) ? QString() : path;
    }

private slots:
    void lockFileBesideWorkbook()
    {
        const QString path = makeWorkbook(u"plain.playbook"_s);
        QCOMPARE(QFileInfo(WorkbookLock::lockFilePath(path)).fileName(),
                 u".~lock.plain.playbook#"_s);
        StoreError error;
        {
            auto workbook = Workbook::open(path, {}, &error);
            QVERIFY(workbook);
            QVERIFY(QFileInfo::exists(WorkbookLock::lockFilePath(path)));
            const store::LockHolder holder = WorkbookLock::inspect(path);
            QVERIFY(holder.isValid());
            QCOMPARE(holder.pid, QCoreApplication::applicationPid());
            QCOMPARE(holder.host, QSysInfo::machineHostName());
            QVERIFY(holder.sameHost);
        }
        QVERIFY(!QFileInfo::exists(WorkbookLock::lockFilePath(path)));
        QVERIFY(!WorkbookLock::inspect(path).isValid());
    }

    void secondWriterIsToldWhoHoldsIt()
    {
        const QString path = makeWorkbook(u"shared.playbook"_s);
        QProcess holder;
        QVERIFY(test::startLockHolder(holder, path));
        const test::Fingerprint before = test::fingerprint(path);

        StoreError error;
        QVERIFY(!Workbook::open(path, {}, &error));
        QCOMPARE(error.code, StoreError::Code::Locked);
        QCOMPARE(error.holder.pid, holder.processId());
        QCOMPARE(error.holder.host, QSysInfo::machineHostName());
        QVERIFY(error.holder.sameHost);
        QVERIFY(!error.holder.user.isEmpty());
        QVERIFY(qAbs(error.holder.since.secsTo(QDateTime::currentDateTime())) < 120);
        QVERIFY2(error.message.contains(u"shared.playbook\" is being edited by"_s),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QString::number(holder.processId())));
        // Even breaking is refused while the holder's process lives on this host.
        QVERIFY(!Workbook::open(path, {.breakLock = true}, &error));
        QCOMPARE(error.code, StoreError::Code::Locked);

        // Looking is allowed, writing is not.
        auto viewer = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY2(viewer, qPrintable(error.message));
        QCOMPARE(viewer->counts().candidates, 30);
        viewer.reset();
        QCOMPARE(test::fingerprint(path), before);

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        QVERIFY(Workbook::open(path, {}, &error));
    }

    void staleLockIsTakenOver()
    {
        const QString path = makeWorkbook(u"crashed.playbook"_s);
        QProcess holder;
        QVERIFY(test::startLockHolder(holder, path));
        holder.kill(); // SIGKILL: the lock file stays behind
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(QFileInfo::exists(WorkbookLock::lockFilePath(path)));

        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(WorkbookLock::inspect(path).pid, QCoreApplication::applicationPid());
    }

    // Killed between creating the lock file and writing who holds it (found by tst_crash
    // under ASan): an empty lock file must not block the workbook for good.
    void emptyLockFileIsAnOrphan()
    {
        const QString path = makeWorkbook(u"half-locked.playbook"_s);
        QVERIFY(test::writeBytes(WorkbookLock::lockFilePath(path), {}));
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(WorkbookLock::inspect(path).pid, QCoreApplication::applicationPid());
    }

    void lockFromAnotherHost()
    {
        const QString path = makeWorkbook(u"colleague.playbook"_s);
        // What QLockFile writes: pid, application, host, machine id, boot id.
        QVERIFY(test::writeBytes(WorkbookLock::lockFilePath(path),
                                 "4242\nplaybook\nanna-laptop\n"
                                 "0123456789abcdef0123456789abcdef\nboot\n"));
        const test::Fingerprint before = test::fingerprint(path);

        StoreError error;
        QVERIFY(!Workbook::open(path, {}, &error));
        QCOMPARE(error.code, StoreError::Code::Locked);
        QCOMPARE(error.holder.host, u"anna-laptop"_s);
        QCOMPARE(error.holder.pid, 4242);
        QVERIFY(!error.holder.sameHost);
        QVERIFY(error.message.contains(u"anna-laptop"_s));
        QCOMPARE(test::fingerprint(path), before);

        // After a warning the GUI may break it; then the lock is ours.
        auto workbook = Workbook::open(path, {.breakLock = true}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(WorkbookLock::inspect(path).pid, QCoreApplication::applicationPid());
    }

    void describeNamesEverything()
    {
        store::LockHolder holder;
        holder.user = u"anna"_s;
        holder.host = u"anna-laptop"_s;
        holder.pid = 17;
        holder.since = QDateTime(QDate(2026, 11, 22), QTime(9, 14));
        const QString text = holder.describe();
        QVERIFY(text.contains(u"anna on anna-laptop"_s));
        QVERIFY(text.contains(u"17"_s));
        QVERIFY(text.contains(u"2026"_s) || text.contains(u"26"_s));
    }
};

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
