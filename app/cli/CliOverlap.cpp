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

int Cli::runOverlap(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action != u"keygen" && action != u"prepare" && action != u"compare") {
        if (action == u"-h" || action == u"--help") {
            m_out << tr("Usage: playbook-cli overlap keygen -o KEY\n"
                        "       playbook-cli overlap prepare ACCOUNTS.csv --key KEY -o "
                        "OUT.tokens [--column NAME]\n"
                        "       playbook-cli overlap compare MINE THEIRS [--key KEY] [--json] "
                        "[--min-count N] [--column NAME]\n");
            return Success;
        }
        return usageError(action.isEmpty() ? tr("'overlap' needs 'keygen', 'prepare' or 'compare'.")
                                           : tr("unknown action 'overlap %1'.").arg(action));
    }
    QCommandLineParser parser;
    const QCommandLineOption output({u"o"_s, u"output"_s}, tr("The file to write."), tr("FILE"));
    const QCommandLineOption keyOption(u"key"_s, tr("The key file both sides agreed on."),
                                       tr("KEY"));
    const QCommandLineOption column(u"column"_s,
                                    tr("The column with domains, websites or e-mail addresses "
                                       "(default: the first named domain, website, url or email)."),
                                    tr("NAME"));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption minCount(u"min-count"_s,
                                      tr("With a tokens file, show the shared count only from "
                                         "this many up (default 5)."),
                                      tr("N"), u"5"_s);
    int positional = 0;
    if (action == u"keygen") {
        parser.setApplicationDescription(
            tr("Write a new random 256-bit key for one exchange of account lists. Give it to the "
               "other company out of band (not with the tokens file). Never overwrites a "
               "file."));
        parser.addOption(output);
    } else if (action == u"prepare") {
        parser.setApplicationDescription(
            tr("Turn an account list into a tokens file for the other company: keyed hashes "
               "of the normalised domains, in random order, with no domain in the file."));
        parser.addOption(keyOption);
        parser.addOption(output);
        parser.addOption(column);
        parser.addPositionalArgument(u"ACCOUNTS.csv"_s, tr("Our account list."));
        positional = 1;
    } else {
        parser.setApplicationDescription(
            tr("Count the accounts two lists share. Each side is a CSV list or a tokens file; a "
               "list against a tokens file needs --key."));
        parser.addOption(keyOption);
        parser.addOption(json);
        parser.addOption(minCount);
        parser.addOption(column);
        parser.addPositionalArgument(u"MINE"_s, tr("Our list (CSV) or tokens file."));
        parser.addPositionalArgument(u"THEIRS"_s, tr("Their list (CSV) or tokens file."));
        positional = 2;
    }
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"overlap "_s + action, rest, positional, m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();

    QByteArray key;
    if (action != u"keygen" && parser.isSet(keyOption)) {
        QByteArray bytes;
        if (const QString why = readInputFile(parser.value(keyOption), bytes); !why.isEmpty()) {
            m_err << why << u"\n"_s;
            return BadInput;
        }
        QString why;
        key = io::AccountOverlap::readKey(bytes, QDir::toNativeSeparators(parser.value(keyOption)),
                                          &why);
        if (key.isEmpty()) {
            m_err << why << u"\n"_s;
            return BadInput;
        }
    }

    if (action == u"keygen" || action == u"prepare") {
        if (!parser.isSet(output))
            return usageError(tr("'overlap %1' needs -o FILE.").arg(action));
        const QString target = parser.value(output);
        if (QFileInfo::exists(target)) {
            m_err << tr("%1 exists already; choose a new name (keys and tokens are never "
                        "overwritten).")
                         .arg(QDir::toNativeSeparators(target))
                  << u"\n"_s;
            return BadInput;
        }
        QByteArray bytes;
        if (action == u"keygen") {
            bytes = io::AccountOverlap::newKeyFile();
        } else {
            if (key.isEmpty())
                return usageError(tr("'overlap prepare' needs --key KEY."));
            QByteArray csv;
            if (const QString why = readInputFile(args.at(0), csv); !why.isEmpty()) {
                m_err << why << u"\n"_s;
                return BadInput;
            }
            io::AccountOverlap::Accounts accounts;
            if (const QString why = io::AccountOverlap::readCsv(
                    csv, QDir::toNativeSeparators(args.at(0)), parser.value(column), accounts);
                !why.isEmpty()) {
                m_err << why << u"\n"_s;
                return BadInput;
            }
            bytes = io::AccountOverlap::writeTokens(accounts, key);
            m_err << tr("%1 accounts, rows without a usable domain skipped: %2; key fingerprint "
                        "%3")
                         .arg(accounts.size())
                         .arg(accounts.skipped)
                         .arg(QString::fromLatin1(io::AccountOverlap::fingerprint(key)))
                  << u"\n"_s;
        }
        if (const QString why = io::SafeFile::write(target, bytes); !why.isEmpty()) {
            m_err << why << u"\n"_s;
            return BadInput;
        }
        m_out << tr("wrote %1").arg(QDir::toNativeSeparators(target)) << u"\n"_s;
        return Success;
    }

    // compare
    bool ok = false;
    const qsizetype minimum = parser.value(minCount).toLongLong(&ok);
    if (!ok || minimum < 0)
        return usageError(tr("--min-count takes a whole number."));
    io::AccountOverlap::Side sides[2];
    for (int i = 0; i < 2; ++i) {
        sides[i].label = QDir::toNativeSeparators(args.at(i));
        if (const QString why = readInputFile(args.at(i), sides[i].bytes); !why.isEmpty()) {
            m_err << why << u"\n"_s;
            return BadInput;
        }
    }
    if (io::AccountOverlap::isTokensFile(sides[0].bytes) !=
            io::AccountOverlap::isTokensFile(sides[1].bytes) &&
        key.isEmpty())
        return usageError(tr("a list against a tokens file needs --key KEY."));
    OverlapResult result;
    if (const QString why = io::AccountOverlap::compare(sides[0], sides[1], key,
                                                        parser.value(column), minimum, result);
        !why.isEmpty()) {
        m_err << why << u"\n"_s;
        return BadInput;
    }
    if (parser.isSet(json)) {
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
        printJson(m_out, object);
        return Success;
    }
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    const auto skipped = [&c](qsizetype rows) {
        return rows == 0 ? QString()
               : rows == 1
                   ? tr(" (1 row without a usable domain skipped)")
                   : tr(" (%1 rows without a usable domain skipped)").arg(c.toString(qint64(rows)));
    };
    m_out << tr("ours: %1 accounts%2")
                 .arg(c.toString(qint64(result.ours)), skipped(result.skippedOurs))
          << u"\n"_s
          << tr("theirs: %1 accounts%2")
                 .arg(c.toString(qint64(result.theirs)), skipped(result.skippedTheirs))
          << u"\n"_s;
    if (!result.shared) {
        m_out << tr("shared: fewer than %1").arg(result.sharedBelow) << u"\n"_s;
        return Success;
    }
    m_out << tr("shared: %1 (%2 % of ours, %3 % of theirs)")
                 .arg(c.toString(qint64(*result.shared)),
                      c.toString(result.shareOfOurs().value_or(0), 'f', 1),
                      c.toString(result.shareOfTheirs().value_or(0), 'f', 1))
          << u"\n"_s;
    for (const QString &account : std::as_const(result.sharedAccounts))
        m_out << u"  "_s << account << u"\n"_s;
    return Success;
}

} // namespace pb::cli
