// The playbook's rules read again against the practice (DOMAIN.md; issue 13): each rule that
// was silent when it should speak, spoke when it should not, or put words in the user's
// mouth, through KpiRules, ProposalRules, RaciRules, CandidateRules and the proposal's
// wording. Every date is fixed, so that the suite means the same on any day it runs.
#include "domain/CandidateRules.h"
#include "domain/KpiRules.h"
#include "domain/ProposalBuilder.h"
#include "domain/ProposalRules.h"
#include "domain/Raci.h"
#include "domain/WorkbookSettings.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

const QDate kToday(2026, 11, 23);

QStringList codes(const Findings &findings)
{
    QStringList list;
    for (const Finding &finding : findings)
        list.append(finding.code);
    return list;
}

QStringList codes(const QList<RaciProblem> &problems)
{
    QStringList list;
    for (const RaciProblem &problem : problems)
        list.append(problem.finding.code);
    return list;
}

KpiSeries monthlySeries(const QString &name, KpiUnit unit, KpiMetric metric, const QDate &first,
                        const QList<double> &values)
{
    KpiSeries series;
    series.definition.name = name;
    series.definition.unit = unit;
    series.definition.metric = metric;
    series.definition.target = 10;
    QDate month(first.year(), first.month(), 1);
    for (double value : values) {
        if (!std::isnan(value))
            series.values.append({KpiPeriod::month(month.year(), month.month()), value});
        month = month.addMonths(1);
    }
    return series;
}

PartnershipKpis partnership(const QString &name, const QDate &pilotStart,
                            const QList<KpiSeries> &kpis, Stage stage = Stage::Pilot)
{
    PartnershipKpis p;
    p.partner = name;
    p.stage = stage;
    p.pilot.start = pilotStart;
    p.kpis = kpis;
    return p;
}

// A grid: our BD lead and the partner's team, over the activities given, each row the
// partner's role (ours is A, unless the partner's is).
RaciGrid grid(const QList<std::pair<QString, RaciRole>> &partnerRoles)
{
    RaciGrid g;
    g.parties = {{0, u"Our BD lead"_s, RaciSide::Ours}, {0, u"Their team"_s, RaciSide::Partner}};
    for (const auto &[activity, role] : partnerRoles) {
        g.activities.append({0, activity});
        g.cells.append({isAccountable(role) ? RaciRole::Responsible : RaciRole::Accountable, role});
    }
    return g;
}

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

} // namespace

class TestPractice : public QObject
{
    Q_OBJECT

private slots:
    // --- 1. concentration with one or two earning partners --------------------------------

    void concentration_data()
    {
        QTest::addColumn<QList<double>>("revenue"); // per partner, a month, all of 2025
        QTest::addColumn<bool>("signal");
        QTest::addColumn<QString>("words");
        QTest::newRow("one partner earns")
            << QList<double>{100} << true << u"All partner revenue"_s;
        QTest::newRow("one earns, one nothing")
            << QList<double>{100, 0} << true << u"comes from Alpha"_s;
        QTest::newRow("two at 90/10")
            << QList<double>{90, 10} << true << u"Only two partners earn: Alpha brings 90 %"_s;
        QTest::newRow("two at 50/50") << QList<double>{50, 50} << true << u"Only two"_s;
        QTest::newRow("three, top two 80 %")
            << QList<double>{50, 30, 20} << true << u"(3 partners earn)"_s;
        QTest::newRow("three, top one alone 85 %")
            << QList<double>{85, 10, 5} << true << u"Alpha and Bravo bring 95 %"_s;
        QTest::newRow("three, top two 70 %") << QList<double>{40, 30, 30} << false << QString();
        QTest::newRow("nobody earns") << QList<double>{0, 0} << false << QString();
    }

    void concentration()
    {
        QFETCH(QList<double>, revenue);
        QFETCH(bool, signal);
        QFETCH(QString, words);
        const QStringList names = {u"Alpha"_s, u"Bravo"_s, u"Charlie"_s};
        QList<PartnershipKpis> all;
        for (qsizetype i = 0; i < revenue.size(); ++i)
            all.append(partnership(
                names.at(i), QDate(2025, 1, 1),
                {monthlySeries(u"Revenue"_s, KpiUnit::Currency, KpiMetric::PartnerRevenue,
                               QDate(2025, 1, 1), QList<double>(12, revenue.at(i) * 100))}));
        const Findings findings = KpiRules::checkPortfolio(all, QDate(2026, 1, 10));
        QCOMPARE(codes(findings),
                 signal ? QStringList{u"portfolio.concentration"_s} : QStringList());
        if (signal)
            QVERIFY2(findings.first().message.contains(words),
                     qPrintable(findings.first().message));
    }

    void concentrationCountsCompleteMonths()
    {
        // Bravo's big month is the one still running: over the twelve complete months
        // before today Alpha brings everything.
        QList<PartnershipKpis> all = {
            partnership(u"Alpha"_s, QDate(2025, 1, 1),
                        {monthlySeries(u"Revenue"_s, KpiUnit::Currency, KpiMetric::PartnerRevenue,
                                       QDate(2025, 1, 1), QList<double>(12, 1000))}),
            partnership(u"Bravo"_s, QDate(2025, 1, 1),
                        {monthlySeries(u"Revenue"_s, KpiUnit::Currency, KpiMetric::PartnerRevenue,
                                       QDate(2026, 1, 1), {90000})}),
        };
        const KpiRules::Concentration share = KpiRules::concentration(all, QDate(2026, 1, 20));
        QCOMPARE(share.to, QDate(2025, 12, 1));
        QCOMPARE(share.from, QDate(2025, 1, 1));
        QCOMPARE(share.earning, 1);
        const Findings findings = KpiRules::checkPortfolio(all, QDate(2026, 1, 20));
        QCOMPARE(codes(findings), QStringList{u"portfolio.concentration"_s});
        QVERIFY(findings.first().message.contains(u"comes from Alpha"_s));
    }

    // --- 2. the silent partner --------------------------------------------------------------

    void noData_data()
    {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QDate>("pilotStart");
        QTest::addColumn<QList<double>>("monthly"); // from the pilot's month; NaN: missing
        QTest::addColumn<bool>("signal");
        QTest::addColumn<QString>("since");
        // Today is 23 November 2026: the complete months are up to October.
        const QDate june(2026, 6, 1);
        QTest::newRow("nothing for August to October")
            << Stage::Pilot << june << QList<double>{4, 5} << true << u"1 August 2026"_s;
        QTest::newRow("September and October missing")
            << Stage::Pilot << june << QList<double>{4, 5, 6} << true << u"1 September 2026"_s;
        QTest::newRow("October missing only")
            << Stage::Pilot << june << QList<double>{4, 5, 6, 7} << false << QString();
        QTest::newRow("up to date")
            << Stage::Pilot << june << QList<double>{4, 5, 6, 7, 8} << false << QString();
        QTest::newRow("a gap before the latest")
            << Stage::Scaled << june << QList<double>{4, kMissing, kMissing, 7, 8} << false
            << QString();
        QTest::newRow("scaled and silent")
            << Stage::Scaled << june << QList<double>{4, 5} << true << u"1 August 2026"_s;
        QTest::newRow("paused: no one expects figures")
            << Stage::Paused << june << QList<double>{4, 5} << false << QString();
        QTest::newRow("ended") << Stage::Ended << june << QList<double>{4} << false << QString();
        QTest::newRow("never recorded, pilot since June")
            << Stage::Pilot << june << QList<double>{} << true << u"since the pilot started"_s;
        QTest::newRow("never recorded, pilot since October")
            << Stage::Pilot << QDate(2026, 10, 1) << QList<double>{} << false << QString();
        QTest::newRow("never recorded, pilot from 1 September")
            << Stage::Pilot << QDate(2026, 9, 1) << QList<double>{} << true
            << u"1 September 2026"_s;
        QTest::newRow("never recorded, pilot from 2 September")
            << Stage::Pilot << QDate(2026, 9, 2) << QList<double>{} << false << QString();
    }

    void anEndedPartnershipGivesNoKpiSignals()
    {
        // Silent since August, no reviews, one KPI only: signals while it runs, none once
        // it has ended (the sample's Willow Health Analytics was still shown off track).
        const QDate june(2026, 6, 1);
        const KpiSeries referrals = monthlySeries(u"Referrals"_s, KpiUnit::Count,
                                                  KpiMetric::Referrals, june, {4, 5});
        QVERIFY(!KpiRules::check(partnership(u"Acme"_s, june, {referrals}, Stage::Pilot), {},
                                 kToday)
                     .isEmpty());
        QCOMPARE(KpiRules::check(partnership(u"Acme"_s, june, {referrals}, Stage::Ended), {},
                                 kToday)
                     .size(),
                 0);
    }

    void noData()
    {
        QFETCH(Stage, stage);
        QFETCH(QDate, pilotStart);
        QFETCH(QList<double>, monthly);
        QFETCH(bool, signal);
        QFETCH(QString, since);
        const KpiSeries referrals = monthlySeries(u"Referrals"_s, KpiUnit::Count,
                                                  KpiMetric::Referrals, pilotStart, monthly);
        const Findings findings =
            KpiRules::check(partnership(u"Acme"_s, pilotStart, {referrals}, stage), {}, kToday);
        QStringList found;
        for (const Finding &f : findings) {
            if (f.code == u"kpi.no_data")
                found.append(f.message);
        }
        QCOMPARE(found.size(), signal ? 1 : 0);
        if (signal) {
            QVERIFY2(found.first().contains(since), qPrintable(found.first()));
            QVERIFY2(found.first().contains(u"Acme"_s) && found.first().contains(u"Referrals"_s),
                     qPrintable(found.first()));
            const auto f = std::find_if(findings.cbegin(), findings.cend(),
                                        [](const Finding &x) { return x.code == u"kpi.no_data"; });
            QCOMPARE(f->partner, u"Acme"_s);
            QCOMPARE(f->kpi, u"Referrals"_s);
        }
    }

    void noDataByWeek_data()
    {
        QTest::addColumn<QDate>("latest"); // weekly values, the last on this day
        QTest::addColumn<bool>("signal");
        QTest::newRow("last week") << QDate(2026, 11, 16) << false;
        QTest::newRow("two weeks ago") << QDate(2026, 11, 9) << false;
        QTest::newRow("three weeks ago") << QDate(2026, 11, 2) << true;
    }

    void noDataByWeek()
    {
        QFETCH(QDate, latest);
        QFETCH(bool, signal);
        KpiSeries deals;
        deals.definition.name = u"Deals"_s;
        for (int week = 5; week >= 0; --week)
            deals.values.append({KpiPeriod::day(latest.addDays(-7 * week)), 3});
        const Findings findings =
            KpiRules::check(partnership(u"Acme"_s, QDate(2026, 6, 1), {deals}), {}, kToday);
        QCOMPARE(codes(findings).contains(u"kpi.no_data"_s), signal);
    }

    void sunsetSaysWhyWhenNoRevenueIsRecorded()
    {
        // Revenue recorded for the first three months only; six months in, the last three
        // complete months hold nothing: never read as zero, but a reason for sunset.
        const KpiSeries revenue =
            monthlySeries(u"Partner revenue"_s, KpiUnit::Currency, KpiMetric::PartnerRevenue,
                          QDate(2026, 3, 1), {900, 1200, 1500, 1800});
        KpiThresholds thresholds;
        thresholds.currency = u"EUR"_s;
        const Findings findings = KpiRules::check(
            partnership(u"Acme"_s, QDate(2026, 3, 1), {revenue}), thresholds, kToday);
        const auto sunset = std::find_if(findings.cbegin(), findings.cend(), [](const Finding &f) {
            return f.code == u"kpi.sunset_candidate";
        });
        QVERIFY2(sunset != findings.cend(), qPrintable(codes(findings).join(u' ')));
        QVERIFY2(sunset->message.contains(u"no partner revenue has been recorded"_s) &&
                     sunset->message.contains(u"October 2026"_s) &&
                     sunset->message.contains(u"€5,000"_s),
                 qPrintable(sunset->message));
        // Recorded last month: the usual reason, on the value itself.
        const KpiSeries recent =
            monthlySeries(u"Partner revenue"_s, KpiUnit::Currency, KpiMetric::PartnerRevenue,
                          QDate(2026, 3, 1), {900, 1200, 1500, 1800, 1700, 1600, 1500, 1400});
        const Findings later = KpiRules::check(partnership(u"Acme"_s, QDate(2026, 3, 1), {recent}),
                                               thresholds, kToday);
        QVERIFY(codes(later).contains(u"kpi.sunset_candidate"_s));
        QVERIFY(!codes(later).contains(u"kpi.no_data"_s));
    }

    // --- 3-7, 9, 11, 12: the terms ---------------------------------------------------------

    void terms_data()
    {
        QTest::addColumn<QStringList>("terms"); // KEY=VALUE over a sound referral deal
        QTest::addColumn<QString>("raci");      // "", "delivers", "sells only", "renews"
        QTest::addColumn<double>("grossMargin");
        QTest::addColumn<double>("payback");
        QTest::addColumn<QStringList>("expected"); // code@field, in order
        const auto row = [](const char *name, const QStringList &terms, const QString &raci,
                            const QStringList &expected, double margin = 75, double payback = 12) {
            QTest::newRow(name) << terms << raci << margin << payback << expected;
        };
        row("sound referral deal", {}, {}, {});
        // 3. pilot too short
        row("pilot 45 days", {u"pilot_days=45"_s}, {}, {u"terms.pilot_short@pilot_days"_s});
        row("pilot 60 days", {u"pilot_days=60"_s}, {}, {});
        row("pilot 91 days", {u"pilot_days=91"_s}, {}, {u"terms.pilot_long@pilot_days"_s});
        // 4. rev-share without a first-year cap
        row("share not capped", {u"first_year_cap=no"_s}, {},
            {u"terms.rev_share_uncapped@first_year_cap"_s});
        row("not capped, the partner renews", {u"first_year_cap=no"_s}, u"renews"_s, {});
        row("joint venture splits profit",
            {u"structure=joint-venture"_s, u"rev_share_pct=50"_s, u"first_year_cap=no"_s}, {}, {});
        row("no share, no cap needed", {u"rev_share_pct="_s, u"first_year_cap=no"_s}, {}, {});
        // 5. channel deal without deal registration
        const QStringList reseller = {u"structure=reseller"_s, u"rev_share_pct=25"_s};
        row("reseller with registration", reseller, {}, {});
        row("reseller without registration", reseller + QStringList{u"deal_registration_days="_s},
            {}, {u"terms.no_deal_registration@deal_registration_days"_s});
        row("reseller, registration 0", reseller + QStringList{u"deal_registration_days=0"_s}, {},
            {u"terms.no_deal_registration@deal_registration_days"_s});
        row("referral needs none", {u"deal_registration_days="_s}, {}, {});
        // 6. reseller above 30 % without onboarding or support
        const QStringList high = {u"structure=reseller"_s, u"rev_share_pct=35"_s};
        row("35 %, no grid", high, {}, {u"terms.rev_share_without_delivery@rev_share_pct"_s});
        row("35 %, partner only sells", high, u"sells only"_s,
            {u"terms.rev_share_without_delivery@rev_share_pct"_s});
        row("35 %, partner onboards", high, u"delivers"_s, {});
        row("30 %, no grid", {u"structure=reseller"_s, u"rev_share_pct=30"_s}, {}, {});
        // 7. CAC payback on its own, on whichever field holds the cut
        row("30 % share on a 14-month payback", {u"structure=reseller"_s, u"rev_share_pct=30"_s},
            {}, {u"terms.margin_breaks_unit_economics@rev_share_pct"_s}, 75, 14);
        row("payback and a thin gross margin, both",
            {u"structure=reseller"_s, u"rev_share_pct=20"_s, u"reseller_margin_pct=30"_s}, {},
            {u"terms.margin_breaks_unit_economics@reseller_margin_pct"_s,
             u"terms.margin_breaks_unit_economics@reseller_margin_pct"_s},
            55, 14);
        // 9. reseller range 15–40 %
        row("reseller 40 %", {u"structure=reseller"_s, u"rev_share_pct=40"_s}, u"delivers"_s, {});
        row("reseller 41 %", {u"structure=reseller"_s, u"rev_share_pct=41"_s}, u"delivers"_s,
            {u"terms.rev_share_out_of_range@rev_share_pct"_s});
        row("reseller 14 %", {u"structure=reseller"_s, u"rev_share_pct=14"_s}, {},
            {u"terms.rev_share_out_of_range@rev_share_pct"_s});
        // 11, 12. exclusivity: not stated, open-ended only when chosen, gated or not
        row("exclusivity not stated", {u"exclusivity_months="_s}, {}, {});
        row("no exclusivity", {u"exclusivity_months=0"_s, u"exclusivity_gated=no"_s}, {}, {});
        row("12 months without a gate", {u"exclusivity_gated=no"_s}, {},
            {u"terms.exclusivity_ungated@exclusivity_gated"_s});
        row("open-ended, gated", {u"exclusivity_months=open-ended"_s}, {},
            {u"terms.exclusivity_open_ended@exclusivity_months"_s});
        row("open-ended, no gate", {u"exclusivity_months=Open-Ended"_s, u"exclusivity_gated=no"_s},
            {},
            {u"terms.exclusivity_open_ended@exclusivity_months"_s,
             u"terms.exclusivity_ungated@exclusivity_gated"_s});
        row("24 months", {u"exclusivity_months=24"_s}, {},
            {u"terms.exclusivity_long@exclusivity_months"_s});
    }

    void terms()
    {
        QFETCH(QStringList, terms);
        QFETCH(QString, raci);
        QFETCH(double, grossMargin);
        QFETCH(double, payback);
        QFETCH(QStringList, expected);
        ProposalFields fields;
        fields.structure = Structure::Referral;
        fields.pilot = {QDate(2026, 1, 1), 90};
        for (const QString &pair :
             QStringList{u"rev_share_pct=10"_s, u"first_year_cap=yes"_s, u"exclusivity_months=12"_s,
                         u"exclusivity_gated=yes"_s, u"deal_registration_days=90"_s} +
                 terms) {
            const qsizetype equals = pair.indexOf(u'=');
            QCOMPARE(ProposalTerms::set(fields, pair.left(equals), pair.mid(equals + 1)),
                     QString());
        }
        const QMap<QString, RaciGrid> grids = {
            {u"delivers"_s, grid({{u"Sales follow-up"_s, RaciRole::AccountableResponsible},
                                  {u"Customer onboarding"_s, RaciRole::Responsible}})},
            {u"sells only"_s, grid({{u"Sales follow-up"_s, RaciRole::AccountableResponsible},
                                    {u"Onboarding"_s, RaciRole::Consulted},
                                    {u"Support"_s, RaciRole::Informed}})},
            {u"renews"_s, grid({{u"Renewals"_s, RaciRole::AccountableResponsible}})},
        };
        ProposalContext context;
        context.partner = u"Ledgerly"_s;
        context.kpiCount = 4;
        context.grossMarginPercent = grossMargin;
        context.cacPaybackMonths = payback;
        const RaciGrid chosen = grids.value(raci);
        context.raci = raci.isEmpty() ? nullptr : &chosen;
        QStringList found;
        for (const Finding &f : ProposalRules::check(fields, context)) {
            found << f.code + u'@' + f.field;
            QCOMPARE(f.subject, f.field);
            QCOMPARE(f.partner, u"Ledgerly"_s);
            QVERIFY2(f.message.startsWith(u"Ledgerly: "_s), qPrintable(f.message));
        }
        QCOMPARE(found, expected);
    }

    // 13. the referral fee's range is the workbook's, in its currency
    void referralFeeInTheWorkbooksCurrency()
    {
        ProposalFields fields;
        fields.structure = Structure::Referral;
        fields.proposal.setValue(ProposalField::ReferralFee, 150);
        fields.proposal.setValue(ProposalField::ExclusivityMonths, 0);
        ProposalContext context;
        context.partner = u"Ledgerly"_s;
        context.kpiCount = 3;
        context.currency = u"EUR"_s;
        context.referralFeeLow = 100;
        context.referralFeeHigh = 1500;
        QVERIFY(ProposalRules::check(fields, context).isEmpty());
        fields.proposal.setValue(ProposalField::ReferralFee, 2000);
        const Findings findings = ProposalRules::check(fields, context);
        QCOMPARE(codes(findings), QStringList{u"terms.rev_share_out_of_range"_s});
        QVERIFY2(findings.first().message.contains(u"€2,000"_s) &&
                     findings.first().message.contains(u"€100–€1,500"_s),
                 qPrintable(findings.first().message));
        // The range is a workbook property beside the sunset threshold.
        QCOMPARE(WorkbookSettings::storageKey(SettingKey::ReferralFeeMin),
                 u"terms.referral_fee_min"_s);
        QCOMPARE(WorkbookSettings::defaultValue(SettingKey::ReferralFeeMax).toDouble(), 10000.0);
        QCOMPARE(WorkbookSettings::unit(SettingKey::ReferralFeeMax, u"GBP"_s), u"GBP"_s);
        QCOMPARE(WorkbookSettings::unit(SettingKey::KpiSunsetRevenuePerMonth, u"GBP"_s), u"GBP"_s);
        QVERIFY(!WorkbookSettings::validateTogether({}, {{SettingKey::ReferralFeeMin, 3000.0},
                                                         {SettingKey::ReferralFeeMax, 2000.0}})
                     .isEmpty());
    }

    // --- 10. founder-led partnerships -------------------------------------------------------

    void overloadedParty_data()
    {
        QTest::addColumn<bool>("oursOverloaded"); // else the partner's side
        QTest::addColumn<int>("active");          // partnerships in pilot or scaled
        QTest::addColumn<bool>("signal");
        QTest::newRow("ours, founder-led (3 running)") << true << 3 << false;
        QTest::newRow("ours, five running") << true << 5 << false;
        QTest::newRow("ours, six running") << true << 6 << true;
        QTest::newRow("theirs, one running") << false << 1 << true;
        QTest::newRow("theirs, six running") << false << 6 << true;
    }

    void overloadedParty()
    {
        QFETCH(bool, oursOverloaded);
        QFETCH(int, active);
        QFETCH(bool, signal);
        RaciGrid g;
        g.parties = {{0, u"Maya (founder)"_s, RaciSide::Ours},
                     {0, u"Our sales"_s, RaciSide::Ours},
                     {0, u"Sofia"_s, RaciSide::Partner},
                     {0, u"Their success team"_s, RaciSide::Partner}};
        const int busy = oursOverloaded ? 0 : 2;
        const int other = oursOverloaded ? 2 : 0;
        for (const QString &activity : RaciRules::defaultActivities()) {
            g.activities.append({0, activity});
            QList<RaciRole> row(4, RaciRole::Informed);
            row[busy] = RaciRole::Accountable;
            row[busy + 1] = RaciRole::Responsible;
            row[other + 1] = RaciRole::Responsible;
            g.cells.append(row);
        }
        const QList<RaciProblem> problems = RaciRules::check(g, u"Ledgerly"_s, active);
        QCOMPARE(codes(problems), signal ? QStringList{u"raci.overloaded_party"_s} : QStringList());
        if (signal)
            QCOMPARE(problems.first().finding.party, g.parties.at(busy).name);
    }

    // --- 8. stage gates are silent for closed candidates ------------------------------------

    void stageGates_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QStringList>("expected");
        const QStringList all = {u"candidate.no_revenue_theory"_s,
                                 u"candidate.unanswered_qualification"_s, u"candidate.not_ready"_s};
        QTest::newRow("sourced") << u"sourced"_s << QStringList{u"candidate.not_ready"_s};
        QTest::newRow("qualified")
            << u"qualified"_s
            << QStringList{u"candidate.no_revenue_theory"_s, u"candidate.not_ready"_s};
        QTest::newRow("pilot") << u"pilot"_s << all;
        QTest::newRow("paused") << u"paused"_s << QStringList();
        QTest::newRow("ended") << u"ended"_s << QStringList();
        QTest::newRow("a stage this version does not know") << u"exploded"_s << QStringList();
    }

    void stageGates()
    {
        QFETCH(QString, stage);
        QFETCH(QStringList, expected);
        Candidate c;
        c.name = u"Ironbridge"_s;
        c.readiness = {Readiness::Yes, Readiness::No, Readiness::No, Readiness::No,
                       Readiness::Unknown};
        CandidateFields::setValue(c, CandidateField::Stage, stage);
        QCOMPARE(codes(CandidateRules::findings(c)), expected);
    }

    // --- 11, 12, 14: the proposal's words ----------------------------------------------------

    void exclusivityWords_data()
    {
        QTest::addColumn<QString>("months");
        QTest::addColumn<bool>("gated");
        QTest::addColumn<QString>("printed"); // empty: no row
        QTest::newRow("not stated") << QString() << true << QString();
        QTest::newRow("none") << u"0"_s << false << u"None"_s;
        QTest::newRow("12, gated")
            << u"12"_s << true << u"12 months, gated on the success metrics"_s;
        QTest::newRow("12, no gate") << u"12"_s << false << u"12 months"_s;
        QTest::newRow("open-ended") << u"open-ended"_s << false << u"Exclusive, with no end date"_s;
    }

    void exclusivityWords()
    {
        QFETCH(QString, months);
        QFETCH(bool, gated);
        QFETCH(QString, printed);
        ProposalFields fields;
        QCOMPARE(ProposalTerms::set(fields, u"exclusivity_months"_s, months), QString());
        QCOMPARE(ProposalTerms::set(fields, u"exclusivity_gated"_s, gated ? u"yes"_s : u"no"_s),
                 QString());
        QCOMPARE(ProposalTerms::value(fields, u"exclusivity_months"_s), months);
        ProposalSources sources;
        sources.candidate.name = u"Ledgerly"_s;
        sources.proposal = fields.proposal;
        sources.today = kToday;
        QString shown;
        for (const ProposalContent::Row &row : ProposalBuilder::build(sources).terms) {
            if (row.label == u"Exclusivity")
                shown = row.ours;
        }
        QCOMPARE(shown, printed);
    }

    void metricWords_data()
    {
        QTest::addColumn<KpiUnit>("unit");
        QTest::addColumn<bool>("higher");
        QTest::addColumn<double>("target");
        QTest::addColumn<bool>("weekly");
        QTest::addColumn<QString>("printed");
        QTest::newRow("count") << KpiUnit::Count << true << 12.0 << false
                               << u"at least 12 a month"_s;
        QTest::newRow("count, weekly")
            << KpiUnit::Count << true << 3.0 << true << u"at least 3 a week"_s;
        QTest::newRow("revenue") << KpiUnit::Currency << true << 15000.0 << false
                                 << u"at least €15,000 a month"_s;
        QTest::newRow("average deal size")
            << KpiUnit::Currency << true << 9000.0 << false << u"at least €9,000"_s;
        QTest::newRow("rate") << KpiUnit::Percent << true << 20.0 << false << u"at least 20 %"_s;
        QTest::newRow("score") << KpiUnit::Score << true << 70.0 << false
                               << u"a score of at least 70"_s;
        QTest::newRow("time to close")
            << KpiUnit::Days << false << 45.0 << false << u"at most 45 days"_s;
    }

    void metricWords()
    {
        QFETCH(KpiUnit, unit);
        QFETCH(bool, higher);
        QFETCH(double, target);
        QFETCH(bool, weekly);
        QFETCH(QString, printed);
        KpiSeries series;
        series.definition.name = QString::fromLatin1(QTest::currentDataTag());
        series.definition.metric = kpiMetricForName(series.definition.name);
        series.definition.unit = unit;
        series.definition.target = target;
        series.definition.direction =
            higher ? KpiDirection::HigherIsBetter : KpiDirection::LowerIsBetter;
        if (weekly) {
            for (int week = 0; week < 4; ++week)
                series.values.append({KpiPeriod::day(QDate(2026, 9, 7).addDays(7 * week)), 2});
        }
        ProposalSources sources;
        sources.currency = u"EUR"_s;
        sources.kpis.kpis = {series};
        sources.today = kToday;
        const ProposalContent page = ProposalBuilder::build(sources);
        QCOMPARE(page.metrics.size(), 1);
        QCOMPARE(page.metrics.first().ours, printed);
    }

    // README's list of codes matches the code: every code a rule can raise is documented.
    void readmeNamesEveryCode()
    {
        QFile readme(QStringLiteral(PLAYBOOK_SOURCE_DIR) + u"/README.md"_s);
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString documented = QString::fromUtf8(readme.readAll());
        static const QRegularExpression code(
            u"u\"((?:candidate|raci|kpi|review|portfolio|terms|proposal|workbook|structure|contract|"
              u"enablement|pilot|exit|pnl|programme|integration)\\.[a-z_]+)\""_s);
        QStringList codes;
        for (const QFileInfo &source :
             QDir(QStringLiteral(PLAYBOOK_SOURCE_DIR) + u"/models/domain"_s)
                 .entryInfoList({u"*.cpp"_s}, QDir::Files)) {
            QFile file(source.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const auto &match : code.globalMatch(QString::fromUtf8(file.readAll())))
                codes << match.captured(1);
        }
        codes.removeDuplicates();
        QVERIFY2(codes.size() >= 25, qPrintable(codes.join(u' ')));
        for (const QString &name : std::as_const(codes))
            QVERIFY2(documented.contains(u'`' + name + u'`'), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestPractice)
#include "tst_practice.moc"
