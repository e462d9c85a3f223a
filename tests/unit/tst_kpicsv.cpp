// The KPI CSV format: a file as a spreadsheet writes it, every reason an import is refused
// (with its FILE:LINE: column "NAME" message and nothing kept), merging into a partnership's
// KPIs, and the lossless round trip.
#include "io/KpiCsv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

KpiSeries series(const QString &name, KpiUnit unit, std::optional<double> target,
                 const QList<QPair<QString, double>> &values,
                 KpiDirection direction = KpiDirection::HigherIsBetter,
                 KpiMetric metric = KpiMetric::Custom, std::optional<double> baseline = {})
{
    KpiSeries s;
    s.definition.name = name;
    s.definition.unit = unit;
    s.definition.target = target;
    s.definition.direction = direction;
    s.definition.metric = metric;
    s.definition.baseline = baseline;
    for (const auto &[period, value] : values)
        s.values.append({KpiPeriod::parse(period).value(), value});
    return s;
}

} // namespace

class TestKpiCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsASpreadsheetFile()
    {
        // BOM, semicolons, CRLF, columns in another order and case, values out of order,
        // thousands separators and a currency sign, a definition-only row.
        const QByteArray csv = "\xEF\xBB\xBFKPI;Value;Period;Target;Unit;Direction\r\n"
                               "Partner revenue;$12,500;2026-02;15000;currency;higher\r\n"
                               "Partner revenue;9800;2026-01;;;\r\n"
                               "Time to close;41;2026-01-15;45;days;lower\r\n"
                               "\"Deals; partner-sourced\";;;8;count;\r\n";
        const io::KpiCsvImport result = io::KpiCsv::parse(csv, u"k.csv"_s);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.kpis.size(), 3);
        QCOMPARE(result.valueCount, 3);
        const io::KpiCsvEntry &revenue = result.kpis.at(0);
        QCOMPARE(revenue.name, u"Partner revenue"_s);
        QCOMPARE(revenue.line, 2);
        QCOMPARE(revenue.unit, KpiUnit::Currency);
        QCOMPARE(revenue.target, 15000.0);
        QCOMPARE(revenue.values.size(), 2);
        QCOMPARE(revenue.values.at(0).period, KpiPeriod::month(2026, 1));
        QCOMPARE(revenue.values.at(1).value, 12500.0);
        QCOMPARE(result.kpis.at(1).direction, KpiDirection::LowerIsBetter);
        QCOMPARE(result.kpis.at(1).values.at(0).period, KpiPeriod::day(QDate(2026, 1, 15)));
        QCOMPARE(result.kpis.at(2).name, u"Deals; partner-sourced"_s);
        QVERIFY(result.kpis.at(2).values.isEmpty());
        QCOMPARE(result.kpis.at(2).target, 8.0);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected"); // the start of the first error

        const QByteArray head = "kpi,period,value,target,unit,direction\n";
        QTest::newRow("empty file") << QByteArray() << u"k.csv:1: the file is empty"_s;
        QTest::newRow("missing value column")
            << QByteArray("kpi,period\nReferrals,2026-01\n")
            << u"k.csv:1: the header needs the columns kpi, period and value; missing: value"_s;
        QTest::newRow("unknown column") << QByteArray("kpi,period,value,note\n")
                                        << u"k.csv:1: column \"note\": unknown column"_s;
        QTest::newRow("repeated column")
            << QByteArray("kpi,period,value,Value\n")
            << u"k.csv:1: column \"Value\": the column appears twice"_s;
        QTest::newRow("month 13") << head + "Referrals,2026-13,4,,,\n"
                                  << u"k.csv:2: column \"period\": \"2026-13\" is not a period"_s;
        QTest::newRow("no such day")
            << head + "Referrals,2026-02-30,4,,,\n"
            << u"k.csv:2: column \"period\": \"2026-02-30\" is not a period"_s;
        QTest::newRow("words for a period")
            << head + "Referrals,March,4,,,\n"
            << u"k.csv:2: column \"period\": \"March\" is not a period"_s;
        QTest::newRow("value not a number")
            << head + "Referrals,2026-01,4,,,\nReferrals,2026-02,four,,,\n"
            << u"k.csv:3: column \"value\": \"four\" is not a number"_s;
        QTest::newRow("value empty") << head + "Referrals,2026-01,,,,\n"
                                     << u"k.csv:2: column \"value\": the value is empty"_s;
        QTest::newRow("period empty") << head + "Referrals,,4,,,\n"
                                      << u"k.csv:2: column \"period\": the period is empty"_s;
        QTest::newRow("kpi empty") << head + " ,2026-01,4,,,\n"
                                   << u"k.csv:2: column \"kpi\": the KPI name is empty"_s;
        QTest::newRow("period twice")
            << head + "Referrals,2026-01,4,,,\nreferrals ,2026-01,5,,,\n"
            << u"k.csv:3: column \"period\": Referrals has a value for 2026-01 already (line 2)"_s;
        QTest::newRow("targets disagree")
            << head + "Referrals,2026-01,4,10,,\nReferrals,2026-02,5,12,,\n"
            << u"k.csv:3: column \"target\": \"12\" differs from the target given on line 2"_s;
        QTest::newRow("target not a number")
            << head + "Referrals,2026-01,4,ten,,\n"
            << u"k.csv:2: column \"target\": \"ten\" is not a number"_s;
        QTest::newRow("unknown unit")
            << head + "Referrals,2026-01,4,,pieces,\n"
            << u"k.csv:2: column \"unit\": \"pieces\" is not a valid value"_s;
        QTest::newRow("unknown direction")
            << head + "Referrals,2026-01,4,,,up\n"
            << u"k.csv:2: column \"direction\": \"up\" is not a valid value: use higher or lower"_s;
        QTest::newRow("unknown measure")
            << QByteArray("kpi,period,value,measures\nReferrals,2026-01,4,leads\n")
            << u"k.csv:2: column \"measures\": \"leads\" is not a valid value"_s;
        QTest::newRow("broken quote") << head + "\"Referrals,2026-01,4,,,\n" << u"k.csv:2:"_s;
        QTest::newRow("not UTF-8") << head + "Referr\xe9ls,2026-01,4,,,\n" << u"k.csv:2:"_s;
    }

    void refusals()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        const io::KpiCsvImport result = io::KpiCsv::parse(csv, u"k.csv"_s);
        QVERIFY(!result.errors.isEmpty());
        QVERIFY2(result.errors.first().startsWith(expected), qPrintable(result.errors.first()));
        // All or nothing: a refused file gives no KPIs at all.
        QVERIFY(result.kpis.isEmpty());
        QCOMPARE(result.valueCount, 0);
    }

    void errorsAreCapped()
    {
        QByteArray csv = "kpi,period,value\n";
        for (int i = 0; i < 100; ++i)
            csv += "Referrals,not-a-period,1\n";
        const io::KpiCsvImport result = io::KpiCsv::parse(csv, u"k.csv"_s);
        QCOMPARE(result.errors.size(), io::KpiCsv::kMaxErrors);
    }

    void mergeKeepsIdsAndOtherPeriods()
    {
        KpiSeries referrals =
            series(u"Referrals"_s, KpiUnit::Count, 10, {{u"2026-01"_s, 4}, {u"2026-02"_s, 6}},
                   KpiDirection::HigherIsBetter, KpiMetric::Referrals);
        referrals.definition.id = 41;
        const QByteArray csv = "kpi,period,value,target\n"
                               "REFERRALS ,2026-02,7,12\n"
                               "referrals,2026-03,9,\n"
                               "Partner-sourced revenue,2026-03,5000,\n"
                               "My own measure,2026-03,3,\n";
        const io::KpiCsvImport parsed = io::KpiCsv::parse(csv, u"k.csv"_s);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        const QList<KpiSeries> merged = io::KpiCsv::merge({referrals}, parsed.kpis);
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged.at(0).definition.id, 41);
        QCOMPARE(merged.at(0).definition.name, u"Referrals"_s); // the existing spelling stays
        QCOMPARE(merged.at(0).definition.target, 12.0);
        QCOMPARE(merged.at(0).values.size(), 3);
        QCOMPARE(merged.at(0).valueAt(KpiPeriod::month(2026, 1)), 4.0);
        QCOMPARE(merged.at(0).valueAt(KpiPeriod::month(2026, 2)), 7.0);
        QCOMPARE(merged.at(0).valueAt(KpiPeriod::month(2026, 3)), 9.0);
        // A new KPI named like a common one measures it, in its unit, without a target.
        QCOMPARE(merged.at(1).definition.id, 0);
        QCOMPARE(merged.at(1).definition.metric, KpiMetric::PartnerRevenue);
        QCOMPARE(merged.at(1).definition.unit, KpiUnit::Currency);
        QVERIFY(!merged.at(1).definition.target);
        QCOMPARE(merged.at(2).definition.metric, KpiMetric::Custom);
        QCOMPARE(merged.at(2).definition.unit, KpiUnit::Count);
    }

    void roundTripIsLossless()
    {
        const QList<KpiSeries> kpis = {
            series(u"Partner-sourced revenue"_s, KpiUnit::Currency, 15000,
                   {{u"2025-12"_s, 1500.5},
                    {u"2026-01"_s, 0},
                    {u"2026-02"_s, 1e7 / 3},
                    // Written without an exponent (found by fuzz_kpicsv: "1.5e+07").
                    {u"2026-03"_s, 1.5e7},
                    {u"2026-04"_s, 1e22},
                    {u"2026-05"_s, 0.000125}},
                   KpiDirection::HigherIsBetter, KpiMetric::PartnerRevenue, 0),
            series(u"Time to close, \"median\""_s, KpiUnit::Days, 45,
                   {{u"2026-01-15"_s, 41}, {u"2026-01-31"_s, 39.25}}, KpiDirection::LowerIsBetter,
                   KpiMetric::TimeToClose, 60),
            series(u"NPS; partner team"_s, KpiUnit::Score, std::nullopt, {}),
            series(u"Zürich Ølstrøm Łódź 東京 =SUM(A1)"_s, KpiUnit::Percent, 12.5,
                   {{u"2026-03"_s, -2.75}}),
        };
        for (bool bom : {true, false}) {
            const QByteArray bytes = io::KpiCsv::write(kpis, bom);
            const io::KpiCsvImport parsed = io::KpiCsv::parse(bytes, u"k.csv"_s);
            QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
            QCOMPARE(io::KpiCsv::merge({}, parsed.kpis), kpis);
            // And the same bytes again.
            QCOMPARE(io::KpiCsv::write(io::KpiCsv::merge({}, parsed.kpis), bom), bytes);
        }
    }

    void writesOneRowPerValue()
    {
        const QByteArray bytes =
            io::KpiCsv::write({series(u"Referrals"_s, KpiUnit::Count, 10, {{u"2026-01"_s, 4}}),
                               series(u"Empty"_s, KpiUnit::Count, {}, {})},
                              false);
        // Each value's status against the target is written, for people; import ignores it.
        QCOMPARE(bytes,
                 QByteArray("kpi,period,value,target,unit,direction,baseline,measures,status\r\n"
                            "Referrals,2026-01,4,10,count,higher,,custom,off_track\r\n"
                            "Empty,,,,count,higher,,custom,\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestKpiCsv)
#include "tst_kpicsv.moc"
