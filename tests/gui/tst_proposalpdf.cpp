// The proposal PDF itself, read back with poppler-utils: one page of the right size, the
// partner's name, the terms and the KPI names in its text, the metadata, embedded fonts,
// Unicode names, markup shown literally, and the refusal (with no file) when the page
// overflows. Skips when pdfinfo/pdftotext are not installed.
#include "io/ProposalDocument.h"
#include "io/SampleWorkbook.h"
#include "item/ProposalData.h"
#include "store/Workbook.h"

#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestProposalPdf : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<store::Workbook> m_workbook;

    static QString tool(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return u"<%1 failed: %2>"_s.arg(program,
                                            QString::fromUtf8(process.readAllStandardError()));
        return QString::fromUtf8(process.readAllStandardOutput());
    }
    static QString text(const QString &pdf) { return tool(u"pdftotext"_s, {pdf, u"-"_s}); }

    item::ProposalData ledgerly() const
    {
        return *item::ProposalData::gather(
            *m_workbook, *m_workbook->candidateIdByName(u"Ledgerly"_s), QDate(2026, 11, 23));
    }

private slots:
    void initTestCase()
    {
        for (const QString &program : {u"pdfinfo"_s, u"pdftotext"_s, u"pdffonts"_s}) {
            if (QStandardPaths::findExecutable(program).isEmpty())
                QSKIP("poppler-utils (pdfinfo, pdftotext, pdffonts) are not installed");
        }
        const QString path = m_dir.filePath(u"sample.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        store::StoreError error;
        m_workbook = store::Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
    }

    void onePageWithTheWholeProposal()
    {
        const item::ProposalData data = ledgerly();
        const io::ProposalDocument document(data.content(), QPageSize::A4);
        QVERIFY(document.fits());
        QCOMPARE(document.bodyPointSize(), io::ProposalDocument::kLargestBody);
        const QString pdf = m_dir.filePath(u"ledgerly.pdf"_s);
        QCOMPARE(document.writePdf(pdf, u"Maya Chen"_s), QString());

        const QString info = tool(u"pdfinfo"_s, {pdf});
        QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+1\\n"_s)), qPrintable(info));
        QVERIFY2(info.contains(u"595 x 842 pts (A4)"_s), qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(u"Title:\\s+Ledgerly — Finance dashboards"_s)),
                 qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(u"Creator:\\s+Playbook Workbench"_s)),
                 qPrintable(info));
        const QString meta = tool(u"pdfinfo"_s, {u"-meta"_s, pdf});
        QVERIFY2(meta.contains(u"<dc:creator><rdf:Seq><rdf:li>Maya Chen</rdf:li>"_s),
                 qPrintable(meta));

        // Real, selectable text: the partner, every KPI, the terms, the motion, contacts.
        const QString words = text(pdf).simplified();
        for (const QString &expected :
             {u"Ledgerly"_s, u"Finance dashboards, natively in Ledgerly"_s,
              u"Partner-sourced revenue"_s, u"Integration activation rate"_s, u"Referrals"_s,
              u"Partner satisfaction"_s, u"20 % of first-year revenue"_s, u"$15,000"_s,
              u"12 months, gated on the success metrics"_s, u"protected for 90 days"_s,
              u"Net 30, paid quarterly"_s, u"Lead generation"_s, u"Maya Chen (BD lead)"_s,
              u"sofia@ledgerly.example"_s, u"Proposal from Northwind Analytics"_s})
            QVERIFY2(words.contains(expected), qPrintable(expected + u" not in: "_s + words));

        const QString fonts = tool(u"pdffonts"_s, {pdf});
        QVERIFY2(!fonts.contains(QRegularExpression(u"\\sno\\s+(yes|no)\\s+(yes|no)\\s+\\d+"_s)),
                 qPrintable(fonts)); // every font embedded
    }

    void letterPaper()
    {
        const io::ProposalDocument document(ledgerly().content(), QPageSize::Letter);
        const QString pdf = m_dir.filePath(u"letter.pdf"_s);
        QCOMPARE(document.writePdf(pdf, u"Maya Chen"_s), QString());
        QVERIFY(tool(u"pdfinfo"_s, {pdf}).contains(u"612 x 792 pts (letter)"_s));
        QCOMPARE(
            io::ProposalDocument::defaultPageSize(QLocale(QLocale::English, QLocale::UnitedStates)),
            QPageSize::Letter);
        QCOMPARE(io::ProposalDocument::defaultPageSize(QLocale(QLocale::German, QLocale::Germany)),
                 QPageSize::A4);
    }

    void shrinksToFitThenRefuses()
    {
        item::ProposalData data = ledgerly();
        // A longer hypothesis: still one page, in smaller type.
        QString longer;
        for (int i = 0; i < 9; ++i)
            longer +=
                u"Our joint customers save a day of reporting every month. "_s.repeated(3) + u'\n';
        data.sources.proposal.setValue(ProposalField::Hypothesis, longer);
        const io::ProposalDocument smaller(data.content(), QPageSize::A4);
        QVERIFY(smaller.fits());
        QVERIFY2(smaller.bodyPointSize() < io::ProposalDocument::kLargestBody,
                 qPrintable(QString::number(smaller.bodyPointSize())));
        QVERIFY(smaller.bodyPointSize() >= io::ProposalDocument::kSmallestBody);

        // 100 kB of hypothesis cannot fit: refused, the section named, no file.
        data.sources.proposal.setValue(ProposalField::Hypothesis,
                                       u"All work and no play. "_s.repeated(5000));
        const io::ProposalDocument overflowing(data.content(), QPageSize::A4);
        QVERIFY(!overflowing.fits());
        QCOMPARE(overflowing.longestSection(), u"Hypothesis and structure"_s);
        QVERIFY2(overflowing.overflowMessage().contains(u"Hypothesis and structure"_s) &&
                     overflowing.overflowMessage().contains(u"lines too long"_s),
                 qPrintable(overflowing.overflowMessage()));
        const QString pdf = m_dir.filePath(u"overflow.pdf"_s);
        QCOMPARE(overflowing.writePdf(pdf, u"Maya Chen"_s), overflowing.overflowMessage());
        QVERIFY(!QFile::exists(pdf));
        // The preview marks it: the bottom of the page is red.
        const QImage preview = overflowing.render(1);
        const QColor bottom = preview.pixelColor(preview.width() / 2, preview.height() - 10);
        QVERIFY2(bottom.red() > 150 && bottom.green() < 100, qPrintable(bottom.name()));
    }

    void userTextIsText()
    {
        item::ProposalData data = ledgerly();
        const QString markup = u"<b>x</b> <img src=\"file:///etc/passwd\"> &amp; <script>"_s;
        data.sources.proposal.setValue(ProposalField::Hypothesis, markup);
        data.sources.proposal.setValue(ProposalField::Notes,
                                       u"'); DROP TABLE proposals;-- \u202Eevil\u202C 🚀"_s);
        const io::ProposalDocument document(data.content(), QPageSize::A4);
        QVERIFY(document.plainText().contains(markup));
        const QString pdf = m_dir.filePath(u"markup.pdf"_s);
        QCOMPARE(document.writePdf(pdf, u"Maya Chen"_s), QString());
        const QString words = text(pdf);
        QVERIFY2(words.contains(u"<b>x</b>"_s), qPrintable(words));
        QVERIFY2(words.contains(u"<img src=\"file:///etc/passwd\">"_s), qPrintable(words));
        QVERIFY2(words.contains(u"DROP TABLE proposals"_s), qPrintable(words));
        QVERIFY(!words.contains(u"root:"_s)); // nothing was loaded from the file
    }

    void unicodeNames()
    {
        item::ProposalData data = ledgerly();
        data.sources.candidate.name = u"Zürich Ølstrøm Łódź 東京"_s;
        const io::ProposalDocument document(data.content(), QPageSize::A4);
        const QString pdf = m_dir.filePath(u"unicode.pdf"_s);
        QCOMPARE(document.writePdf(pdf, u"Maya Chen"_s), QString());
        QVERIFY2(text(pdf).contains(u"Zürich Ølstrøm Łódź 東京"_s), qPrintable(text(pdf)));
    }

    void failedExportLeavesNothing()
    {
        const io::ProposalDocument document(ledgerly().content(), QPageSize::A4);
        const QString pdf = m_dir.filePath(u"missing/folder/p.pdf"_s);
        QVERIFY(!document.writePdf(pdf, u"Maya Chen"_s).isEmpty());
        QVERIFY(!QFile::exists(pdf));
        // Never over a workbook.
        QVERIFY(!document.writePdf(m_workbook->path(), u"Maya Chen"_s).isEmpty());
    }
};

QTEST_MAIN(TestProposalPdf)
#include "tst_proposalpdf.moc"
