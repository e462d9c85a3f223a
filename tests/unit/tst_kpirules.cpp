// The KPI rules on fixed dates and hand-built data: status and trend in both directions,
// the review cadence and when a review is overdue, and each partnership and portfolio
// signal with its code (and its absence on healthy data).
#include "models/domain/KpiRules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

KpiSeries monthlySeries(const QString &name, KpiMetric metric, KpiUnit unit,
                        std::optional<double> target, int year, int firstMonth,
                        const QList<double> &values,
                        KpiDirection direction = KpiDirection::HigherIsBetter)
{
    KpiSeries series;
    series.definition.name = name;
    series.definition.metric = metric;
    series.definition.unit = unit;
    series.definition.target = target;
    series.definition.direction = direction;
    QDate month(year, firstMonth, 1);
    for (double value : values) {
        series.values.append({KpiPeriod::month(month.year(), month.month()), value});
        month = month.addMonths(1);
    }
    return series;
}

QStringList codes(const Findings &findings)
{
    QStringList list;
    for (const Finding &finding : findings)
        list.append(finding.code);
    return list;
}

// A healthy partnership: pilot from 2026-01-01, four KPIs on target, growing deals and
// revenue, every review recorded up to 2026-07-01.
PartnershipKpis healthy()
{
    PartnershipKpis p;
    p.partner = u"Ledgerly"_s;
    p.pilot = {QDate(2026, 1, 1), 90};
    p.kpis = {
        monthlySeries(u"Referrals"_s, KpiMetric::Referrals, KpiUnit::Count, 5, 2026, 1,
                      {4, 5, 6, 7, 8, 9, 10}),
        monthlySeries(u"Partner revenue"_s, KpiMetric::PartnerRevenue, KpiUnit::Currency, 8000,
                      2026, 1, {2000, 5000, 8000, 9000, 10000, 12000, 14000}),
        monthlySeries(u"Conversion"_s, KpiMetric::ConversionRate, KpiUnit::Percent, 20, 2026, 1,
                      {18, 20, 21, 22, 22, 23, 24}),
        monthlySeries(u"Time to close"_s, KpiMetric::TimeToClose, KpiUnit::Days, 45, 2026, 1,
                      {60, 50, 45, 44, 42, 40, 38}, KpiDirection::LowerIsBetter),
    };
    for (int months : {1, 2, 3, 6})
        p.reviews.append({0, QDate(2026, 1, 1).addMonths(months), ReviewDecision::Continue, {}});
    return p;
}

const QDate kToday(2026, 8, 10);

} // namespace

class TestKpiRules : public QObject
{
    Q_OBJECT

private slots:
    void status_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("target");
        QTest::addColumn<bool>("lowerIsBetter");
        QTest::addColumn<double>("band");
        QTest::addColumn<int>("expected");
        const int on = int(KpiStatus::OnTrack), risk = int(KpiStatus::AtRisk),
                  off = int(KpiStatus::OffTrack);
        // Higher is better, target 100, band 20 %: 100 met, 80 the edge of at risk.
        QTest::newRow("higher: above") << 120.0 << 100.0 << false << 20.0 << on;
        QTest::newRow("higher: exactly") << 100.0 << 100.0 << false << 20.0 << on;
        QTest::newRow("higher: within") << 85.0 << 100.0 << false << 20.0 << risk;
        QTest::newRow("higher: at the edge") << 80.0 << 100.0 << false << 20.0 << risk;
        QTest::newRow("higher: beyond") << 79.0 << 100.0 << false << 20.0 << off;
        QTest::newRow("higher: narrower band") << 85.0 << 100.0 << false << 10.0 << off;
        // Lower is better, target 45 days: 54 is the edge.
        QTest::newRow("lower: below") << 40.0 << 45.0 << true << 20.0 << on;
        QTest::newRow("lower: exactly") << 45.0 << 45.0 << true << 20.0 << on;
        QTest::newRow("lower: within") << 50.0 << 45.0 << true << 20.0 << risk;
        QTest::newRow("lower: at the edge") << 54.0 << 45.0 << true << 20.0 << risk;
        QTest::newRow("lower: beyond") << 55.0 << 45.0 << true << 20.0 << off;
    }

    void status()
    {
        QFETCH(double, value);
        QFETCH(double, target);
        QFETCH(bool, lowerIsBetter);
        QFETCH(double, band);
        QFETCH(int, expected);
        const KpiDirection direction =
            lowerIsBetter ? KpiDirection::LowerIsBetter : KpiDirection::HigherIsBetter;
        QCOMPARE(int(KpiRules::status(value, target, direction, band)), expected);
    }

    void statusWithoutTargetOrValues()
    {
        QCOMPARE(KpiRules::status(5, std::nullopt, KpiDirection::HigherIsBetter, 20),
                 KpiStatus::NoTarget);
        KpiSeries empty;
        empty.definition.target = 10;
        QCOMPARE(KpiRules::state(empty, {}).status, KpiStatus::NoData);
    }

    void trend_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<int>("expected");
        QTest::newRow("one value") << QList<double>{5} << int(KpiTrend::None);
        QTest::newRow("two, up") << QList<double>{5, 8} << int(KpiTrend::Up);
        QTest::newRow("up over three") << QList<double>{1, 10, 11, 12} << int(KpiTrend::Up);
        QTest::newRow("down") << QList<double>{50, 45, 40} << int(KpiTrend::Down);
        QTest::newRow("flat within 5 %") << QList<double>{100, 90, 104} << int(KpiTrend::Flat);
        QTest::newRow("only the last three count")
            << QList<double>{1, 100, 50, 100} << int(KpiTrend::Flat);
        QTest::newRow("just over 5 %") << QList<double>{100, 100, 106} << int(KpiTrend::Up);
    }

    void trend()
    {
        QFETCH(QList<double>, values);
        QFETCH(int, expected);
        QList<KpiValue> series;
        for (int i = 0; i < values.size(); ++i)
            series.append({KpiPeriod::month(2026, i + 1), values.at(i)});
        QCOMPARE(int(KpiRules::trend(series)), expected);
    }

    void cadenceIsMonthlyThenQuarterly()
    {
        const QList<QDate> dates =
            KpiRules::scheduledReviews(QDate(2026, 1, 15), QDate(2027, 1, 15));
        QCOMPARE(dates,
                 (QList<QDate>{QDate(2026, 2, 15), QDate(2026, 3, 15), QDate(2026, 4, 15),
                               QDate(2026, 7, 15), QDate(2026, 10, 15), QDate(2027, 1, 15)}));
        QVERIFY(KpiRules::scheduledReviews(QDate(), QDate(2027, 1, 1)).isEmpty());
    }

    void nextReviewAndOverdue()
    {
        const Pilot pilot{QDate(2026, 1, 1), 90};
        QList<Review> reviews;
        QCOMPARE(KpiRules::nextReview(pilot, reviews), QDate(2026, 2, 1));
        // Due on the day, overdue the day after.
        QVERIFY(!KpiRules::isReviewOverdue(pilot, reviews, QDate(2026, 2, 1)));
        QVERIFY(KpiRules::isReviewOverdue(pilot, reviews, QDate(2026, 2, 2)));
        // A review up to 14 days early counts for the date; 15 days early does not.
        reviews.append({0, QDate(2026, 1, 17), ReviewDecision::Continue, {}});
        QCOMPARE(KpiRules::nextReview(pilot, reviews), QDate(2026, 2, 1));
        reviews.last().date = QDate(2026, 1, 18);
        QCOMPARE(KpiRules::nextReview(pilot, reviews), QDate(2026, 3, 1));
        // A late review covers every date before it; after three months, quarterly.
        reviews.append({0, QDate(2026, 4, 20), ReviewDecision::Scale, {}});
        QCOMPARE(KpiRules::nextReview(pilot, reviews), QDate(2026, 7, 1));
        QVERIFY(KpiRules::isReviewOverdue(pilot, reviews, QDate(2026, 7, 2)));
        // Ending the partnership ends the cadence; no pilot start, no reviews.
        reviews.append({0, QDate(2026, 5, 1), ReviewDecision::End, {}});
        QVERIFY(!KpiRules::nextReview(pilot, reviews));
        QVERIFY(!KpiRules::isReviewOverdue(pilot, reviews, QDate(2030, 1, 1)));
        QVERIFY(!KpiRules::nextReview(Pilot{}, {}));
    }

    void healthyPartnershipHasNoSignals()
    {
        const Findings findings = KpiRules::check(healthy(), KpiThresholds(), kToday);
        QVERIFY2(findings.isEmpty(), qPrintable(codes(findings).join(u' ')));
    }

    void kpiCount()
    {
        PartnershipKpis p = healthy();
        p.kpis.resize(2);
        Findings findings = KpiRules::check(p, KpiThresholds(), kToday);
        QCOMPARE(codes(findings), QStringList{u"kpi.count"_s});
        QCOMPARE(findings.first().severity, Finding::Severity::Info);
        QCOMPARE(findings.first().partner, u"Ledgerly"_s);
        p = healthy();
        p.kpis.append(p.kpis.at(2));
        p.kpis.append(p.kpis.at(2)); // six
        QVERIFY(codes(KpiRules::check(p, KpiThresholds(), kToday)).contains(u"kpi.count"_s));
        p.kpis.removeLast(); // five
        QVERIFY(!codes(KpiRules::check(p, KpiThresholds(), kToday)).contains(u"kpi.count"_s));
    }

    void offTrack()
    {
        PartnershipKpis p = healthy();
        p.kpis[2].values.last().value = 10; // conversion 10 % against 20 %
        Findings findings = KpiRules::check(p, KpiThresholds(), kToday);
        QCOMPARE(codes(findings), QStringList{u"kpi.off_track"_s});
        QCOMPARE(findings.first().subject, u"Conversion"_s);
        // Lower is better: 60 days against 45 is off track, 50 only at risk.
        p = healthy();
        p.kpis[3].values.last().value = 60;
        QCOMPARE(codes(KpiRules::check(p, KpiThresholds(), kToday)),
                 QStringList{u"kpi.off_track"_s});
        p.kpis[3].values.last().value = 50;
        QVERIFY(KpiRules::check(p, KpiThresholds(), kToday).isEmpty());
    }

    void reviewOverdue()
    {
        PartnershipKpis p = healthy();
        p.reviews.removeLast(); // the 2026-07-01 review was not recorded
        QCOMPARE(codes(KpiRules::check(p, KpiThresholds(), kToday)),
                 QStringList{u"review.overdue"_s});
        QVERIFY(KpiRules::check(p, KpiThresholds(), QDate(2026, 7, 1)).isEmpty());
    }

    void dealsFlatForThreeMonths()
    {
        PartnershipKpis p = healthy();
        p.kpis[0] = monthlySeries(u"Partner-sourced deals"_s, KpiMetric::Referrals, KpiUnit::Count,
                                  5, 2026, 1, {4, 5, 6, 7, 7, 7, 7});
        Findings findings = KpiRules::check(p, KpiThresholds(), kToday);
        QCOMPARE(codes(findings), QStringList{u"kpi.flat"_s});
        QCOMPARE(findings.first().partner, u"Ledgerly"_s);
        // Falling counts too; growing does not; a gap in the months does not.
        p.kpis[0].values.last().value = 6;
        QCOMPARE(codes(KpiRules::check(p, KpiThresholds(), kToday)), QStringList{u"kpi.flat"_s});
        p.kpis[0].values.last().value = 9;
        QVERIFY(KpiRules::check(p, KpiThresholds(), kToday).isEmpty());
        // Not before the pilot is three months old.
        p = healthy();
        p.pilot.start = QDate(2026, 6, 1);
        p.reviews.clear();
        p.kpis[0] =
            monthlySeries(u"Deals"_s, KpiMetric::Referrals, KpiUnit::Count, 5, 2026, 5, {7, 7, 7});
        QVERIFY(
            !codes(KpiRules::check(p, KpiThresholds(), QDate(2026, 8, 1))).contains(u"kpi.flat"_s));
    }

    void sunsetOnLowRevenueSixMonthsIn()
    {
        PartnershipKpis p = healthy();
        p.kpis[1] =
            monthlySeries(u"Partner revenue"_s, KpiMetric::PartnerRevenue, KpiUnit::Currency,
                          std::nullopt, 2026, 1, {500, 1000, 2000, 3000, 4000, 4500, 4800});
        Findings findings = KpiRules::check(p, KpiThresholds(), kToday);
        QCOMPARE(codes(findings), QStringList{u"kpi.sunset_candidate"_s});
        QVERIFY2(findings.first().message.contains(u"$4,800"_s),
                 qPrintable(findings.first().message));
        // The threshold is a setting.
        KpiThresholds lower;
        lower.sunsetRevenuePerMonth = 4000;
        QVERIFY(KpiRules::check(p, lower, kToday).isEmpty());
        // Not before six months.
        QVERIFY(!codes(KpiRules::check(p, KpiThresholds(), QDate(2026, 6, 30)))
                     .contains(u"kpi.sunset_candidate"_s));
    }

    void sunsetOnTwoMissedQuarters()
    {
        PartnershipKpis p = healthy();
        // Every KPI misses its target through Q1 and Q2 on the quarter's average; Q3 is
        // not complete on kToday, so it does not count.
        p.kpis = {
            monthlySeries(u"Referrals"_s, KpiMetric::Referrals, KpiUnit::Count, 10, 2026, 1,
                          {4, 5, 6, 7, 8, 9, 10}),
            monthlySeries(u"Conversion"_s, KpiMetric::ConversionRate, KpiUnit::Percent, 30, 2026, 1,
                          {18, 20, 21, 22, 22, 23, 35}),
            monthlySeries(u"Time to close"_s, KpiMetric::TimeToClose, KpiUnit::Days, 30, 2026, 1,
                          {60, 50, 45, 44, 42, 40, 20}, KpiDirection::LowerIsBetter),
        };
        Findings findings = KpiRules::check(p, KpiThresholds(), kToday);
        QVERIFY2(codes(findings).contains(u"kpi.sunset_candidate"_s),
                 qPrintable(codes(findings).join(u' ')));
        const Finding sunset = *std::find_if(findings.cbegin(), findings.cend(), [](const auto &f) {
            return f.code == u"kpi.sunset_candidate";
        });
        QVERIFY2(sunset.message.contains(u"2026 Q1 and 2026 Q2"_s), qPrintable(sunset.message));
        // One good quarter in between breaks the run.
        p.kpis[0].values[3].value = 20;
        p.kpis[0].values[4].value = 20;
        p.kpis[1].values[3].value = 40;
        p.kpis[1].values[4].value = 40;
        QVERIFY(!codes(KpiRules::check(p, KpiThresholds(), kToday))
                     .contains(u"kpi.sunset_candidate"_s));
    }

    void monthlyAddsAmountsAndAveragesRates()
    {
        KpiSeries revenue;
        revenue.definition.unit = KpiUnit::Currency;
        revenue.values = {{KpiPeriod::day(QDate(2026, 3, 2)), 1000},
                          {KpiPeriod::day(QDate(2026, 3, 9)), 1500},
                          {KpiPeriod::day(QDate(2026, 4, 6)), 700}};
        const QMap<QDate, double> sums = KpiRules::monthly(revenue);
        QCOMPARE(sums.value(QDate(2026, 3, 1)), 2500.0);
        QCOMPARE(sums.value(QDate(2026, 4, 1)), 700.0);
        KpiSeries rate = revenue;
        rate.definition.unit = KpiUnit::Percent;
        QCOMPARE(KpiRules::monthly(rate).value(QDate(2026, 3, 1)), 1250.0);
    }

    void portfolioConcentration()
    {
        const auto partner = [](const QString &name, double perMonth) {
            PartnershipKpis p;
            p.partner = name;
            QList<double> values(12, perMonth);
            p.kpis = {monthlySeries(u"Revenue"_s, KpiMetric::PartnerRevenue, KpiUnit::Currency,
                                    std::nullopt, 2026, 1, values)};
            return p;
        };
        // 8,000 + 8,000 of 20,000: exactly 80 %.
        Findings findings = KpiRules::checkPortfolio(
            {partner(u"A"_s, 8000), partner(u"B"_s, 8000), partner(u"C"_s, 4000)});
        QCOMPARE(codes(findings), QStringList{u"portfolio.concentration"_s});
        QVERIFY(findings.first().message.contains(u"80 %"_s));
        // 79 %: no signal.
        QVERIFY(KpiRules::checkPortfolio(
                    {partner(u"A"_s, 7900), partner(u"B"_s, 7900), partner(u"C"_s, 4200)})
                    .isEmpty());
        // Two earning partners are concentrated by definition: no signal.
        QVERIFY(KpiRules::checkPortfolio({partner(u"A"_s, 9000), partner(u"B"_s, 1000)}).isEmpty());
        const KpiRules::Concentration share = KpiRules::concentration(
            {partner(u"Small"_s, 1000), partner(u"Big"_s, 5000), partner(u"Mid"_s, 4000)});
        QCOMPARE(share.revenueByPartner.first().first, u"Big"_s);
        QCOMPARE(share.total, 120000.0);
        QCOMPARE(share.topTwoShare, 0.9);
    }
};

QTEST_GUILESS_MAIN(TestKpiRules)
#include "tst_kpirules.moc"
