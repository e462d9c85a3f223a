// The programme's rules: funnel counts and stage ages (a fixed "today"), stalled candidates
// per the practice's timing, and every P&L figure against hand-worked cases.
#include "domain/Funnel.h"
#include "domain/Pnl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

const QDate kToday(2026, 4, 15);

KpiSeries monthlySeries(KpiMetric metric, const QList<std::pair<int, double>> &values)
{
    KpiSeries series;
    series.definition.name =
        metric == KpiMetric::PartnerRevenue ? u"Partner revenue"_s : u"Referrals"_s;
    series.definition.metric = metric;
    series.definition.unit =
        metric == KpiMetric::PartnerRevenue ? KpiUnit::Currency : KpiUnit::Count;
    for (const auto &[month, value] : values)
        series.setValue(KpiPeriod::month(2026, month), value);
    return series;
}

Candidate candidate(qint64 id, Stage stage, const QString &theory = u"A theory."_s)
{
    Candidate c;
    c.id = id;
    c.name = u"Partner %1"_s.arg(id);
    c.stage = stage;
    c.revenueTheory = theory;
    return c;
}

} // namespace

class TestProgramme : public QObject
{
    Q_OBJECT

private slots:
    void countsStagesAndStructures();
    void stalled_data();
    void stalled();
    void pnlHandWorked();
    void pnlNegativeQuarter();
    void pnlReferralFeePerDeal();
    void pnlTotalAddsPartnerships();
    void costCategoryIds();
};

void TestProgramme::countsStagesAndStructures()
{
    QList<Candidate> list{candidate(1, Stage::Sourced), candidate(2, Stage::Sourced),
                          candidate(3, Stage::Pilot), candidate(4, Stage::Ended)};
    list[0].structure = Structure::Referral;
    list[1].structure = Structure::Referral;
    list[2].structure = Structure::Reseller;
    const auto stages = Funnel::countsByStage(list);
    QCOMPARE(stages[size_t(Stage::Sourced)], 2);
    QCOMPARE(stages[size_t(Stage::Pilot)], 1);
    QCOMPARE(stages[size_t(Stage::Ended)], 1);
    QCOMPARE(stages[size_t(Stage::Proposed)], 0);
    const auto structures = Funnel::countsByStructure(list);
    QCOMPARE(structures[size_t(Structure::Referral)], 2);
    QCOMPARE(structures[size_t(Structure::Reseller)], 1);
    QCOMPARE(structures[size_t(Structure::Unset)], 1);
    QCOMPARE(Funnel::daysInStage(QDate(2026, 4, 1), kToday), 14);
    QCOMPARE(Funnel::daysInStage(QDate(), kToday), 0);
    QCOMPARE(*Funnel::practiceRange(Stage::Proposed), (std::pair{3, 5}));
}

void TestProgramme::stalled_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("theory");
    QTest::addColumn<int>("pilotDaysAgo"); // the pilot's end, days before today (0: none)
    QTest::addColumn<int>("retroDaysAgo"); // a scale/pause/end review (-1: none)
    QTest::addColumn<QString>("why");      // empty: not stalled

    QTest::newRow("sourced 15 days, no theory")
        << int(Stage::Sourced) << 15 << QString() << 0 << -1 << u"without a revenue theory"_s;
    QTest::newRow("sourced 14 days, no theory")
        << int(Stage::Sourced) << 14 << QString() << 0 << -1 << QString();
    QTest::newRow("sourced 40 days with a theory")
        << int(Stage::Sourced) << 40 << u"Why."_s << 0 << -1 << QString();
    QTest::newRow("qualified 15 days")
        << int(Stage::Qualified) << 15 << u"Why."_s << 0 << -1 << u"no proposal sent"_s;
    QTest::newRow("qualified 10 days")
        << int(Stage::Qualified) << 10 << u"Why."_s << 0 << -1 << QString();
    QTest::newRow("proposed 29 days")
        << int(Stage::Proposed) << 29 << u"Why."_s << 0 << -1 << u"no pilot decision"_s;
    QTest::newRow("proposed 28 days")
        << int(Stage::Proposed) << 28 << u"Why."_s << 0 << -1 << QString();
    QTest::newRow("pilot ended, no retrospective")
        << int(Stage::Pilot) << 100 << u"Why."_s << 5 << -1 << u"no retrospective"_s;
    QTest::newRow("pilot ended, retrospective held")
        << int(Stage::Pilot) << 100 << u"Why."_s << 5 << 2 << QString();
    QTest::newRow("pilot still running")
        << int(Stage::Pilot) << 30 << u"Why."_s << -20 << -1 << QString();
    QTest::newRow("paused long ago")
        << int(Stage::Paused) << 400 << QString() << 0 << -1 << QString();
}

void TestProgramme::stalled()
{
    QFETCH(int, stage);
    QFETCH(int, days);
    QFETCH(QString, theory);
    QFETCH(int, pilotDaysAgo);
    QFETCH(int, retroDaysAgo);
    QFETCH(QString, why);
    const Candidate c = candidate(7, Stage(stage), theory);
    FunnelFacts facts;
    facts.stageSince = kToday.addDays(-days);
    if (pilotDaysAgo != 0)
        facts.tracker.pilot = {kToday.addDays(-pilotDaysAgo - 90), 90};
    if (retroDaysAgo >= 0)
        facts.tracker.reviews.append({1, kToday.addDays(-retroDaysAgo), ReviewDecision::Scale, {}});
    const QList<StalledCandidate> stalled = Funnel::stalled({c}, {{7, facts}}, kToday);
    if (why.isEmpty()) {
        QVERIFY2(stalled.isEmpty(), qPrintable(stalled.value(0).why));
        return;
    }
    QCOMPARE(stalled.size(), 1);
    QCOMPARE(stalled.first().days, days);
    QVERIFY2(stalled.first().why.contains(why), qPrintable(stalled.first().why));
    const Findings findings = Funnel::check(stalled);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, u"candidate.stalled"_s);
    QCOMPARE(findings.first().partner, c.name);
}

void TestProgramme::pnlHandWorked()
{
    PartnershipKpis tracker;
    tracker.partner = u"Ledgerly"_s;
    tracker.kpis = {monthlySeries(KpiMetric::PartnerRevenue, {{1, 1000}, {2, 3000}, {3, 6000}})};
    const QList<CostEntry> costs{{QDate(2026, 1, 1), CostCategory::Time, 10},
                                 {QDate(2026, 1, 1), CostCategory::Tools, 500},
                                 {QDate(2026, 2, 1), CostCategory::Support, 200},
                                 {QDate(2026, 3, 1), CostCategory::Commissions, 100}};
    PnlTerms terms;
    terms.hourlyRate = 50;
    terms.revSharePercent = 20;
    const PartnershipPnl pnl = Pnl::compute(tracker, costs, terms, kToday);
    QCOMPARE(pnl.months.size(), 4); // January to April (the month running)
    // January: 1,000 − (10 h × 50 + 500 tools + 20 % of 1,000) = −200.
    QCOMPARE(pnl.months[0].totalCosts(), 1200.0);
    QVERIFY(pnl.months[0].commissionsDerived);
    QCOMPARE(pnl.months[0].net, -200.0);
    // February: 3,000 − (200 support + 600 commission) = 2,200; cumulative 2,000.
    QCOMPARE(pnl.months[1].net, 2200.0);
    QCOMPARE(pnl.months[1].cumulative, 2000.0);
    // March: the commission typed over (100), not derived.
    QVERIFY(!pnl.months[2].commissionsDerived);
    QCOMPARE(pnl.months[2].net, 5900.0);
    QCOMPARE(pnl.months[3].net, 0.0);
    QCOMPARE(pnl.totalNet, 7900.0);
    QCOMPARE(pnl.breakEvenMonth, QDate(2026, 2, 1));
    // Time and support (500 + 200) ÷ the ARR of the last twelve months (10,000).
    QCOMPARE(*pnl.costOfAcquisition, 0.07);
    QCOMPARE(pnl.lastQuarter, QDate(2026, 1, 1));
    QCOMPARE(*pnl.lastQuarterNet, 7900.0);
    QVERIFY(Pnl::check(pnl, u"USD"_s).isEmpty());
}

void TestProgramme::pnlNegativeQuarter()
{
    PartnershipKpis tracker;
    tracker.partner = u"Brightpath"_s;
    tracker.pilot = {QDate(2026, 1, 10), 90};
    QList<CostEntry> costs;
    for (int month = 1; month <= 3; ++month)
        costs.append({QDate(2026, month, 1), CostCategory::Tools, 300});
    const PartnershipPnl pnl = Pnl::compute(tracker, costs, {}, kToday);
    QCOMPARE(*pnl.lastQuarterNet, -900.0);
    QVERIFY(!pnl.breakEvenMonth);
    QVERIFY(!pnl.costOfAcquisition);
    const Findings findings = Pnl::check(pnl, u"EUR"_s);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, u"pnl.negative"_s);
    // The loss in the workbook's currency, as every amount is shown.
    QVERIFY2(findings.first().message.contains(
                 formatKpiValue(900, KpiUnit::Currency, u"EUR"_s, QLocale())),
             qPrintable(findings.first().message));
    QVERIFY2(findings.first().message.contains(u"€"_s), qPrintable(findings.first().message));
    QVERIFY(findings.first().message.contains(u"renegotiate, change the model, or exit"_s));
}

void TestProgramme::pnlReferralFeePerDeal()
{
    PartnershipKpis tracker;
    tracker.partner = u"Evergreen"_s;
    tracker.kpis = {monthlySeries(KpiMetric::PartnerRevenue, {{2, 4000}}),
                    monthlySeries(KpiMetric::Referrals, {{2, 3}})};
    PnlTerms terms;
    terms.referralFee = 500;
    const PartnershipPnl pnl = Pnl::compute(tracker, {}, terms, kToday);
    QCOMPARE(pnl.months.first().month, QDate(2026, 2, 1));
    QCOMPARE(pnl.months.first().costs[size_t(CostCategory::Commissions)], 1500.0);
    QCOMPARE(pnl.months.first().net, 2500.0);
    QCOMPARE(*Pnl::derivedCommission(1000, std::nullopt, {0, 15, {}, {}}), 150.0);
    QVERIFY(!Pnl::derivedCommission(1000, std::nullopt, {}));
}

void TestProgramme::pnlTotalAddsPartnerships()
{
    PartnershipKpis a;
    a.kpis = {monthlySeries(KpiMetric::PartnerRevenue, {{2, 1000}})};
    PartnershipKpis b;
    b.kpis = {monthlySeries(KpiMetric::PartnerRevenue, {{3, 500}})};
    const QList<CostEntry> costs{{QDate(2026, 3, 1), CostCategory::Tools, 2000}};
    const PartnershipPnl total =
        Pnl::total({Pnl::compute(a, {}, {}, kToday), Pnl::compute(b, costs, {}, kToday)}, kToday);
    QCOMPARE(total.months.size(), 3); // February to April
    QCOMPARE(total.months[0].revenue, 1000.0);
    QCOMPARE(total.months[1].net, -1500.0);
    QCOMPARE(total.totalNet, -500.0);
    QVERIFY(!total.breakEvenMonth);
}

void TestProgramme::costCategoryIds()
{
    for (int i = 0; i < kCostCategoryCount; ++i)
        QCOMPARE(costCategoryFromId(costCategoryId(CostCategory(i))), CostCategory(i));
    QCOMPARE(costCategoryFromId(u"Travel"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestProgramme)
#include "tst_programme.moc"
