// playbook-cli with .xlsx files (issue 18): the import and export verbs choose the file type by
// extension and read back what they wrote; --sheet names the sheet; errors name the cell; and
// malformed workbooks are refused with a message while the workbook stays byte-for-byte as it
// was.
#include "cli/CliRunner.h"
#include "domain/QualificationFields.h"
#include "io/XlsxWriter.h"
#include "unit/XlsxFixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using test::Run;

class TestCliXlsx : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sample;

    Run cli(const QStringList &arguments) { return test::runCli(arguments); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        m_sample = file(u"sample.playbook"_s);
        QCOMPARE(cli({u"new"_s, m_sample, u"--sample"_s}).code, 0);
    }

    void candidatesRoundTrip()
    {
        const QString xlsx = file(u"candidates.xlsx"_s);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, m_sample, xlsx}).code, 0);
        QVERIFY(test::readBytes(xlsx).startsWith("PK\x03\x04"));
        const QString copy = file(u"copy.playbook"_s);
        QCOMPARE(cli({u"new"_s, copy}).code, 0);
        Run run = cli({u"candidates"_s, u"import"_s, copy, xlsx});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"added 30, updated 0\n"_s);
        QCOMPARE(run.err, QString());
        QCOMPARE(cli({u"candidates"_s, u"export"_s, copy}).out,
                 cli({u"candidates"_s, u"export"_s, m_sample}).out);
        // By name (any case); a sheet that is not there; --sheet for a CSV file.
        run = cli({u"candidates"_s, u"import"_s, copy, xlsx, u"--sheet"_s, u"CANDIDATES"_s});
        QCOMPARE(run.out, u"added 0, updated 0\n"_s);
        run = cli({u"candidates"_s, u"import"_s, copy, xlsx, u"--sheet"_s, u"Budget"_s});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"has no sheet named \"Budget\" (its sheets: Candidates)"_s),
                 qPrintable(run.err));
        const QString csv = file(u"candidates.csv"_s);
        QCOMPARE(cli({u"candidates"_s, u"export"_s, m_sample, csv}).code, 0);
        run = cli({u"candidates"_s, u"import"_s, copy, csv, u"--sheet"_s, u"Candidates"_s});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"--sheet applies to .xlsx workbooks"_s), qPrintable(run.err));
    }

    void formulaNamesStayText()
    {
        // Through the CLI's streaming CSV import and its exports: a name a spreadsheet would
        // run is written as text and read back as it was, in both file types.
        const QString path = file(u"formulas.playbook"_s);
        QCOMPARE(cli({u"new"_s, path}).code, 0);
        const QString csv = file(u"formulas.csv"_s);
        QVERIFY(test::writeBytes(csv, "name,notes\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\n"
                                      "'@cmd,'+1\n''=quoted,\n"));
        QCOMPARE(cli({u"candidates"_s, u"import"_s, path, csv}).out, u"added 3, updated 0\n"_s);
        const QString exported = cli({u"candidates"_s, u"export"_s, path}).out;
        // The notes, then the qualification columns, empty.
        const QString unknown =
            QString(u","_s).repeated(domain::QualificationFields::all().size()) + u"\r\n"_s;
        QVERIFY2(exported.contains(u",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","_s) &&
                     exported.contains(u",'@cmd,"_s) && exported.contains(u",''=quoted,"_s) &&
                     exported.contains(u",'-5"_s + unknown) &&
                     exported.contains(u",'+1"_s + unknown),
                 qPrintable(exported));
        for (const QString &type : {u"csv"_s, u"xlsx"_s}) {
            const QString out = file(u"formulas-out."_s + type);
            QCOMPARE(cli({u"candidates"_s, u"export"_s, path, out}).code, 0);
            const QString copy = file(u"formulas-"_s + type + u".playbook"_s);
            QCOMPARE(cli({u"new"_s, copy}).code, 0);
            QCOMPARE(cli({u"candidates"_s, u"import"_s, copy, out}).out, u"added 3, updated 0\n"_s);
            QCOMPARE(cli({u"candidates"_s, u"export"_s, copy}).out, exported);
        }
    }

    void raciAndKpisRoundTrip()
    {
        const QString path = file(u"partners.playbook"_s);
        QVERIFY(QFile::copy(m_sample, path));
        for (const QString &verb : {u"raci"_s, u"kpi"_s}) {
            const QString xlsx = file(verb + u".xlsx"_s);
            QCOMPARE(cli({verb, u"export"_s, path, u"Ledgerly"_s, xlsx}).code, 0);
            const Run run = cli({verb, u"import"_s, path, u"Quanta Forms"_s, xlsx});
            QVERIFY2(run.code == 0, qPrintable(run.err));
            QCOMPARE(cli({verb, u"export"_s, path, u"Quanta Forms"_s}).out,
                     cli({verb, u"export"_s, path, u"Ledgerly"_s}).out);
        }
    }

    void errorsNameTheCell()
    {
        const QString path = file(u"strict.playbook"_s);
        QVERIFY(QFile::copy(m_sample, path));
        const test::Fingerprint before = test::fingerprint(path);
        io::XlsxWriter writer(u"Q1 list"_s);
        writer.setHeader({u"name"_s, u"audience_overlap"_s});
        writer.addRow({io::TableCell::ofText(u"Acme"_s), io::TableCell::ofNumber(7, u"7"_s)});
        const QString xlsx = file(u"bad.xlsx"_s);
        QCOMPARE(writer.save(xlsx), QString());
        const Run run = cli({u"candidates"_s, u"import"_s, path, xlsx});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(xlsx) +
                                  u":'Q1 list'!B2: column \"audience_overlap\": \"7\" is not a "
                                  u"score"_s),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(u"Nothing was imported"_s));
        QCOMPARE(test::fingerprint(path), before);
    }

    void malformedChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        for (const test::Malformed &file : test::malformedWorkbooks())
            QTest::newRow(file.name) << file.bytes << file.expected;
    }

    void malformedChangesNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString path = file(u"kept.playbook"_s);
        if (!QFile::exists(path))
            QVERIFY(QFile::copy(m_sample, path));
        const test::Fingerprint before = test::fingerprint(path);
        const QString xlsx = file(u"malformed.xlsx"_s);
        QVERIFY(test::writeBytes(xlsx, bytes));
        const QStringList imports[] = {
            {u"candidates"_s, u"import"_s, path, xlsx},
            {u"raci"_s, u"import"_s, path, u"Ledgerly"_s, xlsx},
            {u"kpi"_s, u"import"_s, path, u"Ledgerly"_s, xlsx},
        };
        for (const QStringList &arguments : imports) {
            const Run run = cli(arguments);
            QCOMPARE(run.code, 2);
            QVERIFY2(run.err.startsWith(QDir::toNativeSeparators(xlsx)) &&
                         run.err.contains(expected) && run.err.contains(u"Nothing was imported"_s),
                     qPrintable(arguments.at(0) + u": "_s + run.err));
            QCOMPARE(test::fingerprint(path), before);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliXlsx)
#include "tst_cli_xlsx.moc"
