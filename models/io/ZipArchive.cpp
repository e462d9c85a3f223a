#include "ZipArchive.h"

#include <unzip.h>

#include <algorithm>
#include <cstring>

namespace pb::io {

namespace {

// minizip's file functions over the bytes in memory.
voidpf ZCALLBACK openStream(voidpf opaque, const void *, int mode)
{
    return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? nullptr : opaque;
}

uLong ZCALLBACK readStream(voidpf, voidpf stream, void *buffer, uLong size)
{
    auto *s = static_cast<ZipArchive::Stream *>(stream);
    const qint64 available = std::max<qint64>(0, s->bytes->size() - s->position);
    const qint64 count = std::min<qint64>(available, qint64(size));
    if (count > 0)
        std::memcpy(buffer, s->bytes->constData() + s->position, size_t(count));
    s->position += count;
    return uLong(count);
}

uLong ZCALLBACK writeStream(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZCALLBACK tellStream(voidpf, voidpf stream)
{
    return ZPOS64_T(static_cast<ZipArchive::Stream *>(stream)->position);
}

long ZCALLBACK seekStream(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *s = static_cast<ZipArchive::Stream *>(stream);
    qint64 base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = s->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = s->bytes->size();
    const qint64 target = base + qint64(offset);
    if (target < 0 || target > s->bytes->size())
        return -1;
    s->position = target;
    return 0;
}

int ZCALLBACK closeStream(voidpf, voidpf)
{
    return 0;
}

int ZCALLBACK streamError(voidpf, voidpf)
{
    return 0;
}

} // namespace

ZipArchive::ZipArchive(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    m_stream.bytes = &m_bytes;
    zlib_filefunc64_def functions = {openStream, readStream,  writeStream, tellStream,
                                     seekStream, closeStream, streamError, &m_stream};
    m_zip = unzOpen2_64("memory", &functions);
}

ZipArchive::~ZipArchive()
{
    if (m_zip)
        unzClose(m_zip);
}

bool ZipArchive::contains(const QString &name)
{
    return m_zip && unzLocateFile(m_zip, name.toUtf8().constData(), 1) == UNZ_OK;
}

bool ZipArchive::anyEncrypted()
{
    for (int at = unzGoToFirstFile(m_zip); at == UNZ_OK; at = unzGoToNextFile(m_zip)) {
        unz_file_info64 info;
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK &&
            (info.flag & 1) != 0)
            return true;
    }
    return false;
}

std::optional<QByteArray> ZipArchive::read(const QString &name, QString *error)
{
    unz_file_info64 info;
    if (!contains(name) ||
        unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
        *error = tr("is damaged: the part %1 is missing").arg(name);
        return std::nullopt;
    }
    const qint64 limit = std::min<qint64>(
        kMaxPartBytes, std::max<qint64>(qint64(info.compressed_size) * kMaxRatio, 1 << 20));
    if (unzOpenCurrentFile(m_zip) != UNZ_OK) {
        *error = tr("is damaged: the part %1 cannot be unpacked").arg(name);
        return std::nullopt;
    }
    QByteArray data;
    char chunk[64 * 1024];
    int got = 0;
    while ((got = unzReadCurrentFile(m_zip, chunk, sizeof chunk)) > 0) {
        if (data.size() + got > limit) {
            unzCloseCurrentFile(m_zip);
            *error = tr("is too large to read safely: %1 unpacks to more than %2 MB (a zip bomb?)")
                         .arg(name)
                         .arg(limit / (1024 * 1024));
            return std::nullopt;
        }
        data.append(chunk, got);
    }
    // Closing checks the part's CRC once all of it was read.
    if (unzCloseCurrentFile(m_zip) != UNZ_OK || got < 0) {
        *error =
            tr("is damaged: the part %1 is cut short or does not match its checksum").arg(name);
        return std::nullopt;
    }
    return data;
}

} // namespace pb::io
