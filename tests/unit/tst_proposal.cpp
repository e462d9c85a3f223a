// The proposal's rules and content: every terms warning (and its absence), the KEY=VALUE
// parsing of `terms`, the joint motion read from the RACI grid, and the store keeping the
// terms, the structure and the pilot together across a reopen (and refusing when read-only).
#include "domain/Proposal.h"
#include "domain/ProposalBuilder.h"
#include "domain/ProposalRules.h"
#include "io/SampleWorkbook.h"
#include "item/ProposalData.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

QStringList codes(const Findings &findings)
{
    QStringList list;
    for (const Finding &finding : findings)
        list.append(finding.code);
    return list;
}

ProposalFields referralDeal()
{
    ProposalFields fields;
    fields.structure = Structure::Referral;
    fields.pilot = {QDate(2026, 1, 1), 90};
    fields.proposal.setValue(ProposalField::RevSharePercent, 10);
    fields.proposal.setValue(ProposalField::FirstYearCap, true);
    fields.proposal.setValue(ProposalField::ExclusivityMonths, 12);
    fields.proposal.setValue(ProposalField::ExclusivityGated, true);
    fields.proposal.setValue(ProposalField::DealRegistrationDays, 90);
    return fields;
}

ProposalContext context(qsizetype kpis = 4, double margin = 75, double payback = 12)
{
    ProposalContext c;
    c.partner = u"Ledgerly"_s;
    c.kpiCount = kpis;
    c.grossMarginPercent = margin;
    c.cacPaybackMonths = payback;
    return c;
}

} // namespace

class TestProposal : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    store::StoreError m_error;

private slots:
    void soundTermsHaveNoWarnings()
    {
        QVERIFY(ProposalRules::check(referralDeal(), context()).isEmpty());
    }

    void warnings_data()
    {
        QTest::addColumn<QStringList>("terms"); // KEY=VALUE applied to referralDeal()
        QTest::addColumn<qsizetype>("kpis");
        QTest::addColumn<double>("margin");
        QTest::addColumn<double>("payback");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("severity");
        const int warning = int(Finding::Severity::Warning);
        QTest::newRow("open-ended exclusivity")
            << QStringList{u"exclusivity_months=open-ended"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.exclusivity_open_ended"_s << u"exclusivity_months"_s << warning;
        QTest::newRow("open-ended in any case")
            << QStringList{u"exclusivity_months=Open-Ended"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.exclusivity_open_ended"_s << u"exclusivity_months"_s << warning;
        QTest::newRow("exclusivity 24 months")
            << QStringList{u"exclusivity_months=24"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.exclusivity_long"_s << u"exclusivity_months"_s << warning;
        QTest::newRow("referral share 25 %")
            << QStringList{u"rev_share_pct=25"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.rev_share_out_of_range"_s << u"rev_share_pct"_s << warning;
        QTest::newRow("referral share 3 %")
            << QStringList{u"rev_share_pct=3"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.rev_share_out_of_range"_s << u"rev_share_pct"_s << warning;
        QTest::newRow("reseller share 12 %")
            << QStringList{u"structure=reseller"_s, u"rev_share_pct=12"_s} << qsizetype(4) << 75.0
            << 12.0 << u"terms.rev_share_out_of_range"_s << u"rev_share_pct"_s << warning;
        QTest::newRow("reseller margin 60 %")
            << QStringList{u"reseller_margin_pct=60"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.rev_share_out_of_range"_s << u"reseller_margin_pct"_s << warning;
        QTest::newRow("referral fee 50")
            << QStringList{u"referral_fee=50"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.rev_share_out_of_range"_s << u"referral_fee"_s << warning;
        QTest::newRow("reseller at 55 % gross margin")
            << QStringList{u"structure=reseller"_s, u"rev_share_pct=20"_s} << qsizetype(4) << 55.0
            << 12.0 << u"terms.margin_breaks_unit_economics"_s << u"reseller_margin_pct"_s
            << warning;
        QTest::newRow("reseller at 45 % gross margin, strongly")
            << QStringList{u"structure=reseller"_s, u"rev_share_pct=20"_s} << qsizetype(4) << 45.0
            << 12.0 << u"terms.margin_breaks_unit_economics"_s << u"reseller_margin_pct"_s
            << int(Finding::Severity::Error);
        QTest::newRow("30 % margin on a 14-month payback")
            << QStringList{u"structure=reseller"_s, u"rev_share_pct=20"_s,
                           u"reseller_margin_pct=30"_s}
            << qsizetype(4) << 75.0 << 14.0 << u"terms.margin_breaks_unit_economics"_s
            << u"reseller_margin_pct"_s << warning;
        QTest::newRow("pilot 120 days")
            << QStringList{u"pilot_days=120"_s} << qsizetype(4) << 75.0 << 12.0
            << u"terms.pilot_long"_s << u"pilot_days"_s << warning;
        QTest::newRow("no success metrics") << QStringList{} << qsizetype(0) << 75.0 << 12.0
                                            << u"proposal.no_metrics"_s << u"metrics"_s << warning;
    }

    void warnings()
    {
        QFETCH(QStringList, terms);
        QFETCH(qsizetype, kpis);
        QFETCH(double, margin);
        QFETCH(double, payback);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(int, severity);
        ProposalFields fields = referralDeal();
        for (const QString &pair : terms) {
            const qsizetype equals = pair.indexOf(u'=');
            QCOMPARE(ProposalTerms::set(fields, pair.left(equals), pair.mid(equals + 1)),
                     QString());
        }
        const Findings findings = ProposalRules::check(fields, context(kpis, margin, payback));
        QCOMPARE(codes(findings), QStringList{code});
        QCOMPARE(findings.first().subject, field);
        QCOMPARE(int(findings.first().severity), severity);
        QCOMPARE(findings.first().partner, u"Ledgerly"_s);
        QVERIFY(!findings.first().message.isEmpty());
    }

    void noAccountableFromTheRaciGrid()
    {
        RaciGrid grid;
        grid.parties = {{0, u"Us"_s, RaciSide::Ours}, {0, u"Them"_s, RaciSide::Partner}};
        grid.activities = {{0, u"Lead generation"_s}, {0, u"Onboarding"_s}};
        grid.cells = {{RaciRole::Accountable, RaciRole::Responsible},
                      {RaciRole::Responsible, RaciRole::Informed}};
        ProposalContext c = context();
        c.raci = &grid;
        const Findings findings = ProposalRules::check(referralDeal(), c);
        QCOMPARE(codes(findings), QStringList{u"raci.no_accountable"_s});
        QCOMPARE(findings.first().activity, u"Onboarding"_s);
    }

    void termsParsing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("printed"); // value() afterwards, when ok
        QTest::newRow("percent sign") << u"rev_share_pct"_s << u"12.5%"_s << true << u"12.5"_s;
        QTest::newRow("currency") << u"referral_fee"_s << u"$1,500"_s << true << u"1500"_s;
        QTest::newRow("clear") << u"mdf_budget"_s << u""_s << true << u""_s;
        QTest::newRow("over 100 %") << u"rev_share_pct"_s << u"120"_s << false << u""_s;
        QTest::newRow("negative") << u"mdf_budget"_s << u"-5"_s << false << u""_s;
        QTest::newRow("words") << u"term_months"_s << u"twelve"_s << false << u""_s;
        QTest::newRow("fraction of a day") << u"notice_days"_s << u"30.5"_s << false << u""_s;
        QTest::newRow("structure") << u"structure"_s << u"Reseller"_s << true << u"reseller"_s;
        QTest::newRow("unknown structure") << u"structure"_s << u"strategic"_s << false << u""_s;
        QTest::newRow("pilot start")
            << u"pilot_start"_s << u"2026-03-01"_s << true << u"2026-03-01"_s;
        QTest::newRow("bad pilot start") << u"pilot_start"_s << u"2026-02-30"_s << false << u""_s;
        QTest::newRow("zero-day pilot") << u"pilot_days"_s << u"0"_s << false << u""_s;
        QTest::newRow("cap yes") << u"first_year_cap"_s << u"YES"_s << true << u"yes"_s;
        QTest::newRow("cap maybe") << u"first_year_cap"_s << u"maybe"_s << false << u""_s;
        QTest::newRow("markup is text")
            << u"hypothesis"_s << u"<b>x</b>"_s << true << u"<b>x</b>"_s;
        QTest::newRow("unknown key") << u"discount"_s << u"5"_s << false << u""_s;
    }

    void termsParsing()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, ok);
        QFETCH(QString, printed);
        ProposalFields fields = referralDeal();
        const ProposalFields before = fields;
        const QString error = ProposalTerms::set(fields, key, value);
        QCOMPARE(error.isEmpty(), ok);
        if (ok)
            QCOMPARE(ProposalTerms::value(fields, key), printed);
        else
            QCOMPARE(fields, before); // a refused value changes nothing
    }

    // The keys are a file and CLI contract: the table must keep them, in this order.
    void fieldTableKeepsTheKeys()
    {
        const QStringList keys{u"structure"_s,
                               u"rev_share_pct"_s,
                               u"referral_fee"_s,
                               u"reseller_margin_pct"_s,
                               u"mdf_budget"_s,
                               u"exclusivity_months"_s,
                               u"exclusivity_gated"_s,
                               u"deal_registration_days"_s,
                               u"term_months"_s,
                               u"notice_days"_s,
                               u"payment_terms"_s,
                               u"first_year_cap"_s,
                               u"pilot_days"_s,
                               u"pilot_start"_s,
                               u"title"_s,
                               u"hypothesis"_s,
                               u"our_contacts"_s,
                               u"partner_contacts"_s,
                               u"notes"_s,
                               u"mfn_clause"_s,
                               u"renewal_tied"_s,
                               u"renewal_arr_threshold"_s,
                               u"written_agreement_refused"_s};
        QCOMPARE(ProposalTerms::keys(), keys);
        // One row per field, found by its key; the form's sections in order, each in one run.
        QCOMPARE(qsizetype(ProposalFieldTable::rows().size()), qsizetype(kProposalFieldCount));
        int section = 0;
        for (const ProposalFieldSpec &row : ProposalFieldTable::rows()) {
            QCOMPARE(&ProposalFieldTable::spec(row.field), &row);
            QCOMPARE(ProposalFieldTable::fromKey(ProposalFieldTable::key(row.field)), row.field);
            QVERIFY(!ProposalFieldTable::label(row.field).isEmpty());
            QVERIFY2(int(row.section) >= section, qPrintable(ProposalFieldTable::key(row.field)));
            section = int(row.section);
        }
        QVERIFY(!ProposalFieldTable::fromKey(u"discount"_s));
    }

    // What `terms` prints, it reads back to the same value, for every field.
    void everyFieldReadsBackWhatItPrints()
    {
        ProposalFields fields = referralDeal();
        for (const auto &[key, value] : {std::pair{u"referral_fee"_s, u"1,500"_s},
                                         {u"notice_days"_s, u"30"_s},
                                         {u"first_year_cap"_s, u"yes"_s},
                                         {u"exclusivity_months"_s, u""_s},
                                         {u"hypothesis"_s, u"Line one\nline two"_s}})
            QCOMPARE(ProposalTerms::set(fields, key, value), QString());
        for (const ProposalField field : ProposalFieldTable::fields()) {
            ProposalFields copy = fields;
            const QString printed = ProposalTerms::value(fields, field);
            QCOMPARE(ProposalTerms::set(copy, field, printed), QString());
            QCOMPARE(ProposalTerms::value(copy, field), printed);
            QVERIFY2(copy == fields, qPrintable(ProposalFieldTable::key(field)));
        }
    }

    void contentFromTheWorkbook()
    {
        RaciGrid grid;
        grid.parties = {{0, u"Maya"_s, RaciSide::Ours},
                        {0, u"Sales team"_s, RaciSide::Ours},
                        {0, u"Sofia"_s, RaciSide::Partner}};
        grid.activities = {{0, u"Lead generation"_s}, {0, u"Sales follow-up"_s}};
        grid.cells = {{RaciRole::Consulted, RaciRole::Informed, RaciRole::AccountableResponsible},
                      {RaciRole::Accountable, RaciRole::Responsible, RaciRole::Informed}};
        ProposalSources sources;
        sources.company = u"Northwind"_s;
        sources.candidate.name = u"Zürich Ølstrøm Łódź 東京"_s;
        sources.candidate.structure = Structure::Referral;
        sources.candidate.champion = u"Sofia Ruiz"_s;
        sources.raci = &grid;
        sources.kpis.pilot = {QDate(2026, 1, 1), 60};
        KpiSeries referrals;
        referrals.definition.name = u"Referrals"_s;
        referrals.definition.target = 12;
        sources.kpis.kpis = {referrals};
        sources.proposal.setValue(ProposalField::ReferralFee, 1500);
        sources.proposal.setValue(ProposalField::ExclusivityMonths, u"open-ended"_s);
        sources.today = QDate(2026, 11, 23);
        const ProposalContent page = ProposalBuilder::build(sources);
        QCOMPARE(page.partner, u"Zürich Ølstrøm Łódź 東京"_s);
        QCOMPARE(page.title, u"Partnership proposal"_s);
        QCOMPARE(page.motion.size(), 2);
        QCOMPARE(page.motion.at(0).ours, u"—"_s); // only Consulted and Informed on our side
        QCOMPARE(page.motion.at(0).theirs, u"Sofia"_s);
        QCOMPARE(page.motion.at(1).ours, u"Maya"_s); // the Accountable one, not the doer
        QCOMPARE(page.metrics.size(), 1);
        QVERIFY(page.metrics.first().ours.contains(u"12"_s));
        QVERIFY(page.pilot.contains(u"60-day"_s));
        QVERIFY(page.pilot.contains(u"2 March 2026"_s));
        QCOMPARE(page.partnerContacts, u"Sofia Ruiz"_s); // the champion when none is written
        QStringList labels;
        for (const auto &row : page.terms)
            labels << row.label + u": "_s + row.ours;
        QVERIFY2(labels.contains(u"Referral fee: $1,500 per converted lead"_s),
                 qPrintable(labels.join(u" | ")));
        QVERIFY2(labels.contains(u"Exclusivity: Exclusive, with no end date"_s),
                 qPrintable(labels.join(u" | ")));
    }

    void storeKeepsTermsStructureAndPilot()
    {
        const QString path = m_dir.filePath(u"terms.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        qint64 id = 0;
        ProposalFields fields;
        {
            auto workbook = store::Workbook::open(path, {}, &m_error);
            QVERIFY(workbook);
            id = *workbook->candidateIdByName(u"Cobalt CRM"_s);
            auto data = item::ProposalData::gather(*workbook, id, QDate(2026, 11, 23));
            QVERIFY(data);
            fields = data->fields;
            for (const auto &[key, value] : {std::pair{u"structure"_s, u"reseller"_s},
                                             {u"rev_share_pct"_s, u"25"_s},
                                             {u"exclusivity_months"_s, u"open-ended"_s},
                                             {u"pilot_days"_s, u"60"_s},
                                             {u"pilot_start"_s, u"2026-12-01"_s},
                                             {u"notes"_s, u"'); DROP TABLE x;--"_s},
                                             {u"payment_terms"_s, u"Net 30"_s},
                                             {u"first_year_cap"_s, u"yes"_s}})
                QCOMPARE(ProposalTerms::set(fields, key, value), QString());
            QVERIFY(!workbook->setProposalFields(id, fields));
        }
        auto workbook = store::Workbook::open(path, {.readOnly = true}, &m_error);
        QVERIFY(workbook);
        const auto data = item::ProposalData::gather(*workbook, id, QDate(2026, 11, 23));
        QCOMPARE(data->fields, fields);
        QCOMPARE(workbook->candidate(id)->structure, Structure::Reseller);
        QCOMPARE(workbook->partnershipKpis(id).pilot, (Pilot{QDate(2026, 12, 1), 60}));
        QVERIFY(codes(data->findings()).contains(u"terms.exclusivity_open_ended"_s));
        // Read-only: refused, nothing changed.
        const test::Fingerprint before = test::fingerprint(path);
        QCOMPARE(workbook->setProposalFields(id, referralDeal()).code,
                 store::StoreError::Code::ReadOnly);
        QCOMPARE(workbook->setImage(u"logo"_s, "png").code, store::StoreError::Code::ReadOnly);
        workbook.reset();
        QCOMPARE(test::fingerprint(path), before);
    }

    void sampleProposalsAreSound()
    {
        const QString path = m_dir.filePath(u"sample.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        auto workbook = store::Workbook::open(path, {.readOnly = true}, &m_error);
        QVERIFY(workbook);
        const auto data = item::ProposalData::gather(
            *workbook, *workbook->candidateIdByName(u"Ledgerly"_s), QDate(2026, 11, 23));
        QCOMPARE(data->sources.company, u"Northwind Analytics"_s);
        QCOMPARE(data->fields.proposal.number(ProposalField::RevSharePercent), 20.0);
        QVERIFY2(data->findings().isEmpty(), qPrintable(codes(data->findings()).join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestProposal)
#include "tst_proposal.moc"
