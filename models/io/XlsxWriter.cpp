#include "XlsxWriter.h"

#include "FormulaGuard.h"
#include "SafeFile.h"
#include "XlsxReader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <tuple>

using namespace Qt::StringLiterals;

namespace pb::io {

namespace {

// Widths in characters: a little over the longest text, within reason.
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;
constexpr lxw_row_t kHeaderRow = 0;

// A text that already holds "_xHHHH_" would read back as the character HHHH (OOXML's escape
// for characters XML cannot hold, which libxlsxwriter uses for control characters); its
// underscore is escaped itself, as Excel does, so that the text reads back as typed.
// And through FormulaGuard: a string cell is text already, but text that starts with a quote
// and then a formula character gets one more, as the readers expect.
QByteArray literalText(const QString &text)
{
    const QString guarded = FormulaGuard::forSheet(text);
    if (!guarded.contains(u"_x"))
        return guarded.toUtf8();
    static const QRegularExpression escape(u"_(x[0-9A-Fa-f]{4}_)"_s);
    return QString(guarded).replace(escape, u"_x005F_\\1"_s).toUtf8();
}

lxw_color_t rgb(const QColor &color)
{
    return lxw_color_t(color.rgb() & 0xffffff);
}

} // namespace

struct XlsxWriter::State
{
    QTemporaryDir folder;
    QByteArray tmpdir;
    QByteArray sheetName;
    lxw_workbook *workbook = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *header = nullptr;
    // (column, kind, fill) → the format made for it, so that each look is one format.
    std::map<std::tuple<int, TableCell::Kind, QRgb>, lxw_format *> formats;
    QHash<int, QByteArray> numberFormats;
    QList<double> widths;
    lxw_row_t row = 0;
    int columns = 0;
    QString error;
};

XlsxWriter::XlsxWriter(const QString &sheetName)
    : m_state(std::make_unique<State>())
{
    State &s = *m_state;
    // A sheet name holds at most 31 characters and none of []:*?/\ (Excel's rules).
    QString name = sheetName.left(31);
    for (QChar bad : u"[]:*?/\\"_s)
        name.replace(bad, u'_');
    s.sheetName = name.toUtf8();
    s.tmpdir = s.folder.path().toUtf8();
    if (!s.folder.isValid()) {
        s.error = tr("no temporary folder could be made (%1)").arg(s.folder.errorString());
        return;
    }
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = s.tmpdir.data();
    const QByteArray file = s.folder.filePath(u"export.xlsx"_s).toUtf8();
    s.workbook = workbook_new_opt(file.constData(), &options);
    s.sheet = s.workbook ? workbook_add_worksheet(s.workbook, s.sheetName.constData()) : nullptr;
    if (!s.sheet) {
        s.error = tr("the spreadsheet could not be started");
        return;
    }
    s.header = workbook_add_format(s.workbook);
    format_set_bold(s.header);
    format_set_bottom(s.header, LXW_BORDER_THIN);
}

XlsxWriter::~XlsxWriter()
{
    // Never saved: close it all the same (into the temporary folder, which goes with us).
    if (m_state->workbook)
        workbook_close(m_state->workbook);
}

void XlsxWriter::setNumberFormat(int column, const QString &format)
{
    m_state->numberFormats.insert(column, format.toUtf8());
}

void XlsxWriter::setHeader(const QStringList &names)
{
    State &s = *m_state;
    if (!s.sheet)
        return;
    for (int column = 0; column < names.size(); ++column) {
        const QByteArray text = literalText(names.at(column));
        worksheet_write_string(s.sheet, kHeaderRow, lxw_col_t(column), text.constData(), s.header);
        noteWidth(column, names.at(column).size() + 2);
    }
    s.columns = std::max(s.columns, int(names.size()));
    worksheet_freeze_panes(s.sheet, 1, 0);
    s.row = kHeaderRow + 1;
}

void XlsxWriter::addRow(const QList<TableCell> &cells, const QColor &rowFill)
{
    State &s = *m_state;
    if (!s.sheet || !s.error.isEmpty())
        return;
    const int columns = std::max(int(cells.size()), rowFill.isValid() ? s.columns : 0);
    for (int column = 0; column < columns && s.error.isEmpty(); ++column)
        writeCell(column, column < cells.size() ? cells.at(column) : TableCell(), rowFill);
    s.columns = std::max(s.columns, int(cells.size()));
    ++s.row;
}

void XlsxWriter::writeCell(int column, const TableCell &cell, const QColor &rowFill)
{
    State &s = *m_state;
    const QColor fill = cell.fill.isValid() ? cell.fill : rowFill;
    const auto col = lxw_col_t(column);
    lxw_error result = LXW_NO_ERROR;
    // Empty text is no cell, as in a spreadsheet (an empty string cell reads as filled).
    const TableCell::Kind kind = cell.kind == TableCell::Kind::Text && cell.text.isEmpty()
                                     ? TableCell::Kind::Empty
                                     : cell.kind;
    switch (kind) {
    case TableCell::Kind::Text: {
        if (cell.text.size() > kMaxCellText) {
            s.error = tr("cell %1 holds %2 characters; a spreadsheet cell holds at most %3 "
                         "(export as CSV instead)")
                          .arg(XlsxReader::cellName(column, int(s.row) + 1))
                          .arg(cell.text.size())
                          .arg(kMaxCellText);
            return;
        }
        const QByteArray text = literalText(cell.text);
        result = worksheet_write_string(s.sheet, s.row, col, text.constData(),
                                        format(column, cell.kind, fill));
        noteWidth(column, cell.text.size());
        break;
    }
    case TableCell::Kind::Number:
        result = worksheet_write_number(s.sheet, s.row, col, cell.number,
                                        format(column, cell.kind, fill));
        noteWidth(column, std::max(cell.text.size(), QString::number(cell.number, 'f', 1).size()));
        break;
    case TableCell::Kind::Date:
    case TableCell::Kind::Month: {
        lxw_datetime date = {cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
        result =
            worksheet_write_datetime(s.sheet, s.row, col, &date, format(column, cell.kind, fill));
        noteWidth(column, 10);
        break;
    }
    case TableCell::Kind::Empty:
        if (fill.isValid())
            result = worksheet_write_blank(s.sheet, s.row, col, format(column, kind, fill));
        break;
    }
    if (result != LXW_NO_ERROR)
        s.error = QString::fromUtf8(lxw_strerror(result));
}

lxw_format *XlsxWriter::format(int column, TableCell::Kind kind, const QColor &fill)
{
    State &s = *m_state;
    // A month shows no day, which is how XlsxReader tells a month from a day.
    const QByteArray number = kind == TableCell::Kind::Date     ? QByteArrayLiteral("yyyy-mm-dd")
                              : kind == TableCell::Kind::Month  ? QByteArrayLiteral("yyyy-mm")
                              : kind == TableCell::Kind::Number ? s.numberFormats.value(column)
                                                                : QByteArray();
    if (number.isEmpty() && !fill.isValid())
        return nullptr;
    // Formats are per column only where a column has its own number format.
    const bool ownFormat = kind == TableCell::Kind::Number && !number.isEmpty();
    const auto key =
        std::make_tuple(ownFormat ? column : -1, number.isEmpty() ? TableCell::Kind::Empty : kind,
                        fill.isValid() ? fill.rgb() : 0);
    if (const auto found = s.formats.find(key); found != s.formats.end())
        return found->second;
    lxw_format *made = workbook_add_format(s.workbook);
    if (!number.isEmpty())
        format_set_num_format(made, number.constData());
    if (fill.isValid()) {
        format_set_pattern(made, LXW_PATTERN_SOLID);
        format_set_bg_color(made, rgb(fill));
    }
    s.formats.emplace(key, made);
    return made;
}

void XlsxWriter::noteWidth(int column, qsizetype characters)
{
    QList<double> &widths = m_state->widths;
    if (column >= widths.size())
        widths.resize(column + 1, kMinWidth);
    widths[column] = std::clamp(double(characters) + 1.5, widths[column], kMaxWidth);
}

QString XlsxWriter::save(const QString &path)
{
    State &s = *m_state;
    if (s.error.isEmpty() && s.sheet) {
        for (int column = 0; column < s.widths.size(); ++column)
            worksheet_set_column(s.sheet, lxw_col_t(column), lxw_col_t(column), s.widths.at(column),
                                 nullptr);
        if (s.columns > 0)
            worksheet_autofilter(s.sheet, kHeaderRow, 0, std::max(s.row, lxw_row_t(1)) - 1,
                                 lxw_col_t(s.columns - 1));
    }
    const lxw_error closed = s.workbook ? workbook_close(s.workbook) : LXW_NO_ERROR;
    s.workbook = nullptr;
    if (s.error.isEmpty() && closed != LXW_NO_ERROR)
        s.error = QString::fromUtf8(lxw_strerror(closed));
    if (!s.error.isEmpty())
        return tr("%1: not written: %2").arg(path, s.error);
    QFile made(s.folder.filePath(u"export.xlsx"_s));
    if (!made.open(QIODevice::ReadOnly))
        return tr("%1: not written: %2").arg(path, made.errorString());
    return SafeFile::write(path, made.readAll());
}

} // namespace pb::io
