#include "WorkbookHeader.h"

#include <QFile>

namespace pb::store {

namespace {
std::uint32_t bigEndian32(const QByteArray &bytes, int offset)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData() + offset);
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}
} // namespace

WorkbookHeader WorkbookHeader::read(const QString &path)
{
    WorkbookHeader header;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        header.readError = file.errorString();
        return header;
    }
    const QByteArray bytes = file.read(100);
    if (bytes.isEmpty() && file.size() == 0) {
        header.kind = Kind::Empty;
        return header;
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    if (bytes.size() < 100 || !bytes.startsWith(magic)) {
        header.kind = Kind::NotSqlite;
        return header;
    }
    header.kind = Kind::Sqlite;
    // Offsets from the SQLite file format: 18/19 read/write version (2 = WAL),
    // 60 user_version, 68 application_id, all big-endian.
    header.walMode = bytes.at(18) == 2 || bytes.at(19) == 2;
    header.userVersion = int(bigEndian32(bytes, 60));
    header.applicationId = bigEndian32(bytes, 68);
    // 16: page size (1 means 65536); 28: pages in the file, valid when the change counter
    // at 24 equals the "version valid for" number at 92.
    const auto *raw = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qint64 pageSize = raw[16] == 0 && raw[17] == 1 ? 65536 : (raw[16] << 8) | raw[17];
    const bool validPageSize = pageSize >= 512 && pageSize <= 65536 && !(pageSize & (pageSize - 1));
    if (validPageSize) {
        const qint64 size = file.size();
        const qint64 pages = bigEndian32(bytes, 28);
        const bool countValid = pages > 0 && bigEndian32(bytes, 92) == bigEndian32(bytes, 24);
        header.cutShort = size % pageSize != 0 || (countValid && pages * pageSize > size);
    }
    return header;
}

} // namespace pb::store
