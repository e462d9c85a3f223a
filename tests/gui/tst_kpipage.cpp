// The KPIs area, offscreen, on the sample workbook: a year of values shows with status
// and signals, keyboard entry and paste go through the store with undo, a partnership is
// started from the common KPIs, the pilot and reviews drive the next review date, and the
// chart follows the chosen KPI. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "FileDialogs.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "KpiChartView.h"
#include "MainWindow.h"
#include "domain/KpiRules.h"
#include "io/SampleWorkbook.h"
#include "item/KpiListModel.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "item/WorkbookEditor.h"
#include "kpi/KpiPage.h"
#include "kpi/ReviewDialog.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QApplication>
#include <QClipboard>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestKpiPage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    ui::KpiPage *page() const { return window()->kpiPage(); }
    QStringList signalCodes() const
    {
        QStringList codes;
        for (int i = 0; i < page()->signalsList()->count(); ++i)
            codes.append(page()->signalsList()->item(i)->toolTip());
        return codes;
    }

    QString statusMessage() const { return window()->statusBar()->currentMessage(); }

    // Clicks "Record Review…"; in the dialog, moves the date by `days` with the arrow keys,
    // reads what the review would count for, and presses Enter.
    QString recordReviewByKeyboard(int days)
    {
        QPushButton *button = nullptr;
        for (QPushButton *candidate : page()->findChildren<QPushButton *>()) {
            if (candidate->text().contains(u"Record Review"_s))
                button = candidate;
        }
        if (!button)
            return u"no Record Review button"_s;
        QString shown;
        QTimer::singleShot(0, this, [&shown, days] {
            auto *dialog = qobject_cast<ui::ReviewDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *date = dialog->findChild<QDateEdit *>();
            date->setFocus();
            date->setCurrentSection(QDateTimeEdit::DaySection);
            for (int i = 0; i < std::abs(days); ++i)
                QTest::keyClick(date, days > 0 ? Qt::Key_Up : Qt::Key_Down);
            shown = dialog->creditLabel()->text();
            QTest::keyClick(date, Qt::Key_Return);
        });
        QTest::mouseClick(button, Qt::LeftButton);
        return shown;
    }

public:
    TestKpiPage()
        : GuiPageFixture(u"tst_kpipage"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(2));
        qInfo("KPIs area shown in %lld ms", areaShownMilliseconds());
        QVERIFY(page());
        QVERIFY(page()->isVisible());
    }

    void cleanup() { closeWindow(); }

    void opensOnAPartnershipWithAYearOfValues()
    {
        // Partnerships come first in the picker, by name: Brightpath Consulting.
        QCOMPARE(page()->currentPartner(), idOf(u"Brightpath Consulting"_s));
        QCOMPARE(page()->listModel()->rowCount(), 5);
        QCOMPARE(page()->valuesModel()->rowCount(), 10);
        QVERIFY(page()->chart()->graphCount() > 0);
        const QStringList codes = signalCodes();
        QVERIFY2(codes.contains(u"kpi.sunset_candidate"_s), qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(u"kpi.flat"_s), qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(u"kpi.off_track"_s), qPrintable(codes.join(u' ')));
        QVERIFY(page()->nextReviewLabel()->text().startsWith(u"Next review"_s));
        QCOMPARE(page()->reviewsTree()->topLevelItemCount(), 5);
        test::screenshot(window(), u"kpis-brightpath.png"_s);

        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        QCOMPARE(page()->valuesModel()->rowCount(), 12);
        QCOMPARE(page()
                     ->listModel()
                     ->index(0, item::KpiListModel::Status)
                     .data(item::KpiListModel::StatusRole)
                     .toInt(),
                 int(KpiStatus::OnTrack));
        test::screenshot(window(), u"kpis-ledgerly.png"_s);
    }

    void keyboardEntryAndUndo()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        QTableView *grid = page()->valuesTable();
        const int last = page()->valuesModel()->rowCount() - 1;
        grid->setFocus();
        grid->setCurrentIndex(page()->valuesModel()->index(last, 2)); // Referrals
        // The first key opens the editor with that key; the rest go to the editor.
        QTest::keyClick(grid, Qt::Key_2);
        auto *editor = grid->findChild<QLineEdit *>();
        QVERIFY(editor);
        QTest::keyClick(editor, Qt::Key_1);
        QTest::keyClick(editor, Qt::Key_Return);
        const auto referrals = [this] {
            return workbook()->partnershipKpis(idOf(u"Ledgerly"_s)).kpis.at(2).values.constLast();
        };
        // The delegate commits on Return through a queued call.
        QTRY_COMPARE(referrals().value, 21.0);
        // The cursor did not jump: the same row, ready for the next value.
        QCOMPARE(grid->currentIndex().row(), last);
        page()->tracker()->editor()->undoStack()->undo();
        QCOMPARE(referrals().value, 14.0);
    }

    void pasteFromASpreadsheet()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        QCOMPARE(page()->addPeriod(u"2031-01"_s), QString());
        const int row = page()->valuesModel()->rowOf(KpiPeriod::month(2031, 1));
        QVERIFY(row >= 0);
        page()->valuesTable()->setCurrentIndex(page()->valuesModel()->index(row, 0));
        QCOMPARE(page()->pasteValues(u"$18,000\t22%\t15\t75\n"_s), QString());
        const PartnershipKpis kpis = workbook()->partnershipKpis(idOf(u"Ledgerly"_s));
        QCOMPARE(kpis.kpis.at(0).valueAt(KpiPeriod::month(2031, 1)), std::optional<double>(18000));
        QCOMPARE(kpis.kpis.at(1).valueAt(KpiPeriod::month(2031, 1)), std::optional<double>(22));
        QVERIFY(!page()->pasteValues(u"lots\n"_s).isEmpty());
    }

    void startTrackingACandidate()
    {
        const qint64 cobalt = idOf(u"Cobalt CRM"_s);
        QList<KpiSeries> none;
        QCOMPARE(page()->tracker()->editor()->changeKpis(cobalt, none, u"Clear"_s), QString());
        QVERIFY(page()->selectPartner(cobalt));
        QCOMPARE(page()->listModel()->rowCount(), 0);
        test::screenshot(window(), u"kpis-empty.png"_s);
        QList<KpiDefinition> chosen = commonKpis().mid(0, 3);
        QCOMPARE(page()->startTracking(chosen), QString());
        QCOMPARE(page()->listModel()->rowCount(), 3);
        QCOMPARE(page()->valuesModel()->columnCount(), 3);
        QVERIFY(!signalCodes().contains(u"kpi.count"_s));
        QCOMPARE(page()->addKpi(commonKpis().at(5)), QString());
        QCOMPARE(page()->addKpi(commonKpis().at(4)), QString());
        QCOMPARE(page()->addKpi(commonKpis().at(3)), QString());
        QVERIFY(signalCodes().contains(u"kpi.count"_s)); // six is too many
    }

    void pilotAndReviewDriveTheNextReview()
    {
        const qint64 cobalt = idOf(u"Cobalt CRM"_s);
        QVERIFY(page()->selectPartner(cobalt));
        page()->tracker()->setToday(QDate(2026, 5, 20));
        QCOMPARE(page()->setPilot({QDate(2026, 3, 1), 90}), QString());
        QVERIFY2(page()->nextReviewLabel()->text().contains(u"overdue"_s),
                 qPrintable(page()->nextReviewLabel()->text()));
        QVERIFY(signalCodes().contains(u"review.overdue"_s));
        QCOMPARE(page()->recordReview(
                     {0, QDate(2026, 5, 20), ReviewDecision::Continue, u"<b>literal</b>"_s}),
                 QString());
        QVERIFY(page()->nextReviewLabel()->text().startsWith(u"Next review"_s));
        QCOMPARE(page()->reviewsTree()->topLevelItem(0)->child(0)->text(0), u"<b>literal</b>"_s);
        QVERIFY(!signalCodes().contains(u"review.overdue"_s));
        page()->tracker()->editor()->undoStack()->undo();
        QVERIFY(signalCodes().contains(u"review.overdue"_s));
    }

    void importAndExportCsv()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        const QString exported = filePath(u"ledgerly.csv"_s);
        QCOMPARE(page()->exportFile(exported), QString());
        QVERIFY(QFile::exists(exported));

        const QString bad = filePath(u"bad.csv"_s);
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("kpi,period,value\nReferrals,2026-13,4\n");
        }
        const auto before = workbook()->partnershipKpis(idOf(u"Ledgerly"_s));
        const QString error = page()->importFile(bad);
        QVERIFY2(error.contains(u"bad.csv:2: column \"period\""_s), qPrintable(error));
        QCOMPARE(workbook()->partnershipKpis(idOf(u"Ledgerly"_s)), before);

        const QString good = filePath(u"good.csv"_s);
        {
            QFile file(good);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("kpi,period,value,unit\nReferrals,2031-01,30,\nNew logos,2031-01,2,count\n");
        }
        QCOMPARE(page()->importFile(good), QString());
        QCOMPARE(page()->listModel()->rowCount(), 6); // five in the sample, one new
        QVERIFY(page()->valuesModel()->rowOf(KpiPeriod::month(2031, 1)) >= 0);
        // One undo step takes the whole import back.
        page()->tracker()->editor()->undoStack()->undo();
        QCOMPARE(workbook()->partnershipKpis(idOf(u"Ledgerly"_s)), before);
        QCOMPARE(page()->listModel()->rowCount(), 5);

        // As an .xlsx workbook, chosen by the file's name: another partner gets the same KPIs
        // and values.
        const QString sheet = filePath(u"ledgerly.xlsx"_s);
        QCOMPARE(page()->exportFile(sheet), QString());
        QVERIFY(page()->selectPartner(idOf(u"Cobalt CRM"_s)));
        QCOMPARE(page()->importFile(sheet), QString());
        const QList<KpiSeries> cobalt = workbook()->partnershipKpis(idOf(u"Cobalt CRM"_s)).kpis;
        for (const KpiSeries &series : before.kpis) {
            const auto found = std::find_if(cobalt.cbegin(), cobalt.cend(), [&](const auto &s) {
                return s.definition.name == series.definition.name;
            });
            QVERIFY2(found != cobalt.cend(), qPrintable(series.definition.name));
            QCOMPARE(found->values, series.values);
        }
    }

    void chartFollowsTheChosenKpi()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        const auto chartTitle = [this] {
            auto *title =
                qobject_cast<QCPTextElement *>(page()->chart()->plotLayout()->element(0, 0));
            return title ? title->text() : QString();
        };
        // Choosing a row of the KPI table charts that KPI.
        page()->kpiTable()->setCurrentIndex(page()->listModel()->index(2, 0));
        QCOMPARE(chartTitle(), u"Referrals"_s);
        QCOMPARE(page()->chart()->graph(0)->dataCount(), 12);
        page()->showKpi(1);
        QCOMPARE(chartTitle(), u"Integration activation rate"_s);
        // A value typed in the grid reaches the chart.
        const int last = page()->valuesModel()->rowCount() - 1;
        QVERIFY(page()->valuesModel()->setData(page()->valuesModel()->index(last, 1), u"30"_s));
        QCOMPARE(page()->chart()->graph(0)->data()->at(last)->value, 30.0);

        // The portfolio tab: Ledgerly and Brightpath earn; Cobalt has no values yet.
        QTabWidget *tabs = nullptr;
        for (QTabWidget *candidate : page()->findChildren<QTabWidget *>())
            if (candidate->indexOf(page()->portfolioChart()) >= 0)
                tabs = candidate;
        QVERIFY(tabs);
        tabs->setCurrentWidget(page()->portfolioChart());
        QCOMPARE(page()->portfolioChart()->plottableCount(), 2);
        test::screenshot(window(), u"kpis-portfolio.png"_s);
        const QString png = filePath(u"chart.png"_s);
        QCOMPARE(page()->exportChart(png), QString());
        QVERIFY(!QImage(png).isNull());
    }

    void laptopAndLargeWindows()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        window()->resize(1920, 1080);
        QApplication::processEvents();
        test::screenshot(window(), u"kpis-large.png"_s);
        window()->resize(1366, 768);
        QApplication::processEvents();
        QVERIFY(page()->valuesTable()->width() > 300);
        QVERIFY(page()->chart()->width() > 400);
    }

    // Issue 21, item 6: where a review is recorded, it says what the review counts for;
    // one recorded too early says so, and the list of reviews keeps saying it.
    void aReviewSaysWhatItCountsFor()
    {
        const qint64 cobalt = idOf(u"Cobalt CRM"_s);
        QVERIFY(page()->selectPartner(cobalt));
        page()->tracker()->setToday(QDate(2026, 3, 5));
        QCOMPARE(page()->setPilot({QDate(2026, 3, 1), 90}), QString()); // first due 1 Apr
        QString shown = recordReviewByKeyboard(0);                      // today: 27 days early
        QVERIFY2(shown.startsWith(u"Too early to count: reviews count from 14 days before their "
                                  u"date (the review due 1 Apr 2026 counts from 18 Mar 2026)"_s),
                 qPrintable(shown));
        QCOMPARE(page()->reviewsTree()->topLevelItem(0)->text(2), u"too early"_s);
        QVERIFY(statusMessage().contains(u"Too early to count"_s));
        QVERIFY(page()->nextReviewLabel()->text().contains(u"1 Apr 2026"_s));

        page()->tracker()->setToday(QDate(2026, 3, 20));
        shown = recordReviewByKeyboard(-1); // 19 March: within the 14 days
        QCOMPARE(shown, u"Counts for the review due 1 Apr 2026."_s);
        QCOMPARE(page()->reviewsTree()->topLevelItem(0)->text(0), u"19 Mar 2026"_s);
        QCOMPARE(page()->reviewsTree()->topLevelItem(0)->text(2), u"due 1 Apr 2026"_s);
        QVERIFY2(statusMessage().contains(u"Counts for the review due 1 Apr 2026"_s),
                 qPrintable(statusMessage()));
        QVERIFY(page()->nextReviewLabel()->text().contains(u"1 May 2026"_s));
        test::screenshot(window(), u"kpis-reviews.png"_s);
    }

    // Issue 21, item 8: an import says what it did, in the status bar and the undo step.
    void importSaysWhatItDid()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        const QString csv = filePath(u"values.csv"_s);
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("kpi,period,value,unit\nReferrals,2031-01,30,\nReferrals,2026-10,14,\n"
                       "Referrals,2026-09,99,\nNew logos,2031-01,2,count\n");
        }
        ui::FileDialogs::setAnswerForTesting(
            [csv](const ui::FileDialogs::Request &) { return csv; });
        page()->valuesTable()->setFocus();
        QTest::keyClick(page()->valuesTable(), Qt::Key_I, Qt::ControlModifier);
        ui::FileDialogs::setAnswerForTesting({});
        QCOMPARE(page()->listModel()->rowCount(), 6);
        QVERIFY2(
            statusMessage().contains(u"Imported values.csv for Ledgerly: 1 KPI added, 2 values "
                                     u"added, 1 updated, 1 unchanged"_s),
            qPrintable(statusMessage()));
        QCOMPARE(page()->tracker()->editor()->undoStack()->undoText(),
                 u"Import values.csv (1 KPI added, 2 values added, 1 updated, 1 unchanged)"_s);
    }
};

QTEST_MAIN(TestKpiPage)
#include "tst_kpipage.moc"
