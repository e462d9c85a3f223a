// The Programme area, offscreen (issue 16): it opens on the sample with the funnel, the P&L
// and the benchmarks drawn; a cost typed into the grid is stored as one undo step and moves
// the P&L; a paste is all or nothing; a stalled candidate opens in the Candidates area; the
// review PDF is one page. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "KpiChartView.h"
#include "MainWindow.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/CandidatesPage.h"
#include "item/CostsModel.h"
#include "item/ProgrammeData.h"
#include "item/ProgrammeTracker.h"
#include "item/WorkbookEditor.h"
#include "programme/BenchmarksPanel.h"
#include "programme/CostsPanel.h"
#include "programme/MonthGridPanel.h"
#include "programme/ProgrammeCharts.h"
#include "programme/ProgrammePage.h"
#include "programme/StalledPanel.h"
#include "qcustomplot.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestProgrammePage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    ui::ProgrammePage *page() const { return window()->programmePage(); }
    QUndoStack *undo() const { return editor()->undoStack(); }
    item::MonthGridModel *costs() const { return page()->costs()->grid()->model(); }

public:
    TestProgrammePage()
        : GuiPageFixture(u"tst_programmepage"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(4));
        QVERIFY(page() && page()->isVisible());
    }

    void cleanup()
    {
        QVERIFY2(ambiguousShortcuts().isEmpty(), qPrintable(ambiguousShortcuts().join(u'\n')));
        closeWindow();
    }

    void opensWithChartsAndNumbers()
    {
        const item::ProgrammeData &data = page()->tracker()->data();
        QCOMPARE(data.stages[size_t(Stage::Sourced)], 20);
        QCOMPARE(data.stages[size_t(Stage::Pilot)], 2);
        QCOMPARE(data.stalled.size(), 5); // Brightpath's pilot ended without a retrospective
        QCOMPARE(page()->stalled()->list()->topLevelItemCount(), 5);
        QVERIFY(page()->charts()->funnelChart()->plottableCount() > 0);
        QVERIFY(page()->charts()->totalPnlChart()->plottableCount() > 0);
        QVERIFY(page()->benchmarks()->findingsList()->count() >= 6);
        QVERIFY2(page()->benchmarks()->shownValue(0).contains(u"healthy"_s),
                 qPrintable(page()->benchmarks()->shownValue(0)));
        // The partnership chosen first has costs, and a row per month of its P&L.
        QVERIFY(page()->tracker()->partnerPnl());
        QVERIFY(costs()->rowCount() >= 10);
        new QAbstractItemModelTester(costs(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(page()->inputs()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        test::screenshot(window(), u"programme.png"_s);
    }

    void aCostTypedInIsOneUndoStepAndMovesThePnl()
    {
        const qint64 brightpath = idOf(u"Brightpath Consulting"_s);
        QVERIFY(page()->selectPartner(brightpath));
        QCOMPARE(page()->tracker()->partner(), brightpath);
        const double before = page()->tracker()->partnerPnl()->pnl.totalNet;
        const int row = costs()->rowCount() - 1;
        const QModelIndex tools = costs()->index(row, int(CostCategory::Tools));
        const int steps = undo()->count();
        QVERIFY(costs()->setData(tools, u"1200"_s));
        QCOMPARE(undo()->count(), steps + 1);
        QCOMPARE(costs()->data(tools, Qt::EditRole).toDouble(), 1200.0);
        const double after = page()->tracker()->partnerPnl()->pnl.totalNet;
        QVERIFY2(after < before, qPrintable(u"%1 → %2"_s.arg(before).arg(after)));
        undo()->undo();
        QCOMPARE(page()->tracker()->partnerPnl()->pnl.totalNet, before);
        // Not an amount: refused, nothing stored.
        QVERIFY(!costs()->setData(tools, u"a lot"_s));
        QCOMPARE(undo()->count(), steps + 1);
    }

    void aPasteIsAllOrNothing()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        const QList<CostEntry> before = workbook()->costs(idOf(u"Ledgerly"_s));
        page()->costs()->grid()->table()->setCurrentIndex(costs()->index(0, 0));
        QVERIFY(!page()->costs()->grid()->pasteValues(u"10\t20\n30\tlots\n"_s).isEmpty());
        QCOMPARE(workbook()->costs(idOf(u"Ledgerly"_s)), before);
        const int steps = undo()->count();
        QCOMPARE(page()->costs()->grid()->pasteValues(u"10\t20\n30\t40\n"_s), QString());
        QCOMPARE(undo()->count(), steps + 1);
        QCOMPARE(costs()->data(costs()->index(1, 1), Qt::EditRole).toDouble(), 40.0);
        undo()->undo();
        QCOMPARE(workbook()->costs(idOf(u"Ledgerly"_s)), before);
    }

    void importingCostsIsOneUndoStep()
    {
        const qint64 cobalt = idOf(u"Cobalt CRM"_s);
        QVERIFY(page()->selectPartner(cobalt));
        const QString bad = filePath(u"bad.csv"_s);
        QVERIFY(test::writeBytes(bad, "month,category,amount\n2026-01,tools,5\n2026-01,rent,3\n"));
        const QString why = page()->costs()->importFile(bad);
        QVERIFY2(why.contains(u"bad.csv:3: column \"category\""_s), qPrintable(why));
        QVERIFY(workbook()->costs(cobalt).isEmpty());
        const QString good = filePath(u"good.csv"_s);
        QVERIFY(test::writeBytes(good, "month,category,amount\n2026-01,tools,5\n2026-02,time,3\n"));
        const int steps = undo()->count();
        QCOMPARE(page()->costs()->importFile(good), QString());
        QCOMPARE(workbook()->costs(cobalt).size(), 2);
        QCOMPARE(undo()->count(), steps + 1);
        QVERIFY(costs()->rowOf(QDate(2026, 2, 1)) >= 0);
        undo()->undo();
        QVERIFY(workbook()->costs(cobalt).isEmpty());
        // Exported and imported again: the same costs.
        undo()->redo();
        const QString out = filePath(u"out.xlsx"_s);
        QCOMPARE(page()->costs()->exportFile(out), QString());
        const qint64 quanta = idOf(u"Quanta Forms"_s);
        QVERIFY(page()->selectPartner(quanta));
        QCOMPARE(page()->costs()->importFile(out), QString());
        QCOMPARE(workbook()->costs(quanta), workbook()->costs(cobalt));
    }

    void programmeInputsAreEditable()
    {
        item::MonthGridModel *inputs = page()->inputs()->model();
        QVERIFY(inputs->rowCount() >= 12);
        const QDate today = page()->tracker()->today();
        const int lastMonth = inputs->rowOf(QDate(today.year(), today.month(), 1).addMonths(-1));
        QVERIFY(lastMonth >= 0);
        QVERIFY(inputs->setData(inputs->index(lastMonth, 0), u"5000000"_s));
        // Five million of pipeline last month: partners bring under 10 %, a note says so.
        const item::ProgrammeData &data = page()->tracker()->data();
        QVERIFY(data.health.benchmarks.at(0).value.value_or(100) < 10.0);
        QCOMPARE(data.health.benchmarks.at(0).status, BenchmarkStatus::Below);
        QVERIFY(std::any_of(data.findings.cbegin(), data.findings.cend(), [](const Finding &f) {
            return f.code == u"programme.partner_share_low"_s;
        }));
        undo()->undo();
        QCOMPARE(page()->tracker()->data().health.benchmarks.at(0).status,
                 BenchmarkStatus::Healthy);
    }

    void aStalledCandidateOpensInTheCandidatesArea()
    {
        QTreeWidget *list = page()->stalled()->list();
        QTreeWidgetItem *first = list->topLevelItem(0);
        QVERIFY(first);
        const qint64 id = first->data(0, Qt::UserRole).toLongLong();
        QCOMPARE(id, idOf(u"Brightpath Consulting"_s)); // the longest stalled: a pilot past its end
        emit list->itemActivated(first, 0);
        QCOMPARE(window()->currentArea(), 0);
        QCOMPARE(window()->candidatesPage()->detailPane()->candidateId(), id);
    }

    void exportsTheReviewOnOnePage()
    {
        const QString pdf = filePath(u"review.pdf"_s);
        QCOMPARE(page()->exportReview(pdf), QString());
        if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            QFile::remove(QDir(folder).filePath(u"programme-review.pdf"_s));
            QFile::copy(pdf, QDir(folder).filePath(u"programme-review.pdf"_s));
        }
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        if (QStandardPaths::findExecutable(u"pdfinfo"_s).isEmpty())
            QSKIP("poppler-utils (pdfinfo, pdftotext) are not installed");
        QProcess info;
        info.start(u"pdfinfo"_s, {pdf});
        QVERIFY(info.waitForFinished(30000));
        const QString out = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(out.contains(QRegularExpression(u"Pages:\\s+1\\n"_s)), qPrintable(out));
        QProcess text;
        text.start(u"pdftotext"_s, {pdf, u"-"_s});
        QVERIFY(text.waitForFinished(30000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        for (const QString &expected : {u"Brightpath Consulting"_s, u"Fieldnote Media"_s})
            QVERIFY2(words.contains(expected), qPrintable(expected + u" not in: "_s + words));
    }
};

QTEST_MAIN(TestProgrammePage)
#include "tst_programmepage.moc"
