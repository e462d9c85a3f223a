// playbook-cli end to end, through QProcess: verbs, output, JSON and the exit-code
// contract (0 success, 1 usage, 2 bad input, 3 cannot open or locked).
#include "models/store/Schema.h"
#include "unit/TestFiles.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;

struct Run {
    int code = -1;
    QString out;
    QString err;
};

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    Run cli(const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Proves the CLI needs no display at all.
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        environment.remove(u"QT_QPA_PLATFORM"_s);
        process.setProcessEnvironment(environment);
        process.start(test::builtProgram(u"app/playbook-cli"_s), arguments);
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void helpAndVersion() {
        Run run = cli({u"--help"_s});
        QCOMPARE(run.code, 0);
        for (const char *verb : {"new WORKBOOK", "check WORKBOOK", "info WORKBOOK", "Exit codes"})
            QVERIFY2(run.out.contains(QLatin1String(verb)), verb);
        run = cli({u"--version"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.startsWith(u"playbook-cli "_s));
        run = cli({u"info"_s, u"--help"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"--json"_s));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no verb") << QStringList();
        QTest::newRow("unknown verb") << QStringList{u"frobnicate"_s};
        QTest::newRow("missing workbook") << QStringList{u"info"_s};
        QTest::newRow("two workbooks") << QStringList{u"info"_s, u"a"_s, u"b"_s};
        QTest::newRow("unknown option") << QStringList{u"check"_s, u"x.playbook"_s, u"--fast"_s};
        QTest::newRow("title without text") << QStringList{u"new"_s, u"x.playbook"_s, u"--title"_s};
    }

    void usageErrors() {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(u"playbook-cli: "_s));
    }

    void newInfoCheck() {
        const QString path = file(u"programme.playbook"_s);
        Run run = cli({u"new"_s, path, u"--title"_s, u"Q3 programme"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"created"_s));
        QVERIFY(run.err.isEmpty());

        run = cli({u"info"_s, path});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(u"title: Q3 programme"_s));
        QVERIFY(run.out.contains(u"candidates: 0"_s));

        run = cli({u"info"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info.value(u"title"_s).toString(), u"Q3 programme"_s);
        QCOMPARE(info.value(u"candidates"_s).toInt(-1), 0);
        QCOMPARE(info.value(u"partnerships"_s).toInt(-1), 0);
        QCOMPARE(info.value(u"kpis"_s).toInt(-1), 0);

        run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject check = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(check.value(u"integrity"_s).toString(), u"ok"_s);
        QCOMPARE(check.value(u"file_format"_s).toInt(), store::schema::currentVersion());
        QVERIFY(check.value(u"lock"_s).isNull());
        QVERIFY(check.value(u"findings"_s).isArray());
    }

    void sampleCounts() {
        const QString path = file(u"sample.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const Run run = cli({u"info"_s, path, u"--json"_s});
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info.value(u"candidates"_s).toInt(), 30);
        QCOMPARE(info.value(u"partnerships"_s).toInt(), 3);
        QCOMPARE(info.value(u"kpis"_s).toInt(), 10);
    }

    void newNeverOverwrites() {
        const QString path = file(u"mine.playbook"_s);
        QVERIFY(test::writeBytes(path, "precious"));
        const Run run = cli({u"new"_s, path});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(u"already exists"_s));
        QCOMPARE(test::readBytes(path), QByteArray("precious"));
    }

    void cannotOpen_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << QByteArray() << u"does not exist"_s;
        QTest::newRow("text") << QByteArray("hello\n") << u"not an SQLite database"_s;
        QTest::newRow("empty") << QByteArray("") << u"empty"_s;
    }

    void cannotOpen() {
        QFETCH(QByteArray, content);
        QFETCH(QString, why);
        const QString path = file(QString::fromLatin1(QTest::currentDataTag()) + u".playbook"_s);
        if (QLatin1String(QTest::currentDataTag()) != QLatin1String("missing"))
            QVERIFY(test::writeBytes(path, content));
        for (const QString &verb : {u"info"_s, u"check"_s}) {
            const Run run = cli({verb, path});
            QCOMPARE(run.code, 3);
            QVERIFY(run.out.isEmpty());
            QVERIFY2(run.err.contains(why), qPrintable(run.err));
            QVERIFY(run.err.contains(QFileInfo(path).fileName()));
        }
    }

    void checkReportsLockHolder() {
        const QString path = file(u"busy.playbook"_s);
        QCOMPARE(cli({u"new"_s, path}).code, 0);
        QProcess holder;
        QVERIFY(test::startLockHolder(holder, path));
        Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject lock =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"lock"_s).toObject();
        QCOMPARE(lock.value(u"pid"_s).toInteger(), holder.processId());
        QVERIFY(lock.value(u"same_host"_s).toBool());
        run = cli({u"check"_s, path});
        QVERIFY(run.out.contains(u"lock: held by"_s));
        // Reading while someone edits is fine.
        QCOMPARE(cli({u"info"_s, path}).code, 0);
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
