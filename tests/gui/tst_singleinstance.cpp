// A second start hands its files to the running app: the channel (SingleInstance), the
// choice of window (WindowRouter), and the real program started twice.
#include "MainWindow.h"
#include "SingleInstance.h"
#include "WindowRouter.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using namespace pb;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noRunningAppTakesNothing();
    void runningAppReceivesAbsolutePaths();
    void routerReusesAndAddsWindows();
    void secondStartOpensInTheFirst();

private:
    QString workbook(const QString &name);
    static QString channelName()
    {
        return u"playbook-test-"_s + QString::number(QCoreApplication::applicationPid());
    }

    QTemporaryDir m_dir;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Settings and the default channel name of the programs started below: their own.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
}

QString TestSingleInstance::workbook(const QString &name)
{
    const QString path = m_dir.filePath(name);
    store::StoreError error;
    if (!QFile::exists(path))
        store::Workbook::create(path, name, &error);
    return path;
}

void TestSingleInstance::noRunningAppTakesNothing()
{
    ui::SingleInstance client(channelName() + u"-nobody"_s);
    QVERIFY(!client.sendToRunning({u"x.playbook"_s}, 500));
}

void TestSingleInstance::runningAppReceivesAbsolutePaths()
{
    ui::SingleInstance server(channelName());
    QVERIFY(server.listen());
    QSignalSpy received(&server, &ui::SingleInstance::filesReceived);

    // The client blocks while it waits for the answer, so it runs on a thread of its own.
    bool taken = false;
    std::unique_ptr<QThread> client(QThread::create([&taken] {
        taken = ui::SingleInstance(channelName()).sendToRunning({u"relative.playbook"_s});
    }));
    client->start();
    QTRY_COMPARE(received.size(), 1);
    QVERIFY(client->wait(5000));
    QVERIFY(taken);
    const QStringList files = received.first().first().toStringList();
    QCOMPARE(files, QStringList{QDir::current().absoluteFilePath(u"relative.playbook"_s)});

    // A second server under the same name is refused while the first answers.
    ui::SingleInstance second(channelName());
    QVERIFY(!second.listen());
}

void TestSingleInstance::routerReusesAndAddsWindows()
{
    const QString first = workbook(u"first.playbook"_s);
    const QString second = workbook(u"second.playbook"_s);
    ui::WindowRouter router;
    router.openFiles({first});
    QCOMPARE(router.windows().size(), 1);
    router.openFiles({second});
    QCOMPARE(router.windows().size(), 2);
    QCOMPARE(router.windows().at(1)->workbook()->path(), second);
    // The workbook already shown comes to the front; no third window.
    router.openFiles({first});
    QCOMPARE(router.windows().size(), 2);
    // A window whose workbook was closed takes the next file.
    router.windows().at(0)->closeWorkbook();
    router.openFiles({workbook(u"third.playbook"_s)});
    QCOMPARE(router.windows().size(), 2);
    QCOMPARE(QFileInfo(router.windows().at(0)->workbook()->path()).fileName(), u"third.playbook"_s);
}

void TestSingleInstance::secondStartOpensInTheFirst()
{
    const QString first = workbook(u"running.playbook"_s);
    const QString second = workbook(u"attachment.playbook"_s);
    const QString program = test::builtProgram(u"app/playbook"_s);
    QProcess running;
    running.start(program, {first});
    QVERIFY(running.waitForStarted(10000));
    // The running app holds its workbook's lock once it has opened it.
    const QString firstLock = m_dir.filePath(u".~lock.running.playbook#"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(firstLock), 20000);

    QProcess again;
    again.start(program, {second});
    QVERIFY(again.waitForFinished(20000));
    QCOMPARE(again.exitCode(), 0);
    // The first process opened the second file: its lock file appears.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(u".~lock.attachment.playbook#"_s)),
                             20000);
    running.terminate();
    if (!running.waitForFinished(10000))
        running.kill();
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
