// The lifecycle checklists: the contract's essentials per structure, the enablement kit and
// the exit, items the terms already hold, and each rule firing and clearing.
#include "domain/Checklist.h"
#include "domain/ProposalBuilder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

const QDate kToday(2026, 6, 1);

QStringList keys(const QList<ChecklistRow> &rows)
{
    QStringList result;
    for (const ChecklistRow &row : rows)
        result << row.item.key;
    return result;
}

QStringList codes(const Findings &findings)
{
    QStringList result;
    for (const Finding &f : findings)
        result << f.code;
    return result;
}

Checklists::Partnership partnership(Structure structure, Stage stage)
{
    Checklists::Partnership p;
    p.partner = u"Ledgerly"_s;
    p.structure = structure;
    p.stage = stage;
    const Proposal terms;
    p.contract = Checklists::rows(ChecklistKind::Contract, structure, {}, terms);
    p.enablement = Checklists::rows(ChecklistKind::Enablement, structure, {}, terms);
    p.exit = Checklists::rows(ChecklistKind::Exit, structure, {}, terms);
    return p;
}

} // namespace

class TestChecklist : public QObject
{
    Q_OBJECT

private slots:
    void contractPerStructure_data();
    void contractPerStructure();
    void enablementAndExitItems();
    void termsAgreeWhatTheyHold();
    void storedStatusWins();
    void statusesPerKind();
    void openEssentials();
    void enablementMissing();
    void retrospectiveDue();
    void exitOpenItems();
    void cycleAndProgress();
    void essentialsLine();
};

void TestChecklist::contractPerStructure_data()
{
    QTest::addColumn<Structure>("structure");
    QTest::addColumn<QStringList>("expected");
    const QStringList every{u"scope"_s,          u"exclusivity"_s,   u"support_obligations"_s,
                            u"ip_ownership"_s,   u"term_and_exit"_s, u"confidentiality"_s,
                            u"success_metrics"_s};
    const auto with = [&every](QStringList extra) {
        extra += every;
        extra.sort();
        return extra;
    };
    QTest::newRow("referral") << Structure::Referral
                              << with({u"referral_fee"_s, u"lead_definition"_s, u"payment_terms"_s,
                                       u"non_compete"_s});
    QTest::newRow("reseller") << Structure::Reseller
                              << with({u"territory_rights"_s, u"revenue_share"_s,
                                       u"minimum_commitments"_s});
    QTest::newRow("joint venture") << Structure::JointVenture
                                   << with({u"money_split"_s, u"equity_split"_s, u"governance"_s,
                                            u"contributions"_s, u"exit_clauses"_s});
    QTest::newRow("integration") << Structure::Integration << with({u"money_split"_s});
    QTest::newRow("co-marketing") << Structure::CoMarketing << with({u"money_split"_s});
}

void TestChecklist::contractPerStructure()
{
    QFETCH(Structure, structure);
    QFETCH(QStringList, expected);
    QStringList actual = keys(Checklists::rows(ChecklistKind::Contract, structure, {}, Proposal()));
    actual.sort();
    QCOMPARE(actual, expected);
}

void TestChecklist::enablementAndExitItems()
{
    QCOMPARE(keys(Checklists::rows(ChecklistKind::Enablement, Structure::Reseller, {}, Proposal())),
             (QStringList{u"partner_brief"_s, u"sales_playbook"_s, u"pitch_deck"_s,
                          u"objection_handbook"_s, u"co_branded_assets"_s, u"monthly_qa_call"_s,
                          u"quarterly_business_review"_s}));
    QCOMPARE(keys(Checklists::rows(ChecklistKind::Exit, Structure::Referral, {}, Proposal())),
             (QStringList{u"notice_given"_s, u"customers_told"_s, u"data_transferred"_s,
                          u"payments_settled"_s, u"learnings_written"_s}));
    // The optional items start out of the way.
    const auto referral = Checklists::rows(ChecklistKind::Contract, Structure::Referral, {}, {});
    for (const ChecklistRow &row : referral) {
        if (row.item.key == u"non_compete")
            QCOMPARE(row.item.status, ItemStatus::NotApplicable);
    }
}

void TestChecklist::termsAgreeWhatTheyHold()
{
    Proposal terms;
    terms.setValue(ProposalField::RevSharePercent, 20);
    terms.setValue(ProposalField::TermMonths, 12);
    const auto rows = Checklists::rows(ChecklistKind::Contract, Structure::Reseller, {}, terms);
    for (const ChecklistRow &row : rows) {
        if (row.item.key == u"revenue_share") {
            QCOMPARE(row.item.status, ItemStatus::Agreed);
            QVERIFY(row.byTerms);
            QVERIFY2(row.termsValue.contains(u"20"_s), qPrintable(row.termsValue));
        } else if (row.item.key == u"territory_rights") {
            QCOMPARE(row.item.status, ItemStatus::Open);
            QVERIFY(row.termsValue.isEmpty());
        } else if (row.item.key == u"term_and_exit") {
            QCOMPARE(row.item.status, ItemStatus::Agreed);
            QVERIFY2(row.termsValue.contains(u"12"_s), qPrintable(row.termsValue));
        }
    }
}

void TestChecklist::storedStatusWins()
{
    Proposal terms;
    terms.setValue(ProposalField::RevSharePercent, 20);
    const QList<ChecklistItem> stored{
        {u"revenue_share"_s, ItemStatus::NotApplicable, {}, u"paid by margin"_s},
        {u"territory_rights"_s, ItemStatus::Agreed, QDate(2026, 5, 2), u"DACH"_s}};
    const auto rows = Checklists::rows(ChecklistKind::Contract, Structure::Reseller, stored, terms);
    for (const ChecklistRow &row : rows) {
        if (row.item.key == u"revenue_share") {
            QCOMPARE(row.item.status, ItemStatus::NotApplicable);
            QVERIFY(!row.byTerms);
        } else if (row.item.key == u"territory_rights") {
            QCOMPARE(row.item.status, ItemStatus::Agreed);
            QCOMPARE(row.item.note, u"DACH"_s);
            QCOMPARE(row.item.date, QDate(2026, 5, 2));
        }
    }
}

void TestChecklist::statusesPerKind()
{
    QCOMPARE(itemStatusFromId(ChecklistKind::Contract, u"n/a"_s), ItemStatus::NotApplicable);
    QCOMPARE(itemStatusFromId(ChecklistKind::Contract, u"done"_s), std::nullopt);
    QCOMPARE(itemStatusFromId(ChecklistKind::Enablement, u"delivered"_s), ItemStatus::Delivered);
    QCOMPARE(itemStatusFromId(ChecklistKind::Enablement, u"open"_s), std::nullopt);
    QCOMPARE(itemStatusFromId(ChecklistKind::Exit, u"done"_s), ItemStatus::Done);
    QCOMPARE(checklistKindFromId(u"exit"_s), ChecklistKind::Exit);
    QCOMPARE(checklistKindFromId(u"contracts"_s), std::nullopt);
    QVERIFY(Checklists::spec(ChecklistKind::Enablement, u"pitch_deck"_s));
    QVERIFY(!Checklists::spec(ChecklistKind::Enablement, u"deck"_s));
}

void TestChecklist::openEssentials()
{
    auto p = partnership(Structure::Reseller, Stage::Pilot);
    const Findings pilot = Checklists::check(p, kToday);
    QVERIFY(codes(pilot).contains(u"contract.open_essentials"_s));
    const Finding &f = pilot.at(codes(pilot).indexOf(u"contract.open_essentials"_s));
    QVERIFY2(f.message.contains(u"Territory rights"_s), qPrintable(f.message));
    QCOMPARE(f.severity, Finding::Severity::Warning);

    p.stage = Stage::Proposed;
    const Findings proposed = Checklists::check(p, kToday);
    QCOMPARE(proposed.value(0).severity, Finding::Severity::Info);
    QVERIFY(proposed.value(0).message.startsWith(u"Before Ledgerly moves to a pilot"_s));

    p.stage = Stage::Qualified;
    QVERIFY(!codes(Checklists::check(p, kToday)).contains(u"contract.open_essentials"_s));
    p.stage = Stage::Pilot;
    for (ChecklistRow &row : p.contract)
        row.item.status = ItemStatus::Agreed;
    QVERIFY(!codes(Checklists::check(p, kToday)).contains(u"contract.open_essentials"_s));
}

void TestChecklist::enablementMissing()
{
    auto p = partnership(Structure::Reseller, Stage::Pilot);
    QVERIFY(codes(Checklists::check(p, kToday)).contains(u"enablement.missing"_s));
    p.enablement[0].item.status = ItemStatus::Delivered;
    QVERIFY(!codes(Checklists::check(p, kToday)).contains(u"enablement.missing"_s));
    auto referral = partnership(Structure::Referral, Stage::Pilot);
    QVERIFY(!codes(Checklists::check(referral, kToday)).contains(u"enablement.missing"_s));
    auto comarketing = partnership(Structure::CoMarketing, Stage::Pilot);
    QVERIFY(codes(Checklists::check(comarketing, kToday)).contains(u"enablement.missing"_s));
    comarketing.stage = Stage::Proposed;
    QVERIFY(!codes(Checklists::check(comarketing, kToday)).contains(u"enablement.missing"_s));
}

void TestChecklist::retrospectiveDue()
{
    auto p = partnership(Structure::Referral, Stage::Pilot);
    p.tracker.pilot = {QDate(2026, 2, 1), 90}; // ends 2 May
    QVERIFY(codes(Checklists::check(p, kToday)).contains(u"pilot.retro_due"_s));
    p.tracker.reviews = {{1, QDate(2026, 4, 30), ReviewDecision::Continue, {}}};
    QVERIFY(Checklists::retrospectiveDue(p.tracker, kToday)); // "continue" decides nothing
    p.tracker.reviews = {{1, QDate(2026, 4, 25), ReviewDecision::Scale, {}}};
    QVERIFY(!Checklists::retrospectiveDue(p.tracker, kToday));
    p.tracker.pilot = {QDate(2026, 4, 1), 90}; // still running
    p.tracker.reviews.clear();
    QVERIFY(!Checklists::retrospectiveDue(p.tracker, kToday));
}

void TestChecklist::exitOpenItems()
{
    auto p = partnership(Structure::Referral, Stage::Ended);
    QVERIFY(codes(Checklists::check(p, kToday)).contains(u"exit.open_items"_s));
    for (ChecklistRow &row : p.exit)
        row.item.status =
            row.item.key == u"data_transferred" ? ItemStatus::NotApplicable : ItemStatus::Done;
    QVERIFY(!codes(Checklists::check(p, kToday)).contains(u"exit.open_items"_s));
    auto running = partnership(Structure::Referral, Stage::Pilot);
    QVERIFY(!codes(Checklists::check(running, kToday)).contains(u"exit.open_items"_s));
}

void TestChecklist::cycleAndProgress()
{
    QCOMPARE(Checklists::cycled(ChecklistKind::Contract, ItemStatus::Open, 1), ItemStatus::Agreed);
    QCOMPARE(Checklists::cycled(ChecklistKind::Contract, ItemStatus::NotApplicable, 1),
             ItemStatus::Open);
    QCOMPARE(Checklists::cycled(ChecklistKind::Enablement, ItemStatus::NotNeeded, -1),
             ItemStatus::Delivered);
    QCOMPARE(Checklists::cycled(ChecklistKind::Exit, ItemStatus::Done, 1),
             ItemStatus::NotApplicable);
    // Reaching a status dates the item, once.
    const ChecklistItem done = Checklists::withStatus({u"notice_given"_s, ItemStatus::Open, {}, {}},
                                                      ItemStatus::Done, kToday);
    QCOMPARE(done.date, kToday);
    QCOMPARE(Checklists::withStatus(done, ItemStatus::Done, kToday.addDays(3)).date, kToday);
    // Not applicable and not needed do not count.
    const auto rows = Checklists::rows(ChecklistKind::Exit, Structure::Referral,
                                       {{u"notice_given"_s, ItemStatus::Done, {}, {}},
                                        {u"payments_settled"_s, ItemStatus::NotApplicable, {}, {}}},
                                       {});
    const ChecklistProgress progress = Checklists::progress(rows);
    QCOMPARE(progress.settled, 1);
    QCOMPARE(progress.total, 4);
}

// The proposal's one line: nothing while none is agreed, the first three named, all.
void TestChecklist::essentialsLine()
{
    Proposal terms; // nothing stated, not even "no exclusivity"
    terms.setValue(ProposalField::ExclusivityMonths, QVariant());
    const auto contract = [&terms](const QList<ChecklistItem> &stored) {
        return Checklists::rows(ChecklistKind::Contract, Structure::Reseller, stored, terms);
    };
    QCOMPARE(ProposalBuilder::essentialsLine(contract({})), QString());
    QList<ChecklistItem> stored;
    for (const QString &key :
         {u"scope"_s, u"territory_rights"_s, u"confidentiality"_s, u"ip_ownership"_s})
        stored << ChecklistItem{key, ItemStatus::Agreed, {}, {}};
    const QString some = ProposalBuilder::essentialsLine(contract(stored));
    QVERIFY2(some.startsWith(u"Agreed: Scope, Territory rights"_s), qPrintable(some));
    QVERIFY2(some.contains(u"and 1 more (4 of 10"_s), qPrintable(some));
    QVERIFY(!some.contains(u'\n'));
    stored.clear();
    for (const ChecklistRow &row : contract({}))
        stored << ChecklistItem{row.item.key, ItemStatus::Agreed, {}, {}};
    QCOMPARE(ProposalBuilder::essentialsLine(contract(stored)),
             u"All 10 contract essentials are agreed."_s);
}

QTEST_GUILESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
