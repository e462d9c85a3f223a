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
        const QString why = file.errorString();
        file.cancelWriting();
        return tr("\"%1\" could not be written completely (%2); nothing was saved.").arg(name, why);
    }
    if (!file.commit())
        return tr("\"%1\" could not be saved: %2; nothing was saved.")
            .arg(name, file.errorString());
    return {};
}

} // namespace pb::io
