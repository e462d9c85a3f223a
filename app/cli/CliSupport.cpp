#include "CliSupport.h"

#include "Cli.h"

#include "io/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using pb::store::StoreError;
using namespace pb::domain;

namespace pb::cli {

namespace {

OpenWorkbook open(const QString &path, OpenMode mode, QTextStream &err)
{
    OpenWorkbook result;
    store::OpenOptions options;
    options.readOnly = mode == OpenMode::ReadOnly;
    StoreError error;
    result.workbook = store::Workbook::open(path, options, &error);
    if (!result.workbook) {
        err << error.message << u"\n"_s;
        result.exitCode = exitCodeFor(error);
    } else if (mode == OpenMode::Editing) {
        // "playbook-cli candidates import", "playbook-cli terms": the verb and its action.
        QStringList words = QCoreApplication::arguments().mid(1, 2);
        if (words.size() == 2 && (words[1].contains(u'.') || words[1].contains(u'/')))
            words.removeLast();
        result.step = std::make_unique<store::HistoryScope>(
            *result.workbook, domain::HistoryKind::Edit, u"playbook-cli "_s + words.join(u' '));
    }
    return result;
}

} // namespace

OpenWorkbook openReadOnly(const QString &path, QTextStream &err)
{
    return open(path, OpenMode::ReadOnly, err);
}

OpenWorkbook openForEditing(const QString &path, QTextStream &err)
{
    return open(path, OpenMode::Editing, err);
}

PartnerWorkbook openPartner(const QString &path, const QString &partner, OpenMode mode,
                            QTextStream &err)
{
    PartnerWorkbook result;
    static_cast<OpenWorkbook &>(result) = open(path, mode, err);
    if (!result.workbook)
        return result;
    const auto id = result.workbook->candidateIdByName(partner);
    if (!id) {
        err << Cli::tr("There is no candidate named \"%1\" in %2.")
                   .arg(partner, QDir::toNativeSeparators(path))
            << u"\n"_s;
        result.close();
        result.exitCode = BadInput;
        return result;
    }
    result.candidateId = *id;
    return result;
}

void addPartnerArguments(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"WORKBOOK"_s, Cli::tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, Cli::tr("The candidate's name (any case)."));
}

int bareArgumentCount(const QStringList &arguments)
{
    return int(std::count_if(arguments.cbegin(), arguments.cend(), [](const QString &argument) {
        return !argument.startsWith(u'-') || argument == u"-";
    }));
}

QString readInputFile(const QString &path, QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Cli::tr("%1 cannot be read: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    bytes = file.readAll();
    return {};
}

int writeExport(const QString &target, const QByteArray &bytes, QTextStream &out, QTextStream &err)
{
    if (target == u"-") {
        out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) ||
            stdoutFile.write(bytes) != bytes.size()) {
            err << Cli::tr("Could not write to standard output.") << u"\n"_s;
            return BadInput;
        }
        return Success;
    }
    if (const QString why = io::SafeFile::write(target, bytes); !why.isEmpty()) {
        err << why << u"\n"_s;
        return BadInput;
    }
    return Success;
}

// A value as the history keeps it: text as it is, numbers as written, bytes in hex.
QJsonValue historyJsonValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    return QJsonValue::fromVariant(value);
}

QString historyValueText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"(empty)"_s;
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    if (value.typeId() != QMetaType::QString)
        return value.toString();
    const QString text = value.toString();
    return text.isEmpty() ? u"(empty)"_s : u'"' + text + u'"';
}

// "Acme · stage: "sourced" → "pilot"", "Acme · added kpis "Sourced pipeline"".
QString historyChangeLine(const HistoryChange &change, const QHash<QByteArray, QString> &names)
{
    QString who = change.owner.isEmpty() ? Cli::tr("workbook") : names.value(change.owner);
    if (!change.recordName.isEmpty())
        who += u" · "_s + change.recordName;
    if (change.record.isEmpty() && change.op == HistoryOp::Add)
        return Cli::tr("%1 · added %2 %3").arg(who, change.after.toString(), change.entity);
    switch (change.op) {
    case HistoryOp::Add:
        return Cli::tr("%1 · added %2 %3").arg(who, change.entity, historyValueText(change.after));
    case HistoryOp::Remove:
        return Cli::tr("%1 · removed %2 %3").arg(who, change.entity, historyValueText(change.before));
    case HistoryOp::Change:
        break;
    }
    return Cli::tr("%1 · %2 %3: %4 → %5")
        .arg(who, change.entity, change.field, historyValueText(change.before), historyValueText(change.after));
}

QJsonObject historyChangeJson(const HistoryChange &change,
                              const QHash<QByteArray, QString> &names)
{
    return {{u"entity"_s, change.entity},
            {u"record"_s, QString::fromLatin1(change.record.toHex())},
            {u"candidate"_s,
             change.owner.isEmpty() ? QJsonValue::Null : QJsonValue(names.value(change.owner))},
            {u"record_name"_s, change.recordName},
            {u"field"_s, change.field},
            {u"op"_s, historyOpId(change.op)},
            {u"before"_s, historyJsonValue(change.before)},
            {u"after"_s, historyJsonValue(change.after)}};
}

int exitCodeFor(const StoreError &error)
{
    switch (error.code) {
    case StoreError::Code::None:
        return Success;
    case StoreError::Code::Exists:
    case StoreError::Code::InvalidValue:
    case StoreError::Code::NotACopy:
        return BadInput;
    default:
        return CannotOpen;
    }
}

QJsonValue lockJson(const store::LockHolder &holder)
{
    if (!holder.isValid())
        return QJsonValue::Null;
    return QJsonObject{{u"user"_s, holder.user},
                       {u"host"_s, holder.host},
                       {u"pid"_s, holder.pid},
                       {u"application"_s, holder.application},
                       {u"since"_s, holder.since.toUTC().toString(Qt::ISODate)},
                       {u"same_host"_s, holder.sameHost}};
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QJsonObject findingJson(const domain::Finding &finding)
{
    QJsonObject json{{u"code"_s, finding.code},
                     {u"severity"_s, domain::severityId(finding.severity)},
                     {u"subject"_s, finding.subject},
                     {u"message"_s, finding.message}};
    for (const auto &[key, value] :
         {std::pair{u"partner"_s, finding.partner}, std::pair{u"activity"_s, finding.activity},
          std::pair{u"party"_s, finding.party}, std::pair{u"kpi"_s, finding.kpi},
          std::pair{u"field"_s, finding.field}, std::pair{u"table"_s, finding.table},
          std::pair{u"record"_s, finding.record}}) {
        if (!value.isEmpty())
            json.insert(key, value);
    }
    return json;
}

bool parseVerb(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
               int expectedPositional, QTextStream &out, QString *error, bool *helpShown)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, Cli::tr("Show help for this verb."));
    parser.addOption(help);
    *helpShown = false;
    if (!parser.parse(QStringList{u"playbook-cli "_s + verb} + arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        *helpShown = true;
        return false;
    }
    if (parser.positionalArguments().size() != expectedPositional) {
        *error = expectedPositional == 1
                     ? Cli::tr("'%1' expects one workbook argument.").arg(verb)
                     : Cli::tr("'%1' expects %2 arguments.").arg(verb).arg(expectedPositional);
        return false;
    }
    return true;
}

} // namespace pb::cli
