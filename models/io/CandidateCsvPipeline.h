#pragma once

#include "CandidateCsv.h"

namespace pb::store {
class CandidateImporter;
}

namespace pb::io {

// How a candidates file is streamed into a workbook.
struct CandidateImportOptions
{
    // An .xlsx workbook's sheet; empty: the first.
    QString sheetName;
    // A null QChar detects comma or semicolon from the header; pasted text passes '\t'.
    QChar separator;
    // Called on the calling thread after each batch of rows written: the rows written so
    // far and about how many the file holds. Returning false cancels the import (the
    // result's cancelled is set): the caller then drops the importer, which rolls back.
    std::function<bool(qsizetype written, qsizetype estimate)> progress;
    // Called on the parsing thread as reading goes on: how far into the bytes it has come
    // (InputFile::releaseBefore lets the pages behind go).
    std::function<void(qsizetype offset)> readUpTo;
};

// Imports a candidates file into an open import. A CSV file is read, checked and encoded
// for the store on a worker thread while the calling thread writes the rows it has been
// handed, so on a laptop's two cores parsing and writing overlap; memory stays bounded (a
// few thousand rows in flight). A workbook (TableSource::isSpreadsheet) is read whole,
// then checked and written row by row through the same rules and importer. When the
// result has errors or is cancelled, or *storeFailed is set, the caller must not commit:
// dropping the importer rolls everything back. The CLI and the GUI both import this way.
CandidateCsvImport importCandidatesCsv(const QByteArray &bytes, const QString &fileLabel,
                                       store::CandidateImporter &importer, bool *storeFailed,
                                       const CandidateImportOptions &options = {});

} // namespace pb::io
