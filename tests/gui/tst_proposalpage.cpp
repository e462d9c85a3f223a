// The Proposal area, offscreen: it opens on a partnership with a live preview, a term
// typed in is stored as one undo step and checked beside its field, a bad value is refused
// without changing anything, an overflowing page is marked and cannot be exported, and
// the exported PDF is the page. Set PLAYBOOK_SCREENSHOT_DIR to keep pictures.
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "io/ProposalDocument.h"
#include "io/SampleWorkbook.h"
#include "item/ProposalData.h"
#include "item/WorkbookEditor.h"
#include "proposal/ProposalFieldsForm.h"
#include "proposal/ProposalPage.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestProposalPage : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    ui::ProposalPage *page() const { return window()->proposalPage(); }
    QUndoStack *undo() const { return editor()->undoStack(); }

public:
    TestProposalPage()
        : GuiPageFixture(u"tst_proposalpage"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(3));
        QVERIFY(page() && page()->isVisible());
    }

    void cleanup() { closeWindow(); }

    void opensWithALivePreview()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        QCOMPARE(page()->currentPartner(), idOf(u"Ledgerly"_s));
        QVERIFY(page()->document() && page()->document()->fits());
        QVERIFY(!page()->preview()->pixmap().isNull());
        QVERIFY(page()->preview()->pixmap().width() > 300);
        QVERIFY2(page()->fitLabel()->text().contains(u"One page"_s),
                 qPrintable(page()->fitLabel()->text()));
        QCOMPARE(qobject_cast<QLineEdit *>(page()->fieldEditor(u"rev_share_pct"_s))->text(),
                 u"20"_s);
        QVERIFY(page()->findingCodes().isEmpty());
        test::screenshot(window(), u"proposal-ledgerly.png"_s);
        if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
            !folder.isEmpty())
            page()->document()->render(1.4).save(QDir(folder).filePath(u"proposal-page.png"_s));
    }

    // Issue 21, item 10: the checks stay in view while the terms are edited, however far the
    // form is scrolled; clicking a check goes to its field.
    void checksStayInViewWhileEditing()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        QWidget *title = page()->fieldEditor(u"title"_s);
        QTest::mouseClick(title, Qt::LeftButton);
        QTRY_VERIFY(title->hasFocus());
        // Down the form with Tab to its last field: the form scrolls.
        QWidget *last = page()->fieldEditor(u"payment_terms"_s);
        for (int i = 0; i < 40 && !last->hasFocus(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(last->hasFocus());
        QWidget *form = last;
        while (form && !qobject_cast<QScrollArea *>(form))
            form = form->parentWidget();
        auto *scroll = qobject_cast<QScrollArea *>(form);
        QVERIFY(scroll);
        QVERIFY(scroll->verticalScrollBar()->value() > 0);
        // Back up to exclusivity and make it open-ended (typed into its list, which also
        // offers the value): the check shows, in view.
        auto *exclusivity = qobject_cast<QComboBox *>(page()->fieldEditor(u"exclusivity_months"_s));
        QVERIFY(exclusivity && exclusivity->isEditable());
        for (int i = 0; i < 10 && !exclusivity->hasFocus(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QVERIFY(exclusivity->hasFocus());
        exclusivity->lineEdit()->selectAll();
        QTest::keyClicks(exclusivity->lineEdit(), u"open-ended"_s);
        QTest::keyClick(exclusivity->lineEdit(), Qt::Key_Tab);
        QVERIFY(page()->findingCodes().contains(u"terms.exclusivity_open_ended"_s));
        QListWidget *checks = nullptr;
        for (QListWidget *list : page()->findChildren<QListWidget *>()) {
            if (list->accessibleName() == u"Checks on the terms"_s)
                checks = list;
        }
        QVERIFY(checks);
        QVERIFY(!scroll->isAncestorOf(checks));
        QVERIFY(scroll->verticalScrollBar()->value() > 0);
        const QRect shown(checks->mapTo(window(), QPoint(0, 0)), checks->size());
        QVERIFY(window()->rect().contains(shown));
        QVERIFY(!checks->visibleRegion().isEmpty());
        // The check is read whole: the list is as tall as its wrapped text.
        const QRect item0 = checks->visualItemRect(checks->item(0));
        const QRect needed = checks->fontMetrics().boundingRect(
            QRect(0, 0, item0.width() - 8, 10000), Qt::TextWordWrap, checks->item(0)->text());
        QVERIFY2(item0.height() >= needed.height(), qPrintable(checks->item(0)->text()));
        QVERIFY(item0.bottom() <= checks->viewport()->height());
        test::screenshot(window(), u"proposal-checks.png"_s);

        // Clicking the check goes to the field it is about.
        QTest::mouseClick(title, Qt::LeftButton);
        QListWidgetItem *item = checks->item(0);
        QCOMPARE(item->data(Qt::UserRole).toString(), u"exclusivity_months"_s);
        QTest::mouseClick(checks->viewport(), Qt::LeftButton, {},
                          checks->visualItemRect(item).center());
        QTRY_VERIFY(exclusivity->hasFocus());
    }

    void aTermIsStoredCheckedAndUndone()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        QVERIFY(page()->selectPartner(id));
        QCOMPARE(page()->setField(u"exclusivity_months"_s, u"open-ended"_s), QString());
        QCOMPARE(workbook()->proposal(id).namedValue(ProposalField::ExclusivityMonths),
                 u"open-ended"_s);
        QVERIFY(page()->findingCodes().contains(u"terms.exclusivity_open_ended"_s));
        QVERIFY(page()->fieldWarning(u"exclusivity_months"_s)->isVisible());
        QVERIFY(page()->document()->plainText().contains(u"no end date"_s));
        test::screenshot(window(), u"proposal-warning.png"_s);

        undo()->undo();
        QCOMPARE(workbook()->proposal(id).count(ProposalField::ExclusivityMonths), 12);
        QApplication::processEvents();
        QVERIFY(!page()->findingCodes().contains(u"terms.exclusivity_open_ended"_s));
        QVERIFY(!page()->fieldWarning(u"exclusivity_months"_s)->isVisible());
        QCOMPARE(
            qobject_cast<QComboBox *>(page()->fieldEditor(u"exclusivity_months"_s))->currentText(),
            u"12"_s);

        // Cleared, it is not stated: no warning, and the page says nothing about it.
        QCOMPARE(page()->setField(u"exclusivity_months"_s, QString()), QString());
        QVERIFY(!workbook()->proposal(id).value(ProposalField::ExclusivityMonths).isValid());
        QVERIFY(page()->findingCodes().isEmpty());
        QVERIFY(!page()->document()->plainText().contains(u"Exclusiv"_s));
        undo()->undo();

        // The structure is the candidate's: changing it here changes it there.
        QCOMPARE(page()->setField(u"structure"_s, u"reseller"_s), QString());
        QCOMPARE(workbook()->candidate(id)->structure, Structure::Reseller);
        QVERIFY(page()->findingCodes().isEmpty()); // 20 % is within 15–40 % for a reseller
    }

    // Open-ended is a choice in the exclusivity control, never what an empty field means.
    void exclusivityIsAChoiceOrMonths()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        QVERIFY(page()->selectPartner(id));
        auto *exclusivity = qobject_cast<QComboBox *>(page()->fieldEditor(u"exclusivity_months"_s));
        QVERIFY(exclusivity && exclusivity->isEditable());
        const int openEnded = exclusivity->findData(u"open-ended"_s);
        QVERIFY(openEnded > 0);
        exclusivity->setCurrentIndex(openEnded);
        emit exclusivity->activated(openEnded);
        QCOMPARE(workbook()->proposal(id).namedValue(ProposalField::ExclusivityMonths),
                 u"open-ended"_s);
        exclusivity->setFocus();
        exclusivity->lineEdit()->selectAll();
        QTest::keyClicks(exclusivity->lineEdit(), u"15"_s);
        QTest::keyClick(exclusivity->lineEdit(), Qt::Key_Return);
        QCOMPARE(workbook()->proposal(id).count(ProposalField::ExclusivityMonths), 15);
        auto *gated = qobject_cast<QCheckBox *>(page()->fieldEditor(u"exclusivity_gated"_s));
        QVERIFY(gated && gated->isChecked());
        gated->click();
        QVERIFY(page()->findingCodes().contains(u"terms.exclusivity_ungated"_s));
        QVERIFY(page()->fieldWarning(u"exclusivity_gated"_s)->isVisible());
        QVERIFY(page()->document()->plainText().contains(u"15 months"_s));
        QWidget *form = exclusivity->parentWidget();
        while (form && !qobject_cast<ui::ProposalFieldsForm *>(form))
            form = form->parentWidget();
        QVERIFY(form);
        test::screenshot(form, u"proposal-terms-form.png"_s);
        QVERIFY(!page()->document()->plainText().contains(u"gated on the success metrics"_s));
    }

    // Each kind of editor the form builds from the field table stores what the user does.
    void editorsStoreWhatIsTyped()
    {
        const qint64 id = idOf(u"Ledgerly"_s);
        QVERIFY(page()->selectPartner(id));
        auto *share = qobject_cast<QLineEdit *>(page()->fieldEditor(u"rev_share_pct"_s));
        QVERIFY(share);
        share->setFocus();
        share->selectAll();
        QTest::keyClicks(share, u"15"_s);
        QTest::keyClick(share, Qt::Key_Return);
        QCOMPARE(workbook()->proposal(id).number(ProposalField::RevSharePercent), 15.0);

        auto *cap = qobject_cast<QCheckBox *>(page()->fieldEditor(u"first_year_cap"_s));
        QVERIFY(cap && cap->isChecked());
        cap->click();
        QVERIFY(!workbook()->proposal(id).isYes(ProposalField::FirstYearCap));

        auto *structure = qobject_cast<QComboBox *>(page()->fieldEditor(u"structure"_s));
        QVERIFY(structure);
        structure->setCurrentIndex(structure->findData(u"referral"_s));
        emit structure->activated(structure->currentIndex());
        QCOMPARE(workbook()->candidate(id)->structure, Structure::Referral);

        auto *notes = qobject_cast<QPlainTextEdit *>(page()->fieldEditor(u"notes"_s));
        QVERIFY(notes);
        notes->setFocus();
        notes->setPlainText(u"Typed here"_s);
        share->setFocus(); // leaving the notes saves them
        QApplication::processEvents();
        QCOMPARE(workbook()->proposal(id).text(ProposalField::Notes), u"Typed here"_s);
        QCOMPARE(undo()->undoText(), u"Change Notes"_s);

        // The tab order follows the screen: from the notes to the logo button beneath them.
        QWidget *next = notes->nextInFocusChain();
        while (next != notes && !(next->isVisible() && (next->focusPolicy() & Qt::TabFocus)))
            next = next->nextInFocusChain();
        auto *button = qobject_cast<QPushButton *>(next);
        QVERIFY(button);
        QCOMPARE(button->text(), u"Choose Logo…"_s);
    }

    void aBadValueChangesNothing()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        const Proposal before = workbook()->proposal(idOf(u"Ledgerly"_s));
        const int steps = undo()->count();
        const QString error = page()->setField(u"rev_share_pct"_s, u"twenty"_s);
        QVERIFY2(error.contains(u"not a number"_s), qPrintable(error));
        QVERIFY(page()->fieldWarning(u"rev_share_pct"_s)->text().contains(u"Not saved"_s));
        QCOMPARE(workbook()->proposal(idOf(u"Ledgerly"_s)), before);
        QCOMPARE(undo()->count(), steps);
    }

    void userTextIsShownLiterally()
    {
        QVERIFY(page()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        const QString markup = u"<b>x</b> <img src=\"file:///etc/passwd\">"_s;
        QCOMPARE(page()->setField(u"hypothesis"_s, markup), QString());
        QVERIFY(page()->document()->plainText().contains(markup));
    }

    void overflowIsMarkedAndRefused()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        QCOMPARE(page()->setField(u"notes"_s, u"A very long note. "_s.repeated(5000)), QString());
        QVERIFY(!page()->document()->fits());
        QVERIFY2(page()->fitLabel()->text().contains(u"Commercial terms"_s),
                 qPrintable(page()->fitLabel()->text()));
        test::screenshot(window(), u"proposal-overflow.png"_s);
        const QString pdf = filePath(u"overflow.pdf"_s);
        QCOMPARE(page()->exportPdf(pdf), page()->document()->overflowMessage());
        QVERIFY(!QFile::exists(pdf));
        // Undo, and it fits again and exports.
        undo()->undo();
        QApplication::processEvents();
        QVERIFY(page()->document()->fits());
        QCOMPARE(page()->exportPdf(pdf), QString());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));
    }

    void letterAndLogo()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        page()->setPageSize(QPageSize::Letter);
        QCOMPARE(page()->document()->pageSizePoints().toSize(), QSize(612, 792));
        const QString logo = filePath(u"logo.png"_s);
        QImage image(300, 100, QImage::Format_RGB32);
        image.fill(QColor(0x1f, 0x3b, 0x57));
        QVERIFY(image.save(logo));
        QCOMPARE(page()->setLogo(logo), QString());
        QVERIFY(!workbook()->image(u"logo"_s).isEmpty());
        QVERIFY(!page()->setLogo(filePath(u"missing.png"_s)).isEmpty());
        undo()->undo();
        QVERIFY(workbook()->image(u"logo"_s).isEmpty());
    }

    void laptopAndLargeWindows()
    {
        QVERIFY(page()->selectPartner(idOf(u"Ledgerly"_s)));
        window()->resize(1920, 1080);
        QApplication::processEvents();
        test::screenshot(window(), u"proposal-large.png"_s);
        QVERIFY(page()->preview()->pixmap().width() > 500);
    }
};

QTEST_MAIN(TestProposalPage)
#include "tst_proposalpage.moc"
