// Qualification judgment: the vetting findings (competitor, polite distraction, exploratory
// only, spread thin) and the structure findings, each firing and not firing.
#include "domain/StructureRules.h"
#include "domain/Vetting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

Candidate candidate(Stage stage = Stage::Qualified, Structure structure = Structure::Referral)
{
    Candidate c;
    c.id = 1;
    c.name = u"Evergreen Capital"_s;
    c.stage = stage;
    c.structure = structure;
    return c;
}

QStringList codes(const Findings &findings)
{
    QStringList result;
    for (const Finding &f : findings)
        result << f.code;
    return result;
}

RaciGrid grid(RaciRole partnerSales)
{
    RaciGrid g;
    g.parties = {{1, u"Maya (BD lead)"_s, RaciSide::Ours},
                 {2, u"Their sales"_s, RaciSide::Partner}};
    g.activities = {{1, u"Lead generation"_s}, {2, u"Sales follow-up"_s}};
    g.cells = {{RaciRole::Accountable, RaciRole::Responsible},
               {RaciRole::AccountableResponsible, partnerSales}};
    return g;
}

} // namespace

class TestVetting : public QObject
{
    Q_OBJECT

private slots:
    void competitor();
    void politeDistraction_data();
    void politeDistraction();
    void exploratoryOnly();
    void closedCandidatesAreSilent();
    void spreadThin();
    void structureFindings_data();
    void structureFindings();
    void idsRoundTrip();
};

void TestVetting::competitor()
{
    Vetting v;
    v.competes = Competes::Yes;
    Findings f = VettingRules::check(candidate(), v, {});
    QCOMPARE(codes(f), QStringList{u"candidate.competitor"_s});
    QCOMPARE(f.first().severity, Finding::Severity::Warning);
    QVERIFY(f.first().message.contains(u"adjacent, not competing"_s));
    v.competes = Competes::Partly;
    f = VettingRules::check(candidate(), v, {});
    QCOMPARE(f.first().severity, Finding::Severity::Info);
    v.competes = Competes::No;
    QVERIFY(VettingRules::check(candidate(), v, {}).isEmpty());
}

void TestVetting::politeDistraction_data()
{
    QTest::addColumn<bool>("prePmf");
    QTest::addColumn<double>("margin"); // < 0: not set
    QTest::addColumn<int>("incentive");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("motivations");
    QTest::addColumn<QString>("reason"); // empty: no finding
    QTest::newRow("nothing wrong")
        << false << 72.0 << int(YesNo::Yes) << int(RelativeSize::Similar) << QString() << QString();
    QTest::newRow("pre-PMF") << true << -1.0 << int(YesNo::Unknown) << int(RelativeSize::Unknown)
                             << QString() << u"before product-market fit"_s;
    QTest::newRow("misaligned incentive")
        << false << -1.0 << int(YesNo::No) << int(RelativeSize::Unknown) << QString()
        << u"incentive is misaligned"_s;
    QTest::newRow("margin under 50")
        << false << 45.0 << int(YesNo::Unknown) << int(RelativeSize::Unknown) << QString()
        << u"gross margin (45 %) is under 50 %"_s;
    QTest::newRow("margin of 50") << false << 50.0 << int(YesNo::Unknown)
                                  << int(RelativeSize::Unknown) << QString() << QString();
    QTest::newRow("much bigger, nothing in it")
        << false << -1.0 << int(YesNo::Unknown) << int(RelativeSize::MuchBigger) << QString()
        << u"much bigger"_s;
    QTest::newRow("much bigger, with motivations")
        << false << -1.0 << int(YesNo::Unknown) << int(RelativeSize::MuchBigger)
        << u"new segment; services revenue; a case study"_s << QString();
}

void TestVetting::politeDistraction()
{
    QFETCH(bool, prePmf);
    QFETCH(double, margin);
    QFETCH(int, incentive);
    QFETCH(int, size);
    QFETCH(QString, motivations);
    QFETCH(QString, reason);
    Vetting v;
    v.incentiveAligned = YesNo(incentive);
    v.relativeSize = RelativeSize(size);
    v.motivations = motivations;
    // Keep the first-meeting triage out of this test.
    v.jointMotion = v.internalChampion = v.success90Days = u"known"_s;
    VettingContext context;
    context.prePmf = prePmf;
    if (margin >= 0)
        context.grossMarginPercent = margin;
    const Findings f = VettingRules::check(candidate(), v, context);
    if (reason.isEmpty()) {
        QVERIFY2(!codes(f).contains(u"candidate.polite_distraction"_s),
                 qPrintable(codes(f).join(u' ')));
        return;
    }
    QCOMPARE(codes(f), QStringList{u"candidate.polite_distraction"_s});
    QVERIFY2(f.first().message.contains(reason), qPrintable(f.first().message));
}

void TestVetting::exploratoryOnly()
{
    Vetting v;
    v.exploratory = YesNo::Yes;
    v.motivations = u"reach"_s;
    Findings f = VettingRules::check(candidate(), v, {});
    QCOMPARE(codes(f), QStringList{u"candidate.exploratory_only"_s});
    QVERIFY(f.first().message.contains(u"a specific joint customer motion"_s));
    QVERIFY(f.first().message.contains(u"Move to async"_s));
    v.jointMotion = u"Their AEs bundle our dashboards into renewals"_s;
    v.internalChampion = u"Sofia Ruiz, VP Partnerships"_s;
    f = VettingRules::check(candidate(), v, {});
    QVERIFY(f.first().message.contains(u"what success looks like in 90 days"_s));
    QVERIFY(!f.first().message.contains(u"champion"_s));
    v.success90Days = u"Ten joint customers live"_s;
    QVERIFY(VettingRules::check(candidate(), v, {}).isEmpty());
    // A much bigger partner gets the same triage, exploratory or not.
    Vetting big;
    big.relativeSize = RelativeSize::MuchBigger;
    big.motivations = u"a case study"_s;
    QCOMPARE(codes(VettingRules::check(candidate(), big, {})),
             QStringList{u"candidate.exploratory_only"_s});
}

void TestVetting::closedCandidatesAreSilent()
{
    Vetting v;
    v.competes = Competes::Yes;
    v.exploratory = YesNo::Yes;
    QVERIFY(VettingRules::check(candidate(Stage::Ended), v, {true, 40.0}).isEmpty());
    QVERIFY(VettingRules::check(candidate(Stage::Paused), v, {}).isEmpty());
}

void TestVetting::spreadThin()
{
    QList<Candidate> list;
    for (int i = 0; i < 5; ++i)
        list << candidate(i % 2 ? Stage::Pilot : Stage::Proposed);
    list << candidate(Stage::Scaled) << candidate(Stage::Qualified);
    QVERIFY(VettingRules::checkPortfolio(list).isEmpty());
    list << candidate(Stage::Proposed);
    const Findings f = VettingRules::checkPortfolio(list);
    QCOMPARE(codes(f), QStringList{u"portfolio.spread_thin"_s});
    QVERIFY(f.first().message.startsWith(u"6 candidates"_s));
}

void TestVetting::structureFindings_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("structure");
    QTest::addColumn<int>("partnerSales"); // the partner's role in sales follow-up; -1 no grid
    QTest::addColumn<QString>("territory");
    QTest::addColumn<int>("dealRegistration");
    QTest::addColumn<double>("budget");
    QTest::addColumn<bool>("kitPlanned");
    QTest::addColumn<int>("trackRecord");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, Stage stage, Structure s, int sales, const QString &t,
                        int reg, double budget, bool kit, YesNo track, QStringList expected) {
        QTest::newRow(name) << int(stage) << int(s) << sales << t << reg << budget << kit
                            << int(track) << expected;
    };
    row("sourced, unset", Stage::Sourced, Structure::Unset, -1, {}, 0, 0, false, YesNo::Unknown,
        {});
    row("qualified, unset", Stage::Qualified, Structure::Unset, -1, {}, 0, 0, false, YesNo::Unknown,
        {u"structure.unset"_s});
    row("ended, unset", Stage::Ended, Structure::Unset, -1, {}, 0, 0, false, YesNo::Unknown, {});
    row("referral asked to sell", Stage::Pilot, Structure::Referral, int(RaciRole::Responsible), {},
        0, 0, false, YesNo::Unknown, {u"structure.referral_expected_to_sell"_s});
    row("referral accountable for selling", Stage::Pilot, Structure::Referral,
        int(RaciRole::Accountable), {}, 0, 0, false, YesNo::Unknown,
        {u"structure.referral_expected_to_sell"_s});
    row("referral consulted", Stage::Pilot, Structure::Referral, int(RaciRole::Consulted), {}, 0, 0,
        false, YesNo::Unknown, {});
    row("reseller with no plan", Stage::Proposed, Structure::Reseller, -1, {}, 0, 0, false,
        YesNo::Unknown, {u"structure.no_conflict_plan"_s, u"structure.no_enablement"_s});
    row("reseller with a territory", Stage::Proposed, Structure::Reseller, -1, u"DACH"_s, 0, 0,
        true, YesNo::Unknown, {});
    row("reseller with deal registration", Stage::Proposed, Structure::Reseller, -1, {}, 90, 15000,
        false, YesNo::Unknown, {});
    row("joint venture without history", Stage::Proposed, Structure::JointVenture, -1, {}, 0, 0,
        false, YesNo::No, {u"structure.jv_without_history"_s});
    row("joint venture with history", Stage::Proposed, Structure::JointVenture, -1, {}, 0, 0, false,
        YesNo::Yes, {});
}

void TestVetting::structureFindings()
{
    QFETCH(int, stage);
    QFETCH(int, structure);
    QFETCH(int, partnerSales);
    QFETCH(QString, territory);
    QFETCH(int, dealRegistration);
    QFETCH(double, budget);
    QFETCH(bool, kitPlanned);
    QFETCH(int, trackRecord);
    QFETCH(QStringList, expected);
    const RaciGrid g = grid(partnerSales < 0 ? RaciRole::None : RaciRole(partnerSales));
    StructureFacts facts;
    facts.grid = partnerSales < 0 ? nullptr : &g;
    facts.territory = territory;
    if (dealRegistration > 0)
        facts.dealRegistrationDays = dealRegistration;
    if (budget > 0)
        facts.enablementBudget = budget;
    facts.enablementPlanned = kitPlanned;
    ChooserAnswers answers;
    answers.trackRecord = YesNo(trackRecord);
    QCOMPARE(
        codes(StructureRules::check(candidate(Stage(stage), Structure(structure)), answers, facts)),
        expected);
}

void TestVetting::idsRoundTrip()
{
    QCOMPARE(VettingRules::competesFromId(u"partly"_s), Competes::Partly);
    QCOMPARE(VettingRules::competesFromId(u""_s), Competes::Unknown);
    QCOMPARE(VettingRules::competesFromId(u"sometimes"_s), std::nullopt);
    QCOMPARE(VettingRules::customerBaseFromId(u"Mid-Market"_s), CustomerBase::MidMarket);
    QCOMPARE(VettingRules::icpMatchFromId(u"no"_s), IcpMatch::No);
    QCOMPARE(VettingRules::relativeSizeFromId(u"much-bigger"_s), RelativeSize::MuchBigger);
    QCOMPARE(VettingRules::relativeSizeFromId(u"bigger"_s), std::nullopt);
    QVERIFY(StructureRules::isSellingActivity(u"Closing"_s));
    QVERIFY(!StructureRules::isSellingActivity(u"Lead generation"_s));
}

QTEST_GUILESS_MAIN(TestVetting)
#include "tst_vetting.moc"
