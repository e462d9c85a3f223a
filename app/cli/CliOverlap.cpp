// playbook-cli: audience overlap from account lists (overlap keygen/prepare/compare).
#include "Cli.h"

#include "CliSupport.h"
#include "io/AccountOverlap.h"
#include "io/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

// The options that several overlap verbs take.
QCommandLineOption outputOption()
{
    return {{u"o"_s, u"output"_s}, Cli::tr("The file to write."), Cli::tr("FILE")};
}

QCommandLineOption keyOption()
{
    return {u"key"_s, Cli::tr("The key file both sides agreed on."), Cli::tr("KEY")};
}

QCommandLineOption columnOption()
{
    return {u"column"_s,
            Cli::tr("The column with domains, websites or e-mail addresses (default: the first "
                    "named domain, website, url or email)."),
            Cli::tr("NAME")};
}

// The key of --key, when given: an empty array if not, or when it cannot be read (then the
// message is printed and *failed set).
QByteArray readKeyOption(const QCommandLineParser &parser, QTextStream &err, bool *failed)
{
    *failed = false;
    if (!parser.isSet(keyOption()))
        return {};
    const QString path = parser.value(keyOption());
    QByteArray bytes;
    QString why = readInputFile(path, bytes);
    const QByteArray key =
        why.isEmpty() ? io::AccountOverlap::readKey(bytes, QDir::toNativeSeparators(path), &why)
                      : QByteArray();
    if (key.isEmpty()) {
        err << why << u"\n"_s;
        *failed = true;
    }
    return key;
}

QJsonObject overlapJson(const OverlapResult &result)
{
    QJsonObject object{
        {u"ours"_s, qint64(result.ours)},
        {u"theirs"_s, qint64(result.theirs)},
        {u"shared"_s, result.shared ? QJsonValue(qint64(*result.shared)) : QJsonValue()},
        {u"share_of_ours"_s,
         result.shareOfOurs() ? QJsonValue(*result.shareOfOurs()) : QJsonValue()},
        {u"share_of_theirs"_s,
         result.shareOfTheirs() ? QJsonValue(*result.shareOfTheirs()) : QJsonValue()},
        {u"shared_accounts"_s, QJsonArray::fromStringList(result.sharedAccounts)},
        {u"skipped_rows"_s, QJsonObject{{u"ours"_s, qint64(result.skippedOurs)},
                                        {u"theirs"_s, qint64(result.skippedTheirs)}}}};
    if (!result.shared)
        object.insert(u"shared_below"_s, qint64(result.sharedBelow));
    return object;
}

void printOverlap(QTextStream &out, const OverlapResult &result)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    const auto skipped = [&c](qsizetype rows) {
        return rows == 0   ? QString()
               : rows == 1 ? Cli::tr(" (1 row without a usable domain skipped)")
                           : Cli::tr(" (%1 rows without a usable domain skipped)")
                                 .arg(c.toString(qint64(rows)));
    };
    out << Cli::tr("ours: %1 accounts%2")
               .arg(c.toString(qint64(result.ours)), skipped(result.skippedOurs))
        << u"\n"_s
        << Cli::tr("theirs: %1 accounts%2")
               .arg(c.toString(qint64(result.theirs)), skipped(result.skippedTheirs))
        << u"\n"_s;
    if (!result.shared) {
        out << Cli::tr("shared: fewer than %1").arg(result.sharedBelow) << u"\n"_s;
        return;
    }
    out << Cli::tr("shared: %1 (%2 % of ours, %3 % of theirs)")
               .arg(c.toString(qint64(*result.shared)),
                    c.toString(result.shareOfOurs().value_or(0), 'f', 1),
                    c.toString(result.shareOfTheirs().value_or(0), 'f', 1))
        << u"\n"_s;
    for (const QString &account : result.sharedAccounts)
        out << u"  "_s << account << u"\n"_s;
}

} // namespace

// The -o FILE of keygen and prepare, which must not exist yet: keys and tokens files are
// written once, never replaced. nullopt to go on, else the exit code.
std::optional<int> Cli::overlapTarget(const QCommandLineParser &parser, const QString &action,
                                      QString *target)
{
    if (!parser.isSet(outputOption()))
        return usageError(tr("'overlap %1' needs -o FILE.").arg(action));
    *target = parser.value(outputOption());
    if (QFileInfo::exists(*target))
        return fail(tr("%1 exists already; choose a new name (keys and tokens are never "
                       "overwritten).")
                        .arg(QDir::toNativeSeparators(*target)));
    return std::nullopt;
}

int Cli::writeOverlapFile(const QString &target, const QByteArray &bytes)
{
    if (const QString why = io::SafeFile::write(target, bytes); !why.isEmpty())
        return fail(why);
    m_out << tr("wrote %1").arg(QDir::toNativeSeparators(target)) << u"\n"_s;
    return Success;
}

int Cli::runOverlapKeygen(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a new random 256-bit key for one exchange of account lists. Give it to the "
           "other company out of band (not with the tokens file). Never overwrites a file."));
    parser.addOption(outputOption());
    if (const auto stop = parse(parser, u"overlap keygen"_s, arguments, 0))
        return *stop;
    QString target;
    if (const auto stop = overlapTarget(parser, u"keygen"_s, &target))
        return *stop;
    return writeOverlapFile(target, io::AccountOverlap::newKeyFile());
}

int Cli::runOverlapPrepare(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Turn an account list into a tokens file for the other company: keyed hashes of the "
           "normalised domains, in random order, with no domain in the file."));
    parser.addOption(keyOption());
    parser.addOption(outputOption());
    parser.addOption(columnOption());
    parser.addPositionalArgument(u"ACCOUNTS.csv"_s, tr("Our account list."));
    if (const auto stop = parse(parser, u"overlap prepare"_s, arguments, 1))
        return *stop;
    bool failed = false;
    const QByteArray key = readKeyOption(parser, m_err, &failed);
    if (failed)
        return BadInput;
    QString target;
    if (const auto stop = overlapTarget(parser, u"prepare"_s, &target))
        return *stop;
    if (key.isEmpty())
        return usageError(tr("'overlap prepare' needs --key KEY."));
    const QString path = parser.positionalArguments().constFirst();
    QByteArray csv;
    if (const QString why = readInputFile(path, csv); !why.isEmpty())
        return fail(why);
    io::AccountOverlap::Accounts accounts;
    if (const QString why = io::AccountOverlap::readCsv(csv, QDir::toNativeSeparators(path),
                                                        parser.value(columnOption()), accounts);
        !why.isEmpty())
        return fail(why);
    const QByteArray tokens = io::AccountOverlap::writeTokens(accounts, key);
    m_err << tr("%1 accounts, rows without a usable domain skipped: %2; key fingerprint %3")
                 .arg(accounts.size())
                 .arg(accounts.skipped)
                 .arg(QString::fromLatin1(io::AccountOverlap::fingerprint(key)))
          << u"\n"_s;
    return writeOverlapFile(target, tokens);
}

int Cli::runOverlapCompare(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Count the accounts two lists share. Each side is a CSV list or a tokens file; a "
           "list against a tokens file needs --key."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption minCount(u"min-count"_s,
                                      tr("With a tokens file, show the shared count only from "
                                         "this many up (default 5)."),
                                      tr("N"), u"5"_s);
    parser.addOption(keyOption());
    parser.addOption(json);
    parser.addOption(minCount);
    parser.addOption(columnOption());
    parser.addPositionalArgument(u"MINE"_s, tr("Our list (CSV) or tokens file."));
    parser.addPositionalArgument(u"THEIRS"_s, tr("Their list (CSV) or tokens file."));
    if (const auto stop = parse(parser, u"overlap compare"_s, arguments, 2))
        return *stop;
    bool failed = false;
    const QByteArray key = readKeyOption(parser, m_err, &failed);
    if (failed)
        return BadInput;
    bool ok = false;
    const qsizetype minimum = parser.value(minCount).toLongLong(&ok);
    if (!ok || minimum < 0)
        return usageError(tr("--min-count takes a whole number."));
    io::AccountOverlap::Side sides[2];
    for (int i = 0; i < 2; ++i) {
        sides[i].label = QDir::toNativeSeparators(parser.positionalArguments().at(i));
        if (const QString why = readInputFile(parser.positionalArguments().at(i), sides[i].bytes);
            !why.isEmpty())
            return fail(why);
    }
    if (io::AccountOverlap::isTokensFile(sides[0].bytes) !=
            io::AccountOverlap::isTokensFile(sides[1].bytes) &&
        key.isEmpty())
        return usageError(tr("a list against a tokens file needs --key KEY."));
    OverlapResult result;
    if (const QString why = io::AccountOverlap::compare(
            sides[0], sides[1], key, parser.value(columnOption()), minimum, result);
        !why.isEmpty())
        return fail(why);
    if (parser.isSet(json))
        printJson(m_out, overlapJson(result));
    else
        printOverlap(m_out, result);
    return Success;
}

} // namespace pb::cli
