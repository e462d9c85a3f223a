// The KPI tracker's rules (DOMAIN.md section 5): status against the target, trend, periods
// and numbers as typed, the review cadence, and every partnership and portfolio signal.
// Every date is fixed, so that the suite means the same on any day it runs.
#include "domain/KpiRules.h"
#include "domain/WorkbookSettings.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

KpiPeriod month(int year, int m)
{
    return KpiPeriod::month(year, m);
}

KpiPeriod day(int year, int m, int d)
{
    return KpiPeriod::day(QDate(year, m, d));
}

KpiDefinition kpi(const QString &name, KpiUnit unit, std::optional<double> target,
                  KpiMetric metric = KpiMetric::Custom,
                  KpiDirection direction = KpiDirection::HigherIsBetter)
{
    KpiDefinition d;
    d.name = name;
    d.unit = unit;
    d.target = target;
    d.metric = metric;
    d.direction = direction;
    return d;
}

// One value per month, the first in `first`.
QList<KpiValue> monthlyValues(const KpiPeriod &first, const QList<double> &values)
{
    QList<KpiValue> result;
    QDate date = first.date();
    for (double value : values) {
        result.append({KpiPeriod::month(date.year(), date.month()), value});
        date = date.addMonths(1);
    }
    return result;
}

QList<KpiValue> plainValues(const QList<double> &values)
{
    return monthlyValues(month(2026, 1), values);
}

KpiSeries series(const KpiDefinition &definition, const QList<KpiValue> &values = {})
{
    return {definition, values};
}

// n KPIs without values: no signal but the count can speak.
QList<KpiSeries> emptyKpis(int n)
{
    QList<KpiSeries> kpis;
    for (int i = 0; i < n; ++i)
        kpis.append(series(kpi(u"KPI %1"_s.arg(i + 1), KpiUnit::Count, 10)));
    return kpis;
}

PartnershipKpis partnership(const QString &partner, const QDate &pilotStart,
                            const QList<KpiSeries> &kpis, const QList<Review> &reviews = {})
{
    PartnershipKpis p;
    p.partner = partner;
    p.pilot.start = pilotStart;
    p.kpis = kpis;
    p.reviews = reviews;
    return p;
}

Review review(const QDate &date, ReviewDecision decision = ReviewDecision::Continue)
{
    Review r;
    r.date = date;
    r.decision = decision;
    return r;
}

QStringList codes(const Findings &findings)
{
    QStringList result;
    for (const Finding &f : findings)
        result.append(f.code);
    return result;
}

const Finding *findingWith(const Findings &findings, const QString &code)
{
    for (const Finding &f : findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

// A partnership that gives no signal on 2026-06-15: four KPIs on track and growing, pilot
// from January, every review so far recorded.
PartnershipKpis healthy(const QString &partner)
{
    QList<KpiSeries> kpis = {
        series(kpi(u"Referrals"_s, KpiUnit::Count, 10, KpiMetric::Referrals),
               plainValues({8, 10, 11, 12, 14, 16})),
        series(kpi(u"Conversion rate"_s, KpiUnit::Percent, 20, KpiMetric::ConversionRate),
               plainValues({22, 21, 24, 25, 23, 26})),
        series(kpi(u"Time to close"_s, KpiUnit::Days, 45, KpiMetric::TimeToClose,
                   KpiDirection::LowerIsBetter),
               plainValues({44, 40, 41, 38, 36, 35})),
        series(
            kpi(u"Partner-sourced revenue"_s, KpiUnit::Currency, 15000, KpiMetric::PartnerRevenue),
            plainValues({15000, 16000, 18000, 20000, 21000, 24000})),
    };
    return partnership(
        partner, QDate(2026, 1, 10), kpis,
        {review(QDate(2026, 2, 10)), review(QDate(2026, 3, 9)), review(QDate(2026, 4, 10))});
}

const QDate kToday(2026, 6, 15);

} // namespace

class TestKpiRules : public QObject
{
    Q_OBJECT

private slots:
    // --- status and trend ---------------------------------------------------------------

    void status_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<std::optional<double>>("target");
        QTest::addColumn<KpiDirection>("direction");
        QTest::addColumn<double>("atRiskPercent");
        QTest::addColumn<KpiStatus>("expected");
        const auto higher = KpiDirection::HigherIsBetter;
        const auto lower = KpiDirection::LowerIsBetter;
        const std::optional<double> none;
        const std::optional<double> hundred = 100.0;
        const std::optional<double> days45 = 45.0;

        QTest::newRow("higher: above target")
            << 130.0 << hundred << higher << 20.0 << KpiStatus::OnTrack;
        QTest::newRow("higher: exactly target")
            << 100.0 << hundred << higher << 20.0 << KpiStatus::OnTrack;
        QTest::newRow("higher: just under")
            << 99.0 << hundred << higher << 20.0 << KpiStatus::AtRisk;
        QTest::newRow("higher: exactly 20 % under")
            << 80.0 << hundred << higher << 20.0 << KpiStatus::AtRisk;
        QTest::newRow("higher: past 20 %")
            << 79.9 << hundred << higher << 20.0 << KpiStatus::OffTrack;
        QTest::newRow("higher: far under")
            << 10.0 << hundred << higher << 20.0 << KpiStatus::OffTrack;
        QTest::newRow("higher: no target") << 10.0 << none << higher << 20.0 << KpiStatus::NoTarget;

        QTest::newRow("lower: under target")
            << 30.0 << days45 << lower << 20.0 << KpiStatus::OnTrack;
        QTest::newRow("lower: exactly target")
            << 45.0 << days45 << lower << 20.0 << KpiStatus::OnTrack;
        QTest::newRow("lower: just over") << 46.0 << days45 << lower << 20.0 << KpiStatus::AtRisk;
        QTest::newRow("lower: exactly 20 % over")
            << 54.0 << days45 << lower << 20.0 << KpiStatus::AtRisk;
        QTest::newRow("lower: past 20 %") << 54.5 << days45 << lower << 20.0 << KpiStatus::OffTrack;
        QTest::newRow("lower: no target") << 90.0 << none << lower << 20.0 << KpiStatus::NoTarget;

        QTest::newRow("10 %: exactly 10 % under")
            << 90.0 << hundred << higher << 10.0 << KpiStatus::AtRisk;
        QTest::newRow("10 %: 15 % under")
            << 85.0 << hundred << higher << 10.0 << KpiStatus::OffTrack;
        QTest::newRow("10 %: lower, 15 % over")
            << 51.75 << days45 << lower << 10.0 << KpiStatus::OffTrack;
        QTest::newRow("0 %: any miss is off track")
            << 99.0 << hundred << higher << 0.0 << KpiStatus::OffTrack;
    }

    void status()
    {
        QFETCH(double, value);
        QFETCH(std::optional<double>, target);
        QFETCH(KpiDirection, direction);
        QFETCH(double, atRiskPercent);
        QFETCH(KpiStatus, expected);
        QCOMPARE(KpiRules::status(value, target, direction, atRiskPercent), expected);
    }

    void trend_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<KpiTrend>("expected");
        QTest::newRow("none") << QList<double>() << KpiTrend::None;
        QTest::newRow("one value") << QList<double>{12} << KpiTrend::None;
        QTest::newRow("two up") << QList<double>{10, 20} << KpiTrend::Up;
        QTest::newRow("two down") << QList<double>{20, 10} << KpiTrend::Down;
        QTest::newRow("two flat") << QList<double>{100, 104} << KpiTrend::Flat;
        QTest::newRow("three up") << QList<double>{10, 12, 15} << KpiTrend::Up;
        QTest::newRow("three down") << QList<double>{15, 12, 10} << KpiTrend::Down;
        QTest::newRow("three flat, bumpy middle") << QList<double>{100, 130, 104} << KpiTrend::Flat;
        QTest::newRow("exactly 5 % is flat") << QList<double>{95, 80, 100} << KpiTrend::Flat;
        QTest::newRow("just over 5 % is up") << QList<double>{94.9, 80, 100} << KpiTrend::Up;
        QTest::newRow("exactly 5 % down is flat") << QList<double>{100, 120, 95} << KpiTrend::Flat;
        QTest::newRow("only the last three count")
            << QList<double>{1, 50, 60, 50} << KpiTrend::Flat;
        QTest::newRow("zeros are flat") << QList<double>{0, 0, 0} << KpiTrend::Flat;
        QTest::newRow("negative falling") << QList<double>{-10, -20} << KpiTrend::Down;
    }

    void trend()
    {
        QFETCH(QList<double>, values);
        QFETCH(KpiTrend, expected);
        QCOMPARE(KpiRules::trend(plainValues(values)), expected);
    }

    void stateUsesTheLatestValue()
    {
        const KpiSeries referrals =
            series(kpi(u"Referrals"_s, KpiUnit::Count, 10), plainValues({2, 5, 9}));
        KpiThresholds thresholds;
        KpiState state = KpiRules::state(referrals, thresholds);
        QCOMPARE(state.status, KpiStatus::AtRisk);
        QCOMPARE(state.trend, KpiTrend::Up);
        QVERIFY(state.latest);
        QCOMPARE(state.latest->period, month(2026, 3));
        QCOMPARE(state.latest->value, 9.0);

        thresholds.atRiskPercent = 5;
        QCOMPARE(KpiRules::state(referrals, thresholds).status, KpiStatus::OffTrack);

        const KpiState empty = KpiRules::state(series(referrals.definition), thresholds);
        QCOMPARE(empty.status, KpiStatus::NoData);
        QCOMPARE(empty.trend, KpiTrend::None);
        QVERIFY(!empty.latest);
    }

    void thresholdsComeFromSettings()
    {
        const KpiThresholds defaults = WorkbookSettings::kpiThresholds({});
        QCOMPARE(defaults.atRiskPercent, 20.0);
        QCOMPARE(defaults.sunsetRevenuePerMonth, 5000.0);
        QCOMPARE(defaults.currency, u"USD"_s);
        const KpiThresholds set =
            WorkbookSettings::kpiThresholds({{SettingKey::KpiAtRiskPercent, 10.0},
                                             {SettingKey::KpiSunsetRevenuePerMonth, 2000.0},
                                             {SettingKey::Currency, u"EUR"_s}});
        QCOMPARE(set.atRiskPercent, 10.0);
        QCOMPARE(set.sunsetRevenuePerMonth, 2000.0);
        QCOMPARE(set.currency, u"EUR"_s);
    }

    // --- periods and numbers ------------------------------------------------------------

    void parsePeriod_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<KpiPeriod>("period");
        const auto ok = [](const char *tag, const QString &text, const KpiPeriod &period) {
            QTest::newRow(tag) << text << true << period;
        };
        const auto bad = [](const char *tag, const QString &text) {
            QTest::newRow(tag) << text << false << KpiPeriod();
        };
        ok("month", u"2026-01"_s, month(2026, 1));
        ok("december", u"2025-12"_s, month(2025, 12));
        ok("day", u"2026-01-15"_s, day(2026, 1, 15));
        ok("leap day", u"2028-02-29"_s, day(2028, 2, 29));
        ok("spaces around", u" 2026-03 "_s, month(2026, 3));
        bad("month 13", u"2026-13"_s);
        bad("month 0", u"2026-00"_s);
        bad("30 February", u"2026-02-30"_s);
        bad("29 February, not leap", u"2026-02-29"_s);
        bad("one-digit month", u"2026-1"_s);
        bad("two-digit year", u"26-01"_s);
        bad("empty", QString());
        bad("spaces only", u"   "_s);
        bad("trailing junk after month", u"2026-01x"_s);
        bad("trailing junk after day", u"2026-01-15junk"_s);
        bad("slashes", u"2026/01/15"_s);
        bad("day first", u"15-01-2026"_s);
        bad("letters", u"January"_s);
        bad("year too early", u"1899-12"_s);
    }

    void parsePeriod()
    {
        QTest::failOnWarning(QRegularExpression(u"."_s)); // e.g. QString::arg misuse
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(KpiPeriod, period);
        QString why;
        const std::optional<KpiPeriod> parsed = KpiPeriod::parse(text, &why);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(*parsed, period);
            QCOMPARE(parsed->isMonth(), period.isMonth());
            QCOMPARE(parsed->toString(), text.trimmed());
            QVERIFY(why.isEmpty());
        } else {
            QVERIFY2(!why.isEmpty(), qPrintable(text));
        }
    }

    void periodWhySaysWhat()
    {
        QString why;
        QVERIFY(!KpiPeriod::parse(u"2026-13", &why));
        QVERIFY2(why.contains(u"13"_s), qPrintable(why));
        QVERIFY(!KpiPeriod::parse(u"2026-02-30", &why));
        QVERIFY2(why.contains(u"2026-02-30"_s), qPrintable(why));
        QVERIFY(!KpiPeriod::parse(u"26-01", &why));
        QVERIFY2(why.contains(u"YYYY-MM"_s), qPrintable(why));
    }

    void periodOrder()
    {
        const QList<KpiPeriod> sorted = {month(2025, 12), day(2025, 12, 31), month(2026, 1),
                                         day(2026, 1, 1), day(2026, 1, 2),   day(2026, 1, 31),
                                         month(2026, 2),  day(2026, 2, 1)};
        for (qsizetype i = 0; i < sorted.size(); ++i) {
            for (qsizetype j = 0; j < sorted.size(); ++j) {
                QVERIFY2((sorted.at(i) < sorted.at(j)) == (i < j),
                         qPrintable(sorted.at(i).toString() + u" < "_s + sorted.at(j).toString()));
            }
        }
        QVERIFY(month(2026, 1) != day(2026, 1, 1));
        QCOMPARE(day(2026, 1, 17).monthStart(), QDate(2026, 1, 1));
        QCOMPARE(month(2026, 1).date(), QDate(2026, 1, 1));
    }

    void parseNumber_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("number");
        const auto ok = [](const char *tag, const QString &text, double number) {
            QTest::newRow(tag) << text << true << number;
        };
        const auto bad = [](const char *tag, const QString &text) {
            QTest::newRow(tag) << text << false << 0.0;
        };
        ok("decimal", u"1234.5"_s, 1234.5);
        ok("thousands", u"1,234"_s, 1234);
        ok("millions with decimals", u"1,234,567.89"_s, 1234567.89);
        ok("dollars", u"$1,200"_s, 1200);
        ok("percent", u"12.5%"_s, 12.5);
        ok("euro with space", u"€ 900"_s, 900);
        ok("ISO code", u"EUR 900"_s, 900);
        ok("negative", u"-3"_s, -3);
        ok("negative dollars", u"-$1,200"_s, -1200);
        ok("minus sign", u"\u22124.5"_s, -4.5);
        ok("spaces around", u"  42  "_s, 42);
        ok("leading point", u".5"_s, 0.5);
        ok("zero", u"0"_s, 0);
        bad("two points", u"1.2.3"_s);
        bad("letters", u"abc"_s);
        bad("comma as decimal", u"1,23"_s);
        bad("four after comma", u"1,2345"_s);
        bad("comma after point", u"1.5,000"_s);
        bad("leading comma", u",123"_s);
        bad("empty", QString());
        bad("only a sign", u"$"_s);
        bad("only minus", u"-"_s);
        bad("two percent signs", u"12%%"_s);
        bad("trailing letters", u"12abc"_s);
        bad("exponent", u"1e5"_s);
    }

    void parseNumber()
    {
        QTest::failOnWarning(QRegularExpression(u"."_s)); // e.g. QString::arg misuse
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, number);
        QString why;
        const std::optional<double> parsed = parseKpiNumber(text, &why);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, number);
        else
            QVERIFY2(!why.isEmpty(), qPrintable(text));
    }

    // --- cadence ------------------------------------------------------------------------

    void scheduledReviews()
    {
        const QDate start(2026, 1, 15);
        const QList<QDate> expected = {QDate(2026, 2, 15), QDate(2026, 3, 15),  QDate(2026, 4, 15),
                                       QDate(2026, 7, 15), QDate(2026, 10, 15), QDate(2027, 1, 15)};
        QCOMPARE(KpiRules::scheduledReviews(start, QDate(2027, 1, 31)), expected);
        // `until` is included; nothing after it.
        QCOMPARE(KpiRules::scheduledReviews(start, QDate(2026, 4, 15)), expected.mid(0, 3));
        QCOMPARE(KpiRules::scheduledReviews(start, QDate(2026, 4, 14)), expected.mid(0, 2));
        QCOMPARE(KpiRules::scheduledReviews(start, QDate(2026, 2, 14)), QList<QDate>());
        QCOMPARE(KpiRules::scheduledReviews(QDate(), QDate(2030, 1, 1)), QList<QDate>());
    }

    void nextReview_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QList<Review>>("reviews");
        QTest::addColumn<QDate>("expected"); // null: none
        const QDate start(2026, 1, 15);
        QTest::newRow("no pilot start") << QDate() << QList<Review>() << QDate();
        QTest::newRow("no pilot start, reviews")
            << QDate() << QList<Review>{review({2026, 2, 1})} << QDate();
        QTest::newRow("no reviews") << start << QList<Review>() << QDate(2026, 2, 15);
        QTest::newRow("on the day")
            << start << QList<Review>{review({2026, 2, 15})} << QDate(2026, 3, 15);
        QTest::newRow("14 days early counts")
            << start << QList<Review>{review({2026, 2, 1})} << QDate(2026, 3, 15);
        QTest::newRow("15 days early does not")
            << start << QList<Review>{review({2026, 1, 31})} << QDate(2026, 2, 15);
        QTest::newRow("late review covers its date")
            << start << QList<Review>{review({2026, 2, 25})} << QDate(2026, 3, 15);
        QTest::newRow("after the monthly ones, quarterly")
            << start
            << QList<Review>{review({2026, 2, 15}), review({2026, 3, 14}), review({2026, 4, 16})}
            << QDate(2026, 7, 15);
        QTest::newRow("quarterly, early")
            << start << QList<Review>{review({2026, 7, 1})} << QDate(2026, 10, 15);
        QTest::newRow("end stops reviews")
            << start << QList<Review>{review({2026, 2, 15}, ReviewDecision::End)} << QDate();
        QTest::newRow("end, then more reviews")
            << start
            << QList<Review>{review({2026, 2, 15}, ReviewDecision::End), review({2026, 3, 15})}
            << QDate();
        QTest::newRow("pause does not stop reviews")
            << start << QList<Review>{review({2026, 2, 15}, ReviewDecision::Pause)}
            << QDate(2026, 3, 15);
    }

    void nextReview()
    {
        QFETCH(QDate, start);
        QFETCH(QList<Review>, reviews);
        QFETCH(QDate, expected);
        const std::optional<QDate> next = KpiRules::nextReview(Pilot{start, 90}, reviews);
        QCOMPARE(next.value_or(QDate()), expected);
    }

    // What a review counts for: the rule the KPIs area words where a review is recorded.
    void reviewCredit_data()
    {
        using Kind = KpiRules::ReviewCredit::Kind;
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QList<Review>>("earlier");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QDate>("firstDue");
        QTest::addColumn<QDate>("lastDue");
        const QDate start(2026, 1, 15);
        const QDate feb(2026, 2, 15), mar(2026, 3, 15), apr(2026, 4, 15), jul(2026, 7, 15);
        QTest::newRow("no pilot start") << QDate() << QList<Review>() << QDate(2026, 2, 15)
                                        << int(Kind::NoPilot) << QDate() << QDate();
        QTest::newRow("on the day")
            << start << QList<Review>() << feb << int(Kind::CountsFor) << feb << feb;
        QTest::newRow("14 days early counts")
            << start << QList<Review>() << QDate(2026, 2, 1) << int(Kind::CountsFor) << feb << feb;
        QTest::newRow("15 days early is too early")
            << start << QList<Review>() << QDate(2026, 1, 31) << int(Kind::TooEarly) << feb << feb;
        QTest::newRow("before the pilot started")
            << start << QList<Review>() << QDate(2025, 12, 1) << int(Kind::TooEarly) << feb << feb;
        QTest::newRow("late, covering two dates")
            << start << QList<Review>() << QDate(2026, 3, 2) << int(Kind::CountsFor) << feb << mar;
        QTest::newRow("the next one, after one that counted")
            << start << QList<Review>{review(feb)} << QDate(2026, 3, 10) << int(Kind::CountsFor)
            << mar << mar;
        QTest::newRow("a second review in the same month is too early for the next")
            << start << QList<Review>{review(feb)} << QDate(2026, 2, 20) << int(Kind::TooEarly)
            << mar << mar;
        QTest::newRow("quarterly after three months")
            << start << QList<Review>{review(feb), review(mar), review(apr)} << QDate(2026, 7, 1)
            << int(Kind::CountsFor) << jul << jul;
        QTest::newRow("quarterly, too early")
            << start << QList<Review>{review(feb), review(mar), review(apr)} << QDate(2026, 6, 1)
            << int(Kind::TooEarly) << jul << jul;
        QTest::newRow("after an end decision")
            << start << QList<Review>{review(feb, ReviewDecision::End)} << QDate(2026, 3, 15)
            << int(Kind::AfterEnd) << QDate() << QDate();
        QTest::newRow("a later review does not take the credit away")
            << start << QList<Review>{review(QDate(2026, 3, 15))} << QDate(2026, 2, 10)
            << int(Kind::CountsFor) << feb << feb;
    }

    void reviewCredit()
    {
        QFETCH(QDate, start);
        QFETCH(QList<Review>, earlier);
        QFETCH(QDate, date);
        QFETCH(int, kind);
        QFETCH(QDate, firstDue);
        QFETCH(QDate, lastDue);
        const KpiRules::ReviewCredit credit =
            KpiRules::reviewCredit(Pilot{start, 90}, earlier, review(date));
        QCOMPARE(int(credit.kind), kind);
        QCOMPARE(credit.firstDue, firstDue);
        QCOMPARE(credit.lastDue, lastDue);
        if (credit.kind == KpiRules::ReviewCredit::Kind::TooEarly)
            QCOMPARE(credit.countsFrom, firstDue.addDays(-KpiRules::kReviewEarlyDays));
    }

    // Once recorded, a review is judged against those recorded before it, not after it.
    void reviewCreditOfARecordedReview()
    {
        const Pilot pilot{QDate(2026, 1, 15), 90};
        Review first = review({2026, 2, 10});
        first.id = 1;
        Review sameDay = review({2026, 2, 10});
        sameDay.id = 2;
        const QList<Review> reviews{first, sameDay};
        QCOMPARE(KpiRules::reviewCredit(pilot, reviews, first).kind,
                 KpiRules::ReviewCredit::Kind::CountsFor);
        QCOMPARE(KpiRules::reviewCredit(pilot, reviews, sameDay).kind,
                 KpiRules::ReviewCredit::Kind::TooEarly);
        // The cadence and the credit agree: the next review is the one nothing counted for.
        QCOMPARE(KpiRules::nextReview(pilot, reviews).value_or(QDate()), QDate(2026, 3, 15));
    }

    void reviewOverdueOnlyAfterTheDueDate()
    {
        const Pilot pilot{QDate(2026, 1, 15), 90};
        QVERIFY(!KpiRules::isReviewOverdue(pilot, {}, QDate(2026, 2, 14)));
        QVERIFY(!KpiRules::isReviewOverdue(pilot, {}, QDate(2026, 2, 15)));
        QVERIFY(KpiRules::isReviewOverdue(pilot, {}, QDate(2026, 2, 16)));
        QVERIFY(!KpiRules::isReviewOverdue(pilot, {review({2026, 2, 10})}, QDate(2026, 2, 16)));
        QVERIFY(!KpiRules::isReviewOverdue(Pilot{}, {}, QDate(2030, 1, 1)));
        QVERIFY(!KpiRules::isReviewOverdue(pilot, {review({2026, 2, 10}, ReviewDecision::End)},
                                           QDate(2030, 1, 1)));
    }

    // --- partnership signals ------------------------------------------------------------

    void healthyPartnershipHasNoSignal()
    {
        const Findings findings = KpiRules::check(healthy(u"Ledgerly"_s), {}, kToday);
        QCOMPARE(codes(findings), QStringList());
    }

    void kpiCount_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("signal");
        QTest::newRow("1") << 1 << true;
        QTest::newRow("2") << 2 << true;
        QTest::newRow("3") << 3 << false;
        QTest::newRow("4") << 4 << false;
        QTest::newRow("5") << 5 << false;
        QTest::newRow("6") << 6 << true;
    }

    void kpiCount()
    {
        QFETCH(int, count);
        QFETCH(bool, signal);
        const Findings findings =
            KpiRules::check(partnership(u"Ledgerly"_s, QDate(), emptyKpis(count)), {}, kToday);
        QCOMPARE(codes(findings), signal ? QStringList{u"kpi.count"_s} : QStringList());
        if (signal) {
            const Finding &f = findings.first();
            QCOMPARE(f.severity, Finding::Severity::Info);
            QCOMPARE(f.partner, u"Ledgerly"_s);
            QVERIFY2(f.message.contains(u"Ledgerly"_s), qPrintable(f.message));
            QVERIFY2(f.message.contains(QString::number(count)), qPrintable(f.message));
        }
    }

    void kpiOffTrack_data()
    {
        QTest::addColumn<KpiDefinition>("definition");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("atRiskPercent");
        QTest::addColumn<bool>("signal");
        const KpiDefinition referrals = kpi(u"Referrals"_s, KpiUnit::Count, 10);
        const KpiDefinition close = kpi(u"Time to close"_s, KpiUnit::Days, 45, KpiMetric::Custom,
                                        KpiDirection::LowerIsBetter);
        QTest::newRow("higher, far under") << referrals << QList<double>{12, 5} << 20.0 << true;
        QTest::newRow("higher, at risk") << referrals << QList<double>{12, 8} << 20.0 << false;
        QTest::newRow("higher, met") << referrals << QList<double>{3, 10} << 20.0 << false;
        QTest::newRow("higher, wider band") << referrals << QList<double>{12, 5} << 50.0 << false;
        QTest::newRow("lower, far over") << close << QList<double>{40, 60} << 20.0 << true;
        QTest::newRow("lower, at risk") << close << QList<double>{40, 54} << 20.0 << false;
        QTest::newRow("lower, met") << close << QList<double>{90, 45} << 20.0 << false;
        QTest::newRow("no values") << referrals << QList<double>() << 20.0 << false;
        QTest::newRow("no target") << kpi(u"Referrals"_s, KpiUnit::Count, std::nullopt)
                                   << QList<double>{0} << 20.0 << false;
    }

    void kpiOffTrack()
    {
        QFETCH(KpiDefinition, definition);
        QFETCH(QList<double>, values);
        QFETCH(double, atRiskPercent);
        QFETCH(bool, signal);
        QList<KpiSeries> kpis = emptyKpis(2);
        kpis.prepend(series(definition, monthlyValues(month(2026, 5), values)));
        KpiThresholds thresholds;
        thresholds.atRiskPercent = atRiskPercent;
        const Findings findings =
            KpiRules::check(partnership(u"Ledgerly"_s, QDate(), kpis), thresholds, kToday);
        QCOMPARE(codes(findings), signal ? QStringList{u"kpi.off_track"_s} : QStringList());
        if (signal) {
            const Finding &f = findings.first();
            QCOMPARE(f.severity, Finding::Severity::Warning);
            QCOMPARE(f.subject, definition.name);
            QCOMPARE(f.partner, u"Ledgerly"_s);
            QVERIFY2(f.message.contains(u"Ledgerly"_s), qPrintable(f.message));
            QVERIFY2(f.message.contains(definition.name), qPrintable(f.message));
        }
    }

    void reviewOverdue_data()
    {
        QTest::addColumn<QList<Review>>("reviews");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("signal");
        // Pilot from 2026-01-15: reviews due 02-15, 03-15, 04-15, then 07-15.
        QTest::newRow("on the due date") << QList<Review>() << QDate(2026, 2, 15) << false;
        QTest::newRow("the day after") << QList<Review>() << QDate(2026, 2, 16) << true;
        QTest::newRow("months late") << QList<Review>() << QDate(2026, 6, 1) << true;
        QTest::newRow("reviewed") << QList<Review>{review({2026, 2, 12})} << QDate(2026, 3, 1)
                                  << false;
        QTest::newRow("second review missed")
            << QList<Review>{review({2026, 2, 12})} << QDate(2026, 3, 16) << true;
        QTest::newRow("quarterly not yet due")
            << QList<Review>{review({2026, 2, 15}), review({2026, 3, 15}), review({2026, 4, 15})}
            << QDate(2026, 7, 15) << false;
        QTest::newRow("ended") << QList<Review>{review({2026, 2, 12}, ReviewDecision::End)}
                               << QDate(2027, 1, 1) << false;
    }

    void reviewOverdue()
    {
        QFETCH(QList<Review>, reviews);
        QFETCH(QDate, today);
        QFETCH(bool, signal);
        // Only the review signal: these KPIs never got a value (kpi.no_data speaks of that).
        Findings findings = KpiRules::check(
            partnership(u"Ledgerly"_s, QDate(2026, 1, 15), emptyKpis(3), reviews), {}, today);
        findings.removeIf([](const Finding &f) { return f.code == u"kpi.no_data"; });
        QCOMPARE(codes(findings), signal ? QStringList{u"review.overdue"_s} : QStringList());
        if (signal) {
            QCOMPARE(findings.first().partner, u"Ledgerly"_s);
            QVERIFY2(findings.first().message.contains(u"Ledgerly"_s),
                     qPrintable(findings.first().message));
        }
    }

    void reviewOverdueSaysHowLate()
    {
        const auto p = partnership(u"Ledgerly"_s, QDate(2026, 1, 15), emptyKpis(3));
        QVERIFY(KpiRules::check(p, {}, QDate(2026, 2, 16)).first().message.contains(u"1 day"_s));
        QVERIFY(KpiRules::check(p, {}, QDate(2026, 2, 25)).first().message.contains(u"10 days"_s));
    }

    void kpiFlat_data()
    {
        QTest::addColumn<KpiMetric>("metric");
        QTest::addColumn<QList<KpiValue>>("values");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("signal");
        // Pilot from 2026-01-01: three months have passed on 2026-04-01.
        const QDate after(2026, 4, 15);
        const auto referrals = KpiMetric::Referrals;
        const auto months = [](const QList<double> &values) {
            return monthlyValues(month(2026, 1), values);
        };
        QTest::newRow("flat three months") << referrals << months({10, 10, 10}) << after << true;
        QTest::newRow("flat within 5 %") << referrals << months({10, 12, 10.4}) << after << true;
        QTest::newRow("falling") << referrals << months({15, 12, 10}) << after << true;
        QTest::newRow("growing") << referrals << months({10, 12, 15}) << after << false;
        QTest::newRow("growing after a flat start")
            << referrals << months({10, 10, 10, 11, 13}) << QDate(2026, 6, 1) << false;
        QTest::newRow("exactly three months in")
            << referrals << months({10, 10, 10}) << QDate(2026, 4, 1) << true;
        QTest::newRow("a day too early")
            << referrals << months({10, 10, 10}) << QDate(2026, 3, 31) << false;
        QTest::newRow("only two months") << referrals << months({10, 10}) << after << false;
        QTest::newRow("months not consecutive")
            << referrals
            << QList<KpiValue>{{month(2026, 1), 10}, {month(2026, 2), 10}, {month(2026, 4), 10}}
            << QDate(2026, 5, 15) << false;
        QTest::newRow("weekly values, flat months")
            << referrals
            << QList<KpiValue>{{day(2026, 1, 5), 4},  {day(2026, 1, 19), 6}, {day(2026, 2, 2), 5},
                               {day(2026, 2, 16), 5}, {day(2026, 3, 2), 3},  {day(2026, 3, 16), 7}}
            << after << true;
        QTest::newRow("weekly values, growing months")
            << referrals
            << QList<KpiValue>{{day(2026, 1, 5), 4},  {day(2026, 1, 19), 6}, {day(2026, 2, 2), 5},
                               {day(2026, 2, 16), 8}, {day(2026, 3, 2), 9},  {day(2026, 3, 16), 9}}
            << after << false;
        // April has begun with one weekly value: it is not a fall, the month is not over.
        QTest::newRow("a month still running") << referrals
                                               << QList<KpiValue>{{month(2026, 1), 10},
                                                                  {month(2026, 2), 12},
                                                                  {month(2026, 3), 15},
                                                                  {day(2026, 4, 2), 3}}
                                               << QDate(2026, 4, 10) << false;
        QTest::newRow("other metric, flat")
            << KpiMetric::Custom << months({10, 10, 10}) << after << false;
        QTest::newRow("revenue, flat")
            << KpiMetric::PartnerRevenue << months({10, 10, 10}) << after << false;
    }

    void kpiFlat()
    {
        QFETCH(KpiMetric, metric);
        QFETCH(QList<KpiValue>, values);
        QFETCH(QDate, today);
        QFETCH(bool, signal);
        // No target: no off-track or missed-quarter signal can interfere.
        QList<KpiSeries> kpis = emptyKpis(2);
        kpis.prepend(series(kpi(u"Partner deals"_s, KpiUnit::Count, std::nullopt, metric), values));
        const Findings findings =
            KpiRules::check(partnership(u"Ledgerly"_s, QDate(2026, 1, 1), kpis), {}, today);
        QCOMPARE(codes(findings).contains(u"kpi.flat"_s), signal);
        if (signal) {
            const Finding *f = findingWith(findings, u"kpi.flat"_s);
            QCOMPARE(f->subject, u"Partner deals"_s);
            QCOMPARE(f->partner, u"Ledgerly"_s);
            QVERIFY2(f->message.contains(u"Ledgerly"_s), qPrintable(f->message));
        }
    }

    void sunsetOnLowRevenue_data()
    {
        QTest::addColumn<QList<KpiValue>>("values");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("signal");
        // Pilot from 2026-01-01: June is the sixth month, six months have passed on 07-01.
        const QDate after(2026, 7, 10);
        const auto months = [](const QList<double> &values) {
            return monthlyValues(month(2026, 1), values);
        };
        QTest::newRow("under 5,000 in the sixth month")
            << months({1000, 2000, 3000, 3000, 4000, 4999}) << after << 5000.0 << true;
        QTest::newRow("exactly 5,000")
            << months({1000, 2000, 3000, 3000, 4000, 5000}) << after << 5000.0 << false;
        QTest::newRow("well over")
            << months({1000, 2000, 3000, 3000, 9000, 12000}) << after << 5000.0 << false;
        QTest::newRow("under, but not six months yet")
            << months({1000, 2000, 3000, 3000, 4000, 4000}) << QDate(2026, 6, 30) << 5000.0
            << false;
        QTest::newRow("under, later") << months({9000, 9000, 9000, 9000, 9000, 9000, 9000, 3000})
                                      << QDate(2026, 9, 5) << 5000.0 << true;
        QTest::newRow("nothing recorded since the fifth month")
            << months({1000, 2000, 3000, 3000, 4000}) << after << 5000.0 << false;
        QTest::newRow("weekly values add up over 5,000")
            << QList<KpiValue>{{day(2026, 6, 1), 1500},
                               {day(2026, 6, 8), 1500},
                               {day(2026, 6, 15), 1500},
                               {day(2026, 6, 22), 1500}}
            << after << 5000.0 << false;
        QTest::newRow("weekly values under 5,000") << QList<KpiValue>{{day(2026, 6, 1), 1000},
                                                                      {day(2026, 6, 8), 1000},
                                                                      {day(2026, 6, 15), 1000},
                                                                      {day(2026, 6, 22), 1000}}
                                                   << after << 5000.0 << true;
        QTest::newRow("lower threshold")
            << months({1000, 2000, 3000, 3000, 4000, 3000}) << after << 2000.0 << false;
    }

    void sunsetOnLowRevenue()
    {
        QFETCH(QList<KpiValue>, values);
        QFETCH(QDate, today);
        QFETCH(double, threshold);
        QFETCH(bool, signal);
        QList<KpiSeries> kpis = emptyKpis(2);
        kpis.prepend(series(kpi(u"Partner-sourced revenue"_s, KpiUnit::Currency, std::nullopt,
                                KpiMetric::PartnerRevenue),
                            values));
        KpiThresholds thresholds;
        thresholds.sunsetRevenuePerMonth = threshold;
        const Findings findings =
            KpiRules::check(partnership(u"Ledgerly"_s, QDate(2026, 1, 1), kpis), thresholds, today);
        QCOMPARE(codes(findings).contains(u"kpi.sunset_candidate"_s), signal);
        if (signal) {
            const Finding *f = findingWith(findings, u"kpi.sunset_candidate"_s);
            QCOMPARE(f->severity, Finding::Severity::Warning);
            QCOMPARE(f->partner, u"Ledgerly"_s);
            QVERIFY2(f->message.contains(u"Ledgerly"_s), qPrintable(f->message));
            QVERIFY2(f->message.contains(u"revenue"_s), qPrintable(f->message));
        }
    }

    void sunsetOnMissedQuarters_data()
    {
        // Three KPIs with a target of 10 (higher is better), one value per month from
        // January 2026; how many of them miss in each quarter.
        QTest::addColumn<QList<int>>("missesPerQuarter");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<bool>("signal");
        QTest::newRow("two of three, Q1 and Q2") << QList<int>{2, 2} << QDate(2026, 7, 1) << true;
        QTest::newRow("all, Q1 and Q2") << QList<int>{3, 3} << QDate(2026, 8, 1) << true;
        QTest::newRow("Q2 not complete yet") << QList<int>{2, 2} << QDate(2026, 6, 30) << false;
        QTest::newRow("one of three") << QList<int>{1, 1} << QDate(2026, 7, 1) << false;
        QTest::newRow("only Q2 missed") << QList<int>{0, 2} << QDate(2026, 7, 1) << false;
        QTest::newRow("only Q1 missed") << QList<int>{2, 0} << QDate(2026, 7, 1) << false;
        QTest::newRow("Q1 and Q3, Q2 met") << QList<int>{2, 0, 2} << QDate(2026, 10, 1) << false;
        QTest::newRow("Q2 and Q3") << QList<int>{0, 2, 3} << QDate(2026, 10, 1) << true;
    }

    void sunsetOnMissedQuarters()
    {
        QFETCH(QList<int>, missesPerQuarter);
        QFETCH(QDate, today);
        QFETCH(bool, signal);
        QList<KpiSeries> kpis;
        for (int k = 0; k < 3; ++k) {
            QList<double> values;
            for (int misses : missesPerQuarter) {
                // The quarter's average decides: 12, 4, 8 averages 8, under the target.
                const bool missed = k < misses;
                values << 12 << (missed ? 4 : 9) << (missed ? 8 : 12);
            }
            kpis.append(series(kpi(u"KPI %1"_s.arg(k + 1), KpiUnit::Count, 10),
                               monthlyValues(month(2026, 1), values)));
        }
        const Findings findings =
            KpiRules::check(partnership(u"Ledgerly"_s, QDate(), kpis), {}, today);
        QCOMPARE(codes(findings).contains(u"kpi.sunset_candidate"_s), signal);
        if (signal) {
            const Finding *f = findingWith(findings, u"kpi.sunset_candidate"_s);
            QCOMPARE(f->partner, u"Ledgerly"_s);
            QVERIFY2(f->message.contains(u"Ledgerly"_s), qPrintable(f->message));
            QVERIFY2(f->message.contains(u"Q2"_s), qPrintable(f->message));
        }
    }

    void sunsetNeedsMostNotHalf()
    {
        // Two of four KPIs missing is half, not most.
        QList<KpiSeries> kpis;
        for (int k = 0; k < 4; ++k) {
            const double value = k < 2 ? 5 : 15;
            kpis.append(series(kpi(u"KPI %1"_s.arg(k + 1), KpiUnit::Count, 10),
                               monthlyValues(month(2026, 1), QList<double>(6, value))));
        }
        const auto p = partnership(u"Ledgerly"_s, QDate(), kpis);
        QVERIFY(
            !codes(KpiRules::check(p, {}, QDate(2026, 7, 1))).contains(u"kpi.sunset_candidate"_s));
        // A KPI without a target is not measured at all: two of three is most.
        kpis[3].definition.target.reset();
        QVERIFY(
            codes(KpiRules::check(partnership(u"Ledgerly"_s, QDate(), kpis), {}, QDate(2026, 7, 1)))
                .contains(u"kpi.sunset_candidate"_s));
    }

    void signalsTogether()
    {
        // Everything wrong at once: each signal once, for the right subject.
        QList<KpiSeries> kpis = {
            series(kpi(u"Referrals"_s, KpiUnit::Count, 10, KpiMetric::Referrals),
                   plainValues({3, 3, 3, 3, 3, 3})),
            series(kpi(u"Partner-sourced revenue"_s, KpiUnit::Currency, 15000,
                       KpiMetric::PartnerRevenue),
                   plainValues({500, 800, 900, 700, 1000, 1200})),
        };
        const Findings findings =
            KpiRules::check(partnership(u"Acme"_s, QDate(2026, 1, 1), kpis), {}, QDate(2026, 7, 2));
        QCOMPARE(codes(findings),
                 (QStringList{u"kpi.count"_s, u"kpi.off_track"_s, u"kpi.off_track"_s,
                              u"review.overdue"_s, u"kpi.flat"_s, u"kpi.sunset_candidate"_s}));
        for (const Finding &f : findings) {
            QCOMPARE(f.partner, u"Acme"_s);
            QVERIFY2(f.message.contains(u"Acme"_s), qPrintable(f.message));
        }
        // Both reasons for sunset in one finding.
        const QString sunset = findingWith(findings, u"kpi.sunset_candidate"_s)->message;
        QVERIFY2(sunset.contains(u"revenue"_s) && sunset.contains(u"Q1"_s), qPrintable(sunset));
    }

    // --- portfolio ----------------------------------------------------------------------

    void concentration_data()
    {
        QTest::addColumn<QList<double>>("yearlyRevenue"); // per partner, over twelve months
        QTest::addColumn<bool>("signal");
        QTest::newRow("top two 80 %") << QList<double>{50, 30, 20} << true;
        QTest::newRow("top two 90 %") << QList<double>{20, 70, 10} << true;
        QTest::newRow("top two 79 %") << QList<double>{49, 30, 21} << false;
        QTest::newRow("even spread") << QList<double>{34, 33, 33} << false;
        // One or two earning partners are the concentration itself (issue 13).
        QTest::newRow("only two partners") << QList<double>{90, 10} << true;
        QTest::newRow("third partner earns nothing") << QList<double>{90, 10, 0} << true;
        QTest::newRow("four partners, 80 %") << QList<double>{40, 10, 40, 10} << true;
    }

    void concentration()
    {
        QFETCH(QList<double>, yearlyRevenue);
        QFETCH(bool, signal);
        const QStringList names = {u"Alpha"_s, u"Bravo"_s, u"Charlie"_s, u"Delta"_s};
        QList<PartnershipKpis> partnerships;
        for (qsizetype i = 0; i < yearlyRevenue.size(); ++i) {
            // Twelve months of 2025; whole numbers, so that the shares are exact.
            const QList<double> values(12, yearlyRevenue.at(i) * 100);
            partnerships.append(partnership(names.at(i), QDate(2025, 1, 1),
                                            {series(kpi(u"Revenue"_s, KpiUnit::Currency,
                                                        std::nullopt, KpiMetric::PartnerRevenue),
                                                    monthlyValues(month(2025, 1), values))}));
        }
        const Findings findings = KpiRules::checkPortfolio(partnerships);
        QCOMPARE(codes(findings),
                 signal ? QStringList{u"portfolio.concentration"_s} : QStringList());
        if (signal) {
            // The two largest are named.
            QList<qsizetype> order = {0, 1, 2, 3};
            order.resize(yearlyRevenue.size());
            std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
                return yearlyRevenue.at(a) > yearlyRevenue.at(b);
            });
            const QString &message = findings.first().message;
            QVERIFY2(message.contains(names.at(order.at(0))), qPrintable(message));
            QVERIFY2(message.contains(names.at(order.at(1))), qPrintable(message));
        }
    }

    void concentrationCountsTwelveMonths()
    {
        // Charlie earned a lot, but more than twelve months before the latest month anyone
        // recorded; within the window Alpha and Bravo bring 80 %.
        const auto revenue = [](const QString &name, const QList<KpiValue> &values) {
            return partnership(name, QDate(2025, 1, 1),
                               {series(kpi(u"Revenue"_s, KpiUnit::Currency, std::nullopt,
                                           KpiMetric::PartnerRevenue),
                                       values)});
        };
        const QList<PartnershipKpis> partnerships = {
            revenue(u"Alpha"_s, {{month(2025, 6), 30000}, {month(2026, 3), 20000}}),
            revenue(u"Bravo"_s, {{month(2025, 4), 30000}}),
            revenue(u"Charlie"_s, {{month(2025, 3), 500000}, {month(2025, 10), 20000}}),
            // Without a revenue KPI a partnership is left out.
            partnership(u"Delta"_s, QDate(2025, 1, 1), emptyKpis(3)),
        };
        const KpiRules::Concentration share = KpiRules::concentration(partnerships);
        QCOMPARE(share.to, QDate(2026, 3, 1));
        QCOMPARE(share.from, QDate(2025, 4, 1));
        QCOMPARE(share.total, 100000.0);
        QCOMPARE(share.revenueByPartner.size(), 3);
        QCOMPARE(share.revenueByPartner.at(0), (QPair<QString, double>(u"Alpha"_s, 50000)));
        QCOMPARE(share.revenueByPartner.at(1), (QPair<QString, double>(u"Bravo"_s, 30000)));
        QCOMPARE(share.revenueByPartner.at(2), (QPair<QString, double>(u"Charlie"_s, 20000)));
        QCOMPARE(share.topTwoShare, 0.8);
        QCOMPARE(codes(KpiRules::checkPortfolio(partnerships)),
                 QStringList{u"portfolio.concentration"_s});
        QVERIFY(KpiRules::checkPortfolio({}).isEmpty());
    }

    void monthly_data()
    {
        QTest::addColumn<KpiUnit>("unit");
        QTest::addColumn<double>("january");
        QTest::addColumn<double>("february");
        // January: 10 and 20 on two days and 30 for the month; February: 5 for the month.
        QTest::newRow("count adds up") << KpiUnit::Count << 60.0 << 5.0;
        QTest::newRow("currency adds up") << KpiUnit::Currency << 60.0 << 5.0;
        QTest::newRow("percent is averaged") << KpiUnit::Percent << 20.0 << 5.0;
        QTest::newRow("score is averaged") << KpiUnit::Score << 20.0 << 5.0;
        QTest::newRow("days are averaged") << KpiUnit::Days << 20.0 << 5.0;
    }

    void monthly()
    {
        QFETCH(KpiUnit, unit);
        QFETCH(double, january);
        QFETCH(double, february);
        const KpiSeries s = series(kpi(u"KPI"_s, unit, std::nullopt), {{month(2026, 1), 30},
                                                                       {day(2026, 1, 5), 10},
                                                                       {day(2026, 1, 31), 20},
                                                                       {month(2026, 2), 5}});
        const QMap<QDate, double> months = KpiRules::monthly(s);
        QCOMPARE(months.keys(), (QList<QDate>{QDate(2026, 1, 1), QDate(2026, 2, 1)}));
        QCOMPARE(months.value(QDate(2026, 1, 1)), january);
        QCOMPARE(months.value(QDate(2026, 2, 1)), february);
        QVERIFY(KpiRules::monthly(series(s.definition)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKpiRules)
#include "tst_kpirules.moc"
