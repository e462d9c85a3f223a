// The application window, offscreen: the sample on first start, the four work areas,
// menus and shortcuts, undo through the store, read-only and locked workbooks, refusals,
// drag and drop, and remembered geometry. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "AppSettings.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PartnerPicker.h"
#include "WorkbookOpener.h"
#include "WorkbookPropertiesDialog.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "kpi/KpiPage.h"
#include "raci/RaciPage.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QStackedWidget>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::domain::SettingKey;
using pb::ui::MainWindow;

class TestMainWindow : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    static QAction *action(QWidget *window, const QString &text)
    {
        for (QAction *a : window->findChildren<QAction *>()) {
            if (a->text().remove(u'&') == text)
                return a;
        }
        return nullptr;
    }

public:
    TestMainWindow()
        : GuiPageFixture(u"tst_mainwindow"_s)
    {}

private slots:
    void initTestCase()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void cleanup() { closeWindow(); }

    void startsOnTheSample()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(!window.workbook());
        test::screenshot(&window, u"welcome.png"_s);
        QVERIFY(window.openSample());
        QVERIFY(window.workbook());
        QCOMPARE(window.workbook()->path(), io::SampleWorkbook::defaultPath());
        QVERIFY(window.windowTitle().startsWith(u"Sample partner programme.playbook"_s));
        QCOMPARE(window.workbook()->counts().candidates, 30);
        QVERIFY(!window.workbook()->isReadOnly());
        QCOMPARE(window.noticeText(), QString());
        test::screenshot(&window, u"main-window.png"_s);

        window.resize(1920, 1080);
        test::screenshot(&window, u"main-window-large.png"_s);
    }

    void workAreasAndShortcuts()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openWorkbook(makeSample(u"areas.playbook"_s)));
        auto *sidebar = window.findChild<QListWidget *>(u"workAreas"_s);
        QVERIFY(sidebar);
        QCOMPARE(sidebar->count(), 5);
        const QStringList names{u"Candidates"_s, u"RACI"_s, u"KPIs"_s, u"Proposal"_s,
                                u"Programme"_s};
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(sidebar->item(i)->text(), names[i]);
            QAction *go = action(&window, names[i]);
            QVERIFY2(go, qPrintable(names[i]));
            QCOMPARE(go->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            go->trigger();
            QCOMPARE(window.currentArea(), i);
            QCOMPARE(sidebar->currentRow(), i);
        }
        sidebar->setCurrentRow(1);
        QCOMPARE(window.currentArea(), 1);

        QCOMPARE(action(&window, u"New Workbook…"_s)->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(action(&window, u"Open…"_s)->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(action(&window, u"Save a Copy…"_s)->shortcut(),
                 QKeySequence(QKeySequence::SaveAs));
        QCOMPARE(action(&window, u"Close Workbook"_s)->shortcut(),
                 QKeySequence(QKeySequence::Close));
        QCOMPARE(action(&window, u"Quit"_s)->shortcut(), QKeySequence(QKeySequence::Quit));
        const QStringList menus{u"File"_s, u"Edit"_s, u"View"_s, u"Help"_s};
        QStringList seen;
        for (QAction *menu : window.menuBar()->actions())
            seen << menu->text().remove(u'&');
        QCOMPARE(seen, menus);
        QVERIFY(action(&window, u"Open Recent"_s));
        QVERIFY(action(&window, u"About Playbook Workbench"_s));

        // The placeholder pages say what the workbook holds.
        bool mentionsCandidates = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            mentionsCandidates |= label->text().contains(u"30 candidates"_s);
        QVERIFY(mentionsCandidates);
    }

    void undoRedoThroughTheMenu()
    {
        MainWindow window;
        window.show();
        const QString path = makeSample(u"undo.playbook"_s);
        QVERIFY(window.openWorkbook(path));
        const QString before = window.workbook()->setting(SettingKey::Title).toString();
        QAction *undo = action(&window, u"Undo"_s);
        QAction *redo = action(&window, u"Redo"_s);
        QVERIFY(undo && redo);
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(redo->shortcut(), QKeySequence(QKeySequence::Redo));
        QVERIFY(!undo->isEnabled());

        QCOMPARE(window.editor()->changeSettings({{SettingKey::Title, u"Renamed programme"_s}}),
                 QString());
        QVERIFY(undo->isEnabled());
        bool titleShown = false;
        for (QLabel *label : window.findChildren<QLabel *>())
            titleShown |= label->text() == u"Renamed programme"_s;
        QVERIFY(titleShown);

        undo->trigger();
        QCOMPARE(window.workbook()->setting(SettingKey::Title).toString(), before);
        redo->trigger();
        QCOMPARE(window.workbook()->setting(SettingKey::Title).toString(), u"Renamed programme"_s);

        // Closing loses nothing: it was all saved when made.
        window.closeWorkbook();
        QVERIFY(!window.workbook());
        QVERIFY(window.openWorkbook(path));
        QCOMPARE(window.workbook()->setting(SettingKey::Title).toString(), u"Renamed programme"_s);
        QCOMPARE(window.editor()->undoStack()->count(), 0);
    }

    void propertiesDialogShowsEverySetting()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(window.openWorkbook(makeSample(u"properties.playbook"_s)));
        ui::WorkbookPropertiesDialog dialog(window.editor(), false, &window);
        dialog.show();
        const domain::SettingValues values = dialog.values();
        for (SettingKey key : domain::WorkbookSettings::allKeys())
            QCOMPARE(values.value(key), window.workbook()->setting(key));
        test::screenshot(&dialog, u"workbook-properties.png"_s);

        ui::WorkbookPropertiesDialog readOnly(window.editor(), true, &window);
        for (QWidget *field : readOnly.findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(field) || qobject_cast<QComboBox *>(field) ||
                qobject_cast<QDoubleSpinBox *>(field))
                QVERIFY2(!field->isEnabled(), qPrintable(field->toolTip()));
        }
    }

    void readOnlyFileOpensWithNotice()
    {
        const QString path = makeSample(u"read-only.playbook"_s);
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        const test::Fingerprint before = test::fingerprint(path);
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(window.openWorkbook(path));
        QVERIFY(window.workbook()->isReadOnly());
        QVERIFY(window.windowTitle().contains(u"[read-only]"_s));
        QVERIFY2(window.noticeText().contains(u"read-only because the file is read-only"_s),
                 qPrintable(window.noticeText()));
        QVERIFY(!window.editor()->changeSettings({{SettingKey::Title, u"x"_s}}).isEmpty());
        test::screenshot(&window, u"read-only.png"_s);
        window.closeWorkbook();
        QCOMPARE(test::fingerprint(path), before);
    }

    // Values the app never writes are named in the notice bar and kept as they are: the
    // dialog shows the default beside a note, and OK without a change writes nothing.
    void invalidValuesAreNamedAndKept()
    {
        const QString path = makeSample(u"hand-edited.playbook"_s);
        {
            store::SqliteDatabase db;
            QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadWrite));
            QVERIFY(
                db.exec(u"UPDATE settings SET value = 'abc' WHERE key = "
                        u"'weight.audience_overlap';"
                        u"UPDATE candidates SET stage = 'exploded' WHERE name = 'Cobalt CRM'"_s));
        }
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(window.openWorkbook(path));
        const QString notice = window.noticeText();
        QVERIFY2(notice.contains(u"2 values this version never writes"_s), qPrintable(notice));
        QVERIFY2(notice.contains(u"\"weight.audience_overlap\", value: \"abc\""_s) &&
                     notice.contains(u"the default (1) is used"_s),
                 qPrintable(notice));
        QVERIFY2(notice.contains(u"\"Cobalt CRM\", stage: \"exploded\""_s), qPrintable(notice));
        test::screenshot(&window, u"invalid-values.png"_s);

        ui::WorkbookPropertiesDialog dialog(window.editor(), false, &window);
        dialog.show();
        QVERIFY(!dialog.findChildren<QLabel *>().isEmpty());
        bool noted = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            noted = noted || (label->isVisible() && label->text().contains(u"\"abc\""_s));
        QVERIFY(noted);
        test::screenshot(&dialog, u"workbook-properties-invalid.png"_s);
        dialog.accept();
        QCOMPARE(window.workbook()->invalidValues().size(), 2);
        window.closeWorkbook();
        store::SqliteDatabase db;
        QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadOnly));
        QCOMPARE(db.scalar(u"SELECT value FROM settings WHERE key = 'weight.audience_overlap'"_s)
                     .toString(),
                 u"abc"_s);
        QCOMPARE(db.scalar(u"SELECT stage FROM candidates WHERE name = 'Cobalt CRM'"_s).toString(),
                 u"exploded"_s);
    }

    void lockedWorkbookOffersReadOnly()
    {
        const QString path = makeSample(u"held.playbook"_s);
        QProcess holder;
        QVERIFY(test::startLockHolder(holder, path));
        MainWindow window;
        window.show();

        ui::WorkbookOpener::setLockQuestionForTesting([](const store::StoreError &error) {
            return error.holder.sameHost ? ui::WorkbookOpener::LockAnswer::Cancel
                                         : ui::WorkbookOpener::LockAnswer::BreakLock;
        });
        QVERIFY(!window.openWorkbook(path));
        QVERIFY(!window.workbook());

        ui::WorkbookOpener::setLockQuestionForTesting(
            [](const store::StoreError &) { return ui::WorkbookOpener::LockAnswer::ReadOnly; });
        QVERIFY(window.openWorkbook(path));
        QVERIFY(window.workbook()->isReadOnly());
        QVERIFY2(window.noticeText().contains(QString::number(holder.processId())),
                 qPrintable(window.noticeText()));
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
    }

    void refusedFileKeepsTheCurrentWorkbook()
    {
        MainWindow window;
        window.show();
        const QString good = makeSample(u"good.playbook"_s);
        QVERIFY(window.openWorkbook(good));
        const QString bad = filePath(u"notes.playbook"_s);
        QVERIFY(test::writeBytes(bad, "not a workbook"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"notes.playbook.*not a Playbook"_s));
        QVERIFY(!window.openWorkbook(bad));
        QCOMPARE(window.workbook()->path(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(test::readBytes(bad), QByteArray("not a workbook"));
    }

    void dropOpensWorkbook()
    {
        MainWindow window;
        window.show();
        const QString path = makeSample(u"dropped.playbook"_s);
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_VERIFY(window.workbook());
        QCOMPARE(window.workbook()->path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(ui::AppSettings::recentFiles().first(), QFileInfo(path).absoluteFilePath());
    }

    // Issue 21, item 11: reopening a workbook shows the area shown last, and in each area the
    // partnership shown last there (kept per workbook in the settings).
    void reopensOnTheLastAreaAndPartner()
    {
        const QString path = makeSample(u"reopen.playbook"_s);
        qint64 ledgerly = 0, brightpath = 0;
        const auto pick = [](ui::PartnerPicker *picker, const QString &typed) {
            picker->lineEdit()->setFocus();
            picker->lineEdit()->selectAll();
            QTest::keyClicks(picker->lineEdit(), typed);
            QTest::keyClick(static_cast<QWidget *>(nullptr), Qt::Key_Return);
        };
        {
            MainWindow window;
            window.resize(1366, 768);
            window.show();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QVERIFY(window.openWorkbook(path));
            ledgerly = window.workbook()->candidateIdByName(u"Ledgerly"_s).value_or(0);
            brightpath =
                window.workbook()->candidateIdByName(u"Brightpath Consulting"_s).value_or(0);
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            QCOMPARE(window.currentArea(), 1);
            pick(window.raciPage()->partnerPicker(), u"Brightp"_s);
            QTRY_COMPARE(window.raciPage()->currentPartner(), brightpath);
            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            QCOMPARE(window.kpiPage()->currentPartner(), brightpath); // partnerships first
            pick(window.kpiPage()->partnerPicker(), u"Ledg"_s);
            QTRY_COMPARE(window.kpiPage()->currentPartner(), ledgerly);
            window.close();
        }
        MainWindow again;
        again.resize(1366, 768);
        again.show();
        QVERIFY(again.openWorkbook(path));
        QCOMPARE(again.currentArea(), 2);
        QApplication::processEvents();
        QCOMPARE(again.kpiPage()->currentPartner(), ledgerly);
        again.showArea(1);
        QApplication::processEvents();
        QCOMPARE(again.raciPage()->currentPartner(), brightpath);
        // Another workbook keeps its own: the sample's default there.
        QVERIFY(again.openWorkbook(makeSample(u"other.playbook"_s)));
        again.showArea(2);
        QApplication::processEvents();
        QCOMPARE(again.kpiPage()->currentPartner(), brightpath);
    }

    void geometryIsRemembered()
    {
        {
            MainWindow window;
            window.show();
            window.resize(1001, 701);
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(1001, 701));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
