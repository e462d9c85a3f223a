#pragma once

#include "CsvFormatReader.h"
#include "TableWriter.h"
#include "domain/Raci.h"

#include <QCoreApplication>

namespace pb::io {

struct RaciCsvImport : CsvImportErrors
{
    domain::RaciGrid grid; // ids are 0: the store assigns them
};

// One partnership's RACI grid as CSV (README, "RACI CSV"), or as a sheet of an .xlsx workbook:
// the candidates CSV's file rules (UTF-8, optional BOM, LF/CRLF, comma or semicolon, RFC 4180
// quoting); header `activity`
// then one column per party, partner-side parties written `partner:NAME`; each further
// row an activity and its cells (R, A, C, I, A/R or R/A, any case, spaces ignored, or
// empty). An invalid cell, an empty or repeated activity, or a repeated party (names
// compared ignoring case and surrounding spaces, per side) stops the import.
class RaciCsv
{
    Q_DECLARE_TR_FUNCTIONS(RaciCsv)
public:
    static constexpr int kMaxErrors = CsvFormatReader::kMaxErrors;
    // A CSV file, or a workbook (by its name or first bytes; sheetName or the first sheet).
    static RaciCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                               const QString &sheetName = {});
    static RaciCsvImport parse(TableSource &source);
    // The grid as a table, the partner's side tinted (in a sheet).
    static void write(TableWriter &writer, const domain::RaciGrid &grid);
    // Comma-separated, CRLF; withBom for files spreadsheets open. parse(write(g)) == g
    // apart from ids.
    static QByteArray write(const domain::RaciGrid &grid, bool withBom = true);
    // To a file, .xlsx or CSV by its extension (TableFile); an empty string on success.
    static QString save(const QString &path, const domain::RaciGrid &grid);
};

} // namespace pb::io
