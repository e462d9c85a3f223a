// The programme in the store (issue 16): an older workbook gains the stage history, costs and
// programme inputs on upgrade, its candidates counting from their creation; every stage change
// is recorded whatever made it, and one undone the same day leaves no trace; costs and the
// programme's totals are set and cleared all or nothing, bad values change nothing, and every
// edit through the editor is one undo step. ProgrammeData reads it with a fixed "today".
#include "TestFiles.h"
#include "io/CostsCsv.h"
#include "item/ProgrammeData.h"
#include "item/WorkbookEditor.h"
#include "store/Schema.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::SqliteDatabase;
using pb::store::StoreError;
using pb::store::Workbook;

class TestProgrammeStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;
    qint64 m_id = 0;

    QDate thisMonth() const
    {
        const QDate today = QDate::currentDate();
        return {today.year(), today.month(), 1};
    }

private slots:
    void init()
    {
        StoreError error;
        m_workbook = Workbook::create(
            m_dir.filePath(u"%1.playbook"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))),
            u"Programme"_s, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        QList<Candidate> list(1);
        list[0].name = u"Ledgerly"_s;
        list[0].stage = Stage::Qualified;
        QVERIFY(!m_workbook->insertCandidates(list));
        m_id = list[0].id;
    }

    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void olderWorkbooksUpgrade()
    {
        const QString path = m_dir.filePath(u"v7.playbook"_s);
        const int previous = store::schema::currentVersion() - 1;
        QVERIFY(!Workbook::createAtVersion(path, previous, u"Old"_s));
        {
            SqliteDatabase db;
            QVERIFY(db.open(path, SqliteDatabase::Access::ReadWrite));
            QVERIFY(db.exec(u"INSERT INTO candidates(id, name, name_key, stage, created_at) "
                            u"VALUES (1, 'Old', 'old', 'proposed', '2026-01-10 09:00:00');"
                            u"INSERT INTO partnerships(id, candidate_id) VALUES (1, 1);"_s));
        }
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(workbook->upgradedFromVersion(), previous);
        QVERIFY(workbook->integrityProblems().isEmpty());
        // No history yet: in its stage since it was created.
        QCOMPARE(workbook->stageSince().value(1), QDate(2026, 1, 10));
        QVERIFY(workbook->costs(1).isEmpty());
        QVERIFY(workbook->programmeInputs().isEmpty());
        QVERIFY(!workbook->setCosts(1, {{QDate(2026, 1, 1), CostCategory::Tools, 50.0}}));
        QCOMPARE(workbook->costs(1).size(), 1);
        const item::ProgrammeData data = item::ProgrammeData::gather(*workbook, QDate(2026, 3, 1));
        QCOMPARE(data.stages[size_t(Stage::Proposed)], 1);
        QCOMPARE(data.candidates.first().days, 50);
        QCOMPARE(data.stalled.size(), 1); // proposed over four weeks
    }

    void stageChangesAreRecorded()
    {
        const QDate today = QDate::currentDate();
        QVERIFY(!m_workbook->backdateStages({{m_id, today.addDays(-20)}}));
        QCOMPARE(m_workbook->stageSince().value(m_id), today.addDays(-20));
        QCOMPARE(m_editor->changeCandidateField(m_id, CandidateField::Stage, u"proposed"_s),
                 QString());
        QCOMPARE(m_workbook->stageSince().value(m_id), today);
        // Undone the same day: the clock is not restarted.
        m_editor->undoStack()->undo();
        QCOMPARE(m_workbook->candidate(m_id)->stage, Stage::Qualified);
        QCOMPARE(m_workbook->stageSince().value(m_id), today.addDays(-20));
        // Any write path counts, not only the editor.
        Candidate changed = *m_workbook->candidate(m_id);
        changed.stage = Stage::Pilot;
        QVERIFY(!m_workbook->updateCandidates({changed}));
        QCOMPARE(m_workbook->stageSince().value(m_id), today);
        // A date brought in later does not hide a later change; another field leaves the
        // date alone.
        QVERIFY(!m_workbook->backdateStages({{m_id, today.addDays(-3)}}));
        QCOMPARE(m_editor->changeCandidateField(m_id, CandidateField::Owner, u"Maya"_s), QString());
        QCOMPARE(m_workbook->stageSince().value(m_id), today);
        QVERIFY(m_workbook->backdateStages({{m_id, QDate()}}));
    }

    void costsAreSetAndClearedAllOrNothing()
    {
        const QDate month = thisMonth();
        QVERIFY(!m_workbook->setCosts(
            m_id, {{month, CostCategory::Time, 12.5}, {month, CostCategory::Support, 300.0}}));
        QVERIFY(m_workbook->candidatesWithPartnership().contains(m_id)); // made when needed
        QCOMPARE(m_workbook->costs(m_id).size(), 2);
        // Replaced, then cleared.
        QVERIFY(!m_workbook->setCosts(m_id, {{month, CostCategory::Time, 10.0},
                                             {month, CostCategory::Support, std::nullopt}}));
        QCOMPARE(m_workbook->costs(m_id), QList<CostEntry>({{month, CostCategory::Time, 10.0}}));
        // One bad edit refuses them all.
        const QList<CostEntry> before = m_workbook->costs(m_id);
        for (const CostEdit &bad : {CostEdit{month, CostCategory::Tools, -1.0},
                                    CostEdit{month, CostCategory::Tools, std::nan("")},
                                    CostEdit{month.addDays(3), CostCategory::Tools, 1.0},
                                    CostEdit{QDate(), CostCategory::Tools, 1.0}}) {
            QVERIFY(m_workbook->setCosts(m_id, {{month, CostCategory::Tools, 5.0}, bad}));
            QCOMPARE(m_workbook->costs(m_id), before);
        }
        QCOMPARE(m_workbook->setCosts(999, {{month, CostCategory::Tools, 1.0}}).code,
                 StoreError::Code::NotFound);
    }

    void costEditsAreOneUndoStep()
    {
        const QDate month = thisMonth();
        QCOMPARE(m_editor->changeCosts(m_id,
                                       {{month, CostCategory::Tools, 100.0},
                                        {month.addMonths(-1), CostCategory::Tools, 80.0}},
                                       u"Paste"_s),
                 QString());
        QCOMPARE(m_editor->changeCosts(m_id, {{month, CostCategory::Tools, 120.0}}, u"Edit"_s),
                 QString());
        // A no-op is no step.
        QCOMPARE(m_editor->changeCosts(m_id, {{month, CostCategory::Tools, 120.0}}, u"Edit"_s),
                 QString());
        QCOMPARE(m_editor->undoStack()->count(), 2);
        m_editor->undoStack()->undo();
        QCOMPARE(m_workbook->costs(m_id).size(), 2);
        QVERIFY(m_workbook->costs(m_id).contains(CostEntry{month, CostCategory::Tools, 100.0}));
        m_editor->undoStack()->undo();
        QVERIFY(m_workbook->costs(m_id).isEmpty());
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->costs(m_id).size(), 2);
        // Refused by the store: no step.
        QVERIFY(!m_editor->changeCosts(m_id, {{month, CostCategory::Tools, -3.0}}, u"Edit"_s)
                     .isEmpty());
        QCOMPARE(m_editor->undoStack()->count(), 2);
    }

    void programmeInputs()
    {
        const QDate month = thisMonth();
        QCOMPARE(m_editor->changeProgrammeInputs({{month, ProgrammeInputField::Pipeline, 1000.0},
                                                  {month, ProgrammeInputField::NewArr, 200.0}},
                                                 u"Set"_s),
                 QString());
        QCOMPARE(m_workbook->programmeInputs(), QList<ProgrammeInput>({{month, 1000.0, 200.0}}));
        QVERIFY(m_workbook->setProgrammeInputs({{month, ProgrammeInputField::NewArr, -1.0}}));
        QVERIFY(
            m_workbook->setProgrammeInputs({{month.addDays(1), ProgrammeInputField::NewArr, 1.0}}));
        QCOMPARE(m_workbook->programmeInputs().size(), 1);
        // A month with neither total is no row at all.
        QVERIFY(!m_workbook->setProgrammeInputs({{month, ProgrammeInputField::Pipeline, {}},
                                                 {month, ProgrammeInputField::NewArr, {}}}));
        QVERIFY(m_workbook->programmeInputs().isEmpty());
        m_editor->undoStack()->undo();
        QVERIFY(m_workbook->programmeInputs().isEmpty());
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->programmeInputs().size(), 1);
    }

    void costsCsv()
    {
        const io::CostsCsvImport good =
            io::CostsCsv::parse("\xEF\xBB\xBF"
                                "Amount;Category;MONTH\r\n12;time;2026-01\r\n1.5;tools;2026-02\r\n",
                                u"costs.csv"_s);
        QVERIFY2(good.errors.isEmpty(), qPrintable(good.errors.join(u'\n')));
        QCOMPARE(good.costs.size(), 2);
        QCOMPARE(good.costs.first(), (CostEdit{QDate(2026, 1, 1), CostCategory::Time, 12.0}));
        const io::CostsCsvImport bad =
            io::CostsCsv::parse("month,category,amount,extra\n2026-01,time,x,1\n", u"bad.csv"_s);
        QVERIFY(!bad.errors.isEmpty());
        QVERIFY2(bad.errors.join(u'\n').contains(u"bad.csv:1: column \"extra\""_s),
                 qPrintable(bad.errors.join(u'\n')));
        // Written and read back: the same costs.
        const QList<CostEntry> costs{{QDate(2026, 1, 1), CostCategory::Time, 12.0},
                                     {QDate(2026, 1, 1), CostCategory::Support, 99.5}};
        const io::CostsCsvImport again =
            io::CostsCsv::parse(io::CostsCsv::write(costs), u"again.csv"_s);
        QVERIFY(again.errors.isEmpty());
        QCOMPARE(again.costs.size(), 2);
        QCOMPARE(again.costs.at(1).amount, std::optional<double>(99.5));
    }
};

QTEST_GUILESS_MAIN(TestProgrammeStore)
#include "tst_programmestore.moc"
