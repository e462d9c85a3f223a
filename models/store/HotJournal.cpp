#include "HotJournal.h"

#include "Schema.h"

#include <QFile>

#include <cstdint>

namespace pb::store {

namespace {

// The SQLite rollback journal format (https://sqlite.org/fileformat2.html#rollbackjournal).
const QByteArray kMagic("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 8);
constexpr int kHeaderBytes = 28;

std::uint32_t bigEndian32(const char *data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}

bool isPowerOfTwoBetween(std::uint32_t value, std::uint32_t low, std::uint32_t high)
{
    return value >= low && value <= high && (value & (value - 1)) == 0;
}

// The checksum of a page record: the nonce plus every 200th byte from the end of the page.
std::uint32_t recordChecksum(std::uint32_t nonce, const char *page, std::uint32_t pageSize)
{
    std::uint32_t sum = nonce;
    for (std::int64_t i = std::int64_t(pageSize) - 200; i > 0; i -= 200)
        sum += static_cast<unsigned char>(page[i]);
    return sum;
}

struct Journal
{
    std::uint32_t nonce = 0;
    std::uint32_t sectorSize = 0;
    std::uint32_t pageSize = 0;
};

} // namespace

HotJournal::State HotJournal::inspect(const QString &workbookPath, QString *reason)
{
    QString ignored;
    QString &why = reason ? *reason : ignored;
    QFile journalFile(pathFor(workbookPath));
    if (!journalFile.exists() || journalFile.size() == 0)
        return State::None;
    if (!journalFile.open(QIODevice::ReadOnly)) {
        why = tr("its journal cannot be read (%1)").arg(journalFile.errorString());
        return State::Damaged;
    }
    const QByteArray bytes = journalFile.readAll();
    // SQLite zeroes a finished journal's first bytes: no change is waiting.
    if (bytes.at(0) == '\0')
        return State::None;
    if (bytes.size() < kHeaderBytes || !bytes.startsWith(kMagic)) {
        why = tr("the file beside it named like its journal is not an SQLite journal");
        return State::Damaged;
    }
    Journal journal;
    journal.nonce = bigEndian32(bytes.constData() + 12);
    journal.sectorSize = bigEndian32(bytes.constData() + 20);
    journal.pageSize = bigEndian32(bytes.constData() + 24);
    if (!isPowerOfTwoBetween(journal.sectorSize, 32, 65536) ||
        !isPowerOfTwoBetween(journal.pageSize, 512, 65536)) {
        why = tr("its journal has an impossible header");
        return State::Damaged;
    }

    QFile workbookFile(workbookPath);
    if (!workbookFile.open(QIODevice::ReadOnly)) {
        why = tr("it cannot be read (%1)").arg(workbookFile.errorString());
        return State::Damaged;
    }
    const QByteArray header = workbookFile.read(100);
    const auto *raw = reinterpret_cast<const unsigned char *>(header.constData());
    const std::uint32_t pageSize =
        header.size() < 100 ? 0 : (raw[16] == 0 && raw[17] == 1 ? 65536 : (raw[16] << 8) | raw[17]);
    if (pageSize != 0 && pageSize != journal.pageSize) {
        why = tr("the journal beside it was written for pages of %1 bytes, the workbook has "
                 "%2: it belongs to another file")
                  .arg(journal.pageSize)
                  .arg(pageSize);
        return State::Foreign;
    }

    // Page records follow the header, which fills one sector.
    const qint64 recordBytes = 4 + qint64(journal.pageSize) + 4;
    for (qint64 at = journal.sectorSize; at + recordBytes <= bytes.size(); at += recordBytes) {
        const char *record = bytes.constData() + at;
        const std::uint32_t page = bigEndian32(record);
        const char *data = record + 4;
        if (page == 0 || bigEndian32(data + journal.pageSize) !=
                             recordChecksum(journal.nonce, data, journal.pageSize))
            break; // the end of what was synced: SQLite stops here too
        if (page != 1)
            continue;
        const std::uint32_t applicationId = bigEndian32(data + 68);
        const std::uint32_t journalCounter = bigEndian32(data + 24);
        const std::uint32_t counter =
            header.size() >= 100 ? bigEndian32(header.constData() + 24) : journalCounter;
        if (applicationId != schema::kApplicationId ||
            (counter != journalCounter && counter != journalCounter + 1)) {
            why = tr("the journal beside it holds a change of another file");
            return State::Foreign;
        }
        break;
    }
    return State::Hot;
}

} // namespace pb::store
