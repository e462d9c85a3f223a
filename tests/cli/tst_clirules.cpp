// playbook-cli end to end for the rules of issue 13: `settings` reads and writes the
// workbook properties with the dialog's rules (an unknown key or a bad value exits 2 and
// changes nothing), and `check --json` carries every corrected rule's code with the
// partnership and the field (or KPI, party, table and record) it concerns.
#include "cli/CliRunner.h"
#include "domain/WorkbookSettings.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

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

// "YYYY-MM" of the month n months before this one.
QString monthsAgo(int n)
{
    const QDate today = QDate::currentDate();
    return QDate(today.year(), today.month(), 1).addMonths(-n).toString(u"yyyy-MM");
}

QJsonArray findings(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"findings"_s).toArray();
}

} // namespace

class TestCliRules : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static Run cli(const QStringList &arguments) { return test::runCli(arguments); }

    // A workbook with Acme, a reseller in pilot, and Beta, a referral partner in pilot.
    QString workbook()
    {
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                            tag + u".playbook"_s);
        const QString csv = m_dir.filePath(u"candidates.csv"_s);
        if (cli({u"new"_s, path}).code != 0 ||
            !test::writeBytes(csv, "name,structure,stage,revenue_theory\n"
                                   "Acme,reseller,pilot,Acme resells us into retail\n"
                                   "Beta,referral,pilot,Beta refers its clients\n") ||
            cli({u"candidates"_s, u"import"_s, path, csv}).code != 0)
            return {};
        return path;
    }

    bool write(const QString &name, const QString &text)
    {
        return test::writeBytes(m_dir.filePath(name), text.toUtf8());
    }

private slots:
    void settingsPrintsAndSets()
    {
        const QString path = workbook();
        QVERIFY(!path.isEmpty());
        Run run = cli({u"settings"_s, path});
        QCOMPARE(run.code, 0);
        // Every key of the table, amounts with the workbook's currency.
        for (const domain::SettingSpec &row : domain::WorkbookSettings::specs())
            QVERIFY2(run.out.contains(QString::fromUtf16(row.storage) + u' '),
                     qPrintable(QString::fromUtf16(row.storage)));
        QVERIFY2(
            run.out.contains(QRegularExpression(u"kpi.sunset_revenue_per_month\\s+= 5000 USD\n"_s)),
            qPrintable(run.out));
        QVERIFY(run.out.contains(QRegularExpression(u"terms.referral_fee_max\\s+= 10000 USD\n"_s)));

        run = cli({u"settings"_s, path, u"currency=eur"_s, u"weight.strategic_value=2.5"_s,
                   u"kpi.sunset_revenue_per_month=4,000 EUR"_s, u"terms.referral_fee_min=150"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"updated 4 settings\n"_s);
        run = cli({u"settings"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject values = json.value(u"settings"_s).toObject();
        QCOMPARE(values.value(u"currency"_s).toString(), u"EUR"_s);
        QCOMPARE(values.value(u"weight.strategic_value"_s).toDouble(), 2.5);
        QCOMPARE(values.value(u"kpi.sunset_revenue_per_month"_s).toDouble(), 4000.0);
        QCOMPARE(values.value(u"terms.referral_fee_min"_s).toDouble(), 150.0);
        QCOMPARE(json.value(u"units"_s).toObject().value(u"terms.referral_fee_min"_s).toString(),
                 u"EUR"_s);
        QVERIFY(json.value(u"invalid"_s).toArray().isEmpty());
        // What it prints, it reads back.
        run = cli({u"settings"_s, path, u"kpi.sunset_revenue_per_month=4000 EUR"_s});
        QCOMPARE(run.code, 0);
        QCOMPARE(cli({u"settings"_s, path, u"--json"_s, u"title=x"_s}).code, 1);
        QCOMPARE(cli({u"settings"_s}).code, 1);
        QCOMPARE(cli({u"settings"_s, m_dir.filePath(u"missing.playbook"_s)}).code, 3);
    }

    void settingsRefuseWhatTheDialogRefuses_data()
    {
        QTest::addColumn<QString>("pair"); // pairs separated by '|'
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << u"discount=5"_s << u"unknown key \"discount\""_s;
        QTest::newRow("no equals sign") << u"currency"_s << u"write KEY=VALUE"_s;
        QTest::newRow("weight in words")
            << u"weight.audience_overlap=lots"_s << u"Audience overlap weight must be a number."_s;
        QTest::newRow("negative weight")
            << u"weight.audience_overlap=-1"_s << u"must not be negative"_s;
        QTest::newRow("weight over 100")
            << u"weight.ease_of_integration=101"_s << u"must be between 0 and 100"_s;
        QTest::newRow("every weight zero")
            << u"weight.audience_overlap=0|weight.strategic_value=0|weight.ease_of_integration=0"_s
            << u"At least one scoring weight"_s;
        QTest::newRow("currency") << u"currency=EURO"_s << u"three-letter ISO 4217"_s;
        QTest::newRow("empty title") << u"title="_s << u"title must not be empty"_s;
        QTest::newRow("percent over 100")
            << u"economics.gross_margin_percent=120"_s << u"between 0 and 100"_s;
        QTest::newRow("referral range upside down")
            << u"terms.referral_fee_min=20000"_s << u"minimum must not be above its maximum"_s;
        QTest::newRow("amount in another currency")
            << u"kpi.sunset_revenue_per_month=5000 GBP"_s << u"must be a number"_s;
        QTest::newRow("overlap steps")
            << u"overlap.score_thresholds=20,5"_s << u"Overlap score steps (%): "_s;
    }

    void settingsRefuseWhatTheDialogRefuses()
    {
        QFETCH(QString, pair);
        QFETCH(QString, message);
        const QString path = workbook();
        QVERIFY(!path.isEmpty());
        const test::Fingerprint before = test::fingerprint(path);
        // With a good pair beside it: nothing at all changes.
        const Run run = cli(QStringList{u"settings"_s, path, u"owner=Maya"_s} + pair.split(u'|'));
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.contains(u"Nothing was changed."_s));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(test::fingerprint(path), before);
    }

    void checkCarriesEveryRule_data()
    {
        QTest::addColumn<QStringList>("settings"); // KEY=VALUE for `settings`
        QTest::addColumn<QString>("partner");      // whose terms, KPIs or grid are set
        QTest::addColumn<QStringList>("terms");    // KEY=VALUE for `terms`
        QTest::addColumn<QString>("kpiCsv");
        QTest::addColumn<QString>("raciCsv");
        QTest::addColumn<QString>("sql"); // a hand edit, for values the app never writes
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("where"); // "KEY=VALUE" the finding carries besides partner
        QTest::addColumn<QString>("words"); // in its message
        const QString sound = u"rev_share_pct=20 first_year_cap=yes deal_registration_days=90 "
                              u"exclusivity_months=0"_s;
        const auto terms = [&sound](const QString &extra) {
            return (sound + u' ' + extra).split(u' ', Qt::SkipEmptyParts);
        };
        const QString acme = u"Acme"_s;
        QTest::newRow("pilot too short")
            << QStringList() << acme << terms(u"pilot_days=45"_s) << QString() << QString()
            << QString() << u"terms.pilot_short"_s << u"field=pilot_days"_s << u"45 days"_s;
        QTest::newRow("rev-share uncapped")
            << QStringList() << acme << terms(u"first_year_cap=no"_s) << QString() << QString()
            << QString() << u"terms.rev_share_uncapped"_s << u"field=first_year_cap"_s
            << u"first year"_s;
        QTest::newRow("no deal registration")
            << QStringList() << acme << terms(u"deal_registration_days="_s) << QString()
            << QString() << QString() << u"terms.no_deal_registration"_s
            << u"field=deal_registration_days"_s << u"deal registration"_s;
        QTest::newRow("over 30 % without delivery")
            << QStringList() << acme << terms(u"rev_share_pct=35"_s) << QString()
            << u"activity,Us,partner:Them\nSales follow-up,A,R\nOnboarding,A/R,I\n"
               u"Support,A/R,C\n"_s
            << QString() << u"terms.rev_share_without_delivery"_s << u"field=rev_share_pct"_s
            << u"no R or A on onboarding or support"_s;
        QTest::newRow("exclusivity without a gate")
            << QStringList() << acme << terms(u"exclusivity_months=12"_s) << QString() << QString()
            << QString() << u"terms.exclusivity_ungated"_s << u"field=exclusivity_gated"_s
            << u"without a gate"_s;
        QTest::newRow("CAC payback on the revenue share")
            << QStringList{u"economics.cac_payback_months=14"_s} << acme
            << terms(u"rev_share_pct=30"_s) << QString() << QString() << QString()
            << u"terms.margin_breaks_unit_economics"_s << u"field=rev_share_pct"_s
            << u"14-month CAC payback"_s;
        QTest::newRow("referral fee in euros")
            << QStringList{u"currency=EUR"_s} << u"Beta"_s
            << QStringList{u"referral_fee=150"_s, u"exclusivity_months=0"_s} << QString()
            << QString() << QString() << u"terms.rev_share_out_of_range"_s
            << u"field=referral_fee"_s << u"€150 per lead is outside the usual €200–€10,000"_s;
        QTest::newRow("the partner stopped reporting")
            << QStringList() << acme << QStringList{u"pilot_start=2020-01-01"_s}
            << u"kpi,period,value,unit\nReferrals,%1,4,count\nReferrals,%2,5,count\n"_s.arg(
                   monthsAgo(5), monthsAgo(4))
            << QString() << QString() << u"kpi.no_data"_s << u"kpi=Referrals"_s
            << u"ask the partner for the figures"_s;
        QTest::newRow("one earning partner")
            << QStringList() << acme << QStringList()
            << u"kpi,period,value,unit,measures\nRevenue,%1,9000,currency,partner_revenue\n"_s.arg(
                   monthsAgo(1))
            << QString() << QString() << u"portfolio.concentration"_s << QString()
            << u"All partner revenue"_s;
        QTest::newRow("the partner's side overloaded")
            << QStringList() << acme << QStringList() << QString()
            << u"activity,Us,partner:Tom,partner:Team\nLead generation,R,A,R\n"
               u"Sales follow-up,R,A,R\nOnboarding,A,C,R\n"_s
            << QString() << u"raci.overloaded_party"_s << u"party=Tom"_s
            << u"depends on that one person"_s;
        QTest::newRow("a stage the app never writes")
            << QStringList() << acme << QStringList() << QString() << QString()
            << u"UPDATE candidates SET stage = 'exploded' WHERE name = 'Acme'"_s
            << u"workbook.invalid_value"_s << u"table=candidates record=Acme field=stage"_s
            << u"\"exploded\""_s;
        QTest::newRow("a weight the app never writes")
            << QStringList() << QString() << QStringList() << QString() << QString()
            << u"INSERT OR REPLACE INTO settings VALUES ('weight.audience_overlap', 'abc')"_s
            << u"workbook.invalid_value"_s
            << u"table=settings record=weight.audience_overlap field=value"_s
            << u"the default (1) is used"_s;
    }

    void checkCarriesEveryRule()
    {
        QFETCH(QStringList, settings);
        QFETCH(QString, partner);
        QFETCH(QStringList, terms);
        QFETCH(QString, kpiCsv);
        QFETCH(QString, raciCsv);
        QFETCH(QString, sql);
        QFETCH(QString, code);
        QFETCH(QString, where);
        QFETCH(QString, words);
        const QString path = workbook();
        QVERIFY(!path.isEmpty());
        // Both partners sound first, so that only the row's rule speaks about its partner.
        for (const QString &name : {u"Acme"_s, u"Beta"_s}) {
            Run run = cli({u"terms"_s, path, name, u"rev_share_pct=20"_s, u"first_year_cap=yes"_s,
                           u"deal_registration_days=90"_s, u"exclusivity_months=0"_s});
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        if (!settings.isEmpty())
            QCOMPARE(cli(QStringList{u"settings"_s, path} + settings).code, 0);
        if (!terms.isEmpty()) {
            const Run run = cli(QStringList{u"terms"_s, path, partner} + terms);
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        if (!kpiCsv.isEmpty()) {
            QVERIFY(write(u"kpis.csv"_s, kpiCsv));
            const Run run =
                cli({u"kpi"_s, u"import"_s, path, partner, m_dir.filePath(u"kpis.csv"_s)});
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        if (!raciCsv.isEmpty()) {
            QVERIFY(write(u"grid.csv"_s, raciCsv));
            const Run run =
                cli({u"raci"_s, u"import"_s, path, partner, m_dir.filePath(u"grid.csv"_s)});
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        if (!sql.isEmpty()) {
            store::SqliteDatabase db;
            QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadWrite) && db.exec(sql));
        }
        const Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        QJsonObject found;
        for (const QJsonValue &value : findings(run)) {
            if (value.toObject().value(u"code"_s).toString() == code)
                found = value.toObject();
        }
        QVERIFY2(!found.isEmpty(), qPrintable(run.out));
        if (code != u"portfolio.concentration" && code != u"workbook.invalid_value")
            QCOMPARE(found.value(u"partner"_s).toString(), partner);
        for (const QString &pair : where.split(u' ', Qt::SkipEmptyParts))
            QCOMPARE(found.value(pair.section(u'=', 0, 0)).toString(), pair.section(u'=', 1));
        QVERIFY2(found.value(u"message"_s).toString().contains(words), qPrintable(run.out));
    }

    // check names what an upgrade changed: an empty exclusivity of version 6 is open-ended.
    void checkNamesTheUpgrade()
    {
        const QString path = m_dir.filePath(u"six.playbook"_s);
        QVERIFY(!store::Workbook::createAtVersion(path, 6, u"Six"_s));
        {
            store::SqliteDatabase db;
            QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadWrite));
            QVERIFY(db.exec(u"INSERT INTO candidates(id, name, name_key, structure, stage) "
                            u"VALUES (1, 'Acme', 'acme', 'reseller', 'pilot');"
                            u"INSERT INTO partnerships(id, candidate_id) VALUES (1, 1);"
                            u"INSERT INTO proposals(partnership_id, exclusivity_months) "
                            u"VALUES (1, NULL)"_s));
        }
        const test::Fingerprint before = test::fingerprint(path);
        Run run = cli({u"check"_s, path, u"--json"_s});
        QCOMPARE(run.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"file_format"_s).toInt(), 6);
        const QJsonArray notes = json.value(u"upgrade_notes"_s).toArray();
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.at(0).toString().contains(u"now says \"open-ended\""_s),
                 qPrintable(run.out));
        bool openEnded = false;
        for (const QJsonValue &value : json.value(u"findings"_s).toArray())
            openEnded = openEnded || value.toObject().value(u"code"_s).toString() ==
                                         u"terms.exclusivity_open_ended";
        QVERIFY2(openEnded, qPrintable(run.out));
        QCOMPARE(test::fingerprint(path), before); // check upgrades in memory only
        run = cli({u"check"_s, path});
        QVERIFY2(run.out.contains(u"upgrade: 1 proposal had an empty exclusivity"_s),
                 qPrintable(run.out));
    }

    // Stage gates are gates to the next stage: none for paused or ended candidates.
    void checkSkipsClosedCandidates()
    {
        const QString path = workbook();
        const QString csv = m_dir.filePath(u"closed.csv"_s);
        QVERIFY(test::writeBytes(csv, "name,stage\nOld,paused\nGone,ended\nNew,qualified\n"));
        QCOMPARE(cli({u"candidates"_s, u"import"_s, path, csv}).code, 0);
        QStringList gated;
        for (const QJsonValue &value : findings(cli({u"check"_s, path, u"--json"_s}))) {
            if (value.toObject().value(u"code"_s).toString().startsWith(u"candidate."_s))
                gated << value.toObject().value(u"partner"_s).toString();
        }
        QVERIFY2(gated.contains(u"New"_s), qPrintable(gated.join(u", "_s)));
        QVERIFY2(!gated.contains(u"Old"_s) && !gated.contains(u"Gone"_s),
                 qPrintable(gated.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_clirules.moc"
