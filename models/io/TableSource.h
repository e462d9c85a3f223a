#pragma once

#include "CsvReader.h"

#include <QCoreApplication>
#include <QStringList>

namespace pb::io {

struct SheetTable;

// How an import names a place in the file it reads: FILE:LINE in a CSV file,
// FILE:SHEET!CELL in a sheet of a workbook (the sheet name quoted as spreadsheets quote it).
struct TablePlace
{
    QString file;
    QString sheet;       // empty for a CSV file
    int firstColumn = 0; // sheet columns left of the table (a margin), for cell names

    bool isSheet() const { return !sheet.isEmpty(); }
    // FILE:LINE: or FILE:SHEET!C12:, then column "NAME": when the column has a name, or (CSV)
    // column N: when it has none. number is the column's 1-based number in the table, 0 for
    // none (a sheet then names the row's first cell).
    QString location(int line, const QString &column, int number) const;
    // "line 7" or "row 7", for messages that point at another row.
    QString lineName(int line) const;
};

// A table an import format reads whole: the records of a CSV file or the rows of one sheet
// of an .xlsx workbook, as text, with FormulaGuard's quote already taken off every cell; and
// the problems of the file itself (located, at most maxProblems), which stop an import before
// any row is judged. The formats' row rules read this, so they are written once for both.
struct TableSource
{
    Q_DECLARE_TR_FUNCTIONS(TableSource)
public:
    TablePlace place;
    int headerLine = 1;
    QStringList header;
    QList<CsvRow> rows;
    QStringList problems;

    // A CSV file; separator as CsvReader::read takes it.
    static TableSource fromCsv(const QByteArray &bytes, const QString &file,
                               QChar separator = QChar(), int maxProblems = 20);
    // One sheet, as XlsxReader read it. A row with more cells than the header is a problem,
    // as in a CSV file; leading empty columns (a margin) are left out.
    static TableSource fromSheet(SheetTable sheet, const QString &file, int maxProblems = 20);
    // A spreadsheet when isSpreadsheet() says so (sheetName, or the first sheet), else CSV.
    static TableSource read(const QByteArray &bytes, const QString &file,
                            const QString &sheetName = {}, int maxProblems = 20);
    // By the name (.xlsx, .xlsm, .xls) or the first bytes (a zip or OLE container): a
    // workbook, which XlsxReader reads or refuses with a message, rather than text.
    static bool isSpreadsheet(const QString &file, const QByteArray &bytes);
};

} // namespace pb::io
