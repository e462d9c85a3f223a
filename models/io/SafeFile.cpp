#include "SafeFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace pb::io {

QString SafeFile::write(const QString &path, const QByteArray &bytes)
{
    return write(path,
                 [&bytes](QIODevice *device) { return device->write(bytes) == bytes.size(); });
}

namespace {
// Why a write failed: the file's reason when it has a real one; writers that stream
// (QPdfWriter, QImage) and short writes leave none, and a full disk is the usual cause.
QString failure(const QSaveFile &file)
{
    const QString why = file.errorString();
    if (file.error() == QFileDevice::NoError || why.isEmpty() || why == u"Unknown error")
        return SafeFile::tr("the disk may be full, or the file too large for it");
    return why;
}
} // namespace

QString SafeFile::write(const QString &path, const std::function<bool(QIODevice *)> &writer)
{
    const QString name = QDir::toNativeSeparators(path);
    // An export must never replace a workbook (the open one, or a colleague's): renaming
    // over an open SQLite file silently loses every later edit.
    if (QFile existing(path); existing.open(QIODevice::ReadOnly) &&
                              existing.read(16) == QByteArray("SQLite format 3\0", 16))
        return tr("\"%1\" is a workbook or another database; an export never replaces one. "
                  "Choose another name.")
            .arg(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("\"%1\" cannot be written: %2.").arg(name, file.errorString());
    if (!writer(&file)) {
        const QString why = failure(file);
        file.cancelWriting();
        return tr("\"%1\" could not be written completely (%2); nothing was saved.").arg(name, why);
    }
    // QSaveFile::commit() ignores an error of its final flush (Qt 6.4): on a full disk it
    // renames a cut-short file into place and reports success. Flush first, and check.
    if (!file.flush() || file.error() != QFileDevice::NoError) {
        const QString why = failure(file);
        file.cancelWriting();
        return tr("\"%1\" could not be written completely (%2); nothing was saved.").arg(name, why);
    }
    if (!file.commit())
        return tr("\"%1\" could not be saved: %2; nothing was saved.")
            .arg(name, file.errorString());
    return {};
}

} // namespace pb::io
