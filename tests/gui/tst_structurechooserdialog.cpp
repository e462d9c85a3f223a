// The Choose Structure dialog, offscreen: the answers move the recommendation and its
// highlighted column, Use This Structure accepts with it (or with the column picked), Save
// Answers keeps the structure.
#include "candidates/StructureChooserDialog.h"
#include "gui/GuiTestSupport.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

// Chooses an entry of a question by keyboard, as a user would.
void answer(QComboBox *box, const QString &text)
{
    box->setFocus();
    const int target = box->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    while (box->currentIndex() < target)
        QTest::keyClick(box, Qt::Key_Down);
    while (box->currentIndex() > target)
        QTest::keyClick(box, Qt::Key_Up);
}

bool columnIsBold(QTableWidget *matrix, int column)
{
    return matrix->horizontalHeaderItem(column)->font().bold();
}

} // namespace

class TestStructureChooserDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings(u"tst_structurechooserdialog"_s); }

    void answersMoveTheRecommendation()
    {
        ui::StructureChooserDialog dialog(u"Brightpath Consulting"_s, Structure::Referral, {});
        dialog.resize(1100, 560);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.recommended(), Structure::Referral);
        QVERIFY(columnIsBold(dialog.matrix(), 0));
        answer(dialog.question(6), u"sell and deliver"_s);
        answer(dialog.question(1), u"yes"_s);
        answer(dialog.question(2), u"yes"_s);
        QCOMPARE(dialog.recommended(), Structure::Reseller);
        QVERIFY(columnIsBold(dialog.matrix(), 1));
        QVERIFY(!columnIsBold(dialog.matrix(), 0));
        QVERIFY2(dialog.reasonsLabel()->text().contains(u"fund the enablement"_s),
                 qPrintable(dialog.reasonsLabel()->text()));
        QCOMPARE(dialog.useButton()->text(), u"&Use Reseller"_s);
        test::screenshot(&dialog, u"structure-chooser.png"_s);
        QTest::mouseClick(dialog.useButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosenStructure(), Structure::Reseller);
        QCOMPARE(dialog.answers().partnerRole, PartnerRole::SellAndDeliver);
        QCOMPARE(dialog.answers().productMarketFit, YesNo::Yes);
    }

    void pickedColumnWins()
    {
        ChooserAnswers answers;
        answers.needsEngineering = YesNo::Yes;
        ui::StructureChooserDialog dialog(u"Ledgerly"_s, Structure::Unset, answers);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.recommended(), Structure::Integration);
        // The user clicks the co-marketing column's first cell.
        QTableWidget *matrix = dialog.matrix();
        const QRect cell = matrix->visualItemRect(matrix->item(0, 3));
        QTest::mouseClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseClick(dialog.useButton(), Qt::LeftButton);
        QCOMPARE(dialog.chosenStructure(), Structure::CoMarketing);
    }

    void saveAnswersKeepsTheStructure()
    {
        ui::StructureChooserDialog dialog(u"Ledgerly"_s, Structure::Integration, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        answer(dialog.question(0), u"yes"_s);
        const auto buttons = dialog.findChildren<QPushButton *>();
        QPushButton *save = nullptr;
        for (QPushButton *b : buttons) {
            if (b->text() == u"&Save Answers")
                save = b;
        }
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.chosenStructure());
        QCOMPARE(dialog.answers().newToMarket, YesNo::Yes);
        QVERIFY(dialog.matrix()->horizontalHeaderItem(2)->text().endsWith(u"(now)"_s));
    }
};

QTEST_MAIN(TestStructureChooserDialog)
#include "tst_structurechooserdialog.moc"
