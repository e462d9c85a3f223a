// A full disk: each operation runs in a child process whose writes fail past a file-size
// limit (RLIMIT_FSIZE, helpers/diskfull.cpp). Every one must report the failure in a
// message, leave the workbook byte-for-byte as it was and sound, and leave no partial
// output file (nor a temporary one) behind. Linux and macOS only (setrlimit).
#include "io/SampleWorkbook.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;

class TestDiskFull : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void reportedAndHarmless_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("output");
        QTest::addColumn<qint64>("headroom"); // bytes past the workbook's size
        QTest::newRow("edit") << u"edit"_s << QString() << qint64(64 * 1024);
        QTest::newRow("10,000-row import") << u"import"_s << QString() << qint64(64 * 1024);
        QTest::newRow("save a copy") << u"copy"_s << u"copy.playbook"_s << qint64(-1);
        QTest::newRow("candidates CSV") << u"csv"_s << u"ranked.csv"_s << qint64(-1);
        QTest::newRow("proposal PDF") << u"pdf"_s << u"proposal.pdf"_s << qint64(-1);
        QTest::newRow("chart PNG") << u"png"_s << u"chart.png"_s << qint64(-1);
        QTest::newRow("tokens file") << u"tokens"_s << u"ours.tokens"_s << qint64(-1);
    }

    void reportedAndHarmless()
    {
#ifndef Q_OS_UNIX
        QSKIP("setrlimit is POSIX");
#endif
        QFETCH(QString, action);
        QFETCH(QString, output);
        QFETCH(qint64, headroom);
        const QString folder = m_dir.filePath(action);
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath(u"w.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        const test::Fingerprint before = test::fingerprint(path);
        const QStringList siblings = test::siblings(path);
        // Exports: a disk with 1 kB left; store writes: a little room, not enough.
        const qint64 limit = headroom < 0 ? 1024 : QFileInfo(path).size() + headroom;
        const QString out =
            output.isEmpty() ? QDir(folder).filePath(u"unused"_s) : QDir(folder).filePath(output);

        QProcess child;
        child.start(test::builtProgram(u"tests/diskfull"_s),
                    {QString::number(limit), action, path, out});
        QVERIFY(child.waitForFinished(60000));
        const QString said = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(u"exit %1: %2 %3"_s.arg(child.exitCode())
                                .arg(said, QString::fromUtf8(child.readAllStandardError()))));
        QVERIFY2(said.startsWith(u"failed: "_s) && said.size() > 20, qPrintable(said));
        if (!output.isEmpty())
            QVERIFY2(said.contains(output), qPrintable(said)); // the message names the file

        // The workbook: byte-for-byte as it was (a rolled-back write may touch its time),
        // sound, and it opens.
        const test::Fingerprint after = test::fingerprint(path);
        QCOMPARE(after.size, before.size);
        QVERIFY(after.hash == before.hash);
        store::StoreError error;
        auto workbook = store::Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QVERIFY(workbook->integrityProblems().isEmpty());
        workbook.reset();
        // No partial output and no temporary file beside it.
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(test::siblings(path), siblings);
        qInfo("%s: %s", qPrintable(action), qPrintable(said));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
