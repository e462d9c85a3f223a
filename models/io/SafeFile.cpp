#include "SafeFile.h"

#include <QDir>
#include <QSaveFile>

namespace pb::io {

QString SafeFile::write(const QString &path, const QByteArray &bytes)
{
    return write(path,
                 [&bytes](QIODevice *device) { return device->write(bytes) == bytes.size(); });
}

QString SafeFile::write(const QString &path, const std::function<bool(QIODevice *)> &writer)
{
    QSaveFile file(path);
    const QString name = QDir::toNativeSeparators(path);
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
