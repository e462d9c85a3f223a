#include "TableSource.h"

#include "CsvFormatReader.h"
#include "FormulaGuard.h"
#include "XlsxReader.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::io {

namespace {

// A sheet name in a reference: as is when it is a plain word, else in single quotes with
// its quotes doubled ('Q1 list'!C12), as spreadsheets write it.
QString sheetReference(const QString &sheet)
{
    static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_.]*$"_s);
    if (plain.match(sheet).hasMatch())
        return sheet;
    return u'\'' + QString(sheet).replace(u'\'', u"''"_s) + u'\'';
}

// Leading columns that are empty in the header and in every row: a margin left of the table.
int marginOf(const SheetTable &sheet)
{
    int margin = 0;
    while (margin < sheet.header.size() && sheet.header.at(margin).trimmed().isEmpty())
        ++margin;
    if (margin == sheet.header.size())
        return 0;
    for (const SheetRow &row : sheet.rows) {
        for (int i = 0; i < margin && i < row.cells.size(); ++i) {
            if (!row.cells.at(i).trimmed().isEmpty())
                return 0;
        }
    }
    return margin;
}

} // namespace

QString TablePlace::location(int line, const QString &column, int number) const
{
    if (!isSheet())
        return CsvFormatReader::location(file, line, column, number);
    const QString cell = XlsxReader::cellName(firstColumn + std::max(number - 1, 0), line);
    QString text = u"%1:%2!%3:"_s.arg(file, sheetReference(sheet), cell);
    if (!column.isEmpty())
        text += u" column \"%1\":"_s.arg(column);
    return text;
}

QString TablePlace::lineName(int line) const
{
    return isSheet() ? TableSource::tr("row %1").arg(line) : TableSource::tr("line %1").arg(line);
}

TableSource TableSource::fromCsv(const QByteArray &bytes, const QString &file, QChar separator,
                                 int maxProblems)
{
    CsvTable table = CsvReader::read(bytes, maxProblems, separator);
    TableSource source;
    source.place.file = file;
    for (const CsvProblem &problem : table.problems)
        source.problems.append(CsvFormatReader::describe(file, table, problem));
    source.header = std::move(table.header);
    source.rows = std::move(table.rows);
    FormulaGuard::read(source.header);
    for (CsvRow &row : source.rows)
        FormulaGuard::read(row.fields);
    return source;
}

TableSource TableSource::fromSheet(SheetTable sheet, const QString &file, int maxProblems)
{
    TableSource source;
    source.place.file = file;
    if (!sheet.error.isEmpty()) {
        source.problems.append(file + u' ' + sheet.error);
        return source;
    }
    source.place.sheet = sheet.sheet;
    source.headerLine = std::max(sheet.headerRow, 1);
    const int margin = marginOf(sheet);
    source.place.firstColumn = margin;
    source.header = sheet.header.mid(margin);
    FormulaGuard::read(source.header);
    const qsizetype width = source.header.size();
    source.rows.reserve(sheet.rows.size());
    for (SheetRow &row : sheet.rows) {
        CsvRow record{row.row, row.cells.mid(margin)};
        row.cells = QStringList();
        if (record.fields.size() > width && source.problems.size() < maxProblems) {
            source.problems.append(
                source.place.location(row.row, {}, int(width) + 1) + u' ' +
                tr("the row has %1 cells, the header has %2").arg(record.fields.size()).arg(width));
        }
        // Cells after the last filled one are not stored; the formats see the header's width.
        if (record.fields.size() < width)
            record.fields.resize(width);
        FormulaGuard::read(record.fields);
        source.rows.append(std::move(record));
    }
    return source;
}

bool TableSource::isSpreadsheet(const QString &file, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == u"xlsx" || suffix == u"xlsm" || suffix == u"xls" ||
           XlsxReader::looksLikeXlsx(bytes);
}

TableSource TableSource::read(const QByteArray &bytes, const QString &file,
                              const QString &sheetName, int maxProblems)
{
    if (isSpreadsheet(file, bytes))
        return fromSheet(XlsxReader::read(bytes, sheetName), file, maxProblems);
    return fromCsv(bytes, file, QChar(), maxProblems);
}

} // namespace pb::io
