#pragma once

// Test data of tst_xlsx, kept apart because moc does not read raw string literals: a zip maker
// and a workbook as another spreadsheet program writes it.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

#include <zip.h>

#include <map>

namespace pb::test {

using namespace Qt::StringLiterals;

using Parts = std::map<QString, QByteArray>;

// Debian's interpreter when python3-openpyxl is installed there (not a virtualenv's), else
// empty: the tests that ask a spreadsheet reader skip.
inline QString openpyxlPython()
{
    const QString python = QFile::exists(u"/usr/bin/python3"_s)
                               ? u"/usr/bin/python3"_s
                               : QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty() || QProcess::execute(python, {u"-c"_s, u"import openpyxl"_s}) != 0)
        return {};
    return python;
}

// A zip archive of the parts given, deflated (or stored), made with minizip.
inline QByteArray zip(const Parts &parts, bool deflate = true)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("made.zip")).toUtf8();
    zipFile archive = zipOpen64(path.constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, data] : parts) {
        zip_fileinfo info = {};
        zipOpenNewFileInZip64(archive, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0,
                              nullptr, deflate ? Z_DEFLATED : 0, deflate ? 6 : 0, 1);
        zipWriteInFileInZip(archive, data.constData(), unsigned(data.size()));
        zipCloseFileInZip(archive);
    }
    zipClose(archive, nullptr);
    QFile file(QString::fromUtf8(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline const QByteArray kRels = R"(<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
inline const QByteArray kWorkbook = R"(<?xml version="1.0"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Candidates" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>)";

// A workbook as another spreadsheet writes it: shared strings with rich text, an inline
// string, a formula with its cached value, a boolean, a date style and a gap in a row.
inline Parts handWritten()
{
    return {
        {u"[Content_Types].xml"_s, "<Types/>"},
        {u"xl/workbook.xml"_s, kWorkbook},
        {u"xl/_rels/workbook.xml.rels"_s, kRels},
        {u"xl/sharedStrings.xml"_s, R"(<sst><si><t>name</t></si><si><t>score</t></si>
<si><r><t>Led</t></r><r><t xml:space="preserve">gerly </t></r><rPh><t>x</t></rPh></si>
<si><t>=HYPERLINK("http://x","y")</t></si><si><t>since</t></si></sst>)"},
        {u"xl/styles.xml"_s, R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="d/m/yyyy"/>
</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>)"},
        {u"xl/worksheets/sheet1.xml"_s, R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>4</v></c></row>
<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><f>SUM(1,2)</f><v>3</v></c><c r="D3" s="1"><v>46000</v></c></row>
<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4"><v>-5</v></c><c r="C4" t="b"><v>1</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>+49 30 1234</t></is></c><c r="B5"><v>0.25</v></c><c r="D5" s="2"><v>45292</v></c></row>
</sheetData></worksheet>)"},
        {u"xl/worksheets/sheet2.xml"_s,
         R"(<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>only</t></is></c></row></sheetData></worksheet>)"},
    };
}

// Every kind of workbook the reader must refuse, and a phrase of the message it gives.
struct Malformed
{
    const char *name;
    QByteArray bytes;
    QString expected;
};
inline QList<Malformed> malformedWorkbooks()
{
    Parts noSheet = handWritten();
    noSheet.erase(u"xl/worksheets/sheet1.xml"_s);
    Parts broken = handWritten();
    broken[u"xl/worksheets/sheet1.xml"_s] = "<worksheet><sheetData><row r=\"1\"><c></row>";
    Parts macros = handWritten();
    macros[u"xl/vbaProject.bin"_s] = "VBA";
    // 50 MB of shared strings from a packed part of a few hundred kilobytes.
    Parts strings = handWritten();
    strings[u"xl/sharedStrings.xml"_s] =
        "<sst>" +
        QByteArray("<si><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>").repeated(1 << 20) +
        "</sst>";
    Parts bomb = handWritten();
    bomb[u"xl/worksheets/sheet1.xml"_s] = QByteArray(64 * 1024 * 1024, ' ');
    return {
        {"text", "name,score\nLedgerly,3\n", u"not a zip archive"_s},
        {"empty", {}, u"not a zip archive"_s},
        {"cut zip", zip(handWritten()).left(300), u"not a zip archive"_s},
        {"encrypted or xls",
         QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(512, '\0'),
         u"password-protected, or an old Excel"_s},
        {"zip without a workbook", zip({{u"word/document.xml"_s, "<w/>"}}),
         u"no xl/workbook.xml"_s},
        {"zip without the sheet", zip(noSheet), u"worksheets/sheet1.xml is missing"_s},
        {"broken xml", zip(broken), u"is damaged: xl/worksheets/sheet1.xml line 1"_s},
        {"macro-enabled", zip(macros), u"macro-enabled"_s},
        {"shared-strings bomb", zip(strings), u"xl/sharedStrings.xml unpacks to more than"_s},
        {"zip bomb", zip(bomb), u"too large to read safely"_s},
    };
}

} // namespace pb::test
