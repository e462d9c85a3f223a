#include "AccountOverlap.h"

#include "CsvReader.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringDecoder>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// A million-row list must be read, hashed and compared in about a second: the file is
// scanned as bytes (no QString per field), accounts are kept as 128-bit keys in sorted
// vectors (no hash-set nodes), and the HMAC work is spread over the cores.

const QByteArray kTokensMagic = "playbook-overlap-tokens 1";
const QByteArray kKeyMagic = "playbook-overlap-key 1";
constexpr int kTokenBytes = 16;
using Key = std::array<quint64, 2>;
using Entry = AccountOverlap::Accounts::Entry;

Key keyOf(const Entry &entry)
{
    return {entry.hash[0], entry.hash[1]};
}

// Two independently seeded 64-bit hashes: a 128-bit key, so that distinct domains never
// count as one in practice (about 1e-26 for two million accounts).
Key hashOf(QByteArrayView domain)
{
    return {quint64(qHash(domain, size_t(0x9e3779b97f4a7c15ull))),
            quint64(qHash(domain, size_t(0xc2b2ae3d27d4eb4full)))};
}

Key tokenKey(const QByteArray &mac)
{
    Key key;
    std::memcpy(key.data(), mac.constData(), kTokenBytes);
    return key;
}

// The account column: the one named, else the first of domain, website, url, email.
int findColumn(const QStringList &header, const QString &column)
{
    const QStringList wanted = column.isEmpty()
                                   ? QStringList{u"domain"_s, u"website"_s, u"url"_s, u"email"_s}
                                   : QStringList{column.trimmed().toLower()};
    for (const QString &name : wanted) {
        for (int i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().toLower() == name)
                return i;
        }
    }
    return -1;
}

// Where the header record ends (after its line end), quotes respected.
qsizetype headerEnd(const QByteArray &bytes, qsizetype from)
{
    bool quoted = false;
    for (qsizetype i = from; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            return i + 1;
    }
    return bytes.size();
}

// Keeps the first entry of each key, in first-seen order. Sorting (key, position) pairs,
// which lie next to each other in memory, is several times faster than sorting positions
// by a key looked up elsewhere.
void keepDistinct(std::vector<Entry> &entries)
{
    std::vector<std::pair<Key, quint32>> order(entries.size());
    for (quint32 i = 0; i < order.size(); ++i)
        order[i] = {keyOf(entries[i]), i};
    std::sort(order.begin(), order.end());
    std::vector<bool> keep(entries.size(), false);
    for (size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || order[i].first != order[i - 1].first)
            keep[order[i].second] = true;
    }
    size_t out = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (keep[i])
            entries[out++] = entries[i];
    }
    entries.resize(out);
}

// The HMAC tokens of the accounts, on every core.
std::vector<Key> tokensOf(const AccountOverlap::Accounts &accounts, const QByteArray &key,
                          const AccountOverlap::Progress &progress, bool *cancelled)
{
    std::vector<Key> tokens(accounts.entries.size());
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::atomic<qsizetype> done{0};
    std::atomic<bool> stop{false};
    const auto work = [&](size_t from, size_t to) {
        QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
        for (size_t i = from; i < to && !stop; ++i) {
            mac.reset();
            const QByteArrayView domain = accounts.domain(accounts.entries[i]);
            mac.addData(domain.data(), domain.size());
            tokens[i] = tokenKey(mac.result());
            if ((i - from) % 16384 == 16383)
                done += 16384;
        }
    };
    std::vector<std::thread> threads;
    const size_t n = tokens.size();
    for (unsigned w = 1; w < workers; ++w)
        threads.emplace_back(work, n * w / workers, n * (w + 1) / workers);
    // This thread does the first share and reports progress in between.
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    const size_t mine = n / workers;
    for (size_t i = 0; i < mine && !stop; ++i) {
        mac.reset();
        const QByteArrayView domain = accounts.domain(accounts.entries[i]);
        mac.addData(domain.data(), domain.size());
        tokens[i] = tokenKey(mac.result());
        if (i % 16384 == 16383 && progress && !progress(qint64(i) + done.load(), qint64(n)))
            stop = true;
    }
    for (std::thread &thread : threads)
        thread.join();
    if (stop && cancelled)
        *cancelled = true;
    return tokens;
}

} // namespace

bool AccountOverlap::Accounts::contains(QByteArrayView domain) const
{
    const Key key = hashOf(domain);
    return std::any_of(entries.cbegin(), entries.cend(),
                       [&key](const Entry &entry) { return keyOf(entry) == key; });
}

QString AccountOverlap::readCsv(const QByteArray &bytes, const QString &label,
                                const QString &column, Accounts &accounts, const Progress &progress)
{
    accounts = {};
    // The header, read by the one CSV reader (BOM, separator, quoting, UTF-8).
    const qsizetype bom = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    qsizetype start = bom;
    while (start < bytes.size() && (bytes.at(start) == '\n' || bytes.at(start) == '\r'))
        ++start;
    const qsizetype bodyStart = headerEnd(bytes, start);
    const CsvTable head = CsvReader::read(bytes.left(bodyStart), 1);
    if (!head.problems.isEmpty())
        return tr("%1:%2: %3")
            .arg(label)
            .arg(head.problems.first().line)
            .arg(head.problems.first().message);
    if (head.header.isEmpty())
        return tr("%1:1: the file is empty; a header row with a domain, website, url or email "
                  "column is required")
            .arg(label);
    const int index = findColumn(head.header, column);
    if (index < 0)
        return column.isEmpty() ? tr("%1:1: no column named domain, website, url or email; name "
                                     "the column with --column")
                                      .arg(label)
                                : tr("%1:1: there is no column \"%2\"").arg(label, column);
    const char separator = char(head.separator.unicode());
    const qsizetype columns = head.header.size();
    int line = 1;
    for (qsizetype i = 0; i < bodyStart; ++i)
        line += bytes.at(i) == '\n';

    // The body: record by record, only the account field is looked at.
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype p = bodyStart;
    const qsizetype lines = bytes.count('\n') + 1;
    accounts.entries.reserve(size_t(lines));
    accounts.arena.reserve(std::min<qsizetype>(size, lines * 24));
    qsizetype records = 0;
    while (p < size) {
        const int recordLine = line;
        // A blank line is skipped.
        if (data[p] == '\n' || (data[p] == '\r' && p + 1 < size && data[p + 1] == '\n')) {
            p += data[p] == '\r' ? 2 : 1;
            ++line;
            continue;
        }
        qsizetype field = 0;
        qsizetype valueAt = -1, valueSize = 0;
        bool valueQuoted = false;
        bool endOfRecord = false;
        while (!endOfRecord) {
            const qsizetype fieldStart = p;
            bool quoted = false;
            if (p < size && data[p] == '"') {
                quoted = true;
                ++p;
                while (true) {
                    if (p >= size)
                        return tr("%1:%2: column %3: a quoted field is not closed")
                            .arg(label)
                            .arg(recordLine)
                            .arg(field + 1);
                    if (data[p] == '"') {
                        if (p + 1 < size && data[p + 1] == '"') {
                            p += 2;
                            continue;
                        }
                        ++p;
                        break;
                    }
                    line += data[p] == '\n';
                    ++p;
                }
            }
            while (p < size && data[p] != separator && data[p] != '\n')
                ++p;
            qsizetype fieldEnd = p;
            if (p >= size || data[p] == '\n') {
                endOfRecord = true;
                if (fieldEnd > fieldStart && data[fieldEnd - 1] == '\r')
                    --fieldEnd;
                if (p < size) {
                    ++p;
                    ++line;
                }
            } else {
                ++p; // the separator
            }
            if (field == index) {
                valueAt = fieldStart;
                valueSize = fieldEnd - fieldStart;
                valueQuoted = quoted;
            }
            ++field;
        }
        if (field > columns)
            return tr("%1:%2: the record has %3 fields, the header %4")
                .arg(label)
                .arg(recordLine)
                .arg(field)
                .arg(columns);
        // The value, unquoted ("" inside a quoted field is one quote).
        QByteArrayView value;
        QByteArray unquoted;
        if (valueAt >= 0) {
            value = QByteArrayView(data + valueAt, valueSize);
            if (valueQuoted) {
                const qsizetype close = value.lastIndexOf('"');
                unquoted = value.sliced(1, std::max<qsizetype>(0, close - 1)).toByteArray();
                unquoted.replace("\"\"", "\"");
                value = unquoted;
            }
        }
        const qsizetype domainAt = accounts.arena.size();
        bool usable = false;
        if (!value.isEmpty()) {
            if (std::any_of(value.begin(), value.end(), [](char c) { return uchar(c) >= 0x80; })) {
                QStringDecoder decoder(QStringDecoder::Utf8);
                [[maybe_unused]] const QString text = decoder(value);
                if (decoder.hasError())
                    return tr("%1:%2: column %3: the text is not UTF-8")
                        .arg(label)
                        .arg(recordLine)
                        .arg(index + 1);
            }
            usable = appendNormalisedAccount(value, accounts.arena);
        }
        if (usable) {
            Entry entry;
            const QByteArrayView domain =
                QByteArrayView(accounts.arena).sliced(domainAt, accounts.arena.size() - domainAt);
            const Key key = hashOf(domain);
            entry.hash[0] = key[0];
            entry.hash[1] = key[1];
            entry.domainAt = quint32(domainAt);
            entry.domainSize = quint32(domain.size());
            entry.writtenAt = quint32(valueAt);
            entry.writtenSize = quint32(valueSize);
            entry.quoted = valueQuoted;
            accounts.entries.push_back(entry);
        } else {
            ++accounts.skipped;
        }
        if (++records % 65536 == 0 && progress && !progress(p, size))
            return tr("Cancelled.");
    }
    keepDistinct(accounts.entries);
    return {};
}

bool AccountOverlap::isTokensFile(const QByteArray &bytes)
{
    return bytes.startsWith(kTokensMagic + '\n');
}

QString AccountOverlap::readTokens(const QByteArray &bytes, const QString &label, Tokens &tokens)
{
    tokens = {};
    qsizetype p = 0;
    const auto nextLine = [&bytes, &p]() {
        const qsizetype end = bytes.indexOf('\n', p);
        const QByteArrayView line =
            QByteArrayView(bytes).sliced(p, (end < 0 ? bytes.size() : end) - p);
        p = end < 0 ? bytes.size() : end + 1;
        return line;
    };
    if (nextLine() != kTokensMagic)
        return tr("%1:1: not a Playbook tokens file (version 1)").arg(label);
    const QByteArrayView fingerprintLine = nextLine();
    if (!fingerprintLine.startsWith("fingerprint "))
        return tr("%1:2: the key fingerprint is missing").arg(label);
    tokens.fingerprint = fingerprintLine.sliced(12).trimmed().toByteArray();
    const QByteArrayView countLine = nextLine();
    bool ok = false;
    const qsizetype count =
        countLine.startsWith("count ") ? countLine.sliced(6).toLongLong(&ok) : -1;
    if (!ok || count < 0)
        return tr("%1:3: the count is missing").arg(label);
    tokens.tokens.reserve(size_t(count));
    int line = 3;
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    while (p < bytes.size()) {
        const QByteArrayView hex = nextLine();
        ++line;
        if (hex.isEmpty())
            continue;
        if (hex.size() != 2 * kTokenBytes)
            return tr("%1:%2: not a token").arg(label).arg(line);
        unsigned char raw[kTokenBytes];
        for (int i = 0; i < kTokenBytes; ++i) {
            const int high = nibble(hex.at(2 * i)), low = nibble(hex.at(2 * i + 1));
            if (high < 0 || low < 0)
                return tr("%1:%2: not a token").arg(label).arg(line);
            raw[i] = uchar(high * 16 + low);
        }
        Key key;
        std::memcpy(key.data(), raw, kTokenBytes);
        tokens.tokens.push_back(key);
    }
    std::sort(tokens.tokens.begin(), tokens.tokens.end());
    tokens.tokens.erase(std::unique(tokens.tokens.begin(), tokens.tokens.end()),
                        tokens.tokens.end());
    if (qsizetype(tokens.tokens.size()) != count)
        return tr("%1: the file says %2 tokens but holds %3; it may be cut short")
            .arg(label)
            .arg(count)
            .arg(tokens.tokens.size());
    return {};
}

QByteArray AccountOverlap::writeTokens(const Accounts &accounts, const QByteArray &key,
                                       const Progress &progress)
{
    bool cancelled = false;
    std::vector<Key> tokens = tokensOf(accounts, key, progress, &cancelled);
    if (cancelled)
        return {};
    // Random order: nothing about the list's order (say, alphabetical) leaks.
    std::shuffle(tokens.begin(), tokens.end(), *QRandomGenerator::system());
    QByteArray file = kTokensMagic + '\n' + "fingerprint " + fingerprint(key) + '\n' + "count " +
                      QByteArray::number(qsizetype(tokens.size())) + '\n';
    const qsizetype header = file.size();
    file.resize(header + qsizetype(tokens.size()) * (2 * kTokenBytes + 1));
    static const char digits[] = "0123456789abcdef";
    char *out = file.data() + header;
    for (const Key &token : tokens) {
        const auto *raw = reinterpret_cast<const unsigned char *>(token.data());
        for (int i = 0; i < kTokenBytes; ++i) {
            *out++ = digits[raw[i] >> 4];
            *out++ = digits[raw[i] & 15];
        }
        *out++ = '\n';
    }
    return file;
}

QByteArray AccountOverlap::newKeyFile()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return kKeyMagic + '\n' + key.toHex() + '\n';
}

QByteArray AccountOverlap::readKey(const QByteArray &bytes, const QString &label, QString *why)
{
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    const QByteArray hex = lines.size() == 2 && lines.at(0).trimmed() == kKeyMagic
                               ? lines.at(1).trimmed()
                               : QByteArray();
    const QByteArray key = QByteArray::fromHex(hex);
    if (hex.size() != 64 || key.size() != 32) {
        if (why)
            *why = tr("%1 is not a key file made by 'playbook-cli overlap keygen'").arg(label);
        return {};
    }
    return key;
}

QByteArray AccountOverlap::fingerprint(const QByteArray &key)
{
    return QCryptographicHash::hash("playbook-overlap key fingerprint\n" + key,
                                    QCryptographicHash::Sha256)
        .left(16)
        .toHex();
}

QString AccountOverlap::compare(const Side &ours, const Side &theirs, const QByteArray &key,
                                const QString &column, qsizetype minCount, OverlapResult &result,
                                bool *usedTokens, const Progress &progress)
{
    result = {};
    const bool ourTokens = isTokensFile(ours.bytes);
    const bool theirTokens = isTokensFile(theirs.bytes);
    if (usedTokens)
        *usedTokens = ourTokens || theirTokens;
    const qint64 total = ours.bytes.size() + theirs.bytes.size();
    // Progress over both files, ours first; the hashing counts as a third file.
    const auto stage = [&progress, total](qint64 offset, qint64 size) -> Progress {
        if (!progress)
            return {};
        return [&progress, offset, size, total](qint64 done, qint64 of) {
            return progress(offset + (of > 0 ? size * done / of : 0), total + total / 2);
        };
    };

    // Each side as sorted 128-bit keys: hashes of domains, or tokens.
    Accounts ourList, theirList;
    Tokens ourTokenSet, theirTokenSet;
    QString error =
        ourTokens ? readTokens(ours.bytes, ours.label, ourTokenSet)
                  : readCsv(ours.bytes, ours.label, column, ourList, stage(0, ours.bytes.size()));
    if (!error.isEmpty())
        return error;
    error = theirTokens ? readTokens(theirs.bytes, theirs.label, theirTokenSet)
                        : readCsv(theirs.bytes, theirs.label, column, theirList,
                                  stage(ours.bytes.size(), theirs.bytes.size()));
    if (!error.isEmpty())
        return error;
    result.skippedOurs = ourList.skipped;
    result.skippedTheirs = theirList.skipped;

    // Our entries by key, to name the shared ones as written.
    std::vector<std::pair<Key, quint32>> ourKeys;
    std::vector<Key> theirKeys;
    if (!ourTokens && !theirTokens) {
        for (quint32 i = 0; i < ourList.entries.size(); ++i)
            ourKeys.push_back({keyOf(ourList.entries[i]), i});
        theirKeys.reserve(theirList.entries.size());
        for (const Entry &entry : theirList.entries)
            theirKeys.push_back(keyOf(entry));
        theirList = {}; // only the keys are needed from here on
    } else {
        if (ourTokens && theirTokens) {
            if (ourTokenSet.fingerprint != theirTokenSet.fingerprint)
                return tr("%1 and %2 were made with different keys (fingerprints %3 and %4); "
                          "both sides must use the same key.")
                    .arg(ours.label, theirs.label, QString::fromLatin1(ourTokenSet.fingerprint),
                         QString::fromLatin1(theirTokenSet.fingerprint));
        } else {
            if (key.isEmpty())
                return tr("Comparing a list with a tokens file needs the key both sides agreed "
                          "on (--key).");
            const Tokens &theTokens = ourTokens ? ourTokenSet : theirTokenSet;
            if (fingerprint(key) != theTokens.fingerprint)
                return tr("%1 was made with another key (its fingerprint is %2, this key's is "
                          "%3); ask for the key used, or a tokens file made with this one.")
                    .arg(ourTokens ? ours.label : theirs.label,
                         QString::fromLatin1(theTokens.fingerprint),
                         QString::fromLatin1(fingerprint(key)));
        }
        bool cancelled = false;
        const Progress hashing = stage(total, total / 2);
        if (ourTokens) {
            for (const Key &token : ourTokenSet.tokens)
                ourKeys.push_back({token, 0});
        } else {
            const std::vector<Key> tokens = tokensOf(ourList, key, hashing, &cancelled);
            for (quint32 i = 0; i < tokens.size(); ++i)
                ourKeys.push_back({tokens[i], i});
        }
        if (theirTokens)
            theirKeys = std::move(theirTokenSet.tokens);
        else
            theirKeys = tokensOf(theirList, key, hashing, &cancelled);
        if (cancelled)
            return tr("Cancelled.");
    }
    std::sort(ourKeys.begin(), ourKeys.end());
    ourKeys.erase(std::unique(ourKeys.begin(), ourKeys.end(),
                              [](const auto &a, const auto &b) { return a.first == b.first; }),
                  ourKeys.end());
    std::sort(theirKeys.begin(), theirKeys.end());
    theirKeys.erase(std::unique(theirKeys.begin(), theirKeys.end()), theirKeys.end());
    result.ours = qsizetype(ourKeys.size());
    result.theirs = qsizetype(theirKeys.size());

    // The shared keys: one merge of two sorted lists.
    qsizetype shared = 0;
    std::vector<quint32> sharedEntries;
    auto theirIt = theirKeys.cbegin();
    for (const auto &[ourKey, index] : ourKeys) {
        while (theirIt != theirKeys.cend() && *theirIt < ourKey)
            ++theirIt;
        if (theirIt == theirKeys.cend())
            break;
        if (*theirIt != ourKey)
            continue;
        ++shared;
        if (!ourTokens)
            sharedEntries.push_back(index);
    }
    // Ours as written, in the order of our list.
    std::sort(sharedEntries.begin(), sharedEntries.end());
    result.sharedAccounts.reserve(qsizetype(sharedEntries.size()));
    for (quint32 index : sharedEntries) {
        const Entry &entry = ourList.entries[index];
        QByteArray written = ours.bytes.mid(entry.writtenAt, entry.writtenSize);
        if (entry.quoted) {
            written = written.mid(1, written.lastIndexOf('"') - 1);
            written.replace("\"\"", "\"");
        }
        result.sharedAccounts.append(QString::fromUtf8(written).trimmed());
    }
    result.shared = shared;
    if ((ourTokens || theirTokens) && shared < minCount) {
        // Too few to show: a count of one or two would tell which accounts they are.
        result.shared.reset();
        result.sharedBelow = minCount;
        result.sharedAccounts.clear();
    }
    return {};
}

} // namespace pb::io
