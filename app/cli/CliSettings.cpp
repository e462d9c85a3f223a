// playbook-cli: the workbook properties (settings).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::Workbook;

namespace pb::cli {

namespace {

// The keys with their labels, ranges and units, for the verb's help.
QString keysHelp()
{
    QStringList lines;
    for (const SettingSpec &row : WorkbookSettings::specs()) {
        QString line = u"  %1  %2"_s.arg(QString::fromUtf16(row.storage).leftJustified(30),
                                         WorkbookSettings::displayName(row.key));
        if (row.type == SettingType::Money)
            line += Cli::tr(" (in the workbook's currency)");
        else if (row.type == SettingType::YesNo)
            line += Cli::tr(" (yes or no)");
        else if (row.maximum > 0)
            line +=
                u" (0–%1 %2)"_s.arg(kpiNumberText(row.maximum), WorkbookSettings::unit(row.key, {}))
                    .replace(u" )"_s, u")"_s);
        lines << line;
    }
    return lines.join(u'\n');
}

// The currency the workbook will have: the one a pair sets, else its own.
QString currencyAfter(const QStringList &pairs, const QString &current)
{
    for (const QString &pair : pairs) {
        if (pair.section(u'=', 0, 0).trimmed().toLower() ==
            WorkbookSettings::storageKey(SettingKey::Currency)) {
            QVariant value = pair.section(u'=', 1);
            if (WorkbookSettings::validate(SettingKey::Currency, value).isEmpty())
                return value.toString();
        }
    }
    return current;
}

// KEY=VALUE pairs as checked changes: the same rules as the Workbook Properties dialog.
// An amount may carry the workbook's currency ("5000 EUR"), as `settings` prints it.
SettingValues parsePairs(const QStringList &pairs, const QString &currency, QStringList &problems)
{
    SettingValues changes;
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            problems << Cli::tr("\"%1\": write KEY=VALUE").arg(pair);
            continue;
        }
        const QString name = pair.left(equals).trimmed().toLower();
        const auto key = WorkbookSettings::keyFromStorage(name);
        if (!key) {
            QStringList keys;
            for (const SettingSpec &row : WorkbookSettings::specs())
                keys << QString::fromUtf16(row.storage);
            problems << Cli::tr("unknown key \"%1\"; the keys are %2").arg(name, keys.join(u", "));
            continue;
        }
        QString text = pair.mid(equals + 1).trimmed();
        const QString suffix = u' ' + currency;
        if (WorkbookSettings::spec(*key).type == SettingType::Money &&
            text.endsWith(suffix, Qt::CaseInsensitive))
            text.chop(suffix.size());
        QVariant value = text;
        if (const QString why = WorkbookSettings::validate(*key, value); !why.isEmpty())
            problems << u"%1: %2"_s.arg(name, why);
        else
            changes.insert(*key, value);
    }
    return changes;
}

QJsonValue jsonValue(SettingKey key, const QVariant &value)
{
    if (WorkbookSettings::spec(key).type == SettingType::YesNo)
        return value.toString() == u"yes";
    if (WorkbookSettings::spec(key).type == SettingType::Text ||
        WorkbookSettings::spec(key).type == SettingType::Currency ||
        WorkbookSettings::spec(key).type == SettingType::Thresholds)
        return value.toString();
    return value.toDouble();
}

} // namespace

int Cli::runSettings(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print a workbook's properties, or set them with KEY=VALUE pairs, with the rules of "
           "the Workbook Properties dialog. An unknown key or a bad value changes nothing. "
           "Keys:\n%1")
            .arg(keysHelp()));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"KEY=VALUE"_s, tr("Properties to set."), u"[KEY=VALUE ...]"_s);
    const int count = std::max(1, bareArgumentCount(arguments));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"settings"_s, arguments, count, m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();
    const QStringList pairs = args.mid(1);
    if (!pairs.isEmpty() && parser.isSet(json))
        return usageError(tr("--json prints the properties; it does not go with KEY=VALUE."));

    const OpenWorkbook opened =
        pairs.isEmpty() ? openReadOnly(args.at(0), m_err) : openForEditing(args.at(0), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const QString currency = workbook.setting(SettingKey::Currency).toString();
    if (!pairs.isEmpty()) {
        QStringList problems;
        const SettingValues changes = parsePairs(pairs, currencyAfter(pairs, currency), problems);
        if (problems.isEmpty()) {
            if (const QString why =
                    WorkbookSettings::validateTogether(workbook.settings(), changes);
                !why.isEmpty())
                problems << why;
        }
        if (!problems.isEmpty()) {
            for (const QString &problem : std::as_const(problems))
                m_err << problem << u"\n"_s;
            return fail(tr("Nothing was changed."));
        }
        if (const store::StoreError storeError = workbook.setSettings(changes))
            return fail(storeError.message, exitCodeFor(storeError));
        m_out << (changes.size() == 1 ? tr("updated 1 setting")
                                      : tr("updated %1 settings").arg(changes.size()))
              << u"\n"_s;
        return Success;
    }
    return printSettings(workbook, parser.isSet(json));
}

int Cli::printSettings(const Workbook &workbook, bool json)
{
    const QString currency = workbook.setting(SettingKey::Currency).toString();
    const QList<InvalidValue> invalid = workbook.invalidValues();
    if (json) {
        QJsonObject values;
        QJsonObject units;
        for (const SettingSpec &row : WorkbookSettings::specs()) {
            const QString key = QString::fromUtf16(row.storage);
            values.insert(key, jsonValue(row.key, workbook.setting(row.key)));
            if (const QString unit = WorkbookSettings::unit(row.key, currency); !unit.isEmpty())
                units.insert(key, unit);
        }
        QJsonArray problems;
        for (const InvalidValue &value : invalid) {
            if (value.table == u"settings")
                problems.append(findingJson(value.finding()));
        }
        printJson(m_out, {{u"workbook"_s, QDir::toNativeSeparators(workbook.path())},
                          {u"settings"_s, values},
                          {u"units"_s, units},
                          {u"invalid"_s, problems}});
        return Success;
    }
    int width = 0;
    for (const SettingSpec &row : WorkbookSettings::specs())
        width = std::max(width, int(QStringView(row.storage).size()));
    for (const SettingSpec &row : WorkbookSettings::specs()) {
        QString value = WorkbookSettings::text(row.key, workbook.setting(row.key));
        if (row.type == SettingType::Money)
            value += u' ' + currency; // a threshold is never a bare number
        m_out << QString::fromUtf16(row.storage).leftJustified(width + 1, u' ') << u"= "_s << value
              << u"\n"_s;
    }
    for (const InvalidValue &value : invalid) {
        if (value.table == u"settings")
            m_err << tr("warning: %1: %2").arg(value.finding().code, value.describe()) << u"\n"_s;
    }
    return Success;
}

} // namespace pb::cli
