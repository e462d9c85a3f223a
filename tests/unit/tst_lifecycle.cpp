// The lifecycle after the proposal through the store and the editor: checklists written
// whole and refused whole, the retrospective that sets the stage as one undo step, the
// findings a workbook's partnership raises and clears, the learnings left behind, and the
// checklist table model.
#include "TestFiles.h"
#include "domain/Retrospective.h"
#include "item/ChecklistModel.h"
#include "item/LifecycleData.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace {
QStringList codes(const Findings &findings)
{
    QStringList result;
    for (const Finding &finding : findings)
        result << finding.code;
    return result;
}
} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;
    qint64 m_id = 0;

    // A reseller in pilot whose 90-day pilot started long ago (its retrospective is due).
    qint64 addPartner(const QString &name, Structure structure, Stage stage)
    {
        QList<Candidate> candidates(1);
        candidates[0].name = name;
        candidates[0].structure = structure;
        candidates[0].stage = stage;
        if (m_workbook->insertCandidates(candidates))
            return 0;
        const qint64 id = candidates[0].id;
        QList<KpiDefinition> none;
        qint64 partnership = 0;
        if (m_workbook->addPartnership(id, QDate(2026, 1, 5), 90, none, &partnership))
            return 0;
        return id;
    }

    Findings findings(const QDate &today = QDate(2026, 6, 1))
    {
        const auto data = item::LifecycleData::gather(*m_workbook, m_id);
        return data ? data->findings(today) : Findings{};
    }

private slots:
    void init()
    {
        StoreError error;
        static int made = 0;
        m_workbook = Workbook::create(
            m_dir.filePath(
                u"%1-%2.playbook"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(++made)),
            u"Lifecycle"_s, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        m_id = addPartner(u"Brightpath"_s, Structure::Reseller, Stage::Pilot);
        QVERIFY(m_id);
    }

    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void checklistRoundTrip()
    {
        QVERIFY(m_workbook->checklist(m_id, ChecklistKind::Contract).isEmpty());
        QSignalSpy changes(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        const QList<ChecklistItem> items = {
            {u"scope"_s, ItemStatus::Agreed, QDate(2026, 1, 5), u"Nordics only"_s},
            {u"territory_rights"_s, ItemStatus::NotApplicable, {}, {}}};
        QVERIFY(!m_workbook->replaceChecklist(m_id, ChecklistKind::Contract, items));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().first().value<store::Change>().entity,
                 store::Change::Entity::Checklist);
        QList<ChecklistItem> read = m_workbook->checklist(m_id, ChecklistKind::Contract);
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0), items.at(0));
        QCOMPARE(read.at(1), items.at(1));
        // Other kinds are lists of their own.
        QVERIFY(m_workbook->checklist(m_id, ChecklistKind::Exit).isEmpty());
    }

    // An unknown key, a status of another kind, a key twice: refused, nothing changed.
    void badListsChangeNothing_data()
    {
        QTest::addColumn<ChecklistKind>("kind");
        QTest::addColumn<ChecklistItem>("item");
        QTest::newRow("unknown key")
            << ChecklistKind::Contract << ChecklistItem{u"lunch"_s, ItemStatus::Agreed, {}, {}};
        QTest::newRow("exit key in contract")
            << ChecklistKind::Contract
            << ChecklistItem{u"notice_given"_s, ItemStatus::Open, {}, {}};
        QTest::newRow("enablement status in exit")
            << ChecklistKind::Exit
            << ChecklistItem{u"notice_given"_s, ItemStatus::Delivered, {}, {}};
        QTest::newRow("contract status in enablement")
            << ChecklistKind::Enablement
            << ChecklistItem{u"pitch_deck"_s, ItemStatus::Agreed, {}, {}};
    }

    void badListsChangeNothing()
    {
        QFETCH(ChecklistKind, kind);
        QFETCH(ChecklistItem, item);
        const ChecklistItem good{QString::fromUtf16(Checklists::specs(kind).front().key),
                                 statusesFor(kind).back(),
                                 QDate(2026, 2, 1),
                                 {}};
        QVERIFY(!m_workbook->replaceChecklist(m_id, kind, {good}));
        const test::Fingerprint before = test::fingerprint(m_workbook->path());
        StoreError error = m_workbook->replaceChecklist(m_id, kind, {good, item});
        QVERIFY(error);
        QCOMPARE(m_workbook->checklist(m_id, kind), QList<ChecklistItem>{good});
        QCOMPARE(test::fingerprint(m_workbook->path()), before);
        // A key twice.
        QVERIFY(m_workbook->replaceChecklist(m_id, kind, {good, good}));
    }

    void editorStepsUndo()
    {
        const QList<ChecklistItem> items = {{u"pitch_deck"_s, ItemStatus::Delivered, {}, {}}};
        QCOMPARE(m_editor->changeChecklist(m_id, ChecklistKind::Enablement, items, u"Kit"_s),
                 QString());
        QCOMPARE(m_editor->undoStack()->count(), 1);
        // The same list again changes nothing and adds no step.
        QCOMPARE(m_editor->changeChecklist(m_id, ChecklistKind::Enablement, items, u"Kit"_s),
                 QString());
        QCOMPARE(m_editor->undoStack()->count(), 1);
        m_editor->undoStack()->undo();
        QVERIFY(m_workbook->checklist(m_id, ChecklistKind::Enablement).isEmpty());
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->checklist(m_id, ChecklistKind::Enablement), items);
    }

    // Each decision moves the stage; review and stage are one undo step.
    void retrospectiveSetsStage_data()
    {
        QTest::addColumn<ReviewDecision>("decision");
        QTest::addColumn<Stage>("stage");
        QTest::newRow("continue") << ReviewDecision::Continue << Stage::Pilot;
        QTest::newRow("scale") << ReviewDecision::Scale << Stage::Scaled;
        QTest::newRow("pause") << ReviewDecision::Pause << Stage::Paused;
        QTest::newRow("end") << ReviewDecision::End << Stage::Ended;
    }

    void retrospectiveSetsStage()
    {
        QFETCH(ReviewDecision, decision);
        QFETCH(Stage, stage);
        QVERIFY(codes(findings()).contains(u"pilot.retro_due"_s));
        QSignalSpy moved(m_editor.get(), &item::WorkbookEditor::stageChanged);
        Review review{0, QDate(2026, 4, 6), decision, u"Decided"_s};
        review.worked = u"Joint webinars"_s;
        review.didNotWork = u"Cold outreach"_s;
        review.toChange = u"Named partner manager"_s;
        QCOMPARE(m_editor->recordRetrospective(m_id, review), QString());
        QCOMPARE(m_editor->undoStack()->count(), 1);
        QCOMPARE(m_workbook->candidate(m_id)->stage, stage);
        QCOMPARE(moved.count(), stage == Stage::Pilot ? 0 : 1);
        const QList<Review> reviews = m_workbook->partnershipKpis(m_id).reviews;
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews.first().worked, u"Joint webinars"_s);
        QCOMPARE(reviews.first().didNotWork, u"Cold outreach"_s);
        QCOMPARE(reviews.first().toChange, u"Named partner manager"_s);
        if (decision != ReviewDecision::Continue)
            QVERIFY(!codes(findings()).contains(u"pilot.retro_due"_s));
        if (stage == Stage::Paused || stage == Stage::Ended)
            QVERIFY(codes(findings()).contains(u"exit.open_items"_s));

        m_editor->undoStack()->undo();
        QCOMPARE(m_workbook->candidate(m_id)->stage, Stage::Pilot);
        QVERIFY(m_workbook->partnershipKpis(m_id).reviews.isEmpty());
        QVERIFY(codes(findings()).contains(u"pilot.retro_due"_s));
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->candidate(m_id)->stage, stage);
        QCOMPARE(m_workbook->partnershipKpis(m_id).reviews.size(), 1);
    }

    // The codes fire and clear on a workbook's partnership, as `check` gathers them.
    void findingsFireAndClear()
    {
        QStringList found = codes(findings());
        QVERIFY(found.contains(u"contract.open_essentials"_s));
        QVERIFY(found.contains(u"enablement.missing"_s));
        QVERIFY(!found.contains(u"exit.open_items"_s));

        QList<ChecklistItem> contract;
        const auto data = item::LifecycleData::gather(*m_workbook, m_id);
        QVERIFY(data);
        for (const ChecklistRow &row : data->rows(ChecklistKind::Contract))
            contract << ChecklistItem{row.item.key, ItemStatus::Agreed, {}, {}};
        QVERIFY(!m_workbook->replaceChecklist(m_id, ChecklistKind::Contract, contract));
        QVERIFY(
            !m_workbook->replaceChecklist(m_id, ChecklistKind::Enablement,
                                          {{u"partner_brief"_s, ItemStatus::Delivered, {}, {}}}));
        found = codes(findings());
        QVERIFY(!found.contains(u"contract.open_essentials"_s));
        QVERIFY(!found.contains(u"enablement.missing"_s));

        QVERIFY(!m_workbook->setCandidateField(m_id, CandidateField::Stage, u"ended"_s));
        QVERIFY(codes(findings()).contains(u"exit.open_items"_s));
        QList<ChecklistItem> exit;
        for (const ChecklistItemSpec &spec : Checklists::specs(ChecklistKind::Exit))
            exit << ChecklistItem{QString::fromUtf16(spec.key), ItemStatus::Done, {}, {}};
        exit.last().status = ItemStatus::NotApplicable;
        QVERIFY(!m_workbook->replaceChecklist(m_id, ChecklistKind::Exit, exit));
        QVERIFY(!codes(findings()).contains(u"exit.open_items"_s));
    }

    void learningsStayWithTheCandidate()
    {
        QVERIFY(m_workbook->learnings().isEmpty());
        QVERIFY(!m_workbook->replaceChecklist(
            m_id, ChecklistKind::Exit,
            {{Checklists::learningsKey(), ItemStatus::Done, QDate(2026, 5, 1),
              u"Resellers need a named manager"_s}}));
        const QList<Learning> learnings = m_workbook->learnings();
        QCOMPARE(learnings.size(), 1);
        QCOMPARE(learnings.first().partner, u"Brightpath"_s);
        QCOMPARE(learnings.first().structure, Structure::Reseller);
        QCOMPARE(learnings.first().note, u"Resellers need a named manager"_s);
    }

    void modelCyclesAndUndoes()
    {
        item::ChecklistModel model(m_editor.get(), ChecklistKind::Exit);
        QAbstractItemModelTester tester(&model);
        model.setToday(QDate(2026, 5, 2));
        model.setCandidate(m_id);
        QCOMPARE(model.rowCount(), int(Checklists::specs(ChecklistKind::Exit).size()));
        QCOMPARE(model
                     .data(model.index(1, item::ChecklistModel::StatusColumn),
                           item::ChecklistModel::StatusRole)
                     .toString(),
                 u"open"_s);
        QCOMPARE(model.cycleStatus(1, 1), QString());
        QCOMPARE(model
                     .data(model.index(1, item::ChecklistModel::StatusColumn),
                           item::ChecklistModel::StatusRole)
                     .toString(),
                 u"done"_s);
        QCOMPARE(model.data(model.index(1, item::ChecklistModel::DateColumn)).toString(),
                 u"2026-05-02"_s);
        QVERIFY(model.setData(model.index(1, item::ChecklistModel::NoteColumn), u"Jointly"_s));
        QVERIFY(!model.setData(model.index(1, item::ChecklistModel::StatusColumn), u"agreed"_s));
        QCOMPARE(m_editor->undoStack()->count(), 2);
        m_editor->undoStack()->undo();
        m_editor->undoStack()->undo();
        QCOMPARE(model
                     .data(model.index(1, item::ChecklistModel::StatusColumn),
                           item::ChecklistModel::StatusRole)
                     .toString(),
                 u"open"_s);
        QVERIFY(m_workbook->checklist(m_id, ChecklistKind::Exit).isEmpty());
    }

    void kpisAtTheReviewDate()
    {
        PartnershipKpis tracker;
        KpiSeries series;
        series.definition.name = u"Referrals"_s;
        series.definition.target = 10;
        series.values = {{KpiPeriod::month(2026, 1), 12}, {KpiPeriod::month(2026, 5), 1}};
        tracker.kpis = {series};
        const KpiThresholds thresholds;
        const QList<KpiState> early = Retrospective::kpisAt(tracker, thresholds, QDate(2026, 2, 1));
        const QList<KpiState> late = Retrospective::kpisAt(tracker, thresholds, QDate(2026, 6, 1));
        QCOMPARE(early.size(), 1);
        QVERIFY(early.first().status != late.first().status);
        QVERIFY(!Retrospective::summary(early).isEmpty());
        QCOMPARE(Retrospective::summary({}), u"no KPIs"_s);
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
