// A workbook left by a crash (tests/data/crashed: killed mid-import, with its hot journal):
// every read verb and a read-only open roll the unfinished change back first when the file
// can be written, and give exactly the state before it; when it cannot be written, or the
// journal is not the workbook's, they say so truthfully and change nothing.
#include "store/HotJournal.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;

namespace {

const QString kFixtures = QStringLiteral(PLAYBOOK_SOURCE_DIR "/tests/data/crashed/");

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(test::builtProgram(u"app/playbook-cli"_s), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to) &&
           QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                         QFile::ReadOther);
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fixtureIsHot();
    void readVerbsRecover_data();
    void readVerbsRecover();
    void checkSaysItRecovered();
    void readOnlyOpenRecovers();
    void readOnlyFileIsTold();
    void readOnlyFolderIsTold();
    void liveHolderElsewhereIsNamed();
    void foreignJournalIsRefused();
    void damagedJournalIsRefused();

private:
    // The crashed workbook copied into a folder of its own; its path.
    QString crashed(const QString &folder = {});
    QString expectedOutput(const QStringList &verb);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRecovery::cleanup()
{
    // Folders made read-only by a test must be writable again to be removed.
    QFile::setPermissions(m_dir->filePath(u"locked"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_dir.reset();
}

QString TestRecovery::crashed(const QString &folder)
{
    const QString dir = folder.isEmpty() ? m_dir->path() : m_dir->filePath(folder);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(u"q3.playbook"_s);
    if (!copyFile(kFixtures + u"import-killed.playbook"_s, path) ||
        !copyFile(kFixtures + u"import-killed.playbook-journal"_s, path + u"-journal"_s))
        return {};
    return path;
}

// What a read verb prints for the workbook as it was before the interrupted import.
QString TestRecovery::expectedOutput(const QStringList &verb)
{
    const QString before = m_dir->filePath(u"before/q3.playbook"_s);
    QDir().mkpath(QFileInfo(before).path());
    copyFile(kFixtures + u"before-import.playbook"_s, before);
    QStringList arguments = verb;
    arguments.replaceInStrings(u"WORKBOOK"_s, before);
    return runCli(arguments).out.replace(before, u"WORKBOOK"_s);
}

void TestRecovery::fixtureIsHot()
{
    const QString path = crashed();
    QString reason;
    QCOMPARE(store::HotJournal::inspect(path, &reason), store::HotJournal::State::Hot);
    QVERIFY2(reason.isEmpty(), qPrintable(reason));
}

void TestRecovery::readVerbsRecover_data()
{
    QTest::addColumn<QStringList>("verb");
    QTest::newRow("info") << QStringList{u"info"_s, u"WORKBOOK"_s};
    QTest::newRow("info --json") << QStringList{u"info"_s, u"WORKBOOK"_s, u"--json"_s};
    QTest::newRow("rank") << QStringList{u"rank"_s, u"WORKBOOK"_s, u"--top"_s, u"5"_s};
    QTest::newRow("candidates export") << QStringList{u"candidates"_s, u"export"_s, u"WORKBOOK"_s};
    QTest::newRow("raci export") << QStringList{u"raci"_s, u"export"_s, u"WORKBOOK"_s,
                                                u"Ledgerly"_s};
    QTest::newRow("kpi export") << QStringList{u"kpi"_s, u"export"_s, u"WORKBOOK"_s, u"Ledgerly"_s};
    QTest::newRow("kpi status") << QStringList{u"kpi"_s, u"status"_s, u"WORKBOOK"_s, u"Ledgerly"_s,
                                               u"--json"_s};
    QTest::newRow("terms") << QStringList{u"terms"_s, u"WORKBOOK"_s, u"Ledgerly"_s};
}

void TestRecovery::readVerbsRecover()
{
    QFETCH(QStringList, verb);
    const QString path = crashed();
    QStringList arguments = verb;
    arguments.replaceInStrings(u"WORKBOOK"_s, path);
    const CliResult result = runCli(arguments);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(!result.err.contains(u"cannot be written"_s), qPrintable(result.err));
    // Exactly the state before the interrupted import: the same output as that workbook gives.
    QCOMPARE(QString(result.out).replace(path, u"WORKBOOK"_s), expectedOutput(verb));
    QVERIFY(!QFile::exists(path + u"-journal"_s));
    QVERIFY(!QFile::exists(QFileInfo(path).dir().filePath(u".~lock.q3.playbook#"_s)));
}

void TestRecovery::checkSaysItRecovered()
{
    const QString path = crashed();
    const CliResult result = runCli({u"check"_s, path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(u"recovered an unfinished change left by a crash"_s),
             qPrintable(result.out));
    const CliResult again = runCli({u"check"_s, path, u"--json"_s});
    QVERIFY2(again.out.contains(u"\"recovered\": false"_s), qPrintable(again.out));
    const QString json = crashed(u"json"_s);
    QVERIFY(runCli({u"check"_s, json, u"--json"_s}).out.contains(u"\"recovered\": true"_s));
}

void TestRecovery::readOnlyOpenRecovers()
{
    const QString path = crashed();
    store::StoreError error;
    store::OpenOptions options;
    options.readOnly = true;
    auto workbook = store::Workbook::open(path, options, &error);
    QVERIFY2(workbook, qPrintable(error.message));
    QVERIFY(workbook->isReadOnly());
    QVERIFY(workbook->recoveredFromCrash());
    QCOMPARE(workbook->counts().candidates, 30);
    QVERIFY(workbook->integrityProblems().isEmpty());
    QVERIFY(!QFile::exists(path + u"-journal"_s));
}

void TestRecovery::readOnlyFileIsTold()
{
    const QString path = crashed();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    const test::Fingerprint file = test::fingerprint(path);
    const test::Fingerprint journal = test::fingerprint(path + u"-journal"_s);
    const CliResult result = runCli({u"info"_s, path});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"an unfinished change left by a crash is waiting to be rolled "
                                 u"back; open it once where it can be written"_s),
             qPrintable(result.err));
    QVERIFY2(!result.err.contains(u"cannot be written (attempt"_s), qPrintable(result.err));
    QCOMPARE(test::fingerprint(path), file);
    QCOMPARE(test::fingerprint(path + u"-journal"_s), journal);

    store::StoreError error;
    store::OpenOptions options;
    options.readOnly = true;
    QVERIFY(!store::Workbook::open(path, options, &error));
    QVERIFY2(error.message.contains(u"the file is read-only"_s), qPrintable(error.message));
}

void TestRecovery::readOnlyFolderIsTold()
{
    const QString path = crashed(u"locked"_s);
    QFile::setPermissions(QFileInfo(path).path(), QFile::ReadOwner | QFile::ExeOwner);
    const test::Fingerprint file = test::fingerprint(path);
    const CliResult result = runCli({u"check"_s, path});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"waiting to be rolled back"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"its folder is read-only"_s), qPrintable(result.err));
    QCOMPARE(test::fingerprint(path), file);
}

void TestRecovery::liveHolderElsewhereIsNamed()
{
    const QString path = crashed();
    // A lock file written by a colleague's app on another computer (QLockFile's format).
    test::writeBytes(QFileInfo(path).dir().filePath(u".~lock.q3.playbook#"_s),
                     "4242\nplaybook\nother-laptop.example\n"
                     "0123456789abcdef0123456789abcdef\nboot\n");
    const test::Fingerprint file = test::fingerprint(path);
    const CliResult result = runCli({u"info"_s, path});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"waiting to be rolled back"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"other-laptop.example"_s), qPrintable(result.err));
    QCOMPARE(test::fingerprint(path), file);
    QVERIFY(QFile::exists(path + u"-journal"_s));
}

void TestRecovery::foreignJournalIsRefused()
{
    // Another workbook, with the crashed one's journal put beside it.
    const QString path = m_dir->filePath(u"other.playbook"_s);
    QCOMPARE(runCli({u"new"_s, path}).exitCode, 0);
    QVERIFY(copyFile(kFixtures + u"import-killed.playbook-journal"_s, path + u"-journal"_s));
    QCOMPARE(store::HotJournal::inspect(path), store::HotJournal::State::Foreign);
    const test::Fingerprint file = test::fingerprint(path);
    const test::Fingerprint journal = test::fingerprint(path + u"-journal"_s);
    for (const QString &verb : {u"info"_s, u"check"_s}) {
        const CliResult result = runCli({verb, path});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(u"another file"_s), qPrintable(result.err));
    }
    store::StoreError error;
    QVERIFY(!store::Workbook::open(path, {}, &error));
    QVERIFY2(error.message.contains(u"another file"_s), qPrintable(error.message));
    QCOMPARE(test::fingerprint(path), file);
    QCOMPARE(test::fingerprint(path + u"-journal"_s), journal);
}

void TestRecovery::damagedJournalIsRefused()
{
    const QString path = crashed();
    QByteArray bytes = test::readBytes(path + u"-journal"_s);
    bytes[24] = 0x7f; // an impossible page size
    QVERIFY(test::writeBytes(path + u"-journal"_s, bytes));
    QCOMPARE(store::HotJournal::inspect(path), store::HotJournal::State::Damaged);
    const test::Fingerprint file = test::fingerprint(path);
    const CliResult result = runCli({u"info"_s, path});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"journal"_s), qPrintable(result.err));
    QCOMPARE(test::fingerprint(path), file);
    QVERIFY(QFile::exists(path + u"-journal"_s));
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
