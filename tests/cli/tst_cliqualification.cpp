// playbook-cli end to end for the qualification judgment (issue 14): `structure` prints the
// matrix, the stored answers, the recommendation and its reasons (text and JSON); the
// candidates CSV carries the answers both ways; `check --json` carries the candidate.* and
// structure.* codes with the field to look at; our stage is a `settings` key.
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

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// The findings of `check --json` about one partner (or the portfolio), code → field.
QMultiMap<QString, QString> findingsOf(const Run &run, const QString &partner)
{
    QMultiMap<QString, QString> found;
    for (const QJsonValue &value : json(run).value(u"findings"_s).toArray()) {
        const QJsonObject f = value.toObject();
        if (f.value(u"partner"_s).toString() == partner ||
            (partner.isEmpty() && f.value(u"code"_s).toString().startsWith(u"portfolio.")))
            found.insert(f.value(u"code"_s).toString(), f.value(u"field"_s).toString());
    }
    return found;
}

} // namespace

class TestCliQualification : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static Run cli(const QStringList &arguments) { return test::runCli(arguments); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

    // A workbook with the given candidates CSV imported.
    QString workbook(const QString &name, const QByteArray &csv)
    {
        const QString path = file(name + u".playbook"_s);
        const QString list = file(name + u".csv"_s);
        if (cli({u"new"_s, path}).code != 0 || !test::writeBytes(list, csv))
            return {};
        const Run run = cli({u"candidates"_s, u"import"_s, path, list});
        return run.code == 0 ? path : QString();
    }

private slots:
    void structureVerbPrintsTheChooser()
    {
        const QString path =
            workbook(u"chooser"_s, "name,structure,new_to_market,partner_role,product_market_fit\n"
                                   "Acme,,yes,refer,no\n"
                                   "Globex,integration,,,\n");
        QVERIFY(!path.isEmpty());
        Run run = cli({u"structure"_s, path, u"acme"_s});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains(u"candidate: Acme\n"_s), qPrintable(run.out));
        // The matrix with the practice's values.
        for (const QString &cell :
             {u"referral"_s, u"reseller"_s, u"integration"_s, u"co-marketing"_s, u"joint-venture"_s,
              u"Commitment"_s, u"10–20 % referral fee"_s, u"30–50 % margin"_s})
            QVERIFY2(run.out.contains(cell), qPrintable(cell));
        QVERIFY(run.out.contains(u"new_to_market       = yes\n"_s));
        QVERIFY(run.out.contains(u"track_record        = (not known)\n"_s));
        QVERIFY2(run.out.contains(u"recommended: referral\n"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"reasons:\n  - "_s));

        run = cli({u"structure"_s, path, u"Acme"_s, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject object = json(run);
        QCOMPARE(object.value(u"recommended"_s).toString(), u"referral"_s);
        QVERIFY(!object.value(u"reasons"_s).toArray().isEmpty());
        QVERIFY(object.value(u"reasons"_s).toArray().first().isString());
        QCOMPARE(object.value(u"answers"_s).toObject().value(u"partner_role"_s).toString(),
                 u"refer"_s);
        QVERIFY(object.value(u"answers"_s).toObject().value(u"long_term"_s).isNull());
        QCOMPARE(object.value(u"matrix"_s).toArray().size(), 5);
        QCOMPARE(object.value(u"matrix"_s).toArray().first().toObject().value(u"speed"_s),
                 u"fast"_s);
        QVERIFY(object.value(u"structure"_s).isNull());

        // An unknown candidate, a missing one.
        run = cli({u"structure"_s, path, u"Nobody"_s});
        QCOMPARE(run.code, 2);
        QCOMPARE(cli({u"structure"_s, path}).code, 1);
    }

    void csvCarriesTheAnswersBothWays()
    {
        const QByteArray csv =
            "name,competes,partner_programme,integration_partners,customer_base,icp_match,"
            "can_sell,relative_size,motivations,incentive_aligned,exploratory,joint_motion,"
            "internal_champion,success_90_days,new_to_market,product_market_fit,"
            "can_fund_enablement,track_record,needs_engineering,long_term,partner_role,"
            "gtm_stage,territory\n"
            "Acme,partly,yes,12,enterprise,yes,yes,much-bigger,\"reach, retention\",yes,yes,"
            "bundle,Dana,\"3 deals\",no,yes,yes,no,yes,yes,sell-and-deliver,growth,DACH\n";
        const QString path = workbook(u"roundtrip"_s, csv);
        QVERIFY(!path.isEmpty());
        Run run = cli({u"candidates"_s, u"export"_s, path});
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.split(u"\r\n"_s);
        // rank, score, the first columns, then exactly the names and values.
        QVERIFY2(lines.at(0).endsWith(QString::fromUtf8(csv.split('\n').first().mid(5))),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).endsWith(u",partly,yes,12,enterprise,yes,yes,much-bigger,\"reach, "
                                      u"retention\",yes,yes,bundle,Dana,3 deals,no,yes,yes,no,"
                                      u"yes,yes,sell-and-deliver,growth,DACH"_s),
                 qPrintable(lines.at(1)));
        // Into another workbook and out again: the same file.
        const QString exported = file(u"exported.csv"_s);
        QVERIFY(test::writeBytes(exported, run.out.toUtf8()));
        const QString copy = file(u"copy.playbook"_s);
        QCOMPARE(cli({u"new"_s, copy}).code, 0);
        QCOMPARE(cli({u"candidates"_s, u"import"_s, copy, exported}).code, 0);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, copy}).out, run.out);
        // And through an .xlsx workbook: the same again.
        const QString sheet = file(u"exported.xlsx"_s);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, copy, sheet}).code, 0);
        const QString fromSheet = file(u"from-sheet.playbook"_s);
        QCOMPARE(cli({u"new"_s, fromSheet}).code, 0);
        QCOMPARE(cli({u"candidates"_s, u"import"_s, fromSheet, sheet}).code, 0);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, fromSheet}).out, run.out);

        // A bad answer: FILE:LINE: column, and nothing changes.
        const QString bad = file(u"bad.csv"_s);
        QVERIFY(test::writeBytes(bad, "name,relative_size\nAcme,gigantic\n"));
        const test::Fingerprint before = test::fingerprint(copy);
        run = cli({u"candidates"_s, u"import"_s, copy, bad});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"bad.csv:2: column \"relative_size\": \"gigantic\""_s),
                 qPrintable(run.err));
        QCOMPARE(test::fingerprint(copy), before);
    }

    void checkCarriesTheCodes()
    {
        const QString path = workbook(
            u"check"_s, "name,structure,stage,competes,relative_size,exploratory,territory\n"
                        "Rival,integration,qualified,yes,,,\n"
                        "Giant,integration,qualified,,much-bigger,,\n"
                        "Channel,reseller,proposed,,,,\n"
                        "Ventures,joint-venture,qualified,,,,\n"
                        "Vague,,qualified,,,,\n"
                        "Talker,referral,pilot,,,,\n"
                        "Fine,integration,sourced,no,similar,no,\n");
        QVERIFY(!path.isEmpty());
        const QString grid = file(u"grid.csv"_s);
        QVERIFY(test::writeBytes(grid, "activity,Us,partner:Them\nLead generation,A,R\n"
                                       "Closing,A,R\n"));
        QCOMPARE(cli({u"raci"_s, u"import"_s, path, u"Talker"_s, grid}).code, 0);
        Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        QCOMPARE(findingsOf(run, u"Rival"_s).value(u"candidate.competitor"_s), u"competes"_s);
        QCOMPARE(findingsOf(run, u"Giant"_s).value(u"candidate.polite_distraction"_s),
                 u"motivations"_s);
        QCOMPARE(findingsOf(run, u"Giant"_s).value(u"candidate.exploratory_only"_s),
                 u"joint_motion"_s);
        QCOMPARE(findingsOf(run, u"Channel"_s).value(u"structure.no_conflict_plan"_s),
                 u"territory"_s);
        QVERIFY(findingsOf(run, u"Channel"_s).contains(u"structure.no_enablement"_s));
        QCOMPARE(findingsOf(run, u"Ventures"_s).value(u"structure.jv_without_history"_s),
                 u"track_record"_s);
        QVERIFY(findingsOf(run, u"Vague"_s).contains(u"structure.unset"_s));
        QVERIFY2(findingsOf(run, u"Talker"_s).contains(u"structure.referral_expected_to_sell"_s),
                 qPrintable(run.out));
        QCOMPARE(findingsOf(run, u"Fine"_s), (QMultiMap<QString, QString>()));
        QVERIFY(findingsOf(run, {}).isEmpty());

        // Our stage is a workbook property: before product-market fit, every open
        // candidate may be a polite distraction.
        run = cli({u"settings"_s, path, u"stage.pre_product_market_fit=yes"_s});
        QCOMPARE(run.code, 0);
        run = cli({u"settings"_s, path, u"--json"_s});
        QVERIFY2(run.out.contains(u"\"stage.pre_product_market_fit\": true"_s),
                 qPrintable(run.out));
        run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(findingsOf(run, u"Fine"_s).value(u"candidate.polite_distraction"_s),
                 u"stage.pre_product_market_fit"_s);
        QCOMPARE(cli({u"settings"_s, path, u"stage.pre_product_market_fit=perhaps"_s}).code, 2);

        // Text output names the codes too.
        run = cli({u"check"_s, path});
        QVERIFY(run.out.contains(u"  structure.no_conflict_plan: Channel is a reseller"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliQualification)
#include "tst_cliqualification.moc"
