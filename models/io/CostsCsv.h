#pragma once

#include "CsvFormatReader.h"
#include "TableWriter.h"
#include "domain/Pnl.h"

#include <QCoreApplication>

namespace pb::io {

struct CostsCsvImport : CsvImportErrors
{
    QList<domain::CostEdit> costs; // in the file's order, each with an amount
};

// One partnership's monthly costs as CSV (README, "Costs CSV"), or as a sheet of an .xlsx
// workbook: the candidates CSV's file rules (UTF-8, optional BOM, LF/CRLF, comma or semicolon,
// RFC 4180 quoting). Header `month`, `category`, `amount`, in any order and case; one row per
// cost: a month (YYYY-MM), a category (time, tools, commissions, support) and an amount of
// zero or more — hours for time, money in the workbook's currency for the others. A month,
// category or amount that does not parse, or a month and category given twice, stops the
// import. Read by the Programme area and `playbook-cli costs`.
class CostsCsv
{
    Q_DECLARE_TR_FUNCTIONS(CostsCsv)
public:
    // A CSV file, or a workbook (by its name or first bytes; sheetName or the first sheet).
    static CostsCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                                const QString &sheetName = {});
    static CostsCsvImport parse(TableSource &source);

    // The costs entered (commissions derived from the terms are not: they follow the terms),
    // by month and category; months are month cells, amounts number cells. Importing the
    // result into a partnership without costs gives the same costs.
    static void write(TableWriter &writer, const QList<domain::CostEntry> &costs);
    // Comma-separated, CRLF; withBom for files spreadsheets open.
    static QByteArray write(const QList<domain::CostEntry> &costs, bool withBom = true);
    // To a file, .xlsx or CSV by its extension (TableFile); an empty string on success.
    static QString save(const QString &path, const QList<domain::CostEntry> &costs);
};

} // namespace pb::io
