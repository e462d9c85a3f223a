// playbook-cli end to end for the programme (issue 16): `programme --json` carries the funnel,
// the stalled candidates, a P&L per partnership and in total, the benchmarks and findings;
// `programme --set` enters the programme's monthly totals; `costs import|export` round-trips a
// partnership's costs; bad input exits with an error and changes nothing; `check` reports the
// programme's findings.
#include "cli/CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::test::Run;

namespace {

// "YYYY-MM" of the month n months before this one.
QString monthsAgo(int n)
{
    const QDate today = QDate::currentDate();
    return QDate(today.year(), today.month(), 1).addMonths(-n).toString(u"yyyy-MM");
}

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QStringList codes(const QJsonArray &findings)
{
    QStringList result;
    for (const QJsonValue &finding : findings)
        result << finding.toObject().value(u"code"_s).toString();
    return result;
}

} // namespace

class TestCliProgramme : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    Run cli(const QStringList &arguments) const { return test::runCli(arguments); }
    QString sample(const QString &name) const
    {
        const QString path = m_dir.filePath(name);
        return cli({u"new"_s, path, u"--sample"_s}).code == 0 ? path : QString();
    }

private slots:
    void programmeJson()
    {
        const QString path = sample(u"json.playbook"_s);
        QVERIFY(!path.isEmpty());
        const Run run = cli({u"programme"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject programme = json(run);
        const QJsonObject funnel = programme.value(u"funnel"_s).toObject();
        QCOMPARE(funnel.value(u"sourced"_s).toInt(), 20);
        QCOMPARE(funnel.value(u"qualified"_s).toInt(), 4);
        QCOMPARE(funnel.value(u"proposed"_s).toInt(), 2);
        QCOMPARE(funnel.value(u"pilot"_s).toInt(), 2);
        const QJsonArray stalled = programme.value(u"stalled"_s).toArray();
        // Longest first: Brightpath's pilot ended without a retrospective, then Fieldnote.
        QCOMPARE(stalled.size(), 5);
        QCOMPARE(stalled.first().toObject().value(u"candidate"_s).toString(),
                 u"Brightpath Consulting"_s);
        QCOMPARE(stalled.at(1).toObject().value(u"candidate"_s).toString(), u"Fieldnote Media"_s);
        QCOMPARE(stalled.at(1).toObject().value(u"days"_s).toInt(), 35);
        const QJsonArray pnl = programme.value(u"pnl"_s).toArray();
        QCOMPARE(pnl.size(), 5); // four partnerships (Willow ended) and the programme
        QJsonObject brightpath;
        for (const QJsonValue &entry : pnl) {
            if (entry.toObject().value(u"partner"_s).toString() == u"Brightpath Consulting"_s)
                brightpath = entry.toObject();
        }
        QVERIFY(!brightpath.isEmpty());
        QVERIFY(brightpath.value(u"total_net"_s).toDouble() < 0);
        QVERIFY(brightpath.value(u"break_even_month"_s).isNull());
        const QJsonArray months = brightpath.value(u"months"_s).toArray();
        QVERIFY(months.size() >= 10);
        double sum = 0;
        for (const QJsonValue &month : months) {
            const QJsonObject m = month.toObject();
            QCOMPARE(m.value(u"net"_s).toDouble(),
                     m.value(u"revenue"_s).toDouble() - m.value(u"costs"_s).toDouble());
            sum += m.value(u"net"_s).toDouble();
        }
        QCOMPARE(sum, brightpath.value(u"total_net"_s).toDouble());
        QVERIFY(pnl.last().toObject().value(u"total"_s).toBool());
        const QJsonArray benchmarks = programme.value(u"benchmarks"_s).toArray();
        QCOMPARE(benchmarks.size(), 4);
        QCOMPARE(benchmarks.first().toObject().value(u"status"_s).toString(), u"healthy"_s);
        const QStringList found = codes(programme.value(u"findings"_s).toArray());
        QVERIFY2(found.contains(u"pnl.negative"_s), qPrintable(found.join(u' ')));
        QCOMPARE(found.count(u"candidate.stalled"_s), 5);
        QVERIFY(found.contains(u"integration.no_distribution_story"_s));
        // check reports them too.
        const QStringList checked =
            codes(json(cli({u"check"_s, path, u"--json"_s})).value(u"findings"_s).toArray());
        for (const QString &code :
             {u"pnl.negative"_s, u"candidate.stalled"_s, u"integration.no_distribution_story"_s})
            QVERIFY2(checked.contains(code), qPrintable(code));
        // The text form names the same.
        const Run text = cli({u"programme"_s, path});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(u"Fieldnote Media"_s));
        QVERIFY(text.out.contains(u"pnl.negative"_s));
    }

    void setProgrammeInputs()
    {
        const QString path = sample(u"inputs.playbook"_s);
        QVERIFY(!path.isEmpty());
        // Five million of pipeline last month: partners bring under 10 %.
        const QString month = monthsAgo(1);
        Run run = cli(
            {u"programme"_s, path, u"--set"_s, month, u"pipeline=5000000"_s, u"new_arr=60000"_s});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"set 2 value(s) for %1\n"_s.arg(month));
        const QJsonObject programme = json(cli({u"programme"_s, path, u"--json"_s}));
        const QJsonObject share = programme.value(u"benchmarks"_s).toArray().first().toObject();
        QCOMPARE(share.value(u"status"_s).toString(), u"below"_s);
        QVERIFY(codes(programme.value(u"findings"_s).toArray())
                    .contains(u"programme.partner_share_low"_s));
        // Clearing a value: an empty one.
        QCOMPARE(cli({u"programme"_s, path, u"--set"_s, month, u"pipeline="_s}).code, 0);
        QCOMPARE(json(cli({u"programme"_s, path, u"--json"_s}))
                     .value(u"benchmarks"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"healthy"_s);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("not a month") << QStringList{u"--set"_s, u"2026-13"_s, u"pipeline=1"_s};
        QTest::newRow("unknown key") << QStringList{u"--set"_s, monthsAgo(1), u"arr=1"_s};
        QTest::newRow("negative") << QStringList{u"--set"_s, monthsAgo(1), u"pipeline=-5"_s};
        QTest::newRow("not a number") << QStringList{u"--set"_s, monthsAgo(1), u"new_arr=lots"_s};
        QTest::newRow("one bad of two")
            << QStringList{u"--set"_s, monthsAgo(1), u"pipeline=10"_s, u"new_arr=x"_s};
        QTest::newRow("no values") << QStringList{u"--set"_s, monthsAgo(1)};
        QTest::newRow("json with set")
            << QStringList{u"--json"_s, u"--set"_s, monthsAgo(1), u"pipeline=1"_s};
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, arguments);
        const QString path = sample(u"bad-%1.playbook"_s.arg(
            QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QVERIFY(!path.isEmpty());
        const test::Fingerprint before = test::fingerprint(path);
        const Run run = cli(QStringList{u"programme"_s, path} + arguments);
        QVERIFY2(run.code != 0, qPrintable(run.out));
        QVERIFY(!run.err.isEmpty());
        QCOMPARE(test::fingerprint(path), before);
    }

    void costsRoundTrip()
    {
        const QString path = sample(u"costs.playbook"_s);
        QVERIFY(!path.isEmpty());
        Run run = cli({u"costs"_s, u"export"_s, path, u"Ledgerly"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(u"month,category,amount\r\n"_s), qPrintable(run.out.left(80)));
        // Twelve months of time, tools and support.
        QCOMPARE(run.out.count(u"\r\n"_s), 1 + 36);
        const QString csv = m_dir.filePath(u"ledgerly-costs.csv"_s);
        QVERIFY(test::writeBytes(csv, run.out.toUtf8()));
        // Into a partnership without costs: the same costs come out again.
        run = cli({u"costs"_s, u"import"_s, path, u"Cobalt CRM"_s, csv});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"imported 36 costs\n"_s);
        QCOMPARE(cli({u"costs"_s, u"export"_s, path, u"cobalt crm"_s}).out,
                 cli({u"costs"_s, u"export"_s, path, u"Ledgerly"_s}).out);
        // As .xlsx too.
        const QString sheet = m_dir.filePath(u"ledgerly-costs.xlsx"_s);
        QCOMPARE(cli({u"costs"_s, u"export"_s, path, u"Ledgerly"_s, sheet}).code, 0);
        QCOMPARE(cli({u"costs"_s, u"import"_s, path, u"Quanta Forms"_s, sheet}).code, 0);
        QCOMPARE(cli({u"costs"_s, u"export"_s, path, u"Quanta Forms"_s}).out,
                 cli({u"costs"_s, u"export"_s, path, u"Ledgerly"_s}).out);
    }

    void badCostsChangeNothing()
    {
        const QString path = sample(u"badcosts.playbook"_s);
        QVERIFY(!path.isEmpty());
        const QString csv = m_dir.filePath(u"bad-costs.csv"_s);
        QVERIFY(test::writeBytes(csv, "month,category,amount\n2026-01,tools,100\n"
                                      "2026-02,travel,50\n2026-13,tools,5\n2026-03,support,-1\n"
                                      "2026-01,tools,200\n"));
        const test::Fingerprint before = test::fingerprint(path);
        const Run run = cli({u"costs"_s, u"import"_s, path, u"Ledgerly"_s, csv});
        QCOMPARE(run.code, 2);
        // One line per problem, each naming the file, line and column.
        for (const QString &where :
             {u"bad-costs.csv:3: column \"category\""_s, u"bad-costs.csv:4: column \"month\""_s,
              u"bad-costs.csv:5: column \"amount\""_s, u"bad-costs.csv:6:"_s})
            QVERIFY2(run.err.contains(where), qPrintable(where + u" not in:\n"_s + run.err));
        QCOMPARE(test::fingerprint(path), before);
        QVERIFY(test::writeBytes(csv, "month,amount\n2026-01,100\n"));
        QCOMPARE(cli({u"costs"_s, u"import"_s, path, u"Ledgerly"_s, csv}).code, 2);
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(cli({u"costs"_s, u"import"_s, path, u"Nobody"_s, csv}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliProgramme)
#include "tst_cliprogramme.moc"
