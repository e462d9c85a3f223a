// Where file dialogs start (issue 21, item 3): in the last folder used for that kind of file,
// else the open workbook's folder, else Documents, never the hidden data folder the sample
// workbook lives in; the folder chosen is remembered per kind. Native dialogs cannot be
// driven offscreen, so FileDialogs answers by script: each dialog of the app is opened the
// way a user opens it (keys, clicks) and the test checks what it was asked to show.
#include "FileDialogs.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/CandidatesPage.h"
#include "candidates/OverlapDialog.h"
#include "io/SampleWorkbook.h"
#include "kpi/KpiPage.h"
#include "proposal/ProposalPage.h"
#include "raci/RaciPage.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDirIterator>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace pb;
using Kind = ui::FileDialogs::Kind;
using Request = ui::FileDialogs::Request;

class TestFileDialogs : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    QList<Request> m_asked;
    QString m_answer; // what the scripted dialog returns

    QString folderOfWorkbook() const { return QFileInfo(workbook()->path()).absolutePath(); }

    static QString documents()
    {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileInfo(folder).isDir() ? folder : QDir::homePath();
    }

    // A button of the window (or a dialog) by its text, clicked with the mouse.
    static void click(QWidget *in, const QString &text)
    {
        for (QAbstractButton *button : in->findChildren<QAbstractButton *>()) {
            if (button->isVisible() && button->text().remove(u'&') == text) {
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
        QFAIL(qPrintable(u"no button \"%1\""_s.arg(text)));
    }

    Request lastAsked() const { return m_asked.value(m_asked.size() - 1); }

    void showArea(int area)
    {
        window()->activateWindow(); // again, after a dialog
        QVERIFY(QTest::qWaitForWindowActive(window()));
        QTest::keyClick(window(), Qt::Key(Qt::Key_1 + area), Qt::ControlModifier);
        QCOMPARE(window()->currentArea(), area);
    }

public:
    TestFileDialogs()
        : GuiPageFixture(u"tst_filedialogs"_s)
    {}

private slots:
    // A home of the test's own, so that Documents (~/Documents: test mode ignores the user's
    // folder settings) and the sample's data folder are in the temporary folder, and no test
    // writes to the user's own Documents.
    void initTestCase()
    {
        qputenv("HOME", filePath(u"home"_s).toUtf8());
        QDir().mkpath(filePath(u"home/Documents"_s));
        QCOMPARE(documents(), filePath(u"home/Documents"_s));
    }

    void init()
    {
        QVERIFY(openSampleAt(0));
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        m_asked.clear();
        m_answer.clear();
        ui::FileDialogs::setAnswerForTesting([this](const Request &request) {
            m_asked.append(request);
            return m_answer;
        });
    }

    void cleanup()
    {
        closeWindow();
        QSettings().clear();
        QCOMPARE(ambiguousShortcuts(), QStringList());
    }

    // The rule itself, for each kind.
    void startFolderRule()
    {
        const QString workbookFolder = folderOfWorkbook();
        for (Kind kind : {Kind::Workbook, Kind::Import, Kind::Export, Kind::Pdf}) {
            QCOMPARE(ui::FileDialogs::startFolder(kind, workbook()->path()), workbookFolder);
            // Without a workbook: Documents, but workbooks where the last one was opened.
            QCOMPARE(ui::FileDialogs::startFolder(kind, {}),
                     kind == Kind::Workbook ? workbookFolder : documents());
        }
        // The sample in the app's data folder: Documents, never the data folder.
        const QString sample = io::SampleWorkbook::defaultPath();
        QVERIFY(
            sample.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Pdf, sample), documents());

        // A folder chosen is remembered for that kind only, in the settings.
        QDir(workbookFolder).mkpath(u"exports"_s);
        const QString exports = QDir(workbookFolder).filePath(u"exports"_s);
        ui::FileDialogs::remember(Kind::Export, exports + u"/list.csv"_s);
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Export, workbook()->path()), exports);
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Import, workbook()->path()), workbookFolder);
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Pdf, workbook()->path()), workbookFolder);
        QCOMPARE(QSettings().value(u"files/lastExportFolder"_s).toString(), exports);
        // A hidden folder is never remembered, nor used if it was.
        ui::FileDialogs::remember(Kind::Pdf, QFileInfo(sample).absolutePath() + u"/x.pdf"_s);
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Pdf, workbook()->path()), workbookFolder);
        QSettings().setValue(u"files/lastPdfFolder"_s, QFileInfo(sample).absolutePath());
        QCOMPARE(ui::FileDialogs::startFolder(Kind::Pdf, workbook()->path()), workbookFolder);
    }

    // Every dialog of the app asks the helper, with the kind it should and the workbook's
    // folder (with a suggested name when saving).
    void everyDialogStartsWhereTheRuleSays()
    {
        const QString folder = folderOfWorkbook();
        const auto expect = [&](Kind kind, const QString &title, const QString &start) {
            QVERIFY2(!m_asked.isEmpty(), qPrintable(title));
            QCOMPARE(lastAsked().title, title);
            QCOMPARE(int(lastAsked().kind), int(kind));
            QCOMPARE(lastAsked().start, start);
            m_asked.clear();
        };
        QTest::keyClick(window(), Qt::Key_I, Qt::ControlModifier);
        expect(Kind::Import, u"Import Candidates"_s, folder);
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        expect(Kind::Export, u"Export Candidates"_s,
               folder + u"/Northwind Analytics — 2027 partner programme candidates.csv"_s);
        QTest::keyClick(window(), Qt::Key_O, Qt::ControlModifier);
        expect(Kind::Workbook, u"Open Workbook"_s, folder);
        QTest::keyClick(window(), Qt::Key_N, Qt::ControlModifier);
        expect(Kind::Workbook, u"New Workbook"_s, folder + u"/Partner programme.playbook"_s);

        // The overlap dialog's three Browse… buttons, from the detail pane.
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!qobject_cast<ui::OverlapDialog *>(dialog))
                return;
            for (QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
                if (button->text() == u"Browse…"_s)
                    QTest::mouseClick(button, Qt::LeftButton);
            }
            static_cast<QDialog *>(dialog)->reject();
        });
        click(window()->candidatesPage()->detailPane(), u"Measure Audience Overlap…"_s);
        QCOMPARE(m_asked.size(), 3);
        expect(Kind::Import, u"Key File"_s, folder);

        showArea(1);
        QVERIFY(window()->raciPage()->selectPartner(idOf(u"Ledgerly"_s)));
        click(window()->raciPage(), u"Import…"_s);
        expect(Kind::Import, u"Import RACI Grid"_s, folder);
        click(window()->raciPage(), u"Export…"_s);
        expect(Kind::Export, u"Export RACI Grid"_s, folder + u"/Ledgerly RACI.csv"_s);

        showArea(2);
        QVERIFY(window()->kpiPage()->selectPartner(idOf(u"Ledgerly"_s)));
        click(window()->kpiPage(), u"Import…"_s);
        expect(Kind::Import, u"Import KPI Values"_s, folder);
        click(window()->kpiPage(), u"Export…"_s);
        expect(Kind::Export, u"Export KPI Values"_s, folder + u"/Ledgerly KPIs.csv"_s);
        click(window()->kpiPage(), u"Export Chart…"_s);
        expect(Kind::Export, u"Export Chart"_s,
               folder + u"/Ledgerly — Partner-sourced revenue.png"_s);

        showArea(3);
        QVERIFY(window()->proposalPage()->selectPartner(idOf(u"Ledgerly"_s)));
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        expect(Kind::Pdf, u"Export Proposal"_s, folder + u"/Ledgerly proposal.pdf"_s);
        click(window()->proposalPage(), u"Choose Logo…"_s);
        expect(Kind::Import, u"Choose Logo"_s, folder);

        // Save a Copy, from the File menu with the mouse.
        QMenu *file = window()->menuBar()->actions().first()->menu();
        file->popup(window()->mapToGlobal(QPoint(10, 30)));
        QAction *saveCopy = nullptr;
        for (QAction *action : file->actions()) {
            if (action->text().remove(u'&') == u"Save a Copy…"_s)
                saveCopy = action;
        }
        QVERIFY(saveCopy);
        QTest::mouseClick(file, Qt::LeftButton, {}, file->actionGeometry(saveCopy).center());
        expect(Kind::Workbook, u"Save a Copy"_s,
               folder + u'/' + QFileInfo(workbook()->path()).completeBaseName() +
                   u" copy.playbook"_s);
    }

    // The case: the sample lives in the hidden data folder; accepting the suggested
    // name for a proposal PDF must save it where the user will find it, and the next PDF
    // starts in the folder used for the last one, while imports start elsewhere.
    void acceptingTheSuggestionSavesWhereTheUserLooks()
    {
        QVERIFY(window()->openSample());
        QVERIFY(workbook()->path().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        showArea(3);
        QVERIFY(window()->proposalPage()->selectPartner(idOf(u"Ledgerly"_s)));
        ui::FileDialogs::setAnswerForTesting([this](const Request &request) {
            m_asked.append(request);
            return request.start; // the user accepts the suggested name
        });
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        const QString pdf = documents() + u"/Ledgerly proposal.pdf"_s;
        QCOMPARE(lastAsked().start, pdf);
        QVERIFY(QFileInfo::exists(pdf));

        const QString elsewhere = filePath(u"pdfs/Ledgerly.pdf"_s);
        QDir().mkpath(QFileInfo(elsewhere).absolutePath());
        ui::FileDialogs::setAnswerForTesting([this, elsewhere](const Request &request) {
            m_asked.append(request);
            return elsewhere;
        });
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(QFileInfo::exists(elsewhere));
        m_answer.clear();
        ui::FileDialogs::setAnswerForTesting([this](const Request &request) {
            m_asked.append(request);
            return QString();
        });
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(lastAsked().start,
                 QFileInfo(elsewhere).absolutePath() + u"/Ledgerly proposal.pdf"_s);
        showArea(1);
        QTest::keyClick(window(), Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(lastAsked().start, documents());
    }

    // A name typed without an extension gets the format's.
    void aNameWithoutExtensionGetsOne()
    {
        m_answer = filePath(u"ranked"_s);
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(QFileInfo::exists(filePath(u"ranked.csv"_s)));
    }

    // No page or dialog opens a QFileDialog of its own: they all go through the helper.
    void noOtherCallerOfQFileDialog()
    {
        QDirIterator it(QStringLiteral(PLAYBOOK_SOURCE_DIR) + u"/ui"_s, {u"*.cpp"_s, u"*.h"_s},
                        QDir::Files, QDirIterator::Subdirectories);
        QStringList callers;
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            ++files;
            if (QFileInfo(path).baseName() == u"FileDialogs"_s)
                continue;
            if (test::readBytes(path).contains("QFileDialog"))
                callers.append(QFileInfo(path).fileName());
        }
        QVERIFY(files > 50);
        QCOMPARE(callers, QStringList());
    }
};

QTEST_MAIN(TestFileDialogs)
#include "tst_filedialogs.moc"
