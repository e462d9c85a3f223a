#pragma once

#include "CsvReader.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pb::io {

// One cell of an exported table: text, a number or a date (a day, or a month such as a KPI
// period), with an optional fill (a KPI status colour). text is what a CSV file holds for it:
// for a number its written form ("62.5"), for a date YYYY-MM-DD or YYYY-MM.
struct TableCell
{
    enum class Kind { Empty, Text, Number, Date, Month };
    Kind kind = Kind::Empty;
    QString text;
    double number = 0;
    QDate date;
    QColor fill;

    static TableCell ofText(QString text) { return {Kind::Text, std::move(text), 0, {}, {}}; }
    static TableCell ofNumber(double number, QString text)
    {
        return {Kind::Number, std::move(text), number, {}, {}};
    }
    static TableCell ofDate(QDate date)
    {
        return {Kind::Date, date.toString(Qt::ISODate), 0, date, {}};
    }
    // The first day of the month as the date; shown (and written to CSV) as YYYY-MM.
    static TableCell ofMonth(QDate date)
    {
        return {Kind::Month, date.toString(u"yyyy-MM"), 0, date, {}};
    }
};

// Where a format writes its table, so that each format's columns and rows are written once
// for both file types: CsvTableWriter (bytes) and XlsxWriter (a typed sheet). The header is
// text; a row fill colours a whole row (the top three); number formats and fills only show in
// a sheet.
class TableWriter
{
public:
    virtual ~TableWriter() = default;
    // A number format for a column's number cells in a sheet ("0.0", "#,##0").
    virtual void setNumberFormat(int column, const QString &format) = 0;
    virtual void setHeader(const QStringList &names) = 0;
    virtual void addRow(const QList<TableCell> &cells, const QColor &rowFill = {}) = 0;
};

// RFC 4180 CSV with CRLF line ends and an optional BOM (for files spreadsheets open). Text
// cells go through FormulaGuard::forCsv; numbers and dates are written as their text.
class CsvTableWriter : public TableWriter
{
public:
    explicit CsvTableWriter(QChar separator = u',', bool withBom = true);
    void setNumberFormat(int, const QString &) override {}
    void setHeader(const QStringList &names) override;
    void addRow(const QList<TableCell> &cells, const QColor &rowFill = {}) override;
    const QByteArray &bytes() const { return m_bytes; }
    QByteArray take() { return std::move(m_bytes); }

private:
    QChar m_separator;
    CsvWriter m_writer;
    QByteArray m_bytes;
};

// Writing a table to a file, the type chosen by the file's extension: .xlsx is a workbook
// with one sheet, anything else CSV.
class TableFile
{
    Q_DECLARE_TR_FUNCTIONS(TableFile)
public:
    using Write = std::function<void(TableWriter &writer)>;
    static bool isXlsx(const QString &path);
    // Writes through SafeFile; an empty string on success, else why nothing was written.
    static QString save(const QString &path, const QString &sheetName, const Write &write);
    // The bytes of a CSV file (withBom for files spreadsheets open; not on standard output).
    static QByteArray csv(const Write &write, bool withBom = true);
};

} // namespace pb::io
