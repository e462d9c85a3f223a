#pragma once

#include "CsvFormatReader.h"
#include "domain/Raci.h"

#include <QCoreApplication>

namespace pb::io {

struct RaciCsvImport : CsvImportErrors
{
    domain::RaciGrid grid; // ids are 0: the store assigns them
};

// One partnership's RACI grid as CSV (README, "RACI CSV"): the candidates CSV's file rules
// (UTF-8, optional BOM, LF/CRLF, comma or semicolon, RFC 4180 quoting); header `activity`
// then one column per party, partner-side parties written `partner:NAME`; each further
// row an activity and its cells (R, A, C, I, A/R or R/A, any case, spaces ignored, or
// empty). An invalid cell, an empty or repeated activity, or a repeated party (names
// compared ignoring case and surrounding spaces, per side) stops the import.
class RaciCsv
{
    Q_DECLARE_TR_FUNCTIONS(RaciCsv)
public:
    static constexpr int kMaxErrors = CsvFormatReader::kMaxErrors;
    static RaciCsvImport parse(const QByteArray &bytes, const QString &fileLabel);
    // Comma-separated, CRLF; withBom for files spreadsheets open. parse(write(g)) == g
    // apart from ids.
    static QByteArray write(const domain::RaciGrid &grid, bool withBom = true);
};

} // namespace pb::io
