#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;

namespace pb::io {

// The one way exports reach the disk (CSV, PDF, PNG, tokens): written through QSaveFile
// into a temporary file and renamed into place only when complete, so a failed export
// never leaves half a file or damages an earlier one.
class SafeFile
{
    Q_DECLARE_TR_FUNCTIONS(SafeFile)
public:
    // Returns an empty string on success, otherwise a one-line message naming the file.
    static QString write(const QString &path, const QByteArray &bytes);
    // For writers that stream into a device (QPdfWriter, QImage::save).
    static QString write(const QString &path, const std::function<bool(QIODevice *)> &writer);
};

} // namespace pb::io
