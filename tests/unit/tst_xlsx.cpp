// The .xlsx reader and writer: typed cells written and read back as typed (hostile text stays
// text), what a spreadsheet sees in our files (openpyxl, where installed), and every kind of
// malformed file refused with a message.
#include "io/XlsxReader.h"
#include "io/XlsxWriter.h"
#include "unit/XlsxFixtures.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::io;
using namespace pb::test;

class TestXlsx : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatSpreadsheetsWrite();
    void readsANamedSheet();
    void readsMonthsAndPercentages();
    void writesAndReadsBackTyped();
    void aSpreadsheetSeesTextNumbersAndDates();
    void tooLongTextIsRefused();
    void malformed_data();
    void malformed();

private:
    QString writeSample(const QString &path, const QStringList &names);
    QTemporaryDir m_dir;
};

void TestXlsx::readsWhatSpreadsheetsWrite()
{
    const SheetTable table = XlsxReader::read(zip(handWritten()));
    QCOMPARE(table.error, QString());
    QCOMPARE(table.sheet, u"Candidates"_s);
    QCOMPARE(table.header, (QStringList{u"name"_s, u"score"_s, QString(), u"since"_s}));
    QCOMPARE(table.rows.size(), 3);
    QCOMPARE(table.rows.at(0).row, 3);
    QCOMPARE(table.rows.at(0).cells,
             (QStringList{u"Ledgerly "_s, u"3"_s, QString(), u"2025-12-09"_s}));
    QCOMPARE(table.rows.at(1).cells,
             (QStringList{u"=HYPERLINK(\"http://x\",\"y\")"_s, u"-5"_s, u"yes"_s}));
    QCOMPARE(table.rows.at(2).cells,
             (QStringList{u"+49 30 1234"_s, u"0.25"_s, QString(), u"2024-01-01"_s}));
    QCOMPARE(XlsxReader::cellName(0, 3), u"A3"_s);
    QCOMPARE(XlsxReader::cellName(27, 10), u"AB10"_s);
}

void TestXlsx::readsANamedSheet()
{
    const SheetTable notes = XlsxReader::read(zip(handWritten()), u"notes"_s);
    QCOMPARE(notes.error, QString());
    QCOMPARE(notes.sheet, u"Notes"_s);
    QCOMPARE(notes.header, (QStringList{QString(), u"only"_s}));
    const SheetTable missing = XlsxReader::read(zip(handWritten()), u"Budget"_s);
    QVERIFY2(missing.error.contains(u"no sheet named \"Budget\" (its sheets: Candidates, Notes)"_s),
             qPrintable(missing.error));
}

void TestXlsx::readsMonthsAndPercentages()
{
    // A month format (no day) reads as YYYY-MM, the way KPI periods are exported; a percentage
    // as people typed it (12.5% is stored as 0.125).
    Parts parts = handWritten();
    parts[u"xl/styles.xml"_s] =
        "<styleSheet><numFmts><numFmt numFmtId=\"165\" formatCode=\"mmm yyyy\"/>"
        "<numFmt numFmtId=\"166\" formatCode=\"0.0%\"/></numFmts><cellXfs><xf numFmtId=\"0\"/>"
        "<xf numFmtId=\"165\"/><xf numFmtId=\"10\"/><xf numFmtId=\"166\"/><xf numFmtId=\"17\"/>"
        "</cellXfs></styleSheet>";
    parts[u"xl/worksheets/sheet1.xml"_s] =
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>46082</v></c>"
        "<c r=\"B1\" s=\"2\"><v>0.125</v></c><c r=\"C1\" s=\"3\"><v>0.07</v></c>"
        "<c r=\"D1\" s=\"4\"><v>46082.5</v></c><c r=\"E1\"><v>1E+22</v></c></row>"
        "</sheetData></worksheet>";
    const SheetTable table = XlsxReader::read(zip(parts));
    QCOMPARE(table.error, QString());
    QCOMPARE(table.header, (QStringList{u"2026-03"_s, u"12.5%"_s, u"7%"_s, u"2026-03"_s,
                                        u"10000000000000000000000"_s}));
}

QString TestXlsx::writeSample(const QString &path, const QStringList &names)
{
    XlsxWriter writer(u"Candidates"_s);
    writer.setNumberFormat(1, u"0.0"_s);
    writer.setHeader({u"name"_s, u"score"_s, u"since"_s, u"note"_s});
    for (int i = 0; i < names.size(); ++i) {
        TableCell status = TableCell::ofText(u"on track"_s);
        status.fill = QColor(0x21, 0x66, 0xac);
        writer.addRow({TableCell::ofText(names.at(i)),
                       TableCell::ofNumber(-5.5 + i, QString::number(-5.5 + i)),
                       TableCell::ofDate(QDate(2026, 3, 1 + i)), status},
                      i == 0 ? QColor(0xff, 0xf2, 0xcc) : QColor());
    }
    return writer.save(path);
}

void TestXlsx::writesAndReadsBackTyped()
{
    QVERIFY(m_dir.isValid());
    const QStringList names{u"=HYPERLINK(\"http://evil\",\"x\")"_s,
                            u"+SUM(A1)"_s,
                            u"-5"_s,
                            u"@cmd"_s,
                            u"\tTabbed"_s,
                            u"\rReturn"_s,
                            u"東京 Partners 🚀"_s,
                            u"line\nbreak"_s,
                            u"_x0041_ literal"_s,
                            u"  spaced  "_s};
    const QString path = m_dir.filePath(u"round.xlsx"_s);
    QCOMPARE(writeSample(path, names), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const SheetTable table = XlsxReader::read(file.readAll());
    QCOMPARE(table.error, QString());
    QCOMPARE(table.header, (QStringList{u"name"_s, u"score"_s, u"since"_s, u"note"_s}));
    QCOMPARE(table.rows.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(table.rows.at(i).row, i + 2);
        QCOMPARE(table.rows.at(i).cells.at(0), names.at(i));
        QCOMPARE(table.rows.at(i).cells.at(1), QString::number(-5.5 + i));
        QCOMPARE(table.rows.at(i).cells.at(2), QDate(2026, 3, 1 + i).toString(Qt::ISODate));
    }
}

void TestXlsx::aSpreadsheetSeesTextNumbersAndDates()
{
    const QString interpreter = openpyxlPython();
    if (interpreter.isEmpty())
        QSKIP("python3-openpyxl is not installed");
    const QString path = m_dir.filePath(u"seen.xlsx"_s);
    QCOMPARE(writeSample(path, {u"=1+1"_s, u"Ledgerly"_s}), QString());
    const QString script = QStringLiteral(PLAYBOOK_SOURCE_DIR "/tests/unit/xlsx_seen.py");
    QProcess process;
    process.start(interpreter, {script, path});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestXlsx::tooLongTextIsRefused()
{
    const QString path = m_dir.filePath(u"long.xlsx"_s);
    const QString error = writeSample(path, {QString(40000, u'x')});
    QVERIFY2(error.contains(u"cell A2 holds 40000 characters"_s), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestXlsx::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    for (const Malformed &file : malformedWorkbooks())
        QTest::newRow(file.name) << file.bytes << file.expected;
}

void TestXlsx::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const SheetTable table = XlsxReader::read(bytes);
    QVERIFY2(table.error.contains(expected), qPrintable(table.error));
    QVERIFY(table.header.isEmpty());
    QVERIFY(table.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestXlsx)
#include "tst_xlsx.moc"
