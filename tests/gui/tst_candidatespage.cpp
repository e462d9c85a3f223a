// The Candidates area, offscreen: the ranked table, editing in place with Enter moving
// down, add and delete with undo, copy and paste, CSV import and export, the weights
// panel and the detail pane's stage gates. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "FileDialogs.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Messages.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/CandidateTableView.h"
#include "candidates/CandidateTransfer.h"
#include "candidates/CandidatesPage.h"
#include "candidates/StructureChooserDialog.h"
#include "candidates/VettingPanel.h"
#include "candidates/WeightsPanel.h"
#include "io/CandidateCsv.h"
#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::item::CandidateTableModel;

class TestCandidatesPage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT
    ui::CandidatesPage *page() const { return window()->candidatesPage(); }

    QModelIndex proxyIndexOf(const QString &name, int column) const
    {
        auto *proxy = page()->proxy();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, column);
            if (proxy->index(row, CandidateTableModel::NameColumn).data().toString() == name)
                return index;
        }
        return {};
    }

    std::optional<Candidate> stored(const QString &name) const
    {
        for (const Candidate &c : workbook()->candidates()) {
            if (c.name == name)
                return c;
        }
        return std::nullopt;
    }

public:
    TestCandidatesPage()
        : GuiPageFixture(u"tst_candidatespage"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(0));
        QVERIFY(page());
    }

    void cleanup()
    {
        closeWindow();
        QCOMPARE(ambiguousShortcuts(), QStringList());
    }

    void showsTheRankedSample()
    {
        auto *view = page()->view();
        QCOMPARE(view->model()->rowCount(), 30);
        QCOMPARE(view->model()->index(0, CandidateTableModel::NameColumn).data().toString(),
                 u"Ledgerly"_s);
        QVERIFY(view->model()
                    ->index(0, CandidateTableModel::RankColumn)
                    .data()
                    .toString()
                    .startsWith(u"★"_s));
        QVERIFY(page()->weightsPanel()->stabilityText().contains(u"top 3"_s));
        test::screenshot(window(), u"candidates-ranked.png"_s);
        window()->resize(1920, 1080);
        test::screenshot(window(), u"candidates-large.png"_s);
    }

    void editInPlaceEnterMovesDown()
    {
        auto *view = page()->view();
        const QModelIndex cell = proxyIndexOf(u"Quanta Forms"_s, CandidateTableModel::StageColumn);
        QVERIFY(cell.isValid());
        view->setCurrentIndex(cell);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto *combo = view->findChild<QComboBox *>();
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(u"qualified"_s));
        QTest::keyClick(combo, Qt::Key_Return);
        // The delegate commits after the key event returns.
        QTRY_COMPARE(stored(u"Quanta Forms"_s)->stage, Stage::Qualified);
        QTRY_COMPARE(view->currentIndex().row(), cell.row() + 1);

        editor()->undoStack()->undo();
        QCOMPARE(stored(u"Quanta Forms"_s)->stage, Stage::Sourced);
    }

    // A stage this version does not know is shown as stored, and the stage editor keeps
    // it unless another stage is chosen.
    void unknownStageIsShownAndKept()
    {
        const QString path = workbook()->path();
        window()->closeWorkbook();
        {
            store::SqliteDatabase db;
            QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadWrite));
            QVERIFY(
                db.exec(u"UPDATE candidates SET stage = 'exploded' WHERE name = 'Quanta Forms'"_s));
        }
        QVERIFY(window()->openWorkbook(path));
        QApplication::processEvents();
        auto *view = page()->view();
        const QModelIndex cell = proxyIndexOf(u"Quanta Forms"_s, CandidateTableModel::StageColumn);
        QCOMPARE(cell.data().toString(), u"⚠ exploded"_s);
        view->setCurrentIndex(cell);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto *combo = view->findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), u"⚠ exploded"_s);
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_COMPARE(view->currentIndex().row(), cell.row() + 1);
        QCOMPARE(stored(u"Quanta Forms"_s)->unknownStage, u"exploded"_s);
        QCOMPARE(editor()->undoStack()->count(), 0);
    }

    void addAndDeleteWithUndo()
    {
        auto *view = page()->view();
        view->setFocus();
        page()->addCandidate();
        QCOMPARE(page()->model()->rowCount(), 31);
        QVERIFY(stored(u"New candidate"_s));
        QVERIFY(view->findChild<QLineEdit *>()); // straight into editing the name
        QTest::keyClick(view->findChild<QLineEdit *>(), Qt::Key_Escape);

        ui::Messages::setConfirmAnswerForTesting(false);
        view->setCurrentIndex(proxyIndexOf(u"New candidate"_s, CandidateTableModel::NameColumn));
        page()->deleteSelection();
        QCOMPARE(page()->model()->rowCount(), 31); // declined

        ui::Messages::setConfirmAnswerForTesting(true);
        view->setCurrentIndex(proxyIndexOf(u"Quanta Forms"_s, CandidateTableModel::NameColumn));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(page()->model()->rowCount(), 30);
        QVERIFY(!stored(u"Quanta Forms"_s));
        editor()->undoStack()->undo();
        QVERIFY(stored(u"Quanta Forms"_s));
    }

    void copyAndPasteRows()
    {
        auto *view = page()->view();
        view->setCurrentIndex(proxyIndexOf(u"Ledgerly"_s, CandidateTableModel::NameColumn));
        page()->copySelection();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.startsWith(u"name\twebsite\tstructure"_s));
        QVERIFY(copied.contains(u"Ledgerly\tledgerly.io\tintegration\t5\t4\t4"_s));

        // Rows from a spreadsheet, without a header: the copy order is assumed.
        QVERIFY(page()->pasteText(
            u"Zenith Labs\tzenith.io\treferral\t4\t4\t4\nLedgerly\t\t\t\t\t5\n"_s));
        QVERIFY(stored(u"Zenith Labs"_s));
        QCOMPARE(stored(u"Zenith Labs"_s)->structure, Structure::Referral);
        QCOMPARE(stored(u"Ledgerly"_s)->easeOfIntegration, std::optional<int>(5));
        QCOMPARE(stored(u"Ledgerly"_s)->audienceOverlap, std::optional<int>(5));
        editor()->undoStack()->undo(); // the whole paste is one step
        QVERIFY(!stored(u"Zenith Labs"_s));
        QCOMPARE(stored(u"Ledgerly"_s)->easeOfIntegration, std::optional<int>(4));
    }

    void importAndExport()
    {
        const QString good = filePath(u"good.csv"_s);
        QVERIFY(test::writeBytes(good, "name;stage;audience overlap\nNew One;qualified;4\n"
                                       "ledgerly;;3\n"));
        QVERIFY(page()->importFile(good));
        QCOMPARE(stored(u"New One"_s)->stage, Stage::Qualified);
        QCOMPARE(stored(u"Ledgerly"_s)->audienceOverlap, std::optional<int>(3));

        const QString bad = filePath(u"bad.csv"_s);
        QVERIFY(test::writeBytes(bad, "name,audience_overlap\nAnother,4\nBroken,six\n"));
        const auto before = workbook()->candidates();
        QVERIFY(!page()->importFile(bad));
        QVERIFY2(ui::Messages::lastText().contains(u"bad.csv:3: column \"audience_overlap\""_s),
                 qPrintable(ui::Messages::lastText()));
        QCOMPARE(workbook()->candidates(), before);

        const QString out = filePath(u"out.csv"_s);
        QVERIFY(page()->exportFile(out));
        const auto parsed = io::CandidateCsv::parse(test::readBytes(out), u"out.csv"_s);
        QCOMPARE(parsed.errors, QStringList());
        QCOMPARE(parsed.patches.size(), 31);
        // In rank order: Ledgerly dropped to 3/4/4 (66.7), so Cobalt CRM (5/5/2, 75.0) leads.
        QCOMPARE(parsed.patches.first().name, u"Cobalt CRM"_s);

        // An .xlsx file by its name, both ways: the same rows, and importing it changes nothing.
        const QString sheet = filePath(u"out.xlsx"_s);
        QVERIFY(page()->exportFile(sheet));
        const auto fromSheet = io::CandidateCsv::parse(test::readBytes(sheet), u"out.xlsx"_s);
        QCOMPARE(fromSheet.errors, QStringList());
        QCOMPARE(fromSheet.patches.size(), 31);
        QCOMPARE(fromSheet.patches.first().name, u"Cobalt CRM"_s);
        const auto exported = workbook()->candidates();
        QVERIFY(page()->importFile(sheet));
        QCOMPARE(workbook()->candidates(), exported);
    }

    void droppingACsvImportsIt()
    {
        const QString csv = filePath(u"dropped.csv"_s);
        QVERIFY(test::writeBytes(csv, "name,structure\nDropped Partner,referral\n"));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(csv)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(window(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window(), &drop);
        QTRY_VERIFY(stored(u"Dropped Partner"_s).has_value());
        QCOMPARE(stored(u"Dropped Partner"_s)->structure, Structure::Referral);
        // The workbook stayed open: a CSV is data for it, not a workbook to open.
        QCOMPARE(page()->model()->rowCount(), 31);
    }

    void readOnlyWorkbookDisablesEditing()
    {
        const QString path = workbook()->path();
        window()->closeWorkbook();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        QVERIFY(window()->openWorkbook(path));
        QVERIFY(workbook()->isReadOnly());
        auto *model = page()->model();
        QVERIFY(
            !(model->flags(model->index(0, CandidateTableModel::NameColumn)) & Qt::ItemIsEditable));
        for (QAction *action : page()->editActions()) {
            const QString text = action->text().remove(u'&');
            if (text.startsWith(u"Add"_s) || text.startsWith(u"Delete"_s) ||
                text.startsWith(u"Paste"_s))
                QVERIFY2(!action->isEnabled(), qPrintable(text));
        }
        QVERIFY(!page()->importAction()->isEnabled());
        QVERIFY(page()->exportAction()->isEnabled());
        QVERIFY(!page()->pasteText(u"name\nSneaky\n"_s));
        QVERIFY(!stored(u"Sneaky"_s));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void copiedFormulasStayText()
    {
        // A name a spreadsheet would run is copied with a leading ' (text, there) and pasted
        // back as it was.
        QVERIFY(page()->pasteText(u"=SUM(1)\n"_s));
        QVERIFY(stored(u"=SUM(1)"_s));
        page()->view()->setCurrentIndex(
            proxyIndexOf(u"=SUM(1)"_s, CandidateTableModel::NameColumn));
        page()->copySelection();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(u"\n'=SUM(1)\t"_s), qPrintable(copied));
        const int rows = page()->model()->rowCount();
        QVERIFY(page()->pasteText(copied));
        QCOMPARE(page()->model()->rowCount(), rows);
        QVERIFY(!stored(u"'=SUM(1)"_s));
    }

    void pastedTextIsTabSeparated()
    {
        // One spreadsheet cell with a comma is one name, not a name and a website.
        QVERIFY(page()->pasteText(u"Acme, Inc.\n"_s));
        QVERIFY(stored(u"Acme, Inc."_s));
        // A first row that merely contains "name" is not a header.
        QVERIFY(page()->pasteText(u"Namely Labs\tnamely.com\n"_s));
        QCOMPARE(stored(u"Namely Labs"_s)->website, u"namely.com"_s);
    }

    void typedTextIsSavedWhenTheWorkbookCloses()
    {
        auto *view = page()->view();
        view->setCurrentIndex(proxyIndexOf(u"Ledgerly"_s, CandidateTableModel::OwnerColumn));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = view->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, u"Aaron"_s);
        const QString path = workbook()->path();
        window()->closeWorkbook();
        QVERIFY(window()->openWorkbook(path));
        QCOMPARE(stored(u"Ledgerly"_s)->owner, u"Aaron"_s);
    }

    void exportsNeverReplaceAWorkbook()
    {
        const QString path = workbook()->path();
        const auto before = test::readBytes(path);
        QVERIFY(!page()->exportFile(path));
        QVERIFY(ui::Messages::lastText().contains(u"never replaces"_s));
        QCOMPARE(test::readBytes(path), before);
    }

    void sortedByOwnerStaysSortedAfterAnEdit()
    {
        auto *proxy = page()->proxy();
        page()->view()->sortByColumn(CandidateTableModel::OwnerColumn, Qt::AscendingOrder);
        QCOMPARE(editor()->changeCandidateField(stored(u"Ledgerly"_s)->id, CandidateField::Owner,
                                                u"Aaron Able"_s),
                 QString());
        QCOMPARE(proxy->index(0, CandidateTableModel::NameColumn).data().toString(), u"Ledgerly"_s);
    }

    // Issue 21, item 2: Tab moves through the cells that can be edited, in reading order;
    // Rank and Score (computed) are passed by, and the hidden website column too.
    void tabMovesThroughEditableCellsOnly()
    {
        auto *view = page()->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, CandidateTableModel::NameColumn));
        const QList<int> row{CandidateTableModel::AudienceOverlapColumn,
                             CandidateTableModel::StrategicValueColumn,
                             CandidateTableModel::EaseOfIntegrationColumn,
                             CandidateTableModel::StructureColumn,
                             CandidateTableModel::StageColumn,
                             CandidateTableModel::OwnerColumn};
        for (int column : row) {
            QTest::keyClick(view, Qt::Key_Tab);
            QCOMPARE(view->currentIndex().row(), 0);
            QCOMPARE(view->currentIndex().column(), column);
        }
        QTest::keyClick(view, Qt::Key_Tab); // on to the next row's name
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(view->currentIndex().column(), int(CandidateTableModel::NameColumn));
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(view->currentIndex().column(), int(CandidateTableModel::OwnerColumn));

        // While editing, Tab saves the cell and opens the next editable one.
        view->setCurrentIndex(view->model()->index(0, CandidateTableModel::NameColumn));
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = view->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, u"Ledgerly Inc"_s);
        QTest::keyClick(editor, Qt::Key_Tab);
        QTRY_VERIFY(stored(u"Ledgerly Inc"_s).has_value());
        QCOMPARE(view->currentIndex().column(), int(CandidateTableModel::AudienceOverlapColumn));
    }

    // Issue 21, item 2: typing on Rank or Score changes nothing, moves nowhere, and says why.
    void typingOnAComputedCellSaysWhy()
    {
        auto *view = page()->view();
        view->setFocus();
        const QModelIndex score = view->model()->index(0, CandidateTableModel::ScoreColumn);
        view->setCurrentIndex(score);
        const auto before = workbook()->candidates();
        QTest::keyClicks(view, u"5"_s);
        QCOMPARE(view->currentIndex(), score); // no jump to the first score that reads 5…
        QCOMPARE(workbook()->candidates(), before);
        QVERIFY2(window()->statusBar()->currentMessage().contains(u"Score is worked out"_s),
                 qPrintable(window()->statusBar()->currentMessage()));
    }

    // Issue 21, item 7: the first click on Score or Rank sorts best first; ties stay in rank
    // order, and unscored candidates come last either way.
    void scoreAndRankSortBestFirst()
    {
        auto *view = page()->view();
        auto *header = view->horizontalHeader();
        auto *proxy = page()->proxy();
        const auto click = [header](int column) {
            const QPoint at(header->sectionViewportPosition(column) +
                                header->sectionSize(column) / 2,
                            header->height() / 2);
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        };
        // The rank and score of each row, as shown.
        const auto shown = [this, proxy] {
            QList<std::pair<int, double>> rows;
            for (int row = 0; row < proxy->rowCount(); ++row) {
                const int source = proxy->mapToSource(proxy->index(row, 0)).row();
                const auto &entry = page()->model()->rankAt(source);
                rows.append({entry.rank, entry.score.value_or(-1)});
            }
            return rows;
        };
        const auto ranksAscendWithinTies = [](const QList<std::pair<int, double>> &rows) {
            for (qsizetype i = 1; i < rows.size(); ++i) {
                if (rows[i].second == rows[i - 1].second && rows[i].first && rows[i - 1].first &&
                    rows[i].first < rows[i - 1].first)
                    return false;
            }
            return true;
        };
        const auto unscoredLast = [](const QList<std::pair<int, double>> &rows) {
            const auto firstUnscored = std::find_if(rows.cbegin(), rows.cend(),
                                                    [](const auto &r) { return r.second < 0; });
            return std::all_of(firstUnscored, rows.cend(),
                               [](const auto &r) { return r.second < 0; });
        };

        click(CandidateTableModel::ScoreColumn);
        QList<std::pair<int, double>> rows = shown();
        QCOMPARE(rows.first().first, 1); // best first: the rank column reads 1, 2, 3, …
        for (qsizetype i = 0; i < rows.size() && rows[i].first; ++i)
            QCOMPARE(rows[i].first, int(i + 1));
        QVERIFY(unscoredLast(rows));

        click(CandidateTableModel::ScoreColumn); // then lowest first
        rows = shown();
        QVERIFY(rows.first().second >= 0 && rows.first().second < rows[1].second + 1e-9);
        QVERIFY(ranksAscendWithinTies(rows));
        QVERIFY(unscoredLast(rows));

        click(CandidateTableModel::NameColumn);
        click(CandidateTableModel::RankColumn); // rank 1 first on the first click
        rows = shown();
        for (qsizetype i = 0; i < rows.size() && rows[i].first; ++i)
            QCOMPARE(rows[i].first, int(i + 1));
        QVERIFY(unscoredLast(rows));
        click(CandidateTableModel::RankColumn);
        rows = shown();
        QVERIFY(rows.first().first > rows[1].first);
        QVERIFY(unscoredLast(rows));
    }

    // Issue 21, item 8: an import says what it did in the status bar and in the undo step.
    void importSaysWhatItDid()
    {
        const QString csv = filePath(u"long-list.csv"_s);
        QVERIFY(test::writeBytes(csv, "name,stage,colour\nBrand New,sourced,red\n"
                                      "Ledgerly,qualified,blue\nCobalt CRM,,\n"));
        ui::FileDialogs::setAnswerForTesting(
            [csv](const ui::FileDialogs::Request &) { return csv; });
        page()->view()->setFocus();
        QTest::keyClick(page()->view(), Qt::Key_I, Qt::ControlModifier);
        QVERIFY(stored(u"Brand New"_s).has_value());
        const QString status = window()->statusBar()->currentMessage();
        QVERIFY2(status.contains(u"added 1, updated 1, unchanged 1"_s), qPrintable(status));
        QVERIFY2(status.contains(u"ignored unknown columns: colour"_s), qPrintable(status));
        QCOMPARE(editor()->undoStack()->undoText(), u"Import long-list.csv (added 1, updated 1)"_s);
    }

    void streamedImportProgressCancelUndo()
    {
        // A long list streamed into the store: the dialog counts the rows, Cancel leaves the
        // file byte for byte as it was, and the finished import is one undo step that undo
        // and redo replay through the store (by its id), the same ids coming back.
        constexpr int kRows = 30000;
        QByteArray text = "name,notes\nLedgerly,updated by the import\n";
        for (int i = 0; i < kRows; ++i)
            text += "Bulk " + QByteArray::number(i) + ",row " + QByteArray::number(i) + "\n";
        const QString csv = filePath(u"big.csv"_s);
        QVERIFY(test::writeBytes(csv, text));
        const QByteArray original = test::readBytes(workbook()->path());
        const qsizetype sampleRows = workbook()->candidates().size();
        const int steps = editor()->undoStack()->count();

        ui::CandidateTransfer::setProgressDelayForTesting(0);
        auto restoreDelay = qScopeGuard([] { ui::CandidateTransfer::setProgressDelayForTesting(400); });
        int seenValue = -1, seenMaximum = -1;
        QTimer::singleShot(0, page(), [&] {
            auto *dialog = page()->findChild<QProgressDialog *>();
            QVERIFY(dialog && dialog->isVisible());
            seenValue = dialog->value();
            seenMaximum = dialog->maximum();
            test::screenshot(dialog, u"candidates-import-progress.png"_s);
            dialog->cancel();
        });
        QVERIFY(!page()->importFile(csv));
        QVERIFY2(seenValue > 0 && seenValue < kRows, qPrintable(QString::number(seenValue)));
        QVERIFY(seenMaximum >= kRows);
        QVERIFY(window()->statusBar()->currentMessage().contains(u"cancelled"_s));
        QCOMPARE(test::readBytes(workbook()->path()), original);
        QCOMPARE(editor()->undoStack()->count(), steps);
        QCOMPARE(page()->proxy()->rowCount(), sampleRows);

        QVERIFY(page()->importFile(csv));
        QCOMPARE(editor()->undoStack()->undoText(),
                 u"Import big.csv (added %L1, updated 1)"_s.arg(kRows));
        QCOMPARE(page()->proxy()->rowCount(), sampleRows + kRows);
        const qint64 lastId = stored(u"Bulk %1"_s.arg(kRows - 1))->id;
        QCOMPARE(stored(u"Ledgerly"_s)->notes, u"updated by the import"_s);

        editor()->undoStack()->undo();
        QCOMPARE(workbook()->candidates().size(), sampleRows);
        QCOMPARE(page()->proxy()->rowCount(), sampleRows);
        QVERIFY(stored(u"Ledgerly"_s)->notes != u"updated by the import"_s);
        editor()->undoStack()->redo();
        QCOMPARE(page()->proxy()->rowCount(), sampleRows + kRows);
        QCOMPARE(stored(u"Bulk %1"_s.arg(kRows - 1))->id, lastId);
        QCOMPARE(stored(u"Bulk 7"_s)->notes, u"row 7"_s);
        QCOMPARE(stored(u"Ledgerly"_s)->notes, u"updated by the import"_s);
        QVERIFY(workbook()->integrityProblems().isEmpty());
    }

    void weightsAndDetailPane()
    {
        auto *view = page()->view();
        const QString before = page()->weightsPanel()->stabilityText();
        QCOMPARE(editor()->changeSettings({{SettingKey::WeightStrategicValue, 3.0}}), QString());
        QVERIFY(page()->weightsPanel()->stabilityText() != before ||
                !page()->weightsPanel()->stabilityText().isEmpty());

        // Cobalt CRM is proposed with a readiness "no" and answers in place.
        view->setCurrentIndex(
            proxyIndexOf(u"Halcyon Travel Tech"_s, CandidateTableModel::NameColumn));
        QCOMPARE(page()->detailPane()->warningText(), QString());
        QCOMPARE(editor()->changeCandidateField(stored(u"Halcyon Travel Tech"_s)->id,
                                                CandidateField::Stage, u"proposed"_s),
                 QString());
        QVERIFY2(page()->detailPane()->warningText().contains(u"no revenue theory"_s),
                 qPrintable(page()->detailPane()->warningText()));
        QVERIFY(page()->detailPane()->warningText().contains(u"qualification call"_s));
        test::screenshot(window(), u"candidates-warnings.png"_s);
    }

    // The sample's big exploratory company shows the judgment's findings in the pane.
    void sampleFindingsInThePane()
    {
        page()->view()->setCurrentIndex(
            proxyIndexOf(u"Meridian Systems"_s, CandidateTableModel::NameColumn));
        const QString warnings = page()->detailPane()->warningText();
        QVERIFY2(warnings.contains(u"polite distraction"_s), qPrintable(warnings));
        QVERIFY(warnings.contains(u"Move to async"_s));
        QVERIFY(warnings.contains(u"never piloted with"_s));
        test::screenshot(window(), u"candidates-meridian.png"_s);
    }

    // The pane's vetting answers are saved as typed and chosen, and the qualification
    // judgment's findings appear beside them.
    void vettingInThePane()
    {
        page()->view()->setCurrentIndex(
            proxyIndexOf(u"Halcyon Travel Tech"_s, CandidateTableModel::NameColumn));
        ui::VettingPanel *vetting = page()->detailPane()->vettingPanel();
        auto *competes = qobject_cast<QComboBox *>(vetting->editor(CandidateField::Competes));
        QVERIFY(competes);
        competes->setCurrentIndex(competes->findData(u"yes"_s));
        emit competes->activated(competes->currentIndex());
        QCOMPARE(stored(u"Halcyon Travel Tech"_s)->vetting.competes, Competes::Yes);
        QVERIFY2(page()->detailPane()->warningText().contains(u"competes with us"_s),
                 qPrintable(page()->detailPane()->warningText()));
        auto *size = qobject_cast<QComboBox *>(vetting->editor(CandidateField::RelativeSize));
        size->setCurrentIndex(size->findData(u"much-bigger"_s));
        emit size->activated(size->currentIndex());
        QVERIFY(page()->detailPane()->warningText().contains(u"polite distraction"_s));
        QVERIFY(page()->detailPane()->warningText().contains(u"Move to async"_s));
        auto *motivations = qobject_cast<QLineEdit *>(vetting->editor(CandidateField::Motivations));
        motivations->setFocus();
        QTest::keyClicks(motivations, u"reach new buyers"_s);
        QTest::keyClick(motivations, Qt::Key_Return);
        QCOMPARE(stored(u"Halcyon Travel Tech"_s)->vetting.motivations, u"reach new buyers"_s);
        QVERIFY(!page()->detailPane()->warningText().contains(u"polite distraction"_s));
        // A count that is not one is refused and shown as it was.
        auto *partners =
            qobject_cast<QLineEdit *>(vetting->editor(CandidateField::IntegrationPartners));
        partners->setText(u"lots"_s);
        emit partners->editingFinished();
        QCOMPARE(stored(u"Halcyon Travel Tech"_s)->vetting.integrationPartners, std::nullopt);
        QCOMPARE(partners->text(), QString());
        if (auto *scroll = page()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(vetting);
        test::screenshot(window(), u"candidates-vetting.png"_s);
    }

    // Choose Structure… opens the chooser with the stored answers; Use This Structure sets
    // the answers and the structure as one undo step.
    void chooseStructureFromThePane()
    {
        const qint64 id = stored(u"Halcyon Travel Tech"_s)->id;
        page()->view()->setCurrentIndex(
            proxyIndexOf(u"Halcyon Travel Tech"_s, CandidateTableModel::NameColumn));
        const Structure before = stored(u"Halcyon Travel Tech"_s)->structure;
        const int steps = editor()->undoStack()->count();
        bool shown = false;
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog =
                qobject_cast<ui::StructureChooserDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            shown = true;
            dialog->resize(1100, 600);
            QComboBox *role = dialog->question(6);
            role->setCurrentIndex(role->findData(int(PartnerRole::SellAndDeliver)));
            QComboBox *fit = dialog->question(1);
            fit->setCurrentIndex(fit->findData(int(YesNo::Yes)));
            QComboBox *fund = dialog->question(2);
            fund->setCurrentIndex(fund->findData(int(YesNo::Yes)));
            QCOMPARE(dialog->recommended(), Structure::Reseller);
            test::screenshot(dialog, u"structure-chooser-from-pane.png"_s);
            dialog->useButton()->click();
        });
        page()->detailPane()->chooseStructure();
        QVERIFY(shown);
        const Candidate after = workbook()->candidate(id).value();
        QCOMPARE(after.structure, Structure::Reseller);
        QCOMPARE(after.chooser.partnerRole, PartnerRole::SellAndDeliver);
        QCOMPARE(after.chooser.productMarketFit, YesNo::Yes);
        QCOMPARE(editor()->undoStack()->count(), steps + 1);
        QCOMPARE(editor()->undoStack()->undoText(), u"Use the reseller structure"_s);
        QVERIFY(page()->detailPane()->structureLabel()->text().contains(u"Reseller"_s,
                                                                        Qt::CaseInsensitive));
        // A reseller with no territory, deal registration or enablement: the pane says so.
        QVERIFY2(page()->detailPane()->warningText().contains(u"channel conflict"_s),
                 qPrintable(page()->detailPane()->warningText()));
        editor()->undoStack()->undo();
        QCOMPARE(workbook()->candidate(id)->structure, before);
        QCOMPARE(workbook()->candidate(id)->chooser, ChooserAnswers());
    }
};

QTEST_MAIN(TestCandidatesPage)
#include "tst_candidatespage.moc"
