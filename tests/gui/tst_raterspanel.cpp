// Several raters on the Candidates area, offscreen: one person scoring shows no rater
// chooser and no spread column; a colleague's scores arriving (as a merge or an import
// would write them) bring both, the mean in the score cells with who gave what in the
// tooltip, and "rank by" one rater alone. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "candidates/CandidateTableView.h"
#include "candidates/CandidatesPage.h"
#include "candidates/RatersPanel.h"
#include "item/CandidateTableModel.h"
#include "store/Workbook.h"

#include <QComboBox>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::item::CandidateTableModel;

class TestRatersPanel : public QObject, public test::GuiPageFixture
{
    Q_OBJECT
public:
    TestRatersPanel()
        : GuiPageFixture(u"tst_raterspanel"_s)
    {}

private:
    ui::CandidatesPage *page() const { return window()->candidatesPage(); }
    ui::RatersPanel *panel() const { return page()->findChild<ui::RatersPanel *>(); }
    CandidateTableModel *model() const { return page()->findChild<CandidateTableModel *>(); }

private slots:
    void init() { QVERIFY(openSampleAt(0)); }
    void cleanup()
    {
        QCOMPARE(ambiguousShortcuts(), QStringList());
        closeWindow();
    }

    void oneRaterLooksAsBefore()
    {
        QVERIFY(panel());
        QVERIFY(!panel()->isVisible());
        QVERIFY(page()->view()->isColumnHidden(CandidateTableModel::SpreadColumn));
    }

    void colleaguesScoresShowMeanAndSpread()
    {
        // Ravi's and Ana's scores, as a merge of their copies would bring them.
        const QString raters[] = {u"Ravi"_s, u"Ana"_s};
        const int scores[][3] = {{1, 5, 2}, {2, 4, 5}};
        for (const QString &name : {u"Ledgerly"_s, u"Cobalt CRM"_s, u"Brightpath Consulting"_s}) {
            for (int r = 0; r < 2; ++r) {
                for (Dimension d : ScoringDimensions::all)
                    QVERIFY(!workbook()->setRatingScore(idOf(name), raters[r], d,
                                                        scores[r][int(d)]));
            }
        }
        QTRY_VERIFY(panel()->isVisible());
        QVERIFY(!page()->view()->isColumnHidden(CandidateTableModel::SpreadColumn));
        QComboBox *chooser = panel()->chooser();
        QCOMPARE(chooser->count(), 4); // everyone, then three raters
        QVERIFY(chooser->itemText(0).contains(u"3 raters"_s));
        const int row = model()->rowOf(idOf(u"Ledgerly"_s));
        const QModelIndex spread = model()->index(row, CandidateTableModel::SpreadColumn);
        QVERIFY(spread.data().toString().startsWith(u"⚠"_s));
        QVERIFY(model()
                    ->index(row, CandidateTableModel::AudienceOverlapColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"Mean of 3 raters"_s));
        test::screenshot(window(), u"candidates-raters.png"_s);

        // Rank by Ravi alone: his scores, and only what he scored is ranked.
        chooser->setCurrentIndex(chooser->findData(u"Ravi"_s));
        QCOMPARE(model()->rankAs(), u"Ravi"_s);
        QCOMPARE(model()->index(row, CandidateTableModel::AudienceOverlapColumn).data(),
                 QVariant(1));
        int ranked = 0;
        for (int r = 0; r < model()->rowCount(); ++r)
            ranked += model()->rankAt(r).rank > 0 ? 1 : 0;
        QCOMPARE(ranked, 3);
        test::screenshot(window(), u"candidates-rank-as.png"_s);
        chooser->setCurrentIndex(0);
        QCOMPARE(model()->rankAs(), QString());
    }
};

QTEST_MAIN(TestRatersPanel)
#include "tst_raterspanel.moc"
