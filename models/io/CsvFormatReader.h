#pragma once

#include "CsvReader.h"
#include "TableSource.h"

#include <QStringList>

namespace pb::io {

// The errors of an import, as every CSV format reports them.
struct CsvImportErrors
{
    // "FILE:LINE: column "NAME": what is wrong", at most 20; any error stops the import.
    QStringList errors;
};

// What every table format's reader shares (candidates, KPIs, RACI grids; overlap lists use the
// location and header rules): errors located as FILE:LINE: column "NAME": … (a CSV file) or
// FILE:SHEET!CELL: column "NAME": … (a sheet of a workbook), at most kMaxErrors; header
// names matched by one rule; and reading a whole table (TableSource) with the problems of the
// file itself first and alone, then the header and each row, which a format checks in
// header() and row(). A format's rules are written once and read both file types.
class CsvFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvFormatReader)
public:
    static constexpr int kMaxErrors = 20;

    CsvFormatReader(const QString &label, QStringList &errors);
    virtual ~CsvFormatReader() = default;

    // FILE:LINE: column "NAME": — or column N: when the column has no usable name, or no
    // column at all; the same shape in every format so that all imports read alike.
    static QString location(const QString &file, int line, const QString &column, int number = 0);
    // A problem of the reader as an error: located, at the column's name when the header
    // has one.
    static QString describe(const QString &file, const CsvTable &table, const CsvProblem &problem);
    // "Audience overlap", "audience-overlap" and "AUDIENCE_OVERLAP" name one column: case,
    // spaces, hyphens and underscores do not count (as "audience_overlap").
    static QString headerKey(QStringView name);
    // Names are compared the way people read them: "Sales lead" and " sales LEAD " are one.
    static QString nameKey(QStringView name);

    bool full() const { return m_errors.size() >= kMaxErrors; }
    // Adds location + what, unless kMaxErrors are there already. number: the column's
    // 1-based number (a sheet names its cell by it), 0 for none.
    void error(int line, const QString &column, int number, const QString &what);
    void takeProblems(const CsvTable &table);

    // Reads a whole table: the problems of the file itself come first and alone (past a broken
    // quote or bad bytes the cells are not what the author meant, so judging them would only
    // mislead); without any, header() and then row() for each row until the errors are full.
    // False when the rows were not read.
    bool readAll(TableSource &source);
    // A CSV file.
    bool readAll(const QByteArray &bytes, QChar separator = QChar());

protected:
    // Checks the header; false when the rows cannot be read at all.
    virtual bool header(const QStringList &header) = 0;
    // Checks one row; it may take the row's strings.
    virtual void row(CsvRow &row) = 0;

    const QString &fileLabel() const { return m_place.file; }
    QStringList &errors() { return m_errors; }
    // Where the header is (line 1 of a CSV file; the first row that is not empty in a sheet).
    int headerLine() const { return m_headerLine; }
    // "line 7" or "row 7".
    QString lineName(int line) const { return m_place.lineName(line); }
    // "the file is empty" or "the sheet is empty", at the header line, with what is required.
    void emptyTable(const QString &required);
    // A format with named columns: which header cell holds each of names (-1: none), matched
    // by headerKey. Reports unknown columns, a column given twice and the required ones
    // missing; false when it reported any.
    bool mapColumns(const QStringList &header, const QStringList &names, const QList<int> &required,
                    QList<int> &columns);

private:
    TablePlace m_place;
    int m_headerLine = 1;
    QStringList &m_errors;
};

} // namespace pb::io
