#pragma once

#include "CandidateCsv.h"

namespace pb::store {
class CandidateImporter;
}

namespace pb::io {

// Imports a candidates file into an open import. A CSV file is read and checked on a worker
// thread while the calling thread writes the rows it has been handed, so on a laptop's
// two cores parsing and writing overlap; memory stays bounded (a few hundred rows in
// flight). A workbook (TableSource::isSpreadsheet; sheetName or the first sheet) is read
// whole, then checked and written row by row through the same rules and importer. When the
// result has errors, or *storeFailed is set, the caller must not commit: dropping the
// importer rolls everything back.
CandidateCsvImport importCandidatesCsv(const QByteArray &bytes, const QString &fileLabel,
                                       store::CandidateImporter &importer, bool *storeFailed,
                                       const QString &sheetName = {});

} // namespace pb::io
