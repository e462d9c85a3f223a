// The qualification judgment as a workbook keeps it (issue 14): the vetting and chooser
// answers stored on the candidate (store, migration, one undo step), the candidates CSV's
// columns with their exact names (values, aliases, FILE:LINE errors, a lossless round trip),
// and the findings QualificationCheck gathers from the workbook for `check`, the detail pane
// and the proposal.
#include "TestFiles.h"
#include "domain/Checklist.h"
#include "domain/ProposalBuilder.h"
#include "domain/QualificationFields.h"
#include "domain/Scoring.h"
#include "domain/StructureChooser.h"
#include "domain/WorkbookSettings.h"
#include "io/CandidateCsv.h"
#include "io/SampleWorkbook.h"
#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"
#include "item/ProposalData.h"
#include "item/QualificationCheck.h"
#include "item/WorkbookEditor.h"
#include "store/Schema.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace {

// Every qualification field with a value that is not the default.
CandidateValues everyAnswer()
{
    return {{CandidateField::Competes, u"partly"_s},
            {CandidateField::PartnerProgramme, u"yes"_s},
            {CandidateField::IntegrationPartners, 12},
            {CandidateField::CustomerBase, u"mid-market"_s},
            {CandidateField::IcpMatch, u"partly"_s},
            {CandidateField::CanSell, u"no"_s},
            {CandidateField::RelativeSize, u"much-bigger"_s},
            {CandidateField::Motivations, u"retention, upsell, \"a story\""_s},
            {CandidateField::IncentiveAligned, u"no"_s},
            {CandidateField::Exploratory, u"yes"_s},
            {CandidateField::JointMotion, u"bundle at renewal"_s},
            {CandidateField::InternalChampion, u"VP Partnerships"_s},
            {CandidateField::Success90Days, u"3 joint deals,\nsigned"_s},
            {CandidateField::NewToMarket, u"yes"_s},
            {CandidateField::ProductMarketFit, u"no"_s},
            {CandidateField::CanFundEnablement, u"no"_s},
            {CandidateField::TrackRecord, u"yes"_s},
            {CandidateField::NeedsEngineering, u"no"_s},
            {CandidateField::LongTerm, u"yes"_s},
            {CandidateField::PartnerRole, u"sell-and-deliver"_s},
            {CandidateField::GtmStage, u"growth"_s},
            {CandidateField::Territory, u"DACH"_s}};
}

QStringList codes(const Findings &findings)
{
    QStringList list;
    for (const Finding &f : findings)
        list << f.code;
    return list;
}

} // namespace

class TestQualification : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    int m_count = 0;

    qint64 add(const QString &name, Structure structure = Structure::Unset,
               Stage stage = Stage::Sourced)
    {
        QList<Candidate> list(1);
        list[0].name = name;
        list[0].structure = structure;
        list[0].stage = stage;
        if (m_workbook->insertCandidates(list))
            return 0;
        return list[0].id;
    }

    Candidate stored(qint64 id) { return m_workbook->candidate(id).value_or(Candidate()); }

private slots:
    void init()
    {
        StoreError error;
        m_workbook = Workbook::create(
            m_dir.filePath(
                u"%1-%2.playbook"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(++m_count)),
            u"Test"_s, &error);
        QVERIFY(m_workbook);
    }

    void cleanup() { m_workbook.reset(); }

    void columnNamesAreTheContract()
    {
        // The names other tools rely on (issue 14), in the CSV's order.
        const QStringList expected{u"competes"_s,
                                   u"partner_programme"_s,
                                   u"integration_partners"_s,
                                   u"customer_base"_s,
                                   u"icp_match"_s,
                                   u"can_sell"_s,
                                   u"relative_size"_s,
                                   u"motivations"_s,
                                   u"incentive_aligned"_s,
                                   u"exploratory"_s,
                                   u"joint_motion"_s,
                                   u"internal_champion"_s,
                                   u"success_90_days"_s,
                                   u"new_to_market"_s,
                                   u"product_market_fit"_s,
                                   u"can_fund_enablement"_s,
                                   u"track_record"_s,
                                   u"needs_engineering"_s,
                                   u"long_term"_s,
                                   u"partner_role"_s,
                                   u"gtm_stage"_s,
                                   u"territory"_s};
        QStringList names;
        for (CandidateField field : QualificationFields::all())
            names << CandidateFields::columnName(field);
        QCOMPARE(names, expected);
        const QStringList header = io::CandidateCsv::exportHeader();
        QCOMPARE(header.mid(header.size() - expected.size()), expected);
    }

    void storedAndReadBack()
    {
        const qint64 id = add(u"Acme"_s);
        QVERIFY(id > 0);
        QCOMPARE(stored(id).vetting, Vetting());
        QVERIFY(!m_workbook->setCandidateFields(id, everyAnswer()));
        StoreError error;
        auto reader = Workbook::open(m_workbook->path(), {.readOnly = true}, &error);
        QVERIFY(reader);
        const Candidate c = reader->candidate(id).value();
        const CandidateValues expected = everyAnswer();
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QCOMPARE(CandidateFields::value(c, it.key()), it.value());
        QCOMPARE(c.vetting.relativeSize, RelativeSize::MuchBigger);
        QCOMPARE(c.chooser.partnerRole, PartnerRole::SellAndDeliver);
        QCOMPARE(c.vetting.integrationPartners, std::optional<int>(12));
    }

    void refusedValuesChangeNothing_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("competes") << int(CandidateField::Competes) << QVariant(u"maybe"_s);
        QTest::newRow("count negative")
            << int(CandidateField::IntegrationPartners) << QVariant(u"-1"_s);
        QTest::newRow("count words")
            << int(CandidateField::IntegrationPartners) << QVariant(u"about 10"_s);
        QTest::newRow("role") << int(CandidateField::PartnerRole) << QVariant(u"resell"_s);
        QTest::newRow("stage") << int(CandidateField::GtmStage) << QVariant(u"late"_s);
        QTest::newRow("size") << int(CandidateField::RelativeSize) << QVariant(u"huge"_s);
    }

    void refusedValuesChangeNothing()
    {
        QFETCH(int, field);
        QFETCH(QVariant, value);
        const qint64 id = add(u"Acme"_s);
        // All or nothing: the valid territory is not written either.
        const StoreError error = m_workbook->setCandidateFields(
            id, {{CandidateField::Territory, u"Nordics"_s}, {CandidateField(field), value}});
        QVERIFY(error);
        QVERIFY2(error.message.contains(value.toString()), qPrintable(error.message));
        QCOMPARE(stored(id).territory, QString());
        QCOMPARE(CandidateFields::value(stored(id), CandidateField(field)).toString(), QString());
    }

    void aliasesAreNormalised_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QVariant>("stored");
        QTest::newRow("y") << int(CandidateField::CanSell) << u"Y"_s << QVariant(u"yes"_s);
        QTest::newRow("much bigger")
            << int(CandidateField::RelativeSize) << u"Much Bigger"_s << QVariant(u"much-bigger"_s);
        QTest::newRow("mid_market")
            << int(CandidateField::CustomerBase) << u"mid_market"_s << QVariant(u"mid-market"_s);
        QTest::newRow("SMB") << int(CandidateField::CustomerBase) << u" SMB "_s
                             << QVariant(u"smb"_s);
        QTest::newRow("count") << int(CandidateField::IntegrationPartners) << u" 40 "_s
                               << QVariant(40);
        QTest::newRow("empty count")
            << int(CandidateField::IntegrationPartners) << u""_s << QVariant();
        QTest::newRow("empty choice") << int(CandidateField::Competes) << u""_s << QVariant(u""_s);
        QTest::newRow("territory trimmed")
            << int(CandidateField::Territory) << u"  UK  "_s << QVariant(u"UK"_s);
    }

    void aliasesAreNormalised()
    {
        QFETCH(int, field);
        QFETCH(QString, typed);
        QFETCH(QVariant, stored);
        const qint64 id = add(u"Acme"_s);
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField(field), typed));
        QCOMPARE(CandidateFields::value(this->stored(id), CandidateField(field)), stored);
    }

    void severalFieldsAreOneUndoStep()
    {
        const qint64 id = add(u"Acme"_s);
        item::WorkbookEditor editor(m_workbook.get());
        QCOMPARE(editor.changeCandidateFields(id,
                                              {{CandidateField::PartnerRole, u"refer"_s},
                                               {CandidateField::NewToMarket, u"yes"_s},
                                               {CandidateField::Structure, u"referral"_s}},
                                              u"Use this structure"_s),
                 QString());
        QCOMPARE(editor.undoStack()->count(), 1);
        QCOMPARE(stored(id).structure, Structure::Referral);
        QCOMPARE(stored(id).chooser.partnerRole, PartnerRole::Refer);
        editor.undoStack()->undo();
        QCOMPARE(stored(id).structure, Structure::Unset);
        QCOMPARE(stored(id).chooser, ChooserAnswers());
        editor.undoStack()->redo();
        QCOMPARE(stored(id).chooser.newToMarket, YesNo::Yes);
        QCOMPARE(stored(id).structure, Structure::Referral);
        // Nothing changes: no step.
        QCOMPARE(editor.changeCandidateFields(id, {{CandidateField::PartnerRole, u"refer"_s}},
                                              u"Again"_s),
                 QString());
        QCOMPARE(editor.undoStack()->count(), 1);
    }

    void csvColumnsParse()
    {
        const QByteArray csv =
            "name,competes,relative_size,integration_partners,partner_role,Success 90 Days\n"
            "Acme,yes,much bigger,3,sell and deliver,\"two deals\"\n"
            "Globex,,,,,\n";
        const io::CandidateCsvImport result = io::CandidateCsv::parse(csv, u"list.csv"_s);
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.patches.size(), 2);
        const CandidatePatch &acme = result.patches.at(0);
        QCOMPARE(acme.value(CandidateField::Competes), QVariant(u"yes"_s));
        QCOMPARE(acme.value(CandidateField::RelativeSize), QVariant(u"much-bigger"_s));
        QCOMPARE(acme.value(CandidateField::IntegrationPartners), QVariant(3));
        QCOMPARE(acme.value(CandidateField::PartnerRole), QVariant(u"sell-and-deliver"_s));
        QCOMPARE(acme.value(CandidateField::Success90Days), QVariant(u"two deals"_s));
        // Empty is unknown: not provided, the stored value stays.
        QVERIFY(!result.patches.at(1).has(CandidateField::Competes));
        QVERIFY(!acme.has(CandidateField::Territory));
    }

    void csvErrorsNameFileLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        QTest::newRow("competes") << QByteArray("name,competes\nAcme,no\nGlobex,sometimes\n")
                                  << u"list.csv:3: column \"competes\": \"sometimes\""_s;
        QTest::newRow("count") << QByteArray("name,integration_partners\nAcme,many\n")
                               << u"list.csv:2: column \"integration_partners\": \"many\""_s;
        QTest::newRow("role") << QByteArray("name,partner_role\nAcme,distribute\n")
                              << u"list.csv:2: column \"partner_role\": \"distribute\""_s;
        QTest::newRow("stage") << QByteArray("name,gtm_stage\nAcme,scale-up\n")
                               << u"list.csv:2: column \"gtm_stage\": \"scale-up\""_s;
        QTest::newRow("yes/no") << QByteArray("name,long_term\nAcme,forever\n")
                                << u"list.csv:2: column \"long_term\": \"forever\""_s;
        QTest::newRow("twice") << QByteArray("name,territory,Territory\nAcme,UK,US\n")
                               << u"list.csv:1: column \"Territory\""_s;
    }

    void csvErrorsNameFileLineAndColumn()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        const io::CandidateCsvImport result = io::CandidateCsv::parse(csv, u"list.csv"_s);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().startsWith(error), qPrintable(result.errors.first()));
        QVERIFY(result.patches.isEmpty()); // all or nothing
    }

    void csvRoundTripIsLossless()
    {
        const qint64 acme = add(u"Acme"_s, Structure::Reseller, Stage::Qualified);
        add(u"Globex"_s); // every answer unknown
        QVERIFY(!m_workbook->setCandidateFields(acme, everyAnswer()));
        const QList<Candidate> before = m_workbook->candidates();
        const QByteArray csv =
            io::CandidateCsv::write(before, Ranking(before).rank(ScoringWeights()), u',', false);

        StoreError error;
        auto copy = Workbook::create(m_dir.filePath(u"copy.playbook"_s), u"Copy"_s, &error);
        QVERIFY(copy);
        const io::CandidateCsvImport parsed = io::CandidateCsv::parse(csv, u"export.csv"_s);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        QVERIFY(parsed.warnings.isEmpty());
        store::ImportOutcome outcome;
        QVERIFY(!copy->importCandidates(parsed.patches, &outcome));
        QList<Candidate> after = copy->candidates();
        QCOMPARE(after.size(), before.size());
        for (const Candidate &original : before) {
            auto it = std::find_if(after.begin(), after.end(),
                                   [&](const Candidate &c) { return c.name == original.name; });
            QVERIFY(it != after.end());
            QCOMPARE(it->vetting, original.vetting);
            QCOMPARE(it->chooser, original.chooser);
            QCOMPARE(it->territory, original.territory);
        }
        // And the copy writes the same file again.
        QCOMPARE(io::CandidateCsv::write(after, Ranking(after).rank(ScoringWeights()), u',', false),
                 csv);
    }

    void migrationAddsEmptyAnswers()
    {
        const QString path = m_dir.filePath(u"old.playbook"_s);
        const int current = store::schema::currentVersion();
        QVERIFY(!Workbook::createAtVersion(path, current - 1, u"Old"_s));
        {
            StoreError error;
            auto old = Workbook::open(path, {}, &error);
            QVERIFY2(old, qPrintable(error.message));
            QList<Candidate> list(1);
            list[0].name = u"Acme"_s;
            QVERIFY(!old->insertCandidates(list));
            QCOMPARE(old->fileSchemaVersion(), current);
            const Candidate c = old->candidates().first();
            QCOMPARE(c.vetting, Vetting());
            QCOMPARE(c.chooser, ChooserAnswers());
            QVERIFY(old->integrityProblems().isEmpty());
            QVERIFY(!old->setCandidateField(c.id, CandidateField::Competes, u"yes"_s));
        }
    }

    void vettingFindingsFromTheWorkbook()
    {
        const qint64 rival = add(u"Rival"_s, Structure::Integration, Stage::Qualified);
        const qint64 giant = add(u"Giant"_s, Structure::Integration, Stage::Qualified);
        const qint64 quiet = add(u"Quiet"_s, Structure::Integration, Stage::Qualified);
        QVERIFY(!m_workbook->setCandidateFields(rival, {{CandidateField::Competes, u"yes"_s}}));
        QVERIFY(!m_workbook->setCandidateFields(giant,
                                                {{CandidateField::RelativeSize, u"much-bigger"_s},
                                                 {CandidateField::JointMotion, u"bundle"_s}}));
        const auto codesOf = [this](qint64 id) {
            return codes(item::QualificationCheck::findings(*m_workbook, stored(id)));
        };
        QCOMPARE(codesOf(rival), QStringList{u"candidate.competitor"_s});
        QCOMPARE(codesOf(giant),
                 (QStringList{u"candidate.polite_distraction"_s, u"candidate.exploratory_only"_s}));
        QCOMPARE(codesOf(quiet), QStringList());
        // Our own stage is a workbook property: before product-market fit, everyone is a
        // possible polite distraction.
        QVERIFY(!m_workbook->setSettings({{SettingKey::PreProductMarketFit, u"yes"_s}}));
        QCOMPARE(codesOf(quiet), QStringList{u"candidate.polite_distraction"_s});
        const Findings all =
            item::QualificationCheck::workbookFindings(*m_workbook, m_workbook->candidates());
        QCOMPARE(codes(all).count(u"candidate.polite_distraction"_s), 3);
    }

    void spreadThin()
    {
        for (int i = 0; i < 6; ++i)
            add(u"P%1"_s.arg(i), Structure::Integration, i < 5 ? Stage::Proposed : Stage::Sourced);
        const auto portfolio = [this] {
            return codes(item::QualificationCheck::workbookFindings(*m_workbook,
                                                                    m_workbook->candidates()))
                .count(u"portfolio.spread_thin"_s);
        };
        QCOMPARE(portfolio(), 0);
        QVERIFY(!m_workbook->setCandidateField(m_workbook->candidates().last().id,
                                               CandidateField::Stage, u"pilot"_s));
        QCOMPARE(portfolio(), 1);
    }

    void resellerNeedsConflictPlanAndEnablement()
    {
        const qint64 id = add(u"Channel"_s, Structure::Reseller, Stage::Proposed);
        const auto codesOf = [&] {
            return codes(item::QualificationCheck::structureFindings(*m_workbook, stored(id)));
        };
        QCOMPARE(codesOf(),
                 (QStringList{u"structure.no_conflict_plan"_s, u"structure.no_enablement"_s}));
        // A territory is a conflict plan; so is deal registration.
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField::Territory, u"Nordics"_s));
        QCOMPARE(codesOf(), QStringList{u"structure.no_enablement"_s});
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField::Territory, u""_s));
        ProposalFields terms;
        terms.structure = Structure::Reseller;
        terms.proposal = m_workbook->proposal(id);
        terms.proposal.setValue(ProposalField::DealRegistrationDays, 90);
        terms.proposal.setValue(ProposalField::MdfBudget, 5000.0);
        QVERIFY(!m_workbook->setProposalFields(id, terms));
        QCOMPARE(codesOf(), QStringList());
        // The proposal's checks show the structure's findings.
        terms.proposal.setValue(ProposalField::MdfBudget, QVariant());
        QVERIFY(!m_workbook->setProposalFields(id, terms));
        const auto data = item::ProposalData::gather(*m_workbook, id, QDate::currentDate());
        QVERIFY(data);
        QVERIFY(codes(data->findings()).contains(u"structure.no_enablement"_s));
        // A kit item planned is enough, without a budget; one not needed is not.
        const auto kit = [&](ItemStatus status) {
            return m_workbook->replaceChecklist(id, ChecklistKind::Enablement,
                                                {ChecklistItem{u"partner_brief"_s, status, {}, {}}});
        };
        QVERIFY(!kit(ItemStatus::NotNeeded));
        QCOMPARE(codesOf(), QStringList{u"structure.no_enablement"_s});
        QVERIFY(!kit(ItemStatus::Planned));
        QCOMPARE(codesOf(), QStringList());
    }

    void jointVentureNeedsHistory()
    {
        const qint64 id = add(u"Venture"_s, Structure::JointVenture, Stage::Qualified);
        const auto codesOf = [&] {
            return codes(item::QualificationCheck::structureFindings(*m_workbook, stored(id)));
        };
        QCOMPARE(codesOf(), QStringList{u"structure.jv_without_history"_s});
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField::TrackRecord, u"yes"_s));
        QCOMPARE(codesOf(), QStringList());
    }

    // A new user sees each finding in the sample: a competitor, a polite distraction, a big
    // exploratory company; and the chooser agrees with the structures the sample uses.
    void sampleShowsTheJudgment()
    {
        const QString path = m_dir.filePath(u"sample.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        StoreError error;
        auto sample = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY(sample);
        const QList<Candidate> candidates = sample->candidates();
        QMultiMap<QString, QString> found;
        for (const Finding &f : item::QualificationCheck::workbookFindings(*sample, candidates)) {
            if (f.code.startsWith(u"candidate."))
                found.insert(f.partner, f.code);
        }
        QCOMPARE(found.values(u"Granite Commerce"_s), QStringList{u"candidate.competitor"_s});
        QCOMPARE(found.values(u"Harbor & Quay Advisors"_s),
                 QStringList{u"candidate.polite_distraction"_s});
        QCOMPARE(found.values(u"Meridian Systems"_s).size(), 2);
        QVERIFY(found.contains(u"Meridian Systems"_s, u"candidate.exploratory_only"_s));
        QVERIFY(!found.contains(u"Ledgerly"_s));
        const auto recommended = [&](const QString &name) {
            const auto it = std::find_if(candidates.cbegin(), candidates.cend(),
                                         [&](const Candidate &c) { return c.name == name; });
            return StructureChooser::recommend(it->chooser).structure;
        };
        QCOMPARE(recommended(u"Ledgerly"_s), Structure::Integration);
        QCOMPARE(recommended(u"Brightpath Consulting"_s), Structure::Reseller);
        QCOMPARE(recommended(u"Summit Cloud Partners"_s), Structure::Referral);

        // Every answer in sample.json was read (a misspelt key or value would be lost).
        QFile file(u":/playbook/sample/sample.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int answers = 0;
        const QList<CandidateField> all = QualificationFields::all();
        for (const QJsonValue &value :
             QJsonDocument::fromJson(file.readAll()).object().value(u"candidates"_s).toArray()) {
            const QJsonObject object = value.toObject();
            const QJsonObject qualification = object.value(u"qualification"_s).toObject();
            const auto c =
                std::find_if(candidates.cbegin(), candidates.cend(), [&](const Candidate &c) {
                    return c.name == object.value(u"name"_s).toString();
                });
            QVERIFY(c != candidates.cend());
            for (auto it = qualification.begin(); it != qualification.end(); ++it) {
                const auto field = std::find_if(all.cbegin(), all.cend(), [&](CandidateField f) {
                    return CandidateFields::columnName(f) == it.key();
                });
                QVERIFY2(field != all.cend(), qPrintable(it.key()));
                QCOMPARE(CandidateFields::value(*c, *field).toString(),
                         it.value().toVariant().toString());
                ++answers;
            }
        }
        QVERIFY(answers > 50);
    }

    // The table shows any answer as a column (edited in place like the others) and the
    // filter finds candidates by an answer: "competes:yes".
    void tableColumnsAndFilter()
    {
        const qint64 rival = add(u"Rival"_s);
        add(u"Friend"_s);
        add(u"Unknown"_s);
        QVERIFY(!m_workbook->setCandidateField(rival, CandidateField::Competes, u"yes"_s));
        QVERIFY(
            !m_workbook->setCandidateField(rival, CandidateField::RelativeSize, u"much-bigger"_s));
        QVERIFY(!m_workbook->setCandidateField(m_workbook->candidates().at(1).id,
                                               CandidateField::Competes, u"no"_s));
        item::WorkbookEditor editor(m_workbook.get());
        item::CandidateTableModel table(&editor);
        QAbstractItemModelTester tester(&table);
        using Model = item::CandidateTableModel;
        const int size = Model::FirstQualificationColumn +
                         int(QualificationFields::all().indexOf(CandidateField::RelativeSize));
        QCOMPARE(Model::fieldOf(size), std::optional(CandidateField::RelativeSize));
        QCOMPARE(Model::fieldOf(Model::ColumnCount - 1), std::optional(CandidateField::Territory));
        QCOMPARE(table.columnCount(), Model::FirstQualificationColumn + 22);
        QCOMPARE(table.headerData(size, Qt::Horizontal).toString(), u"Size relative to us"_s);
        const int row = table.rowOf(rival);
        QCOMPARE(table.index(row, size).data().toString(), u"much bigger"_s);
        QCOMPARE(table.index(row, size).data(Qt::EditRole).toString(), u"much-bigger"_s);
        QVERIFY(table.setData(table.index(row, size), u"similar"_s));
        QCOMPARE(stored(rival).vetting.relativeSize, RelativeSize::Similar);

        item::CandidateFilterModel filter;
        filter.setSourceModel(&table);
        filter.setText(u"competes:yes"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(u"Competes: No"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(u"competes:"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(u"relative size: similar"_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(u"competes:perhaps"_s);
        QCOMPARE(filter.rowCount(), 0);
        filter.setText(u"Friend"_s);
        QCOMPARE(filter.rowCount(), 1);
    }

    // The proposal's "Why this partner" line carries what vetting found.
    void proposalSaysWhyThisPartner()
    {
        ProposalSources sources;
        sources.candidate.name = u"Acme"_s;
        QVERIFY(!ProposalBuilder::build(sources).score.contains(u"competing"_s));
        CandidateValues answers{{CandidateField::Competes, u"no"_s},
                                {CandidateField::CustomerBase, u"mid-market"_s},
                                {CandidateField::IcpMatch, u"yes"_s},
                                {CandidateField::PartnerProgramme, u"yes"_s},
                                {CandidateField::IntegrationPartners, 40},
                                {CandidateField::Motivations, u"retention"_s}};
        for (auto it = answers.cbegin(); it != answers.cend(); ++it)
            CandidateFields::setValue(sources.candidate, it.key(), it.value());
        const QString why = ProposalBuilder::build(sources).score;
        QVERIFY2(why.endsWith(u". Adjacent, not competing; their mid-market customers match "
                              u"ours; a partner programme with 40 integration partners; for "
                              u"them: retention."_s),
                 qPrintable(why));
    }

    void unsetStructurePastSourcing()
    {
        const qint64 id = add(u"Vague"_s, Structure::Unset, Stage::Sourced);
        const auto codesOf = [&] {
            return codes(item::QualificationCheck::structureFindings(*m_workbook, stored(id)));
        };
        QCOMPARE(codesOf(), QStringList());
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField::Stage, u"qualified"_s));
        QCOMPARE(codesOf(), QStringList{u"structure.unset"_s});
    }
};

QTEST_GUILESS_MAIN(TestQualification)
#include "tst_qualification.moc"
