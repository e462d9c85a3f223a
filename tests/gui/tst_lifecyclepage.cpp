// The Proposal area's Lifecycle tab, offscreen: the sample's reseller pilot shows its
// retrospective due, Space moves an item to its next status as one undo step, the
// retrospective's decision sets the stage (one undo step, the same step as the KPI area's
// Record Review…) and shows the exit list, and the ended sample partnership has its exit
// done. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/CandidatesPage.h"
#include "item/ChecklistModel.h"
#include "item/WorkbookEditor.h"
#include "kpi/KpiPage.h"
#include "kpi/ReviewDialog.h"
#include "proposal/LifecyclePanel.h"
#include "proposal/ProposalPage.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestLifecyclePage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    ui::ProposalPage *page() const { return window()->proposalPage(); }
    ui::LifecyclePanel *panel() const { return page()->lifecycle(); }
    QUndoStack *undo() const { return editor()->undoStack(); }

    // Shows the Lifecycle tab of a partner.
    bool show(const QString &partner)
    {
        if (!page()->selectPartner(idOf(partner)))
            return false;
        page()->tabs()->setCurrentWidget(panel());
        QCoreApplication::processEvents();
        return panel()->isVisible() && panel()->candidate() == idOf(partner);
    }

public:
    TestLifecyclePage()
        : GuiPageFixture(u"tst_lifecyclepage"_s)
    {}

private slots:
    void init() { QVERIFY(openSampleAt(3)); }

    void cleanup()
    {
        QCOMPARE(ambiguousShortcuts(), QStringList());
        closeWindow();
    }

    void pilotShowsItsRetrospectiveDue()
    {
        QVERIFY(show(u"Brightpath Consulting"_s));
        QVERIFY2(panel()->findingCodes().contains(u"pilot.retro_due"_s),
                 qPrintable(panel()->findingCodes().join(u' ')));
        QVERIFY(panel()->retrospectiveLabel()->text().contains(u"retrospective is due"_s));
        QVERIFY(panel()->lists()->tabText(0).contains(u'/'));
        test::screenshot(window(), u"lifecycle-brightpath.png"_s);
    }

    void spaceCyclesAStatus()
    {
        QVERIFY(show(u"Brightpath Consulting"_s));
        QTableView *table = panel()->table(ChecklistKind::Contract);
        item::ChecklistModel *model = panel()->model(ChecklistKind::Contract);
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            if (model->data(model->index(r, 0), item::ChecklistModel::StatusRole) == u"open"_s)
                row = r;
        }
        QVERIFY(row >= 0);
        table->setFocus();
        table->setCurrentIndex(model->index(row, 0));
        const int steps = undo()->count();
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(model->data(model->index(row, 0), item::ChecklistModel::StatusRole).toString(),
                 u"agreed"_s);
        QCOMPARE(undo()->count(), steps + 1);
        QTest::keyClick(table, Qt::Key_Space, Qt::ShiftModifier);
        QCOMPARE(model->data(model->index(row, 0), item::ChecklistModel::StatusRole).toString(),
                 u"open"_s);
        undo()->undo();
        undo()->undo();
        QCOMPARE(model->data(model->index(row, 0), item::ChecklistModel::StatusRole).toString(),
                 u"open"_s);
        QVERIFY(workbook()
                    ->checklist(idOf(u"Brightpath Consulting"_s), ChecklistKind::Contract)
                    .size() < model->rowCount());
    }

    void retrospectiveEndsThePilot()
    {
        const qint64 id = idOf(u"Brightpath Consulting"_s);
        QVERIFY(show(u"Brightpath Consulting"_s));
        panel()->lists()->setCurrentIndex(0);
        Review review{0, QDate::currentDate(), ReviewDecision::End, u"Ended"_s};
        review.worked = u"Joint webinars"_s;
        review.didNotWork = u"Cold outreach"_s;
        const int steps = undo()->count();
        QCOMPARE(panel()->recordRetrospective(review), QString());
        QCOMPARE(undo()->count(), steps + 1);
        QCOMPARE(workbook()->candidate(id)->stage, Stage::Ended);
        QCOMPARE(panel()->lists()->currentIndex(), int(ChecklistKind::Exit));
        QVERIFY(panel()->findingCodes().contains(u"exit.open_items"_s));
        QVERIFY(!panel()->findingCodes().contains(u"pilot.retro_due"_s));
        QVERIFY(panel()->retrospectiveLabel()->text().contains(u"Joint webinars"_s));
        test::screenshot(window(), u"lifecycle-ended.png"_s);
        undo()->undo();
        QCOMPARE(workbook()->candidate(id)->stage, Stage::Pilot);
        QVERIFY(panel()->findingCodes().contains(u"pilot.retro_due"_s));

        // The KPI area's Record Review… is the same step.
        QVERIFY(window()->kpiPage()->selectPartner(id));
        QCOMPARE(window()->kpiPage()->recordReview(
                     {0, QDate::currentDate(), ReviewDecision::Pause, u"Paused"_s}),
                 QString());
        QCOMPARE(workbook()->candidate(id)->stage, Stage::Paused);
        undo()->undo();
        QCOMPARE(workbook()->candidate(id)->stage, Stage::Pilot);
    }

    // Alt+R opens the review dialog on "scale", with the KPIs beside the decision; Enter
    // records it and the stage follows.
    void retrospectiveDialogByKeyboard()
    {
        const qint64 id = idOf(u"Brightpath Consulting"_s);
        QVERIFY(show(u"Brightpath Consulting"_s));
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        panel()->table(ChecklistKind::Contract)->setFocus();
        QString kpis;
        // The mnemonic clicks the button a moment later; the dialog is answered once it shows.
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [this, &kpis, &poll] {
            auto *dialog = qobject_cast<ui::ReviewDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            kpis = dialog->kpisLabel()->text();
            const auto edits = dialog->findChildren<QPlainTextEdit *>();
            for (QPlainTextEdit *edit : edits)
                edit->setPlainText(u"Answered"_s);
            test::screenshot(dialog, u"lifecycle-retrospective-dialog.png"_s);
            QTest::keyClick(dialog->findChild<QDateEdit *>(), Qt::Key_Return);
        });
        poll.start();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY2(kpis.startsWith(u"KPIs on"_s), qPrintable(kpis));
        QTRY_COMPARE(workbook()->candidate(id)->stage, Stage::Scaled);
        const QList<Review> reviews = workbook()->partnershipKpis(id).reviews;
        QCOMPARE(reviews.last().worked, u"Answered"_s);
        QCOMPARE(reviews.last().toChange, u"Answered"_s);
    }

    // The ended integration's learnings show on the next integration partner, and on itself.
    void learningsShowInTheDetailPane()
    {
        ui::CandidatesPage *candidates = window()->candidatesPage();
        candidates->selectCandidate(idOf(u"Cobalt CRM"_s));
        QCoreApplication::processEvents();
        const QString next = candidates->detailPane()->learningsLabel()->text();
        QVERIFY2(next.contains(u"Learned with Willow Health Analytics: Health-data"_s),
                 qPrintable(next));
        test::screenshot(candidates->detailPane(), u"lifecycle-learnings.png"_s);
        candidates->selectCandidate(idOf(u"Willow Health Analytics"_s));
        QVERIFY(candidates->detailPane()->learningsLabel()->text().startsWith(u"Learnings: "_s));
        candidates->selectCandidate(idOf(u"Brightpath Consulting"_s)); // a reseller
        QVERIFY(candidates->detailPane()->learningsLabel()->text().isEmpty());
    }

    void endedPartnershipHasItsExitDone()
    {
        QVERIFY(show(u"Willow Health Analytics"_s));
        QCOMPARE(panel()->lists()->currentIndex(), int(ChecklistKind::Exit));
        QVERIFY(!panel()->findingCodes().contains(u"exit.open_items"_s));
        item::ChecklistModel *model = panel()->model(ChecklistKind::Exit);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->data(model->index(r, 0), item::ChecklistModel::StatusRole) != u"open"_s);
        test::screenshot(window(), u"lifecycle-exit.png"_s);
    }
};

QTEST_MAIN(TestLifecyclePage)
#include "tst_lifecyclepage.moc"
