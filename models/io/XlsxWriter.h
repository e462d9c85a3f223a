#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace pb::io {

// One cell to write: text, a number or a date, with an optional fill (a KPI status colour).
struct XlsxCell
{
    enum class Kind { Empty, Text, Number, Date };
    Kind kind = Kind::Empty;
    QString text;
    double number = 0;
    QDate date;
    QColor fill;

    static XlsxCell ofText(QString text) { return {Kind::Text, std::move(text), 0, {}, {}}; }
    static XlsxCell ofNumber(double number) { return {Kind::Number, {}, number, {}, {}}; }
    static XlsxCell ofDate(QDate date) { return {Kind::Date, {}, 0, date, {}}; }
};

// Writes a one-sheet .xlsx workbook that a colleague opens in Excel, LibreOffice or Google
// Sheets and reads at once: real number and date cells, a bold header row that stays in view
// (frozen) with a filter, column widths that fit, optional row and cell fills. Text is always
// a string cell, so a name such as =HYPERLINK(…) is shown as text and never runs as a
// formula. libxlsxwriter writes rows as they come (constant memory) into a temporary file;
// save() then puts the bytes in place through SafeFile, so a failed export leaves nothing.
class XlsxWriter
{
    Q_DECLARE_TR_FUNCTIONS(XlsxWriter)
public:
    explicit XlsxWriter(const QString &sheetName);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter &) = delete;
    XlsxWriter &operator=(const XlsxWriter &) = delete;

    // A number format for a column's number cells ("0.0", "#,##0", "0%").
    void setNumberFormat(int column, const QString &format);
    void setHeader(const QStringList &names);
    // rowFill: a background for the whole row (the top three), invalid for none.
    void addRow(const QList<XlsxCell> &cells, const QColor &rowFill = {});
    // Writes the file; an empty string on success, else why nothing was written.
    QString save(const QString &path);

    // The most characters a spreadsheet cell holds.
    static constexpr qsizetype kMaxCellText = 32767;

private:
    lxw_format *format(int column, bool date, const QColor &fill);
    void writeCell(int column, const XlsxCell &cell, const QColor &rowFill);
    void noteWidth(int column, qsizetype characters);

    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pb::io
