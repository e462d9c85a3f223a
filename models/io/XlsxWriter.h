#pragma once

#include "TableWriter.h"

#include <QHash>

#include <memory>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace pb::io {

// Writes a one-sheet .xlsx workbook that a colleague opens in Excel, LibreOffice or Google
// Sheets and reads at once: real number and date cells, a bold header row that stays in view
// (frozen) with a filter, column widths that fit, optional row and cell fills. Text is always
// a string cell (through FormulaGuard::forSheet), so a name such as =HYPERLINK(…) is shown as
// text and never runs as a formula. libxlsxwriter writes rows as they come (constant memory) into a
// temporary file; save() then puts the bytes in place through SafeFile, so a failed export leaves
// nothing.
class XlsxWriter : public TableWriter
{
    Q_DECLARE_TR_FUNCTIONS(XlsxWriter)
public:
    explicit XlsxWriter(const QString &sheetName);
    ~XlsxWriter() override;
    XlsxWriter(const XlsxWriter &) = delete;
    XlsxWriter &operator=(const XlsxWriter &) = delete;

    // A number format for a column's number cells ("0.0", "#,##0", "0%").
    void setNumberFormat(int column, const QString &format) override;
    void setHeader(const QStringList &names) override;
    // rowFill: a background for the whole row (the top three), invalid for none.
    void addRow(const QList<TableCell> &cells, const QColor &rowFill = {}) override;
    // Writes the file; an empty string on success, else why nothing was written.
    QString save(const QString &path);

    // The most characters a spreadsheet cell holds.
    static constexpr qsizetype kMaxCellText = 32767;

private:
    lxw_format *format(int column, TableCell::Kind kind, const QColor &fill);
    void writeCell(int column, const TableCell &cell, const QColor &rowFill);
    void noteWidth(int column, qsizetype characters);

    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace pb::io
