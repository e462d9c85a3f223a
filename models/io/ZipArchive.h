#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace pb::io {

// Reads the parts of a zip archive held in memory (an .xlsx file), through zlib's minizip —
// the same library libxlsxwriter writes with, so that one copy of the zip code is in the
// process. Every part is unpacked with limits: one that would unpack to more than
// kMaxPartBytes, or grow more than kMaxRatio times over its packed size (above 1 MB), is
// refused before it is held in memory; the sizes an archive declares can lie, so the bytes
// are counted as they come. A part whose checksum does not match is refused as damaged.
class ZipArchive
{
    Q_DECLARE_TR_FUNCTIONS(ZipArchive)
public:
    explicit ZipArchive(QByteArray bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    // False when the bytes are not a readable zip archive.
    bool isOpen() const { return m_zip != nullptr; }
    bool contains(const QString &name);
    // Whether any part is encrypted (a password-protected archive).
    bool anyEncrypted();
    // The unpacked part; nullopt with *error set (naming the part) when it cannot be read.
    std::optional<QByteArray> read(const QString &name, QString *error);

    static constexpr qint64 kMaxPartBytes = 256LL * 1024 * 1024;
    static constexpr qint64 kMaxRatio = 100;

    struct Stream
    {
        const QByteArray *bytes = nullptr;
        qint64 position = 0;
    };

private:
    QByteArray m_bytes;
    Stream m_stream;
    void *m_zip = nullptr;
};

} // namespace pb::io
