#pragma once

#include "CandidateCsv.h"

namespace pb::store {
class CandidateImporter;
}

namespace pb::io {

// Imports a candidates CSV into an open import: the file is read and checked on a worker
// thread while the calling thread writes the rows it has been handed, so on a laptop's
// two cores parsing and writing overlap. Memory stays bounded (a few hundred rows in
// flight). When the result has errors, or *storeFailed is set, the caller must not commit:
// dropping the importer rolls everything back.
CandidateCsvImport importCandidatesCsv(const QByteArray &bytes, const QString &fileLabel,
                                       store::CandidateImporter &importer, bool *storeFailed);

} // namespace pb::io
