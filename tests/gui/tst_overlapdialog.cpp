// "Measure audience overlap…", offscreen: the dialog measures two lists on its worker
// thread, records the result on the candidate (score and evidence) as one undo step, the
// detail pane shows the evidence, and a tokens file with too few shared accounts tells
// nothing more than "fewer than 5".
#include "io/AccountOverlap.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "candidates/CandidateDetailPane.h"
#include "candidates/OverlapDialog.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestOverlapDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    qint64 cobalt() const { return *m_workbook->candidateIdByName(u"Cobalt CRM"_s); }

private slots:
    void init()
    {
        const QString path =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        store::StoreError error;
        m_workbook = store::Workbook::open(path, {}, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
    }

    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void measureRecordAndUndo()
    {
        // 100 of ours, 12 shared: 12 % of ours gives score 4 with the default thresholds.
        QByteArray ours = "Company,Website\n", theirs = "email\n";
        for (int i = 0; i < 100; ++i)
            ours += "Co " + QByteArray::number(i) + ",https://www.co" + QByteArray::number(i) +
                    ".com/\n";
        for (int i = 88; i < 150; ++i)
            theirs += "buyer@co" + QByteArray::number(i) + ".com\n";
        const auto before = m_workbook->candidate(cobalt())->audienceOverlap;
        QVERIFY(before != 4);

        ui::OverlapDialog dialog(m_editor.get(), cobalt());
        dialog.setFiles(write(u"ours.csv"_s, ours), write(u"theirs.csv"_s, theirs));
        QCOMPARE(dialog.measure(true), QString());
        QCOMPARE(dialog.result().shared, 12);
        QCOMPARE(dialog.proposedScore(), 4);
        QVERIFY(dialog.recordButton()->isEnabled());
        QVERIFY2(dialog.resultLabel()->text().contains(u"12.0 % of ours"_s),
                 qPrintable(dialog.resultLabel()->text()));
        if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            QDir().mkpath(folder);
            dialog.resize(640, 420);
            dialog.show();
            QApplication::processEvents();
            dialog.grab().save(QDir(folder).filePath(u"overlap-dialog.png"_s));
        }
        QCOMPARE(dialog.record(), QString());

        QCOMPARE(m_workbook->candidate(cobalt())->audienceOverlap, 4);
        const auto evidence = m_workbook->overlapEvidence(cobalt());
        QVERIFY(evidence);
        QCOMPARE(evidence->method, OverlapMethod::Plain);
        QCOMPARE(evidence->shared, 12);
        QCOMPARE(evidence->ours, 100);
        QCOMPARE(evidence->measuredOn, QDate::currentDate());

        ui::CandidateDetailPane pane(m_editor.get());
        pane.setCandidate(cobalt());
        QVERIFY2(pane.overlapLabel()->text().contains(u"12 shared accounts"_s),
                 qPrintable(pane.overlapLabel()->text()));
        if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            pane.resize(420, 760);
            pane.show();
            QApplication::processEvents();
            pane.grab().save(QDir(folder).filePath(u"overlap-pane.png"_s));
        }

        // One undo step takes score and evidence back; the pane follows.
        QCOMPARE(m_editor->undoStack()->count(), 1);
        m_editor->undoStack()->undo();
        QCOMPARE(m_workbook->candidate(cobalt())->audienceOverlap, before);
        QVERIFY(!m_workbook->overlapEvidence(cobalt()));
        QVERIFY(pane.overlapLabel()->text().startsWith(u"Not measured"_s));
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->candidate(cobalt())->audienceOverlap, 4);
    }

    void tokensWithTooFewShared()
    {
        const QString keyPath = write(u"k.key"_s, io::AccountOverlap::newKeyFile());
        QString why;
        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray agreed = io::AccountOverlap::readKey(keyFile.readAll(), {}, &why);
        io::AccountOverlap::Accounts theirs;
        QCOMPARE(io::AccountOverlap::readCsv("domain\na.com\nb.com\nc.com\n", u"t"_s, {}, theirs),
                 QString());
        const QString tokens =
            write(u"theirs.tokens"_s, io::AccountOverlap::writeTokens(theirs, agreed));
        QByteArray ours = "domain\na.com\n";
        for (int i = 0; i < 500; ++i)
            ours += "other" + QByteArray::number(i) + ".com\n";

        ui::OverlapDialog dialog(m_editor.get(), cobalt());
        dialog.setFiles(write(u"ours.csv"_s, ours), tokens, keyPath);
        QCOMPARE(dialog.measure(true), QString());
        QVERIFY(!dialog.result().shared);
        QVERIFY2(dialog.resultLabel()->text().contains(u"fewer than 5"_s),
                 qPrintable(dialog.resultLabel()->text()));
        // At most 5 of 501 is under 2 %: the score is 1 whatever the exact count.
        QCOMPARE(dialog.proposedScore(), 1);
        QCOMPARE(dialog.record(), QString());
        const auto evidence = m_workbook->overlapEvidence(cobalt());
        QCOMPARE(evidence->method, OverlapMethod::Private);
        QVERIFY(!evidence->shared);

        // Without the key: refused with a message, nothing recorded.
        ui::OverlapDialog keyless(m_editor.get(), cobalt());
        keyless.setFiles(m_dir.filePath(u"ours.csv"_s), tokens);
        QVERIFY(keyless.measure(true).contains(u"--key"_s));
        QVERIFY(!keyless.recordButton()->isEnabled());
    }
};

QTEST_MAIN(TestOverlapDialog)
#include "tst_overlapdialog.moc"
