#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace pb::io {

// One row of a sheet as text: its 1-based row number in the sheet and its cells from column
// A on, without the empty cells at its end.
struct SheetRow
{
    int row = 0;
    QStringList cells;
};

// A sheet read as the import formats read a CSV file: the first non-empty row is the header,
// empty rows are skipped. error is set (and nothing else) when the file cannot be read.
struct SheetTable
{
    QString sheet;
    int headerRow = 0;
    QStringList header;
    QList<SheetRow> rows;
    QString error;
};

// Reads one sheet of an .xlsx workbook (Office Open XML): the zip container through
// ZipArchive (minizip), the parts with QXmlStreamReader. Shared strings, inline strings, numbers
// (the shortest exact form, no exponent), booleans (as yes/no), dates (cells whose style is a
// date format, as YYYY-MM-DD; YYYY-MM when it shows no day) and percentages (12.5%) become text,
// as a CSV file would hold them; a formula counts by its cached value. A string cell is read as
// typed (the import formats then apply FormulaGuard). Refused with a
// message (and nothing read): not a zip, password-protected (an encrypted OOXML file is an
// OLE container) or an old .xls, macro-enabled, damaged XML, no such sheet, and parts that
// would unpack to more than is safe (zip bombs, huge shared-string tables).
class XlsxReader
{
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)
public:
    // sheetName: the sheet to read; empty reads the first.
    static SheetTable read(const QByteArray &bytes, const QString &sheetName = {});
    // "C12" for column index 2 (0-based) and row 12.
    static QString cellName(int column, int row);
    // Whether bytes look like a zip archive (an .xlsx file) rather than text.
    static bool looksLikeXlsx(const QByteArray &bytes);
};

} // namespace pb::io
