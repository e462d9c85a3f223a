// The RACI area, offscreen: picking a partnership, starting a grid, keyboard editing
// (R, A then R, Delete, click to cycle), copy and paste, undo, the problems panel and the
// per-party view. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Messages.h"
#include "item/RaciGridModel.h"
#include "item/WorkbookEditor.h"
#include "raci/RaciGridView.h"
#include "raci/RaciPage.h"
#include "raci/RaciStartPanel.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QListWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestRaciPage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT
    ui::RaciPage *page() const { return window()->raciPage(); }

public:
    TestRaciPage()
        : GuiPageFixture(u"tst_racipage"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(1));
        QVERIFY(page());
    }

    void cleanup() { closeWindow(); }

    void showsTheSampleGridWithItsProblem()
    {
        QVERIFY(page()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        QCOMPARE(page()->model()->rowCount(), 5);
        QVERIFY(page()->problemsList()->count() >= 1);
        QVERIFY(page()->problemsList()->item(0)->text().contains(u"Onboarding"_s));
        QCOMPARE(page()->partiesTree()->topLevelItemCount(), 4);
        // Clicking a problem selects its row.
        emit page()->problemsList()->itemActivated(page()->problemsList()->item(0));
        QCOMPARE(page()->view()->currentIndex().row(), 3);
        test::screenshot(window(), u"raci.png"_s);
    }

    void startAGridAndEditByKeyboard()
    {
        const qint64 id = idOf(u"Fieldnote Media"_s);
        QVERIFY(page()->selectPartner(id));
        QVERIFY(!page()->model()->hasGrid());
        // In place of the grid: start one, or copy one of the partnerships that have one.
        auto *start = page()->findChild<ui::RaciStartPanel *>();
        QVERIFY(start && start->isVisible());
        QCOMPARE(start->findChild<QComboBox *>()->count(),
                 workbook()->candidatesWithRaciGrid().size());
        test::screenshot(window(), u"raci-empty.png"_s);
        QCOMPARE(page()->startWithDefaults(), QString());
        QCOMPARE(page()->model()->rowCount(), 5);
        QCOMPARE(page()->model()->columnCount(), 4);

        auto *view = page()->view();
        view->setFocus();
        view->setCurrentIndex(page()->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_A);
        QCOMPARE(workbook()->raciGrid(id).cell(0, 0), RaciRole::Accountable);
        QTest::keyClick(view, Qt::Key_R); // A then R gives A/R
        QCOMPARE(workbook()->raciGrid(id).cell(0, 0), RaciRole::AccountableResponsible);
        // A range at once.
        view->selectionModel()->select(
            QItemSelection(page()->model()->index(1, 2), page()->model()->index(2, 3)),
            QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(view, Qt::Key_C);
        QCOMPARE(workbook()->raciGrid(id).cell(2, 3), RaciRole::Consulted);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(workbook()->raciGrid(id).cell(2, 3), RaciRole::None);
        // Clicking the current cell again cycles it.
        view->setCurrentIndex(page()->model()->index(4, 1));
        const QRect cell = view->visualRect(page()->model()->index(4, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(workbook()->raciGrid(id).cell(4, 1), RaciRole::Responsible);

        auto *undo = editor()->undoStack();
        const int steps = undo->count();
        undo->undo();
        QCOMPARE(workbook()->raciGrid(id).cell(4, 1), RaciRole::None);
        QCOMPARE(undo->count(), steps);
    }

    void copyAndPasteCells()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        QVERIFY(page()->selectPartner(id));
        auto *view = page()->view();
        view->setFocus();
        view->selectionModel()->select(
            QItemSelection(page()->model()->index(0, 0), page()->model()->index(1, 1)),
            QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), u"A\tR\nA/R\tC\n"_s);
        view->setCurrentIndex(page()->model()->index(4, 3));
        QApplication::clipboard()->setText(u"I\ta/r\n"_s);
        QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(workbook()->raciGrid(id).cell(4, 3), RaciRole::Informed);
        QCOMPARE(workbook()->raciGrid(id).cell(4, 4), RaciRole::AccountableResponsible);
        editor()->undoStack()->undo();
        QCOMPARE(workbook()->raciGrid(id).cell(4, 3), RaciRole::Consulted);

        // Rows and parties by name, with the rules on names.
        QCOMPARE(page()->addActivity(u"Joint webinar"_s), QString());
        QVERIFY(!page()->addActivity(u" joint WEBINAR "_s).isEmpty());
        QCOMPARE(page()->addParty(u"Legal"_s, RaciSide::Ours), QString());
        QCOMPARE(page()->model()->columnCount(), 6);
        QCOMPARE(page()->renameActivity(6, u"Co-hosted webinar"_s), QString());
        QCOMPARE(workbook()->raciGrid(id).activities.last().name, u"Co-hosted webinar"_s);
        QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(page()->removeParty(5), QString());
        QCOMPARE(page()->model()->columnCount(), 5);
    }

    void importAndExport()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        QVERIFY(page()->selectPartner(id));
        const QString out = filePath(u"ledgerly.csv"_s);
        QCOMPARE(page()->exportFile(out), QString());
        QVERIFY(test::readBytes(out).contains("partner:Sofia Ruiz (partnerships)"));
        QVERIFY(page()->selectPartner(idOf(u"Quanta Forms"_s)));
        QCOMPARE(page()->importFile(out, false), QString());
        QCOMPARE(workbook()->raciGrid(idOf(u"Quanta Forms"_s)).activities.size(), 6);

        const QString bad = filePath(u"bad.csv"_s);
        QVERIFY(test::writeBytes(bad, "activity,Us\nLead generation,X\n"));
        const auto before = workbook()->raciGrid(idOf(u"Quanta Forms"_s));
        QVERIFY(page()->importFile(bad, false).contains(u"bad.csv:2: column \"Us\""_s));
        QCOMPARE(workbook()->raciGrid(idOf(u"Quanta Forms"_s)), before);
    }
};

QTEST_MAIN(TestRaciPage)
#include "tst_racipage.moc"
