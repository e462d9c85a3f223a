#include "AccountOverlap.h"

#include "CsvReader.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

const QByteArray kTokensMagic = "playbook-overlap-tokens 1";
const QByteArray kKeyMagic = "playbook-overlap-key 1";
constexpr int kTokenBytes = 16;

QByteArray tokenOf(QMessageAuthenticationCode &mac, const QByteArray &account)
{
    mac.reset();
    mac.addData(account);
    return mac.result().left(kTokenBytes);
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

} // namespace

QString AccountOverlap::readCsv(const QByteArray &bytes, const QString &label,
                                const QString &column, Accounts &accounts,
                                QHash<QByteArray, QString> *written, const Progress &progress)
{
    const qint64 totalLines = std::max<qint64>(1, bytes.count('\n'));
    int index = -1;
    bool missingColumn = false;
    bool cancelled = false;
    qsizetype rows = 0;
    const CsvTable table =
        CsvReader::read(bytes, 20, QChar(), [&](CsvRow &&row, const CsvTable &sofar) {
            if (cancelled || missingColumn || !sofar.problems.isEmpty())
                return;
            if (index < 0 && (index = findColumn(sofar.header, column)) < 0) {
                missingColumn = true;
                return;
            }
            if (++rows % 65536 == 0 && progress && !progress(row.line, totalLines)) {
                cancelled = true;
                return;
            }
            const QString &text = row.fields.at(index);
            if (const auto key = normaliseAccount(text)) {
                accounts.keys.insert(*key);
                if (written && !written->contains(*key))
                    written->insert(*key, text.trimmed());
            } else {
                ++accounts.skipped;
            }
        });
    if (!table.problems.isEmpty()) {
        const CsvProblem &problem = table.problems.first();
        return problem.column > 0
                   ? tr("%1:%2: column %3: %4")
                         .arg(label)
                         .arg(problem.line)
                         .arg(problem.column)
                         .arg(problem.message)
                   : tr("%1:%2: %3").arg(label).arg(problem.line).arg(problem.message);
    }
    if (table.header.isEmpty())
        return tr("%1:1: the file is empty; a header row with a domain, website, url or email "
                  "column is required")
            .arg(label);
    if (index < 0 && findColumn(table.header, column) < 0)
        return column.isEmpty() ? tr("%1:1: no column named domain, website, url or email; name "
                                     "the column with --column")
                                      .arg(label)
                                : tr("%1:1: there is no column \"%2\"").arg(label, column);
    if (cancelled)
        return tr("Cancelled.");
    return {};
}

bool AccountOverlap::isTokensFile(const QByteArray &bytes)
{
    return bytes.startsWith(kTokensMagic + '\n');
}

QString AccountOverlap::readTokens(const QByteArray &bytes, const QString &label, Tokens &tokens)
{
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() < 3 || lines.at(0) != kTokensMagic)
        return tr("%1:1: not a Playbook tokens file (version 1)").arg(label);
    if (!lines.at(1).startsWith("fingerprint "))
        return tr("%1:2: the key fingerprint is missing").arg(label);
    tokens.fingerprint = lines.at(1).mid(12).trimmed();
    bool ok = false;
    const qsizetype count =
        lines.at(2).startsWith("count ") ? lines.at(2).mid(6).toLongLong(&ok) : 0;
    if (!ok || count < 0)
        return tr("%1:3: the count is missing").arg(label);
    tokens.tokens.reserve(count);
    for (qsizetype i = 3; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const QByteArray raw = QByteArray::fromHex(line);
        if (line.size() != 2 * kTokenBytes || raw.size() != kTokenBytes)
            return tr("%1:%2: not a token").arg(label).arg(i + 1);
        tokens.tokens.insert(raw);
    }
    if (tokens.tokens.size() != count)
        return tr("%1: the file says %2 tokens but holds %3; it may be cut short")
            .arg(label)
            .arg(count)
            .arg(tokens.tokens.size());
    return {};
}

QByteArray AccountOverlap::writeTokens(const QSet<QByteArray> &accounts, const QByteArray &key,
                                       const Progress &progress)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    QList<QByteArray> tokens;
    tokens.reserve(accounts.size());
    qsizetype done = 0;
    for (const QByteArray &account : accounts) {
        tokens.append(tokenOf(mac, account).toHex());
        if (++done % 65536 == 0 && progress && !progress(done, accounts.size()))
            return {};
    }
    // Random order: nothing about the list's order (say, alphabetical) leaks.
    std::shuffle(tokens.begin(), tokens.end(), *QRandomGenerator::system());
    QByteArray file = kTokensMagic + '\n' + "fingerprint " + fingerprint(key) + '\n' + "count " +
                      QByteArray::number(tokens.size()) + '\n';
    file.reserve(file.size() + tokens.size() * (2 * kTokenBytes + 1));
    for (const QByteArray &token : std::as_const(tokens))
        file += token + '\n';
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
    // Progress over both files: ours first.
    const auto stage = [&](qint64 offset, qint64 size) -> Progress {
        if (!progress)
            return {};
        return [&progress, offset, size, total](qint64 done, qint64 of) {
            return progress(offset + (of > 0 ? size * done / of : 0), total);
        };
    };

    Accounts ourAccounts, theirAccounts;
    Tokens ourTokenSet, theirTokenSet;
    QHash<QByteArray, QString> written;
    QString error;
    if (ourTokens)
        error = readTokens(ours.bytes, ours.label, ourTokenSet);
    else
        error = readCsv(ours.bytes, ours.label, column, ourAccounts, &written,
                        stage(0, ours.bytes.size()));
    if (!error.isEmpty())
        return error;
    if (theirTokens)
        error = readTokens(theirs.bytes, theirs.label, theirTokenSet);
    else
        error = readCsv(theirs.bytes, theirs.label, column, theirAccounts, nullptr,
                        stage(ours.bytes.size(), theirs.bytes.size()));
    if (!error.isEmpty())
        return error;
    result.skippedOurs = ourAccounts.skipped;
    result.skippedTheirs = theirAccounts.skipped;

    if (!ourTokens && !theirTokens) {
        // Both lists are here: the plain overlap.
        result.ours = ourAccounts.keys.size();
        result.theirs = theirAccounts.keys.size();
        qsizetype shared = 0;
        for (const QByteArray &account : std::as_const(ourAccounts.keys)) {
            if (theirAccounts.keys.contains(account)) {
                ++shared;
                result.sharedAccounts.append(written.value(account));
            }
        }
        result.shared = shared;
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
            // Our list as tokens under the agreed key.
            QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
            const Accounts &list = ourTokens ? theirAccounts : ourAccounts;
            Tokens &target = ourTokens ? theirTokenSet : ourTokenSet;
            QHash<QByteArray, QByteArray> accountOfToken;
            target.tokens.reserve(list.keys.size());
            for (const QByteArray &account : list.keys) {
                const QByteArray token = tokenOf(mac, account);
                target.tokens.insert(token);
                if (!ourTokens)
                    accountOfToken.insert(token, account);
            }
            if (!ourTokens) {
                for (auto it = accountOfToken.cbegin(); it != accountOfToken.cend(); ++it) {
                    if (theirTokenSet.tokens.contains(it.key()))
                        result.sharedAccounts.append(written.value(it.value()));
                }
            }
        }
        result.ours = ourTokenSet.tokens.size();
        result.theirs = theirTokenSet.tokens.size();
        qsizetype shared = 0;
        for (const QByteArray &token : std::as_const(ourTokenSet.tokens))
            shared += theirTokenSet.tokens.contains(token) ? 1 : 0;
        result.shared = shared;
        if (shared < minCount) {
            // Too few to show: a count of one or two would tell which accounts they are.
            result.shared.reset();
            result.sharedBelow = minCount;
            result.sharedAccounts.clear();
        }
    }
    std::sort(
        result.sharedAccounts.begin(), result.sharedAccounts.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return {};
}

} // namespace pb::io
