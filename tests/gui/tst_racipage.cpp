// The RACI area, offscreen: picking a partnership, starting a grid, keyboard editing
// (R, A then R, Delete, click to cycle), copy and paste, undo, the problems panel and the
// per-party view. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "FileDialogs.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Messages.h"
#include "PartnerPicker.h"
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
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
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

    void cleanup()
    {
        closeWindow();
        QCOMPARE(ambiguousShortcuts(), QStringList());
    }

    void showsTheSampleGridWithItsProblem()
    {
        QVERIFY(page()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        QCOMPARE(page()->model()->rowCount(), 5);
        QVERIFY(page()->problemsList()->count() >= 1);
        QVERIFY(page()->problemsList()->item(0)->text().contains(u"Onboarding"_s));
        for (const RaciParty &party :
             workbook()->raciGrid(idOf(u"Brightpath Consulting"_s)).parties)
            QVERIFY2(page()->partiesText()->text().contains(party.name.toHtmlEscaped()),
                     qPrintable(party.name));
        // Clicking a problem selects its row.
        emit page()->problemsList()->itemActivated(page()->problemsList()->item(0));
        QCOMPARE(page()->view()->currentIndex().row(), 3);
        test::screenshot(window(), u"raci-problem.png"_s);
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
        // The first click selects a cell (also one made current by the keyboard); clicking
        // it again cycles it.
        view->setCurrentIndex(page()->model()->index(4, 1));
        const QRect cell = view->visualRect(page()->model()->index(4, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(workbook()->raciGrid(id).cell(4, 1), RaciRole::None);
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

        // As an .xlsx workbook, chosen by the file's name.
        QVERIFY(page()->selectPartner(id));
        const QString sheet = filePath(u"ledgerly.xlsx"_s);
        QCOMPARE(page()->exportFile(sheet), QString());
        QVERIFY(test::readBytes(sheet).startsWith("PK"));
        QVERIFY(page()->selectPartner(idOf(u"Fieldnote Media"_s)));
        QCOMPARE(page()->importFile(sheet, false), QString());
        QCOMPARE(workbook()->raciGrid(idOf(u"Fieldnote Media"_s)).activities.size(), 6);
    }

    // Issue 21, item 4: on a new grid, the first click on the cell the grid starts on selects
    // it; only a second click on it cycles its value.
    void firstClickOnANewGridOnlySelects()
    {
        const qint64 id = idOf(u"Fieldnote Media"_s); // a partnership with no grid yet
        QVERIFY(page()->selectPartner(id));
        auto *start = page()->findChild<ui::RaciStartPanel *>();
        QPushButton *defaults = nullptr;
        for (QPushButton *button : start->findChildren<QPushButton *>()) {
            if (button->text().contains(u"Default"_s))
                defaults = button;
        }
        QVERIFY(defaults);
        QTest::mouseClick(defaults, Qt::LeftButton);
        QVERIFY(page()->model()->hasGrid());
        auto *view = page()->view();
        QVERIFY(view->isVisible());
        view->setFocus(); // the view makes the first cell current, as on a first look
        const QModelIndex first = page()->model()->index(0, 0);
        QTRY_COMPARE(view->currentIndex(), first);
        const QPoint center = view->visualRect(first).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(workbook()->raciGrid(id).cell(0, 0), RaciRole::None);
        QCOMPARE(view->currentIndex(), first);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(workbook()->raciGrid(id).cell(0, 0), RaciRole::Responsible);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QCOMPARE(workbook()->raciGrid(id).cell(0, 0), RaciRole::Accountable);
    }

    // Issue 21, item 5: typing in the partner search and pressing Enter opens the best match.
    void enterInThePartnerSearchOpensTheBestMatch()
    {
        auto *picker = page()->partnerPicker();
        QLineEdit *search = picker->lineEdit();
        search->setFocus();
        search->selectAll();
        QTest::keyClicks(search, u"Everg"_s);
        // Enter goes where the keyboard is: the completions' popup while it shows.
        QTest::keyClick(static_cast<QWidget *>(nullptr), Qt::Key_Return);
        QTRY_COMPARE(page()->currentPartner(), idOf(u"Evergreen Capital"_s));
        QCOMPARE(picker->currentName(), u"Evergreen Capital"_s);
        // A part of the name: the first that starts with it, else the first containing it.
        search->selectAll();
        QTest::keyClicks(search, u"cobalt"_s);
        QTest::keyClick(static_cast<QWidget *>(nullptr), Qt::Key_Enter);
        QTRY_COMPARE(page()->currentPartner(), idOf(u"Cobalt CRM"_s));
        QCOMPARE(picker->bestMatch(u"ridge"_s), u"Ironbridge Partners"_s);
        QCOMPARE(picker->bestMatch(u"no such partner"_s), QString());
    }

    // Issue 21, item 8: an import says what it did, in the status bar and the undo step.
    void importSaysWhatItDid()
    {
        const QString csv = filePath(u"grid.csv"_s);
        QVERIFY(test::writeBytes(csv, "activity,Us,partner:Them\nLead generation,A/R,C\n"
                                      "Onboarding,I,A/R\n"));
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        ui::FileDialogs::setAnswerForTesting(
            [csv](const ui::FileDialogs::Request &) { return csv; });
        ui::Messages::setConfirmAnswerForTesting(true);
        page()->view()->setFocus();
        QTest::keyClick(page()->view(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(workbook()->raciGrid(idOf(u"Ledgerly"_s)).activities.size(), 2);
        const QString status = window()->statusBar()->currentMessage();
        QVERIFY2(status.contains(u"Imported grid.csv for Ledgerly: 2 activities, 2 parties, in "
                                 u"place of 6 activities, 5 parties"_s),
                 qPrintable(status));
        QCOMPARE(editor()->undoStack()->undoText(), u"Import grid.csv (2 activities, 2 parties)"_s);
    }
};

QTEST_MAIN(TestRaciPage)
#include "tst_racipage.moc"
