// File → Merge Changes From… (issue 17): the dialog shows what a colleague's copy brings in and
// each conflict side by side (before, ours, theirs) with the side to keep; the choices made
// there are what the merge applies; a copy with nothing new needs no dialog.
#include "GuiTestSupport.h"
#include "history/MergeDialog.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

class TestMergeDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Ours and theirs both change Ledgerly's owner and Cobalt CRM's stage; theirs also
    // writes a note on Cobalt CRM and adds a candidate.
    void makeConflictingPair()
    {
        QVERIFY(!io::SampleWorkbook::create(path(u"ours.playbook"_s)));
        QVERIFY(QFile::copy(path(u"ours.playbook"_s), path(u"theirs.playbook"_s)));
        for (const bool theirs : {true, false}) {
            StoreError error;
            auto workbook = Workbook::open(path(theirs ? u"theirs.playbook"_s
                                                       : u"ours.playbook"_s),
                                           {}, &error);
            QVERIFY(workbook);
            workbook->setAuthor(theirs ? u"Ravi Patel"_s : u"Maya Chen"_s);
            item::WorkbookEditor editor(workbook.get());
            const auto id = [&](const QString &name) {
                return *workbook->candidateIdByName(name);
            };
            QCOMPARE(editor.changeCandidateField(id(u"Ledgerly"_s), CandidateField::Owner,
                                                 theirs ? u"Ravi Patel"_s : u"Ann Lee"_s),
                     QString());
            QCOMPARE(editor.changeCandidateField(id(u"Cobalt CRM"_s), CandidateField::Stage,
                                                 theirs ? u"qualified"_s : u"pilot"_s),
                     QString());
            if (theirs) {
                QCOMPARE(editor.changeCandidateField(id(u"Cobalt CRM"_s), CandidateField::Notes,
                                                     u"Security review passed on 12 May"_s),
                         QString());
                qint64 added = 0;
                QCOMPARE(editor.addCandidate(&added), QString());
                QCOMPARE(editor.changeCandidateField(added, CandidateField::Name,
                                                     u"Northwind Payments"_s),
                         QString());
            }
        }
    }

private slots:
    void showsConflictsSideBySideAndMergesTheChoices()
    {
        makeConflictingPair();
        StoreError error;
        auto workbook = Workbook::open(path(u"ours.playbook"_s), {}, &error);
        QVERIFY(workbook);
        item::WorkbookEditor editor(workbook.get());
        MergeOptions dry;
        dry.dryRun = true;
        MergeReport report;
        QCOMPARE(editor.mergeFrom(path(u"theirs.playbook"_s), dry, &report), QString());
        QCOMPARE(report.conflicts.size(), 2);

        ui::MergeDialog dialog(report);
        QAbstractItemModelTester tester(dialog.conflictTable()->model());
        QTableWidget *table = dialog.conflictTable();
        QCOMPARE(table->rowCount(), 2);
        // By candidate: Cobalt CRM's stage, then Ledgerly's owner.
        QCOMPARE(table->item(0, 0)->text(), u"Cobalt CRM"_s);
        QCOMPARE(table->item(1, 0)->text(), u"Ledgerly"_s);
        QCOMPARE(table->item(1, 3)->text(), u"Ann Lee"_s);   // ours
        QCOMPARE(table->item(1, 4)->text(), u"Ravi Patel"_s); // theirs
        const auto *changes = dialog.findChild<QListWidget *>(u"changes"_s);
        QVERIFY(changes->count() >= 2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::screenshot(&dialog, u"merge-dialog.png"_s);

        // Ours by default; one conflict set to theirs.
        for (const MergeSide side : dialog.choices())
            QCOMPARE(side, MergeSide::Ours);
        auto *keep = qobject_cast<QComboBox *>(table->cellWidget(0, 5));
        keep->setCurrentIndex(1);
        MergeOptions options;
        options.choices = dialog.choices();
        QCOMPARE(editor.mergeFrom(path(u"theirs.playbook"_s), options, &report), QString());
        QVERIFY(report.applied);
        const auto ledgerly = workbook->candidate(*workbook->candidateIdByName(u"Ledgerly"_s));
        const auto cobalt = workbook->candidate(*workbook->candidateIdByName(u"Cobalt CRM"_s));
        QCOMPARE(ledgerly->owner, u"Ann Lee"_s);
        QCOMPARE(stageId(cobalt->stage), u"qualified"_s);
        QCOMPARE(cobalt->notes, u"Security review passed on 12 May"_s);
        QVERIFY(workbook->candidateIdByName(u"Northwind Payments"_s));

        // Keep All Theirs sets every row.
        dialog.keepAll(MergeSide::Theirs);
        for (const MergeSide side : dialog.choices())
            QCOMPARE(side, MergeSide::Theirs);
        // Merged once, the same copy has nothing new: no dialog.
        QVERIFY(ui::MergeDialog::run(&editor, path(u"theirs.playbook"_s), nullptr)
                    .startsWith(u"Nothing to merge"_s));
    }
};

QTEST_MAIN(TestMergeDialog)
#include "tst_mergedialog.moc"
