#pragma once

#include "CsvReader.h"
#include "domain/Overlap.h"

#include <QCoreApplication>

#include <array>
#include <functional>
#include <vector>

namespace pb::io {

// Audience overlap from account lists (README, "Audience overlap"): a CSV of domains,
// websites or e-mail addresses, or a tokens file that another company prepared with a key
// both sides agreed on, so that neither sees the other's accounts.
//
// A tokens file holds, in random order, the first 128 bits of HMAC-SHA-256(key, account)
// of every distinct account, under a versioned header with the key's fingerprint and the
// count; no account, domain or plain hash appears in it.
class AccountOverlap
{
    Q_DECLARE_TR_FUNCTIONS(AccountOverlap)
public:
    // Called now and then with the bytes read so far of the total; returning false
    // cancels the work.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // The distinct accounts of a list, in the order first seen, with where each was
    // written in the file (for showing ours as written).
    struct Accounts
    {
        struct Entry
        {
            quint64 hash[2];  // 128-bit hash of the normalised domain (or the token)
            quint32 domainAt; // in arena
            quint32 domainSize;
            quint32 writtenAt; // in the file's bytes, quotes included
            quint32 writtenSize;
        };
        QByteArray arena; // the normalised domains, back to back
        std::vector<Entry> entries;
        qsizetype skipped = 0; // rows with no usable domain

        qsizetype size() const { return qsizetype(entries.size()); }
        QByteArrayView domain(const Entry &entry) const
        {
            return QByteArrayView(arena).sliced(entry.domainAt, entry.domainSize);
        }
        bool contains(QByteArrayView domain) const;
    };

    // Reads the account column of a CSV file (the one CSV reader's rules): --column NAME,
    // else the first column named domain, website, url or email (header names as every
    // format matches them). An empty string on success, else a message naming the file (and
    // line and column where it applies); "Cancelled." when progress said stop.
    static QString readCsv(const QByteArray &bytes, const QString &label, const QString &column,
                           Accounts &accounts, const Progress &progress = {});
    // The same reading, value by value: each field of the account column as the file holds
    // it, with its record; onValue returns false to stop ("Cancelled."). What readCsv
    // normalises, and what the conformance tests check.
    using ValueHandler = std::function<bool(const CsvField &value, const CsvRecord &record)>;
    static QString readColumn(const QByteArray &bytes, const QString &label, const QString &column,
                              const ValueHandler &onValue);

    static bool isTokensFile(const QByteArray &bytes);
    struct Tokens
    {
        QByteArray fingerprint;                     // hex
        std::vector<std::array<quint64, 2>> tokens; // sorted, distinct
    };
    static QString readTokens(const QByteArray &bytes, const QString &label, Tokens &tokens);
    // The tokens file for these accounts, in random order; empty when cancelled.
    static QByteArray writeTokens(const Accounts &accounts, const QByteArray &key,
                                  const Progress &progress = {});

    // A new random 256-bit key, as the key file holds it.
    static QByteArray newKeyFile();
    // The key in a key file; an empty array and why when the file is not one.
    static QByteArray readKey(const QByteArray &bytes, const QString &label, QString *why);
    static QByteArray fingerprint(const QByteArray &key); // hex, safe to show

    // One side of a comparison: a CSV file or a tokens file, by its content.
    struct Side
    {
        QString label; // the file's name, for messages
        QByteArray bytes;
    };
    // Compares our side with theirs. key: needed when exactly one side is a tokens file.
    // minCount: when a tokens file is involved and fewer accounts are shared, the count is
    // withheld (shared is empty, sharedBelow set) so that a tiny list cannot probe single
    // accounts. An empty string on success, else the message; a cancelled run says so.
    static QString compare(const Side &ours, const Side &theirs, const QByteArray &key,
                           const QString &column, qsizetype minCount, domain::OverlapResult &result,
                           bool *usedTokens = nullptr, const Progress &progress = {});
};

} // namespace pb::io
