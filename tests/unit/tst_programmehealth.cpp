// The practice's health benchmarks (issue 16), with a fixed "today": each band's edges and the
// finding where a value is out of it, when to hire BD, partner churn within a year, and an
// integration's distribution story six months after launch.
#include "domain/ProgrammeHealth.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

const QDate kToday(2026, 4, 15); // the window: April 2025 – March 2026
const QDate kLastMonth(2026, 3, 1);

KpiSeries series(KpiMetric metric, double value, const QDate &month = kLastMonth,
                 std::optional<double> target = {})
{
    KpiSeries s;
    s.definition.name = kpiMetricId(metric);
    s.definition.metric = metric;
    s.definition.target = target;
    s.setValue(KpiPeriod::month(month.year(), month.month()), value);
    return s;
}

ProgrammePartner partner(const QString &name, Stage stage = Stage::Pilot,
                         Structure structure = Structure::Referral)
{
    ProgrammePartner p;
    p.tracker.partner = name;
    p.tracker.stage = stage;
    p.tracker.pilot = {QDate(2025, 6, 1), 90};
    p.structure = structure;
    p.stageSince = QDate(2025, 6, 1);
    return p;
}

QList<ProgrammeInput> totals(double pipeline, double newArr)
{
    return {{kLastMonth, pipeline, newArr}};
}

QStringList codes(const Findings &findings)
{
    QStringList result;
    for (const Finding &finding : findings)
        result << finding.code;
    return result;
}

const Benchmark &benchmark(const ProgrammeHealthReport &report, const QString &id)
{
    static const Benchmark none;
    const auto it = std::find_if(report.benchmarks.cbegin(), report.benchmarks.cend(),
                                 [&id](const Benchmark &b) { return b.id == id; });
    return it == report.benchmarks.cend() ? none : *it;
}

} // namespace

class TestProgrammeHealth : public QObject
{
    Q_OBJECT

private slots:
    void pipelineShare_data()
    {
        QTest::addColumn<QList<double>>("pipelines"); // of a total of 1,000
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("expected");
        const int below = int(BenchmarkStatus::Below), healthy = int(BenchmarkStatus::Healthy),
                  above = int(BenchmarkStatus::Above);
        QTest::newRow("a nice-to-have")
            << QList<double>{50} << below << QStringList{u"programme.partner_share_low"_s};
        QTest::newRow("10 % is not under 10") << QList<double>{100} << healthy << QStringList{};
        QTest::newRow("healthy") << QList<double>{200} << healthy << QStringList{};
        QTest::newRow("30 % is not over 30") << QList<double>{300} << healthy << QStringList{};
        QTest::newRow("a real channel")
            << QList<double>{310} << above << QStringList{u"programme.channel_needs_investment"_s};
        QTest::newRow("two over 10 %: hire BD")
            << QList<double>{150, 110} << healthy << QStringList{u"programme.ready_to_hire_bd"_s};
        QTest::newRow("one at 10 % is not over it")
            << QList<double>{150, 100} << healthy << QStringList{};
        QTest::newRow("over 30 % and hire BD")
            << QList<double>{200, 150} << above
            << QStringList{u"programme.channel_needs_investment"_s,
                           u"programme.ready_to_hire_bd"_s};
    }

    void pipelineShare()
    {
        QFETCH(QList<double>, pipelines);
        QFETCH(int, status);
        QFETCH(QStringList, expected);
        QList<ProgrammePartner> partners;
        double sum = 0;
        for (double pipeline : pipelines) {
            ProgrammePartner p = partner(u"P%1"_s.arg(partners.size() + 1));
            p.tracker.kpis.append(series(KpiMetric::PartnerPipeline, pipeline));
            // A month outside the window does not count.
            p.tracker.kpis.last().setValue(KpiPeriod::month(2025, 3), 100000);
            partners.append(p);
            sum += pipeline;
        }
        const ProgrammeHealthReport report =
            ProgrammeHealth::assess(partners, totals(1000, 0), kToday);
        QCOMPARE(report.from, QDate(2025, 4, 1));
        QCOMPARE(report.to, kLastMonth);
        const Benchmark &share = benchmark(report, u"partner_share_of_pipeline"_s);
        QCOMPARE(share.value.value_or(-1), sum / 10);
        QCOMPARE(int(share.status), status);
        QCOMPARE(codes(report.findings), expected);
    }

    void noTotalsNoShare()
    {
        ProgrammePartner p = partner(u"P"_s);
        p.tracker.kpis.append(series(KpiMetric::PartnerPipeline, 500));
        const ProgrammeHealthReport report = ProgrammeHealth::assess({p}, {}, kToday);
        const Benchmark &share = benchmark(report, u"partner_share_of_pipeline"_s);
        QCOMPARE(share.status, BenchmarkStatus::NoData);
        QVERIFY(!share.value);
        QVERIFY(share.detail.contains(u"Enter the programme's total new pipeline"_s));
        QVERIFY(report.findings.isEmpty());
    }

    void arrShare_data()
    {
        QTest::addColumn<double>("revenue"); // of 1,000 new ARR
        QTest::addColumn<int>("status");
        QTest::newRow("19 %") << 190.0 << int(BenchmarkStatus::Below);
        QTest::newRow("20 %") << 200.0 << int(BenchmarkStatus::Healthy);
        QTest::newRow("40 %") << 400.0 << int(BenchmarkStatus::Healthy);
        QTest::newRow("41 %") << 410.0 << int(BenchmarkStatus::Above);
    }

    void arrShare()
    {
        QFETCH(double, revenue);
        QFETCH(int, status);
        ProgrammePartner p = partner(u"P"_s);
        p.tracker.kpis.append(series(KpiMetric::PartnerRevenue, revenue));
        const ProgrammeHealthReport report = ProgrammeHealth::assess({p}, totals(0, 1000), kToday);
        const Benchmark &share = benchmark(report, u"partner_share_of_new_arr"_s);
        QCOMPARE(share.value.value_or(-1), revenue / 10);
        QCOMPARE(int(share.status), status);
        QCOMPARE(share.bandText(), u"20–40 %"_s);
    }

    void satisfaction_data()
    {
        QTest::addColumn<QList<double>>("latest");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("70 is healthy")
            << QList<double>{70} << int(BenchmarkStatus::Healthy) << QStringList{};
        QTest::newRow("averaged: 74 and 60 is 67")
            << QList<double>{74, 60} << int(BenchmarkStatus::Below)
            << QStringList{u"programme.satisfaction_low"_s};
        QTest::newRow("none recorded")
            << QList<double>{} << int(BenchmarkStatus::NoData) << QStringList{};
    }

    void satisfaction()
    {
        QFETCH(QList<double>, latest);
        QFETCH(int, status);
        QFETCH(QStringList, expected);
        QList<ProgrammePartner> partners;
        for (double value : latest) {
            ProgrammePartner p = partner(u"P%1"_s.arg(partners.size() + 1));
            // An older value does not count: the latest does.
            p.tracker.kpis.append(series(KpiMetric::PartnerSatisfaction, 10, QDate(2025, 12, 1)));
            p.tracker.kpis.last().setValue(KpiPeriod::month(2026, 2), value);
            partners.append(p);
        }
        // A paused partnership's satisfaction is not the programme's.
        ProgrammePartner paused = partner(u"Paused"_s, Stage::Paused);
        paused.tracker.kpis.append(series(KpiMetric::PartnerSatisfaction, 5));
        partners.append(paused);
        const ProgrammeHealthReport report = ProgrammeHealth::assess(partners, {}, kToday);
        QCOMPARE(int(benchmark(report, u"partner_satisfaction"_s).status), status);
        QCOMPARE(codes(report.findings), expected);
    }

    void churn_data()
    {
        QTest::addColumn<int>("running");
        QTest::addColumn<QList<QDate>>("ended");
        QTest::addColumn<double>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one of ten: 10 %")
            << 10 << QList<QDate>{QDate(2025, 9, 1)} << 10.0 << QStringList{};
        QTest::newRow("one of four: 25 %") << 4 << QList<QDate>{QDate(2025, 9, 1)} << 25.0
                                           << QStringList{u"programme.partner_churn_high"_s};
        QTest::newRow("ended over a year ago")
            << 4 << QList<QDate>{QDate(2025, 4, 15)} << 0.0 << QStringList{};
        QTest::newRow("a day inside the year") << 4 << QList<QDate>{QDate(2025, 4, 16)} << 25.0
                                               << QStringList{u"programme.partner_churn_high"_s};
    }

    void churn()
    {
        QFETCH(int, running);
        QFETCH(QList<QDate>, ended);
        QFETCH(double, value);
        QFETCH(QStringList, expected);
        QList<ProgrammePartner> partners;
        for (int i = 0; i < running; ++i)
            partners.append(partner(u"Running %1"_s.arg(i), i % 2 ? Stage::Scaled : Stage::Pilot));
        for (const QDate &date : ended) {
            ProgrammePartner p = partner(u"Ended"_s, Stage::Ended);
            p.stageSince = date;
            partners.append(p);
        }
        const ProgrammeHealthReport report = ProgrammeHealth::assess(partners, {}, kToday);
        const Benchmark &churn = benchmark(report, u"partner_churn"_s);
        QCOMPARE(churn.value.value_or(-1), value);
        QCOMPARE(codes(report.findings), expected);
    }

    void distributionStory_data()
    {
        QTest::addColumn<QDate>("launched");
        QTest::addColumn<int>("structure");
        QTest::addColumn<QList<double>>("measured"); // activation, churn reduction, joint wins
        QTest::addColumn<bool>("finding");
        const int integration = int(Structure::Integration);
        QTest::newRow("all three met")
            << QDate(2025, 9, 1) << integration << QList<double>{18, 35, 2} << false;
        QTest::newRow("activation under 15 %")
            << QDate(2025, 9, 1) << integration << QList<double>{12, 35, 2} << true;
        QTest::newRow("no joint win yet")
            << QDate(2025, 9, 1) << integration << QList<double>{18, 35, 0} << true;
        QTest::newRow("churn not measured")
            << QDate(2025, 9, 1) << integration << QList<double>{18, -1, 2} << true;
        QTest::newRow("under six months")
            << QDate(2025, 11, 1) << integration << QList<double>{} << false;
        QTest::newRow("not an integration")
            << QDate(2025, 9, 1) << int(Structure::Referral) << QList<double>{} << false;
    }

    void distributionStory()
    {
        QFETCH(QDate, launched);
        QFETCH(int, structure);
        QFETCH(QList<double>, measured);
        QFETCH(bool, finding);
        ProgrammePartner p = partner(u"Hooked"_s, Stage::Scaled, Structure(structure));
        p.tracker.pilot.start = launched;
        const KpiMetric metrics[] = {KpiMetric::IntegrationActivation,
                                     KpiMetric::IntegrationChurnReduction, KpiMetric::JointWins};
        for (qsizetype i = 0; i < measured.size(); ++i) {
            if (measured[i] >= 0)
                p.tracker.kpis.append(series(metrics[i], measured[i]));
        }
        const auto story = ProgrammeHealth::distributionStory(p, kToday);
        QCOMPARE(story.has_value(), finding);
        if (story) {
            QCOMPARE(story->code, u"integration.no_distribution_story"_s);
            QCOMPARE(story->partner, u"Hooked"_s);
        }
    }

    // A KPI's own target counts over the practice's default.
    void storyTargetsFollowTheKpi()
    {
        ProgrammePartner p = partner(u"Hooked"_s, Stage::Pilot, Structure::Integration);
        p.tracker.kpis = {series(KpiMetric::IntegrationActivation, 18, kLastMonth, 25),
                          series(KpiMetric::IntegrationChurnReduction, 35),
                          series(KpiMetric::JointWins, 1)};
        const auto story = ProgrammeHealth::distributionStory(p, kToday);
        QVERIFY(story);
        QVERIFY2(story->message.contains(u"25"_s), qPrintable(story->message));
    }
};

QTEST_GUILESS_MAIN(TestProgrammeHealth)
#include "tst_programmehealth.moc"
