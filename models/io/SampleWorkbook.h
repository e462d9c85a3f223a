#pragma once

#include "store/StoreError.h"

#include <QCoreApplication>
#include <QString>

namespace pb::io {

// The sample workbook a new user explores: realistic content bundled in resources
// (sample/sample.json), written through the same store API as any edit.
class SampleWorkbook
{
    Q_DECLARE_TR_FUNCTIONS(SampleWorkbook)
public:
    // Where the app keeps its copy of the sample (the user's data folder).
    static QString defaultPath();
    // Writes a new workbook at path from the bundled content; refuses an existing file.
    static store::StoreError create(const QString &path);
    // Creates the sample at path unless a file is already there (the user's own edits to
    // the sample are never overwritten).
    static store::StoreError ensureExists(const QString &path);
};

} // namespace pb::io
