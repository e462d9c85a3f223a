// RACI grids in the store and through the editor: whole-grid writes, the pure edits,
// undo and redo, and the grid model under QAbstractItemModelTester.
#include "TestFiles.h"
#include "domain/RaciEdits.h"
#include "io/SampleWorkbook.h"
#include "item/RaciGridModel.h"
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

class TestRaciStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;

    qint64 idOf(const QString &name) { return m_workbook->candidateIdByName(name).value_or(0); }
    static RaciGrid plain(RaciGrid grid)
    {
        for (auto &p : grid.parties)
            p.id = 0;
        for (auto &a : grid.activities)
            a.id = 0;
        return grid;
    }

private slots:
    void init()
    {
        const QString path =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        StoreError error;
        m_workbook = Workbook::open(path, {}, &error);
        QVERIFY(m_workbook);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
    }
    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void sampleHasGridsWithOneRealisticProblem()
    {
        const RaciGrid ledgerly = m_workbook->raciGrid(idOf(u"Ledgerly"_s));
        QCOMPARE(ledgerly.activities.size(), 6);
        QCOMPARE(ledgerly.parties.size(), 5);
        QVERIFY(RaciRules::check(ledgerly, u"Ledgerly"_s).isEmpty());
        const auto problems = RaciRules::check(
            m_workbook->raciGrid(idOf(u"Brightpath Consulting"_s)), u"Brightpath"_s);
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().finding.code, u"raci.multiple_accountable"_s);
        QVERIFY(!m_workbook->hasRaciGrid(idOf(u"Fieldnote Media"_s)));
    }

    void gridsPersistWholeAndCreatePartnerships()
    {
        const qint64 id = idOf(u"Quanta Forms"_s);
        const qint64 partnerships = m_workbook->counts().partnerships;
        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        RaciGrid grid = RaciEdits::withDefaults();
        grid = RaciEdits::withRole(grid, {QPoint(0, 0), QPoint(2, 1)},
                                   RaciRole::AccountableResponsible);
        QVERIFY(!m_workbook->replaceRaciGrid(id, grid));
        QVERIFY(grid.parties.first().id > 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<store::Change>().entity, store::Change::Entity::Raci);
        QCOMPARE(m_workbook->counts().partnerships, partnerships + 1);
        const QString path = m_workbook->path();
        m_editor.reset();
        m_workbook.reset();
        StoreError error;
        m_workbook = Workbook::open(path, {.readOnly = true}, &error);
        QCOMPARE(plain(m_workbook->raciGrid(id)), plain(grid));
    }

    void editsAreUndoableSteps()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        const RaciGrid before = plain(m_workbook->raciGrid(id));
        QCOMPARE(m_editor->changeRaciGrid(id, RaciEdits::addActivity(before, 0, u"Joint webinar"_s),
                                          u"Add activity"_s),
                 QString());
        QCOMPARE(m_workbook->raciGrid(id).activities.first().name, u"Joint webinar"_s);
        QCOMPARE(m_editor->changeRaciGrid(id, m_workbook->raciGrid(id), u"Nothing"_s), QString());
        QCOMPARE(m_editor->undoStack()->count(), 1); // no step for no change
        m_editor->undoStack()->undo();
        QCOMPARE(plain(m_workbook->raciGrid(id)), before);
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->raciGrid(id).activities.size(), before.activities.size() + 1);
    }

    void pureEdits()
    {
        QCOMPARE(RaciEdits::typed(RaciRole::Accountable, RaciRole::Responsible),
                 RaciRole::AccountableResponsible);
        QCOMPARE(RaciEdits::typed(RaciRole::Responsible, RaciRole::Accountable),
                 RaciRole::AccountableResponsible);
        QCOMPARE(RaciEdits::typed(RaciRole::Consulted, RaciRole::Informed), RaciRole::Informed);
        RaciRole role = RaciRole::None;
        QList<RaciRole> seen;
        for (int i = 0; i < 6; ++i)
            seen.append(role = RaciEdits::cycled(role));
        QCOMPARE(seen.last(), RaciRole::None);
        QCOMPARE(QSet<RaciRole>(seen.cbegin(), seen.cend()).size(), 6);

        RaciGrid grid = RaciEdits::withDefaults();
        QCOMPARE(RaciEdits::paste(&grid, 1, 1, u"A\tr/a\nC\t\n"_s), QString());
        QCOMPARE(grid.cell(1, 1), RaciRole::Accountable);
        QCOMPARE(grid.cell(1, 2), RaciRole::AccountableResponsible);
        QCOMPARE(grid.cell(2, 1), RaciRole::Consulted);
        const RaciGrid kept = grid;
        QVERIFY(RaciEdits::paste(&grid, 0, 0, u"X\n"_s).contains(u"not a RACI value"_s));
        QCOMPARE(grid, kept);
        QCOMPARE(RaciEdits::copy(grid, 1, 1, 2, 2), u"A\tA/R\nC\t\n"_s);

        grid = RaciEdits::moveActivity(grid, 1, 0);
        QCOMPARE(grid.cell(0, 1), RaciRole::Accountable);
        grid = RaciEdits::moveParty(grid, 1, 3);
        QCOMPARE(grid.cell(0, 3), RaciRole::Accountable);
        grid = RaciEdits::removeParty(grid, 3);
        QCOMPARE(grid.parties.size(), 3);
        QCOMPARE(grid.cells.first().size(), 3);
        QVERIFY(!RaciEdits::checkActivityName(grid, u" onboarding "_s, -1).isEmpty());
        QVERIFY(RaciEdits::checkActivityName(grid, u"Onboarding"_s, 3).isEmpty());
        QVERIFY(!RaciEdits::checkPartyName(grid, u"  "_s, RaciSide::Ours, -1).isEmpty());
    }

    void modelPassesTheTesterAndFollowsEdits()
    {
        item::RaciGridModel model(m_editor.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 id = idOf(u"Brightpath Consulting"_s);
        model.setCandidate(id, u"Brightpath Consulting"_s);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.index(3, 0).data().toString(), u"A"_s);
        // The onboarding row carries the two-accountables problem.
        QVERIFY(model.index(3, 0).data(item::RaciGridModel::ProblemRole).toBool());
        QVERIFY(model.index(3, 0).data(Qt::ToolTipRole).toString().contains(u"Accountable"_s));
        QVERIFY(model.headerData(3, Qt::Vertical).toString().startsWith(u"⚠"_s));
        QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(u"partner"_s));

        QVERIFY(model.setData(model.index(3, 2), u"r"_s));
        QCOMPARE(m_workbook->raciGrid(id).cell(3, 2), RaciRole::Responsible);
        QVERIFY(!model.index(3, 0).data(item::RaciGridModel::ProblemRole).toBool());
        QVERIFY(!model.setData(model.index(0, 0), u"X"_s));
        // Structure changes reset the model cleanly (the tester checks the signals).
        QCOMPARE(model.apply(RaciEdits::addParty(model.grid(), 1, u"Legal"_s, RaciSide::Ours),
                             u"Add party"_s),
                 QString());
        QCOMPARE(model.columnCount(), 5);
        m_editor->undoStack()->undo();
        QCOMPARE(model.columnCount(), 4);
        m_editor->undoStack()->undo();
        QCOMPARE(model.index(3, 2).data().toString(), u"A"_s);
        model.setCandidate(idOf(u"Fieldnote Media"_s), u"Fieldnote Media"_s);
        QVERIFY(!model.hasGrid());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRaciStore)
#include "tst_racistore.moc"
