// playbook-cli end to end for the lifecycle (issue 15): `checklist` prints and sets a
// partnership's contract essentials, enablement kit and exit (an unknown item or status exits
// 2 and changes nothing), `review` records a retrospective whose decision sets the stage, and
// `check` carries the lifecycle codes, which fire and clear.
#include "cli/CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::test::Run;

namespace {

Run cli(const QStringList &arguments)
{
    return test::runCli(arguments);
}

// The codes `check --json` reports for one partner.
QStringList codesFor(const QString &path, const QString &partner)
{
    const Run run = cli({u"check"_s, path, u"--json"_s});
    QStringList codes;
    const QJsonArray findings =
        QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"findings").toArray();
    for (const QJsonValue &finding : findings) {
        if (finding[u"partner"_s].toString() == partner)
            codes << finding[u"code"_s].toString();
    }
    return codes;
}

QJsonArray items(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"items").toArray();
}

QJsonObject item(const QJsonArray &list, const QString &key)
{
    for (const QJsonValue &value : list) {
        if (value[u"key"_s].toString() == key)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestCliLifecycle : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString sample(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        return cli({u"new"_s, path, u"--sample"_s}).code == 0 ? path : QString();
    }

private slots:
    void checklistPrintsEachStructure_data()
    {
        QTest::addColumn<QString>("partner");
        QTest::addColumn<QString>("list");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("reseller contract")
            << u"Brightpath Consulting"_s << u"contract"_s
            << QStringList{u"territory_rights"_s, u"revenue_share"_s, u"minimum_commitments"_s}
            << QStringList{u"referral_fee"_s, u"equity_split"_s, u"money_split"_s};
        QTest::newRow("referral contract")
            << u"Atlas Payroll"_s << u"contract"_s
            << QStringList{u"referral_fee"_s, u"lead_definition"_s, u"non_compete"_s}
            << QStringList{u"territory_rights"_s};
        QTest::newRow("joint venture contract")
            << u"Meridian Systems"_s << u"contract"_s
            << QStringList{u"equity_split"_s, u"governance"_s, u"exit_clauses"_s}
            << QStringList{u"revenue_share"_s};
        QTest::newRow("kit") << u"Ledgerly"_s << u"enablement"_s
                             << QStringList{u"partner_brief"_s, u"quarterly_business_review"_s}
                             << QStringList{u"scope"_s};
        QTest::newRow("exit") << u"Ledgerly"_s << u"exit"_s
                              << QStringList{u"notice_given"_s, u"learnings_written"_s}
                              << QStringList{u"scope"_s};
    }

    void checklistPrintsEachStructure()
    {
        QFETCH(QString, partner);
        QFETCH(QString, list);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        static const QString path = sample(u"print.playbook"_s);
        QVERIFY(!path.isEmpty());
        const Run text = cli({u"checklist"_s, path, partner, list});
        QCOMPARE(text.code, 0);
        const Run json = cli({u"checklist"_s, path, partner, list, u"--json"_s});
        QCOMPARE(json.code, 0);
        const QJsonArray rows = items(json);
        QVERIFY(!rows.isEmpty());
        for (const QString &key : present) {
            QVERIFY2(!item(rows, key).isEmpty(), qPrintable(key));
            QVERIFY2(text.out.contains(QRegularExpression(u"^"_s + key + u"\\s"_s,
                                                          QRegularExpression::MultilineOption)),
                     qPrintable(text.out));
        }
        for (const QString &key : absent)
            QVERIFY2(item(rows, key).isEmpty(), qPrintable(key));
        for (const QJsonValue &row : rows) {
            QVERIFY(!row[u"label"_s].toString().isEmpty());
            QVERIFY(!row[u"status"_s].toString().isEmpty());
        }
    }

    void checklistSetsAndRefuses()
    {
        const QString path = sample(u"set.playbook"_s);
        QVERIFY(!path.isEmpty());
        QVERIFY(codesFor(path, u"Brightpath Consulting"_s).contains(u"contract.open_essentials"_s));
        Run run = cli({u"checklist"_s, path, u"Brightpath Consulting"_s, u"contract"_s,
                       u"minimum_commitments=agreed"_s, u"ip_ownership=n/a"_s, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject set = item(items(run), u"minimum_commitments"_s);
        QCOMPARE(set[u"status"_s].toString(), u"agreed"_s);
        QCOMPARE(set[u"date"_s].toString(), QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(item(items(run), u"ip_ownership"_s)[u"status"_s].toString(), u"n/a"_s);
        // Items the terms hold are agreed by them, and show their value.
        const QJsonObject share = item(items(run), u"revenue_share"_s);
        QCOMPARE(share[u"status"_s].toString(), u"agreed"_s);
        QVERIFY(!share[u"terms"_s].toString().isEmpty());

        // An unknown item, a status of another list, an item of another structure, a pair
        // without "=": exit 2 and the file is as it was (the good pair is not written either).
        const test::Fingerprint before = test::fingerprint(path);
        const QList<QStringList> bad = {
            {u"scope=agreed"_s, u"lunch=agreed"_s},
            {u"scope=delivered"_s},
            {u"referral_fee=agreed"_s},
            {u"scope"_s},
        };
        for (const QStringList &pairs : bad) {
            run = cli(QStringList{u"checklist"_s, path, u"Brightpath Consulting"_s, u"contract"_s} +
                      pairs);
            QCOMPARE(run.code, 2);
            QVERIFY2(run.err.contains(u"Nothing was changed."_s), qPrintable(run.err));
        }
        run = cli({u"checklist"_s, path, u"Brightpath Consulting"_s, u"enablement"_s,
                   u"pitch_deck=agreed"_s});
        QCOMPARE(run.code, 2);
        QCOMPARE(test::fingerprint(path), before);
        // An unknown list is a usage error; an unknown partner bad input.
        QCOMPARE(cli({u"checklist"_s, path, u"Ledgerly"_s, u"legal"_s}).code, 1);
        QCOMPARE(cli({u"checklist"_s, path, u"Nobody"_s, u"exit"_s}).code, 2);

        // Those were the essentials still open: the code clears.
        QVERIFY(
            !codesFor(path, u"Brightpath Consulting"_s).contains(u"contract.open_essentials"_s));
        QCOMPARE(cli({u"checklist"_s, path, u"Brightpath Consulting"_s, u"contract"_s,
                      u"minimum_commitments=open"_s})
                     .code,
                 0);
        QVERIFY(codesFor(path, u"Brightpath Consulting"_s).contains(u"contract.open_essentials"_s));
    }

    // The sample's reseller pilot is past its end: its retrospective is due. Ending it moves
    // the stage, clears the code and opens the exit, which clears when done.
    void reviewEndsThePilot()
    {
        const QString path = sample(u"review.playbook"_s);
        QVERIFY(!path.isEmpty());
        const QString partner = u"Brightpath Consulting"_s;
        QStringList codes = codesFor(path, partner);
        QVERIFY2(codes.contains(u"pilot.retro_due"_s), qPrintable(codes.join(u' ')));
        QVERIFY(!codes.contains(u"exit.open_items"_s));

        const test::Fingerprint before = test::fingerprint(path);
        QCOMPARE(cli({u"review"_s, path, partner, u"--date"_s, u"2026-13-01"_s, u"--decision"_s,
                      u"end"_s})
                     .code,
                 1);
        QCOMPARE(cli({u"review"_s, path, partner, u"--date"_s, u"2026-05-01"_s, u"--decision"_s,
                      u"stop"_s})
                     .code,
                 1);
        QCOMPARE(test::fingerprint(path), before);

        Run run = cli({u"review"_s, path, partner, u"--date"_s,
                       QDate::currentDate().toString(Qt::ISODate), u"--decision"_s, u"end"_s,
                       u"--worked"_s, u"Joint webinars"_s, u"--didnt"_s, u"Cold calls"_s,
                       u"--change"_s, u"Qualify resellers on their bench"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"pilot → ended"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"exit still open: "_s), qPrintable(run.out));
        codes = codesFor(path, partner);
        QVERIFY(!codes.contains(u"pilot.retro_due"_s));
        QVERIFY(codes.contains(u"exit.open_items"_s));

        run = cli({u"checklist"_s, path, partner, u"exit"_s, u"notice_given=done"_s,
                   u"customers_told=done"_s, u"data_transferred=done"_s, u"payments_settled=n/a"_s,
                   u"learnings_written=done"_s});
        QCOMPARE(run.code, 0);
        QVERIFY(!codesFor(path, partner).contains(u"exit.open_items"_s));
    }

    // The sample's ended partnership has its exit done; its learnings are kept.
    void sampleEndedPartnershipExitDone()
    {
        const QString path = sample(u"ended.playbook"_s);
        const Run run =
            cli({u"checklist"_s, path, u"Willow Health Analytics"_s, u"exit"_s, u"--json"_s});
        QCOMPARE(run.code, 0);
        for (const QJsonValue &row : items(run))
            QVERIFY2(row[u"status"_s].toString() != u"open"_s,
                     qPrintable(row[u"key"_s].toString()));
        QVERIFY(!item(items(run), u"learnings_written"_s)[u"note"_s].toString().isEmpty());
        QVERIFY(!codesFor(path, u"Willow Health Analytics"_s).contains(u"exit.open_items"_s));
    }

    void contractTrapsInCheck()
    {
        const QString path = sample(u"traps.playbook"_s);
        QVERIFY(!codesFor(path, u"Ledgerly"_s).contains(u"terms.mfn"_s));
        QCOMPARE(cli({u"terms"_s, path, u"Ledgerly"_s, u"mfn_clause=yes"_s,
                      u"written_agreement_refused=yes"_s, u"renewal_tied=no"_s})
                     .code,
                 0);
        const QStringList codes = codesFor(path, u"Ledgerly"_s);
        QVERIFY(codes.contains(u"terms.mfn"_s));
        QVERIFY(codes.contains(u"terms.renewal_unconditional"_s));
        QVERIFY(codes.contains(u"contract.no_written_agreement"_s));
        QCOMPARE(cli({u"terms"_s, path, u"Ledgerly"_s, u"mfn_clause=no"_s,
                      u"written_agreement_refused=no"_s, u"renewal_tied=yes"_s})
                     .code,
                 0);
        QVERIFY(!codesFor(path, u"Ledgerly"_s).contains(u"terms.mfn"_s));
        QVERIFY(!codesFor(path, u"Ledgerly"_s).contains(u"terms.renewal_unconditional"_s));
    }

    void helpListsTheKeys()
    {
        const Run run = cli({u"checklist"_s, u"--help"_s});
        QCOMPARE(run.code, 0);
        for (const QString &key : {u"territory_rights"_s, u"objection_handbook"_s,
                                   u"learnings_written"_s, u"not-needed"_s})
            QVERIFY2(run.out.contains(key), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLifecycle)
#include "tst_clilifecycle.moc"
