// playbook-cli end to end, through QProcess: verbs, output, JSON and the exit-code
// contract (0 success, 1 usage, 2 bad input, 3 cannot open or locked).
#include "cli/CliRunner.h"
#include "store/Schema.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;

using test::Run;

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    Run cli(const QStringList &arguments) { return test::runCli(arguments); }

    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void helpAndVersion()
    {
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

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no verb") << QStringList();
        QTest::newRow("unknown verb") << QStringList{u"frobnicate"_s};
        QTest::newRow("missing workbook") << QStringList{u"info"_s};
        QTest::newRow("two workbooks") << QStringList{u"info"_s, u"a"_s, u"b"_s};
        QTest::newRow("unknown option") << QStringList{u"check"_s, u"x.playbook"_s, u"--fast"_s};
        QTest::newRow("title without text") << QStringList{u"new"_s, u"x.playbook"_s, u"--title"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(u"playbook-cli: "_s));
    }

    void newInfoCheck()
    {
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

    void sampleCounts()
    {
        const QString path = file(u"sample.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const Run run = cli({u"info"_s, path, u"--json"_s});
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info.value(u"candidates"_s).toInt(), 30);
        QCOMPARE(info.value(u"partnerships"_s).toInt(), 4); // Willow Health Analytics: ended
        // with the partner-sourced pipeline of two partnerships, and Willow's three KPIs
        QCOMPARE(info.value(u"kpis"_s).toInt(), 16);
    }

    void newNeverOverwrites()
    {
        const QString path = file(u"mine.playbook"_s);
        QVERIFY(test::writeBytes(path, "precious"));
        const Run run = cli({u"new"_s, path});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(u"already exists"_s));
        QCOMPARE(test::readBytes(path), QByteArray("precious"));
    }

    void cannotOpen_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << QByteArray() << u"does not exist"_s;
        QTest::newRow("text") << QByteArray("hello\n") << u"not an SQLite database"_s;
        QTest::newRow("empty") << QByteArray("") << u"empty"_s;
    }

    void cannotOpen()
    {
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

    void candidatesImportExportRoundTrip()
    {
        const QString path = file(u"import.playbook"_s);
        QCOMPARE(cli({u"new"_s, path}).code, 0);
        const QString csv = file(u"list.csv"_s);
        QVERIFY(test::writeBytes(csv, "\xEF\xBB\xBFName;Audience overlap;Strategic value;"
                                      "Ease of integration;Structure;Stage;Region\r\n"
                                      "Ledgerly;5;4;4;technology;pilot;EU\r\n"
                                      "\"Cobalt; CRM\";5;5;2;integration;proposed;US\r\n"
                                      "Nimbus;;;;;sourced;US\r\n"));
        Run run = cli({u"candidates"_s, u"import"_s, path, csv});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"added 3, updated 0\n"_s);
        QVERIFY(run.err.contains(u"ignored unknown columns: Region"_s));

        const QString update = file(u"update.csv"_s);
        QVERIFY(test::writeBytes(update, "name,ease_of_integration\nledgerly,5\nNew,\n"));
        run = cli({u"candidates"_s, u"import"_s, path, update});
        QCOMPARE(run.out, u"added 1, updated 1\n"_s);

        run = cli({u"candidates"_s, u"export"_s, path});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.startsWith(u"rank,score,name,website,structure,audience_overlap"_s));
        QVERIFY(run.out.contains(u"1,91.7,Ledgerly,,integration,5,4,5,pilot"_s));
        QVERIFY(run.out.contains(u",Cobalt; CRM,"_s)); // no quotes needed with commas

        const QString exported = file(u"exported.csv"_s);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, path, exported}).code, 0);
        QVERIFY(test::readBytes(exported).startsWith("\xEF\xBB\xBF"));
        // The export imports back to the same data: nothing to add or update.
        run = cli({u"candidates"_s, u"import"_s, path, exported});
        QCOMPARE(run.out, u"added 0, updated 0\n"_s);
        QVERIFY(!run.err.contains(u"warning"_s));
    }

    void invalidImportChangesNothing()
    {
        const QString path = file(u"strict.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const test::Fingerprint before = test::fingerprint(path);
        const QString csv = file(u"bad.csv"_s);
        QVERIFY(test::writeBytes(csv, "name,audience_overlap,stage\nGood,3,sourced\n"
                                      "Bad,7,sourced\nWorse,2,won\nGood,1,sourced\n"));
        const Run run = cli({u"candidates"_s, u"import"_s, path, csv});
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.isEmpty());
        const QString name = QDir::toNativeSeparators(csv);
        QVERIFY2(
            run.err.contains(name + u":3: column \"audience_overlap\": \"7\" is not a score"_s),
            qPrintable(run.err));
        QVERIFY(run.err.contains(name + u":4: column \"stage\": \"won\" is not a stage"_s));
        QVERIFY(run.err.contains(name + u":5: column \"name\": \"Good\" appears twice"_s));
        QVERIFY(run.err.contains(u"Nothing was imported"_s));
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(cli({u"candidates"_s, u"import"_s, path, file(u"missing.csv"_s)}).code, 2);
        QCOMPARE(cli({u"candidates"_s, u"frobnicate"_s, path}).code, 1);
    }

    void lockedWorkbookRefusesWrites()
    {
        const QString path = file(u"held.playbook"_s);
        QCOMPARE(cli({u"new"_s, path}).code, 0);
        const QString csv = file(u"one.csv"_s);
        QVERIFY(test::writeBytes(csv, "name\nAcme\n"));
        QProcess holder;
        QVERIFY(test::startLockHolder(holder, path));
        const test::Fingerprint before = test::fingerprint(path);
        const Run run = cli({u"candidates"_s, u"import"_s, path, csv});
        QCOMPARE(run.code, 3);
        QVERIFY(run.err.contains(u"is being edited by"_s));
        QVERIFY(run.err.contains(QString::number(holder.processId())));
        QCOMPARE(test::fingerprint(path), before);
        // Reading verbs still work.
        QCOMPARE(cli({u"rank"_s, path}).code, 0);
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(cli({u"candidates"_s, u"import"_s, path, csv}).code, 0);
    }

    void rankCsvAndJson()
    {
        const QString path = file(u"rank.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        Run run = cli({u"rank"_s, path, u"--top"_s, u"3"_s});
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], u"rank,name,score,audience_overlap,strategic_value,ease_of_integration,"
                           u"structure,stage"_s);
        QCOMPARE(lines[1], u"1,Ledgerly,83.3,5,4,4,integration,pilot"_s);

        run = cli({u"rank"_s, path});
        QVERIFY(run.out.trimmed().endsWith(u",Nimbus Notes,,,,,,sourced"_s) ||
                run.out.contains(u"\r\n,Nimbus Notes,,,,,,sourced"_s));

        run = cli({u"rank"_s, path, u"--json"_s, u"--weights"_s, u"0,0,1"_s, u"--top"_s, u"2"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"weights"_s).toObject().value(u"ease_of_integration"_s).toDouble(),
                 100.0);
        QCOMPARE(json.value(u"weights"_s).toObject().value(u"audience_overlap"_s).toDouble(), 0.0);
        const QJsonArray rows = json.value(u"candidates"_s).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value(u"rank"_s).toInt(), 1);
        QCOMPARE(rows[0].toObject().value(u"score"_s).toDouble(), 100.0);
        QCOMPARE(rows[0].toObject().value(u"ease_of_integration"_s).toInt(), 5);
        QVERIFY(json.contains(u"top3_stability"_s));
        // --weights is a what-if: the stored weights are unchanged.
        run = cli({u"rank"_s, path, u"--json"_s});
        const QJsonObject stored = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(
            qRound(stored.value(u"weights"_s).toObject().value(u"audience_overlap"_s).toDouble()),
            33);
        QVERIFY(stored.value(u"top3_stability"_s).isDouble());
        const QJsonArray all = stored.value(u"candidates"_s).toArray();
        QCOMPARE(all.size(), 30);
        QVERIFY(all.last().toObject().value(u"rank"_s).isNull());
        QVERIFY(all.last().toObject().value(u"score"_s).isNull());

        QCOMPARE(cli({u"rank"_s, path, u"--weights"_s, u"1,2"_s}).code, 1);
        QCOMPARE(cli({u"rank"_s, path, u"--weights"_s, u"0,0,0"_s}).code, 1);
        QCOMPARE(cli({u"rank"_s, path, u"--weights"_s, u"-1,1,1"_s}).code, 1);
        QCOMPARE(cli({u"rank"_s, path, u"--top"_s, u"x"_s}).code, 1);
    }

    void checkReportsStageGates()
    {
        const QString path = file(u"gates.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonArray findings =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"findings"_s).toArray();
        QSet<QString> codes;
        for (const QJsonValue &finding : findings) {
            codes.insert(finding.toObject().value(u"code"_s).toString());
            QVERIFY(!finding.toObject().value(u"message"_s).toString().isEmpty());
        }
        // The sample has a qualified candidate with three "no" readiness answers (Summit)
        // and a proposed one without a champion (Fieldnote); the paused and ended ones
        // (Ironbridge, Willow) have gaps too, but no gate applies to them any more.
        QVERIFY2(codes.contains(u"candidate.not_ready"_s), qPrintable(run.out));
        QVERIFY2(codes.contains(u"candidate.unanswered_qualification"_s), qPrintable(run.out));
        for (const QJsonValue &finding : findings) {
            const QJsonObject object = finding.toObject();
            if (object.value(u"code"_s).toString().startsWith(u"candidate."_s))
                QVERIFY2(!QStringList({u"Ironbridge Partners"_s, u"Willow Health Analytics"_s})
                              .contains(object.value(u"partner"_s).toString()),
                         qPrintable(object.value(u"message"_s).toString()));
        }
    }

    void raciImportExport()
    {
        const QString path = file(u"raci.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        Run run = cli({u"raci"_s, u"export"_s, path, u"LEDGERLY"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.startsWith(u"activity,Maya Chen (BD lead)"_s));
        QVERIFY(run.out.contains(u"partner:Sofia Ruiz (partnerships)"_s));
        const QString csv = file(u"grid.csv"_s);
        QVERIFY(test::writeBytes(csv, run.out.toUtf8()));
        run = cli({u"raci"_s, u"import"_s, path, u"Quanta Forms"_s, csv});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"imported 6 activities and 5 parties\n"_s);
        // Lossless round trip.
        QCOMPARE(cli({u"raci"_s, u"export"_s, path, u"quanta forms"_s}).out,
                 cli({u"raci"_s, u"export"_s, path, u"Ledgerly"_s}).out);

        const test::Fingerprint before = test::fingerprint(path);
        QVERIFY(test::writeBytes(csv, "activity,Us,partner:Them\nLead generation,R,X\n,A,\n"));
        run = cli({u"raci"_s, u"import"_s, path, u"Ledgerly"_s, csv});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"grid.csv:2: column \"partner:Them\""_s), qPrintable(run.err));
        QCOMPARE(test::fingerprint(path), before);
        run = cli({u"raci"_s, u"import"_s, path, u"Nobody"_s, csv});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(u"no candidate named \"Nobody\""_s));
        QCOMPARE(cli({u"raci"_s, u"export"_s, path, u"Fieldnote Media"_s}).code, 2); // no grid yet
        QCOMPARE(cli({u"raci"_s, u"frobnicate"_s}).code, 1);
    }

    void kpiImportExportRoundTrip()
    {
        const QString path = file(u"kpi.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        Run run = cli({u"kpi"_s, u"export"_s, path, u"ledgerly"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"kpi,period,value,target,unit,direction,baseline,measures,"
                                    u"status\r\nPartner-sourced revenue,"_s),
                 qPrintable(run.out.left(200)));
        const QString csv = file(u"kpis.csv"_s);
        QVERIFY(test::writeBytes(csv, run.out.toUtf8()));
        const qsizetype values = run.out.count(u"\r\n"_s) - 1; // every KPI has values
        QVERIFY(values > 30);
        // Into a candidate without KPIs: the same KPIs and values come out again.
        run = cli({u"kpi"_s, u"import"_s, path, u"Quanta Forms"_s, csv});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"imported %1 values for 5 KPIs (5 new)\n"_s.arg(values));
        QCOMPARE(cli({u"kpi"_s, u"export"_s, path, u"quanta forms"_s}).out,
                 cli({u"kpi"_s, u"export"_s, path, u"Ledgerly"_s}).out);
        // To a file, with a BOM for spreadsheets.
        const QString out = file(u"out.csv"_s);
        QCOMPARE(cli({u"kpi"_s, u"export"_s, path, u"Ledgerly"_s, out}).code, 0);
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith("\xEF\xBB\xBFkpi,period,value"));

        // A bad period stops the import: FILE:LINE: column "NAME", nothing changed.
        const test::Fingerprint before = test::fingerprint(path);
        QVERIFY(test::writeBytes(csv, "kpi,period,value\nReferrals,2026-01,4\n"
                                      "Referrals,2026-13,5\nReferrals,2026-03,x\n"));
        run = cli({u"kpi"_s, u"import"_s, path, u"Ledgerly"_s, csv});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"kpis.csv:3: column \"period\": \"2026-13\" is not a period"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"kpis.csv:4: column \"value\": \"x\" is not a number"_s),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(u"Nothing was imported"_s));
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(cli({u"kpi"_s, u"import"_s, path, u"Nobody"_s, csv}).code, 2);
        QCOMPARE(cli({u"kpi"_s, u"frobnicate"_s}).code, 1);
        QCOMPARE(cli({u"kpi"_s, u"status"_s, path}).code, 1);
    }

    void kpiStatusJson()
    {
        const QString path = file(u"kpistatus.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        Run run = cli({u"kpi"_s, u"status"_s, path, u"Brightpath Consulting"_s, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(u"partner"_s).toString(), u"Brightpath Consulting"_s);
        const QJsonArray kpis = status.value(u"kpis"_s).toArray();
        QCOMPARE(kpis.size(), 5); // and the partner-sourced pipeline
        const QJsonObject revenue = kpis.at(0).toObject();
        QCOMPARE(revenue.value(u"measures"_s).toString(), u"partner_revenue"_s);
        QCOMPARE(revenue.value(u"target"_s).toDouble(), 20000.0);
        QCOMPARE(revenue.value(u"status"_s).toString(), u"off_track"_s);
        QCOMPARE(revenue.value(u"latest"_s).toObject().value(u"value"_s).toDouble(), 4200.0);
        QVERIFY(!status.value(u"next_review"_s).toString().isEmpty());
        QSet<QString> codes;
        for (const QJsonValue &value : status.value(u"signals"_s).toArray())
            codes.insert(value.toObject().value(u"code"_s).toString());
        for (const QString &code : {u"kpi.off_track"_s, u"kpi.flat"_s, u"kpi.sunset_candidate"_s})
            QVERIFY2(codes.contains(code), qPrintable(run.out));

        run = cli({u"kpi"_s, u"status"_s, path, u"Ledgerly"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"Partner-sourced revenue"_s) && run.out.contains(u"on_track"_s),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(u"next review: "_s));

        // check carries the same signals, and the portfolio's.
        run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        QSet<QString> checkCodes;
        for (const QJsonValue &value :
             QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"findings"_s).toArray())
            checkCodes.insert(value.toObject().value(u"code"_s).toString());
        for (const QString &code : std::as_const(codes))
            QVERIFY2(checkCodes.contains(code), qPrintable(code));
        QVERIFY(checkCodes.contains(u"review.overdue"_s)); // Ledgerly's
    }

    void kpiChartRendersHeadless()
    {
        const QString path = file(u"kpichart.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const QString png = file(u"chart.png"_s);
        Run run = cli({u"kpi"_s, u"chart"_s, path, u"Ledgerly"_s, png, u"--kpi"_s, u"referrals"_s,
                       u"--size"_s, u"800x400"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 400));
        const QString pdf = file(u"chart.pdf"_s);
        QCOMPARE(cli({u"kpi"_s, u"chart"_s, path, u"Ledgerly"_s, pdf}).code, 0);
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith("%PDF-"));

        run = cli({u"kpi"_s, u"chart"_s, path, u"Ledgerly"_s, png, u"--kpi"_s, u"Nope"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"its KPIs are: Partner-sourced revenue"_s), qPrintable(run.err));
        QCOMPARE(cli({u"kpi"_s, u"chart"_s, path, u"Ledgerly"_s, file(u"c.svg"_s)}).code, 1);
        QCOMPARE(cli({u"kpi"_s, u"chart"_s, path, u"Ledgerly"_s, png, u"--size"_s, u"big"_s}).code,
                 1);
        QVERIFY(!QFile::exists(file(u"c.svg"_s)));
    }

    void termsPrintAndSet()
    {
        const QString path = file(u"terms.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        Run run = cli({u"terms"_s, path, u"ledgerly"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(QRegularExpression(u"rev_share_pct\\s+= 20\n"_s)),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QRegularExpression(u"structure\\s+= integration\n"_s)));
        QVERIFY(run.err.isEmpty()); // the sample's terms are sound

        run = cli({u"terms"_s, path, u"Ledgerly"_s, u"exclusivity_months=open-ended"_s,
                   u"pilot_days=120"_s, u"payment_terms=Net 45"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.err.contains(u"warning: terms.exclusivity_open_ended"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"warning: terms.pilot_long"_s));
        run = cli({u"terms"_s, path, u"Ledgerly"_s});
        QVERIFY(run.out.contains(QRegularExpression(u"exclusivity_months\\s+= open-ended\n"_s)));
        QVERIFY(run.out.contains(QRegularExpression(u"payment_terms\\s+= Net 45\n"_s)));

        // An unknown key or a bad value: exit 2, nothing changed (not even the good pairs).
        const test::Fingerprint before = test::fingerprint(path);
        run = cli({u"terms"_s, path, u"Ledgerly"_s, u"term_months=24"_s, u"discount=5"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"unknown key \"discount\""_s), qPrintable(run.err));
        run = cli({u"terms"_s, path, u"Ledgerly"_s, u"rev_share_pct=lots"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"rev_share_pct: \"lots\" is not a number"_s),
                 qPrintable(run.err));
        QCOMPARE(test::fingerprint(path), before);

        // check carries the terms warnings.
        run = cli({u"check"_s, path, u"--json"_s});
        QVERIFY(run.out.contains(u"terms.exclusivity_open_ended"_s));
    }

    void proposalPdf()
    {
        const QString path = file(u"proposal.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const QString pdf = file(u"ledgerly.pdf"_s);
        Run run =
            cli({u"proposal"_s, path, u"Ledgerly"_s, u"-o"_s, pdf, u"--page-size"_s, u"Letter"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(u"wrote "_s));
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().startsWith("%PDF-"));
        QCOMPARE(cli({u"proposal"_s, path, u"Ledgerly"_s}).code, 1); // no -o
        QCOMPARE(
            cli({u"proposal"_s, path, u"Ledgerly"_s, u"-o"_s, pdf, u"--page-size"_s, u"A3"_s}).code,
            1);

        // Too long for one page: exit 2, the section named, no file.
        QCOMPARE(cli({u"terms"_s, path, u"Ledgerly"_s,
                      u"hypothesis="_s + u"Far too much to say. "_s.repeated(4000)})
                     .code,
                 0);
        const QString overflow = file(u"overflow.pdf"_s);
        run = cli({u"proposal"_s, path, u"Ledgerly"_s, u"-o"_s, overflow});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"Hypothesis and structure"_s), qPrintable(run.err));
        QVERIFY(!QFile::exists(overflow));
    }

    void overlapExchange()
    {
        QVERIFY(test::writeBytes(file(u"ours.csv"_s),
                                 "name,website\nA,https://a.com\nB,b.com\nC,c.com\nD,d.com\n"
                                 "E,e.com\nF,f.com\nJunk,n/a\n"));
        QVERIFY(test::writeBytes(file(u"theirs.csv"_s),
                                 "email\nx@a.com\ny@b.com\nz@c.com\nw@d.com\nv@e.com\nu@q.com\n"));
        Run run = cli(
            {u"overlap"_s, u"compare"_s, file(u"ours.csv"_s), file(u"theirs.csv"_s), u"--json"_s});
        QCOMPARE(run.code, 0);
        QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"ours"_s).toInt(), 6);
        QCOMPARE(json.value(u"theirs"_s).toInt(), 6);
        QCOMPARE(json.value(u"shared"_s).toInt(), 5);
        QCOMPARE(json.value(u"skipped_rows"_s).toObject().value(u"ours"_s).toInt(), 1);
        QCOMPARE(json.value(u"shared_accounts"_s).toArray().size(), 5);

        // Their side privately: a key, a tokens file, then the same count.
        const QString key = file(u"x.key"_s);
        QCOMPARE(cli({u"overlap"_s, u"keygen"_s, u"-o"_s, key}).code, 0);
        QCOMPARE(cli({u"overlap"_s, u"keygen"_s, u"-o"_s, key}).code, 2); // never overwrites
        const QString tokens = file(u"theirs.tokens"_s);
        run = cli(
            {u"overlap"_s, u"prepare"_s, file(u"theirs.csv"_s), u"--key"_s, key, u"-o"_s, tokens});
        QCOMPARE(run.code, 0);
        QVERIFY(!test::readBytes(tokens).contains("a.com"));
        run = cli({u"overlap"_s, u"compare"_s, file(u"ours.csv"_s), tokens, u"--key"_s, key,
                   u"--json"_s});
        QCOMPARE(run.code, 0);
        json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"shared"_s).toInt(), 5);
        // --min-count 6: withheld.
        run = cli({u"overlap"_s, u"compare"_s, file(u"ours.csv"_s), tokens, u"--key"_s, key,
                   u"--json"_s, u"--min-count"_s, u"6"_s});
        json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(json.value(u"shared"_s).isNull());
        QCOMPARE(json.value(u"shared_below"_s).toInt(), 6);
        QVERIFY(json.value(u"shared_accounts"_s).toArray().isEmpty());
        // Another key: exit 2 with the fingerprint mismatch; no key: usage.
        const QString other = file(u"other.key"_s);
        QCOMPARE(cli({u"overlap"_s, u"keygen"_s, u"-o"_s, other}).code, 0);
        run = cli({u"overlap"_s, u"compare"_s, file(u"ours.csv"_s), tokens, u"--key"_s, other});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"fingerprint"_s), qPrintable(run.err));
        QCOMPARE(cli({u"overlap"_s, u"compare"_s, file(u"ours.csv"_s), tokens}).code, 1);
        QCOMPARE(cli({u"overlap"_s, u"frobnicate"_s}).code, 1);
    }

    // Every verb of the help has its own --help; a verb with actions names them when none or
    // an unknown one is given.
    void everyVerbHasHelp()
    {
        const Run help = cli({u"--help"_s});
        QCOMPARE(help.code, 0);
        static const QRegularExpression verbLine(u"^  ([a-z]+)( (import|export|status|chart|"
                                                 "keygen|prepare|compare))? "_s);
        int verbs = 0;
        for (const QString &line : help.out.split(u'\n')) {
            const auto match = verbLine.match(line);
            if (!match.hasMatch())
                continue;
            QStringList arguments{match.captured(1)};
            if (match.hasCaptured(3))
                arguments << match.captured(3);
            const Run run = cli(arguments + QStringList{u"--help"_s});
            QVERIFY2(run.code == 0 && run.out.startsWith(u"Usage: "_s),
                     qPrintable(arguments.join(u' ')));
            ++verbs;
        }
        QCOMPARE(verbs, 26);
        Run run = cli({u"kpi"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"'kpi' needs 'import', 'export', 'status' or 'chart'."_s),
                 qPrintable(run.err));
        run = cli({u"raci"_s, u"frob"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"unknown action 'raci frob'."_s), qPrintable(run.err));
        run = cli({u"overlap"_s, u"--help"_s});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.count(u"playbook-cli overlap "_s), 3);
    }

    void overlapRefusesTextAfterQuote()
    {
        QVERIFY(test::writeBytes(file(u"quoted.csv"_s), "name,website\nA,\"a.com\"x\n"));
        QVERIFY(test::writeBytes(file(u"plain.csv"_s), "website\na.com\n"));
        const Run run =
            cli({u"overlap"_s, u"compare"_s, file(u"quoted.csv"_s), file(u"plain.csv"_s)});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(file(u"quoted.csv"_s)) +
                                  u":2: column \"website\": text after closing quote"_s),
                 qPrintable(run.err));
    }

    void checkReportsRaciFindings()
    {
        const QString path = file(u"racicheck.playbook"_s);
        QCOMPARE(cli({u"new"_s, path, u"--sample"_s}).code, 0);
        const Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonArray findings =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"findings"_s).toArray();
        bool found = false;
        for (const QJsonValue &value : findings) {
            const QJsonObject finding = value.toObject();
            if (finding.value(u"code"_s).toString() != u"raci.multiple_accountable"_s)
                continue;
            found = true;
            QCOMPARE(finding.value(u"partner"_s).toString(), u"Brightpath Consulting"_s);
            QCOMPARE(finding.value(u"activity"_s).toString(), u"Onboarding"_s);
            QVERIFY(!finding.value(u"message"_s).toString().isEmpty());
        }
        QVERIFY2(found, qPrintable(run.out));
    }

    void checkReportsLockHolder()
    {
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
