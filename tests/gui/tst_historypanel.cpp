// The History panel (issue 17): View → History shows the workbook's changes newest first
// with their fields, before and after; the model passes QAbstractItemModelTester and reads
// a long history a page at a time; the candidate filter; Revert This Change (a new step that
// Undo takes back, refused when a later change touched the same field); the user's name.
// Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "AppSettings.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "history/HistoryPanel.h"
#include "item/HistoryModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestHistoryPanel : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    ui::HistoryPanel *showPanel()
    {
        QAction *toggle = window()->historyDock()->toggleViewAction();
        if (!toggle->isChecked())
            toggle->trigger();
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        return window()->historyPanel();
    }
    // The row of the newest step's first change.
    QModelIndex newestChange(item::HistoryModel *model)
    {
        return model->index(0, 0, model->index(0, 0));
    }

public:
    TestHistoryPanel()
        : GuiPageFixture(u"tst_historypanel"_s)
    {}

private slots:
    void init()
    {
        ui::HistoryPanel::setAuthorName(u"Maya Lindqvist"_s);
        QVERIFY(openSampleAt(0));
    }
    void cleanup()
    {
        QVERIFY2(ambiguousShortcuts().isEmpty(), qPrintable(ambiguousShortcuts().join(u'\n')));
        closeWindow();
    }

    void showsEditsNewestFirstWithFields()
    {
        ui::HistoryPanel *panel = showPanel();
        QVERIFY(panel && panel->isVisible());
        item::HistoryModel *model = panel->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        QCOMPARE(editor()->changeCandidateField(ledgerly, CandidateField::Owner, u"Ravi"_s),
                 QString());
        QCOMPARE(model->data(model->index(0, item::HistoryModel::Author)).toString(),
                 u"Maya Lindqvist"_s);
        QCOMPARE(model->data(model->index(0, item::HistoryModel::What)).toString(),
                 editor()->undoStack()->undoText() + u" — Maya Lindqvist"_s);
        const QModelIndex change = newestChange(model);
        QCOMPARE(model->data(change.siblingAtColumn(item::HistoryModel::What)).toString(),
                 u"Ledgerly · Owner: Maya Chen → Ravi"_s);
        QCOMPARE(model->data(change.siblingAtColumn(item::HistoryModel::After)).toString(),
                 u"Ravi"_s);
        panel->view()->expandAll();
        test::screenshot(window(), u"history-panel.png"_s);
    }

    void revertIsAStepThatUndoTakesBack()
    {
        ui::HistoryPanel *panel = showPanel();
        item::HistoryModel *model = panel->model();
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        const QString before = workbook()->candidate(ledgerly)->notes;
        QCOMPARE(editor()->changeCandidateField(ledgerly, CandidateField::Notes, u"Call"_s),
                 QString());
        panel->view()->setCurrentIndex(newestChange(model));
        QCOMPARE(panel->revertCurrent(), QString());
        QCOMPARE(workbook()->candidate(ledgerly)->notes, before);
        QCOMPARE(model->step(model->index(0, 0))->kind, HistoryKind::Revert);
        editor()->undoStack()->undo();
        QCOMPARE(workbook()->candidate(ledgerly)->notes, u"Call"_s);

        // A later change to the same field: the earlier one is refused, with the reason.
        QCOMPARE(editor()->changeCandidateField(ledgerly, CandidateField::Notes, u"Mail"_s),
                 QString());
        QModelIndex older;
        for (int row = 0; row < model->rowCount() && !older.isValid(); ++row) {
            const QModelIndex step = model->index(row, 0);
            if (model->step(step)->label.contains(u"notes"_s, Qt::CaseInsensitive) &&
                model->step(step)->kind == HistoryKind::Edit && row > 0)
                older = model->index(0, 0, step);
        }
        QVERIFY(older.isValid());
        panel->view()->setCurrentIndex(older);
        QVERIFY(panel->revertCurrent().contains(u"later change"_s));
        QCOMPARE(workbook()->candidate(ledgerly)->notes, u"Mail"_s);
    }

    void filtersByCandidate()
    {
        ui::HistoryPanel *panel = showPanel();
        item::HistoryModel *model = panel->model();
        QCOMPARE(editor()->changeCandidateField(idOf(u"Cobalt CRM"_s), CandidateField::Owner,
                                                u"Ana"_s),
                 QString());
        QVERIFY(panel->filterByCandidate(u"ledgerly"_s));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex step = model->index(row, 0);
            for (int c = 0; c < model->rowCount(step); ++c)
                QCOMPARE(model->change(model->index(c, 0, step))->owner,
                         workbook()->candidateUid(idOf(u"Ledgerly"_s)));
        }
        QVERIFY(!panel->filterByCandidate(u"Nobody"_s));
        QVERIFY(panel->filterByCandidate({}));
        QCOMPARE(model->data(newestChange(model).siblingAtColumn(item::HistoryModel::What))
                     .toString(),
                 u"Cobalt CRM · Owner: Maya Chen → Ana"_s);
    }

    void readsALongHistoryAPageAtATime()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        for (int i = 0; i < 450; ++i)
            QVERIFY(!workbook()->setCandidateField(id, CandidateField::Notes, QString::number(i)));
        // A model of its own: a view fetches more by itself as it fills.
        auto *model = new item::HistoryModel(workbook(), this);
        QCOMPARE(model->rowCount(), int(item::HistoryModel::kPageSize));
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QCOMPARE(model->rowCount(), int(2 * item::HistoryModel::kPageSize));
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), int(workbook()->historyStepCount()));
        delete model;
        // The tester fetches pages itself while it checks. (Not across a reset: Qt 6.4's
        // tester runs its checks on modelReset before it marks the reset finished, so a
        // page fetched there reads as rows inserted during a reset.)
        item::HistoryModel tested(workbook());
        QAbstractItemModelTester tester(&tested,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(tested.rowCount() > int(item::HistoryModel::kPageSize));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
