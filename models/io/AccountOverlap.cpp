#include "AccountOverlap.h"

#include "CsvFormatReader.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// A million-row list must be read, hashed and compared in about a second: the file is
// scanned as bytes (CsvReader::scan: no QString per field), accounts are kept as 128-bit keys in
// sorted vectors (no hash-set nodes), and the HMAC work is spread over the cores.

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
                                   : QStringList{CsvFormatReader::headerKey(column)};
    for (const QString &name : wanted) {
        for (int i = 0; i < header.size(); ++i) {
            if (CsvFormatReader::headerKey(header.at(i)) == name)
                return i;
        }
    }
    return -1;
}

// Adds one value of the account column: its normalised domain, or a skipped row.
void addAccount(AccountOverlap::Accounts &accounts, const CsvField &value, const char *file)
{
    const qsizetype domainAt = accounts.arena.size();
    if (value.text.isEmpty() || !appendNormalisedAccount(value.text, accounts.arena)) {
        ++accounts.skipped;
        return;
    }
    const QByteArrayView domain = QByteArrayView(accounts.arena).sliced(domainAt);
    const Key key = hashOf(domain);
    accounts.entries.push_back(Entry{{key[0], key[1]},
                                     quint32(domainAt),
                                     quint32(domain.size()),
                                     quint32(value.raw.data() - file),
                                     quint32(value.raw.size())});
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

QString AccountOverlap::readColumn(const QByteArray &bytes, const QString &label,
                                   const QString &column, const ValueHandler &onValue)
{
    int index = -1;
    int firstLine = 0; // of the first record after the header
    bool cancelled = false;
    // One problem is enough: the list is refused at the first.
    const CsvTable table =
        CsvReader::scan(bytes, 1, QChar(), [&](const CsvRecord &record, const CsvTable &soFar) {
            if (firstLine == 0) {
                firstLine = record.line;
                index = findColumn(soFar.header, column);
            }
            if (index < 0 || !soFar.problems.isEmpty())
                return false;
            cancelled = !onValue(record.fields[index], record);
            return !cancelled;
        });
    // In the order they are met: the header's problems, its columns, then the records'.
    const CsvProblem *problem = table.problems.isEmpty() ? nullptr : &table.problems.first();
    if (problem && (firstLine == 0 || problem->line < firstLine))
        return CsvFormatReader::describe(label, table, *problem);
    if (table.header.isEmpty())
        return tr("%1:1: the file is empty; a header row with a domain, website, url or email "
                  "column is required")
            .arg(label);
    if (findColumn(table.header, column) < 0)
        return column.isEmpty() ? tr("%1:1: no column named domain, website, url or email; name "
                                     "the column with --column")
                                      .arg(label)
                                : tr("%1:1: there is no column \"%2\"").arg(label, column);
    if (problem)
        return CsvFormatReader::describe(label, table, *problem);
    return cancelled ? tr("Cancelled.") : QString();
}

QString AccountOverlap::readCsv(const QByteArray &bytes, const QString &label,
                                const QString &column, Accounts &accounts, const Progress &progress)
{
    accounts = {};
    const qsizetype lines = CsvReader::lineFeeds(bytes) + 1;
    accounts.entries.reserve(size_t(lines));
    accounts.arena.reserve(std::min<qsizetype>(bytes.size(), lines * 24));
    qsizetype records = 0;
    const QString error =
        readColumn(bytes, label, column, [&](const CsvField &value, const CsvRecord &record) {
            addAccount(accounts, value, bytes.constData());
            return ++records % 65536 != 0 || !progress || progress(record.end, bytes.size());
        });
    if (!error.isEmpty())
        return error;
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

namespace {

// One side of a comparison once read: the accounts of a list, or a tokens file's tokens.
struct ReadSide
{
    bool isTokens = false;
    AccountOverlap::Accounts list;
    AccountOverlap::Tokens tokens;
};

// Both sides as keys: ours with the index of the entry in our list (to name it as written),
// theirs as keys alone; sorted and distinct once prepared.
struct SideKeys
{
    std::vector<std::pair<Key, quint32>> ours;
    std::vector<Key> theirs;
};

QString readSide(const AccountOverlap::Side &side, const QString &column, ReadSide &read,
                 const AccountOverlap::Progress &progress)
{
    read.isTokens = AccountOverlap::isTokensFile(side.bytes);
    return read.isTokens
               ? AccountOverlap::readTokens(side.bytes, side.label, read.tokens)
               : AccountOverlap::readCsv(side.bytes, side.label, column, read.list, progress);
}

// Progress over both files, ours first, for one stage; the hashing counts as a third file
// half as long as both.
AccountOverlap::Progress stage(const AccountOverlap::Progress &progress, qint64 offset, qint64 size,
                               qint64 total)
{
    if (!progress)
        return {};
    return [&progress, offset, size, total](qint64 done, qint64 of) {
        return progress(offset + (of > 0 ? size * done / of : 0), total + total / 2);
    };
}

// Two lists: the keys are the hashes of the domains. Their list is dropped once read.
void plainKeys(const ReadSide &ours, ReadSide &theirs, SideKeys &keys)
{
    keys.ours.reserve(ours.list.entries.size());
    for (quint32 i = 0; i < ours.list.entries.size(); ++i)
        keys.ours.push_back({keyOf(ours.list.entries[i]), i});
    keys.theirs.reserve(theirs.list.entries.size());
    for (const Entry &entry : theirs.list.entries)
        keys.theirs.push_back(keyOf(entry));
    theirs.list = {}; // only the keys are needed from here on
}

// A tokens file on either side: tokens are compared with tokens, so a list is hashed with
// the key first. Why the key does not fit, or an empty string.
QString checkKey(const AccountOverlap::Side &oursSide, const ReadSide &ours,
                 const AccountOverlap::Side &theirsSide, const ReadSide &theirs,
                 const QByteArray &key)
{
    if (ours.isTokens && theirs.isTokens) {
        if (ours.tokens.fingerprint == theirs.tokens.fingerprint)
            return {};
        return AccountOverlap::tr("%1 and %2 were made with different keys (fingerprints %3 and "
                                  "%4); both sides must use the same key.")
            .arg(oursSide.label, theirsSide.label, QString::fromLatin1(ours.tokens.fingerprint),
                 QString::fromLatin1(theirs.tokens.fingerprint));
    }
    if (key.isEmpty())
        return AccountOverlap::tr("Comparing a list with a tokens file needs the key both sides "
                                  "agreed on (--key).");
    const AccountOverlap::Tokens &tokens = ours.isTokens ? ours.tokens : theirs.tokens;
    if (AccountOverlap::fingerprint(key) == tokens.fingerprint)
        return {};
    return AccountOverlap::tr("%1 was made with another key (its fingerprint is %2, this key's "
                              "is %3); ask for the key used, or a tokens file made with this "
                              "one.")
        .arg(ours.isTokens ? oursSide.label : theirsSide.label,
             QString::fromLatin1(tokens.fingerprint),
             QString::fromLatin1(AccountOverlap::fingerprint(key)));
}

// False when the hashing was cancelled.
bool keyedKeys(ReadSide &ours, ReadSide &theirs, const QByteArray &key,
               const AccountOverlap::Progress &hashing, SideKeys &keys)
{
    bool cancelled = false;
    if (ours.isTokens) {
        for (const Key &token : ours.tokens.tokens)
            keys.ours.push_back({token, 0});
    } else {
        const std::vector<Key> tokens = tokensOf(ours.list, key, hashing, &cancelled);
        for (quint32 i = 0; i < tokens.size(); ++i)
            keys.ours.push_back({tokens[i], i});
    }
    if (theirs.isTokens)
        keys.theirs = std::move(theirs.tokens.tokens);
    else
        keys.theirs = tokensOf(theirs.list, key, hashing, &cancelled);
    return !cancelled;
}

// Sorts both sides and counts the shared keys in one merge; the entries of ours that are
// shared, in the order of our list.
qsizetype countShared(SideKeys &keys, std::vector<quint32> &sharedEntries)
{
    std::sort(keys.ours.begin(), keys.ours.end());
    keys.ours.erase(std::unique(keys.ours.begin(), keys.ours.end(),
                                [](const auto &a, const auto &b) { return a.first == b.first; }),
                    keys.ours.end());
    std::sort(keys.theirs.begin(), keys.theirs.end());
    keys.theirs.erase(std::unique(keys.theirs.begin(), keys.theirs.end()), keys.theirs.end());
    qsizetype shared = 0;
    auto theirIt = keys.theirs.cbegin();
    for (const auto &[ourKey, index] : keys.ours) {
        while (theirIt != keys.theirs.cend() && *theirIt < ourKey)
            ++theirIt;
        if (theirIt == keys.theirs.cend())
            break;
        if (*theirIt != ourKey)
            continue;
        ++shared;
        sharedEntries.push_back(index);
    }
    std::sort(sharedEntries.begin(), sharedEntries.end());
    return shared;
}

// Our shared accounts as written in our file.
QStringList writtenAccounts(const QByteArray &file, const AccountOverlap::Accounts &list,
                            const std::vector<quint32> &entries)
{
    QStringList accounts;
    accounts.reserve(qsizetype(entries.size()));
    for (quint32 index : entries) {
        const Entry &entry = list.entries[index];
        const QByteArrayView raw = QByteArrayView(file).sliced(entry.writtenAt, entry.writtenSize);
        accounts.append(QString::fromUtf8(CsvReader::fieldText(raw)).trimmed());
    }
    return accounts;
}

} // namespace

QString AccountOverlap::compare(const Side &ours, const Side &theirs, const QByteArray &key,
                                const QString &column, qsizetype minCount, OverlapResult &result,
                                bool *usedTokens, const Progress &progress)
{
    result = {};
    if (usedTokens)
        *usedTokens = isTokensFile(ours.bytes) || isTokensFile(theirs.bytes);
    const qint64 total = ours.bytes.size() + theirs.bytes.size();
    ReadSide our, their;
    QString error = readSide(ours, column, our, stage(progress, 0, ours.bytes.size(), total));
    if (error.isEmpty())
        error = readSide(theirs, column, their,
                         stage(progress, ours.bytes.size(), theirs.bytes.size(), total));
    if (!error.isEmpty())
        return error;
    result.skippedOurs = our.list.skipped;
    result.skippedTheirs = their.list.skipped;

    // Each side as sorted 128-bit keys: hashes of domains, or tokens.
    const bool keyed = our.isTokens || their.isTokens;
    SideKeys keys;
    if (!keyed) {
        plainKeys(our, their, keys);
    } else {
        if (error = checkKey(ours, our, theirs, their, key); !error.isEmpty())
            return error;
        if (!keyedKeys(our, their, key, stage(progress, total, total / 2, total), keys))
            return tr("Cancelled.");
    }
    std::vector<quint32> sharedEntries;
    const qsizetype shared = countShared(keys, sharedEntries);
    result.ours = qsizetype(keys.ours.size());
    result.theirs = qsizetype(keys.theirs.size());
    result.shared = shared;
    if (!our.isTokens)
        result.sharedAccounts = writtenAccounts(ours.bytes, our.list, sharedEntries);
    if (keyed && shared < minCount) {
        // Too few to show: a count of one or two would tell which accounts they are.
        result.shared.reset();
        result.sharedBelow = minCount;
        result.sharedAccounts.clear();
    }
    return {};
}

} // namespace pb::io
