// Nothing a new user reads is cut off (issue 21, item 9): each of the five work areas on the
// sample workbook, at 1366×768 (a laptop) and 1920×1080, is checked for text that does not
// fit — RACI party headers, the KPI names and the values' headers, review notes, the
// candidate table's columns (no sideways scrolling), the qualification record's answers —
// and splitter sizes dragged with the mouse come back. With PLAYBOOK_SCREENSHOT_DIR set it
// keeps <area>.png at 1366×768 and <area>-1920.png at 1920×1080 (the README's pictures).
#include "FittingTextEdit.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "WrappingHeaderView.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/CandidateTableView.h"
#include "candidates/CandidatesPage.h"
#include "kpi/KpiPage.h"
#include "programme/CostsPanel.h"
#include "programme/MonthGridPanel.h"
#include "programme/ProgrammePage.h"
#include "proposal/ProposalPage.h"
#include "raci/RaciGridView.h"
#include "raci/RaciPage.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QSplitterHandle>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace pb;

class TestLayout : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    void resizeTo(const QSize &size)
    {
        window()->resize(size);
        QApplication::processEvents();
        QApplication::processEvents(); // the columns are fitted after the resize
    }

    static QString suffix(const QSize &size)
    {
        return size.width() == 1366 ? QString() : u"-%1"_s.arg(size.width());
    }

    // Every column as wide as its header and the rows in view need.
    static void everyColumnFits(QTableView *table, const QString &what)
    {
        const QAbstractItemView *view = table;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            if (table->isColumnHidden(column))
                continue;
            QVERIFY2(table->columnWidth(column) >= view->sizeHintForColumn(column),
                     qPrintable(u"%1, column %2: %3 < %4"_s.arg(what)
                                    .arg(column)
                                    .arg(table->columnWidth(column))
                                    .arg(view->sizeHintForColumn(column))));
        }
    }

    static void noHeaderCut(QTableView *table, const QString &what)
    {
        auto *header = qobject_cast<ui::WrappingHeaderView *>(table->horizontalHeader());
        QVERIFY2(header, qPrintable(what));
        for (int section = 0; section < header->count(); ++section)
            QVERIFY2(!header->isElided(section),
                     qPrintable(what + u": "_s +
                                header->model()->headerData(section, Qt::Horizontal).toString() +
                                u" in %1 px, words need %2"_s.arg(header->sectionSize(section))
                                    .arg(header->wordWidth(section))));
    }

public:
    TestLayout()
        : GuiPageFixture(u"tst_layout"_s)
    {}

private slots:
    void init() { QVERIFY(openSampleAt(0)); }

    void cleanup()
    {
        closeWindow();
        QCOMPARE(ambiguousShortcuts(), QStringList());
    }

    void allAreas_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("laptop") << QSize(1366, 768);
        QTest::newRow("large") << QSize(1920, 1080);
    }

    void allAreas()
    {
        QFETCH(QSize, size);
        resizeTo(size);

        // Candidates: no sideways scrolling, the record's answers read whole.
        auto *candidates = window()->candidatesPage();
        QVERIFY(candidates->view()->horizontalScrollBar()->maximum() == 0);
        everyColumnFits(candidates->view(), u"candidates"_s);
        for (auto *field : candidates->detailPane()->findChildren<ui::FittingTextEdit *>())
            QVERIFY2(field->verticalScrollBar()->maximum() == 0, qPrintable(field->toPlainText()));
        test::screenshot(window(), u"candidates%1.png"_s.arg(suffix(size)));

        // RACI: every party's header whole.
        window()->showArea(1);
        QVERIFY(window()->raciPage()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        QApplication::processEvents();
        noHeaderCut(window()->raciPage()->view(), u"RACI"_s);
        QVERIFY(window()->raciPage()->partiesText()->text().contains(u"Tom Avery"_s));
        test::screenshot(window(), u"raci%1.png"_s.arg(suffix(size)));

        // KPIs: the names and the values' headers whole, review notes wrapped.
        window()->showArea(2);
        auto *kpis = window()->kpiPage();
        QVERIFY(kpis->selectPartner(idOf(u"Ledgerly"_s)));
        resizeTo(size);
        everyColumnFits(kpis->kpiTable(), u"KPIs"_s);
        noHeaderCut(kpis->valuesTable(), u"values"_s);
        auto *tabs =
            qobject_cast<QTabWidget *>(kpis->reviewsTree()->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(kpis->reviewsTree());
        QApplication::processEvents();
        QTreeWidget *reviews = kpis->reviewsTree();
        for (int i = 0; i < reviews->topLevelItemCount(); ++i) {
            QTreeWidgetItem *note = reviews->topLevelItem(i)->child(0);
            QVERIFY(note);
            const QRect shown = reviews->visualItemRect(note);
            const QRect needed = reviews->fontMetrics().boundingRect(
                QRect(0, 0, shown.width() - 8, 10000), Qt::TextWordWrap, note->text(0));
            QVERIFY2(shown.height() >= needed.height(),
                     qPrintable(u"%1: %2 px high for %3"_s.arg(note->text(0))
                                    .arg(shown.height())
                                    .arg(needed.height())));
        }
        test::screenshot(window(), u"kpis%1.png"_s.arg(suffix(size)));
        tabs->setCurrentIndex(0);

        // Proposal: the checks above the form, the page beside it.
        window()->showArea(3);
        QVERIFY(window()->proposalPage()->selectPartner(idOf(u"Ledgerly"_s)));
        QApplication::processEvents();
        QVERIFY(window()->proposalPage()->preview()->width() > 400);
        for (auto *field : window()->proposalPage()->findChildren<ui::FittingTextEdit *>())
            QVERIFY2(field->verticalScrollBar()->maximum() == 0, qPrintable(field->toPlainText()));
        test::screenshot(window(), u"proposal%1.png"_s.arg(suffix(size)));

        // Programme: the costs' and the inputs' headers whole, every cost column wide enough.
        window()->showArea(4);
        auto *programme = window()->programmePage();
        QVERIFY(programme->selectPartner(idOf(u"Brightpath Consulting"_s)));
        QApplication::processEvents();
        noHeaderCut(programme->costs()->grid()->table(), u"costs"_s);
        everyColumnFits(programme->costs()->grid()->table(), u"costs"_s);
        test::screenshot(window(), u"programme%1.png"_s.arg(suffix(size)));
        programme->numbersTabs()->setCurrentWidget(programme->inputs());
        QApplication::processEvents();
        noHeaderCut(programme->inputs()->table(), u"programme inputs"_s);
    }

    // A long party name wraps in its header instead of losing both ends; a name too long
    // for four lines is cut at its end, with the whole name in the tooltip.
    void longPartyNamesWrapThenElideAtTheEnd()
    {
        window()->showArea(1);
        auto *page = window()->raciPage();
        QVERIFY(page->selectPartner(idOf(u"Brightpath Consulting"_s)));
        QCOMPARE(
            page->addParty(u"Head of alliances and partner success"_s, domain::RaciSide::Partner),
            QString());
        QApplication::processEvents();
        auto *header = qobject_cast<ui::WrappingHeaderView *>(page->view()->horizontalHeader());
        QVERIFY(!header->isElided(header->count() - 1));
        QVERIFY(header->height() >= 3 * header->fontMetrics().lineSpacing());
        QCOMPARE(page->addParty(u"Supercalifragilisticexpialidocious-Partnerships-Department"_s,
                                domain::RaciSide::Ours),
                 QString());
        QApplication::processEvents();
        QVERIFY(header->isElided(header->count() - 1));
    }

    // Splitters come back as the user left them.
    void splitterSizesAreRemembered()
    {
        auto *splitter = window()->candidatesPage()->findChild<QSplitter *>();
        QVERIFY(splitter);
        const QList<int> before = splitter->sizes();
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip - QPoint(200, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(200, 0));
        const QList<int> dragged = splitter->sizes();
        QVERIFY2(dragged.first() < before.first() - 100,
                 qPrintable(QString::number(dragged.first())));

        const QString path = workbook()->path();
        window()->closeWorkbook();
        QVERIFY(window()->openWorkbook(path));
        QApplication::processEvents();
        splitter = window()->candidatesPage()->findChild<QSplitter *>();
        QVERIFY(std::abs(splitter->sizes().first() - dragged.first()) <= 2);
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
