#pragma once

#include "CsvReader.h"

#include <QStringList>

namespace pb::io {

// The errors of an import, as every CSV format reports them.
struct CsvImportErrors
{
    // "FILE:LINE: column "NAME": what is wrong", at most 20; any error stops the import.
    QStringList errors;
};

// What every CSV format's reader shares (candidates, KPIs, RACI grids; overlap lists use the
// location and header rules): errors located as FILE:LINE: column "NAME": …, at most
// kMaxErrors; header names matched by one rule; and reading a whole file with the problems of
// the file itself first and alone, then the header and each row, which a format checks in
// header() and row().
class CsvFormatReader
{
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
    // Adds location + what, unless kMaxErrors are there already.
    void error(int line, const QString &column, int number, const QString &what);
    void takeProblems(const CsvTable &table);

    // Reads a whole file: the problems of the file itself come first and alone (past a broken
    // quote or bad bytes the cells are not what the author meant, so judging them would only
    // mislead); without any, header() and then row() for each row until the errors are full.
    // False when the rows were not read.
    bool readAll(const QByteArray &bytes, QChar separator = QChar());

protected:
    // Checks the header; false when the rows cannot be read at all.
    virtual bool header(const QStringList &header) = 0;
    // Checks one row; it may take the row's strings.
    virtual void row(CsvRow &row) = 0;

    const QString &fileLabel() const { return m_label; }
    QStringList &errors() { return m_errors; }

private:
    QString m_label;
    QStringList &m_errors;
};

} // namespace pb::io
