// playbook-cli history: the workbook's history, newest first.
#include "Cli.h"

#include <QDir>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

QJsonObject stepJson(const HistoryStep &step, const QHash<QByteArray, QString> &names)
{
    QJsonArray changes;
    for (const HistoryChange &change : step.changes)
        changes.append(historyChangeJson(change, names));
    return {{u"id"_s, QString::fromLatin1(step.id.toHex())},
            {u"made_at"_s, step.madeAt.toString(Qt::ISODateWithMs)},
            {u"author"_s, step.author},
            {u"kind"_s, historyKindId(step.kind)},
            {u"label"_s, step.label},
            {u"origin"_s, step.origin},
            {u"changes"_s, changes}};
}

std::optional<QDateTime> parseSince(const QString &text)
{
    if (text.isEmpty())
        return QDateTime();
    if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid())
        return date.startOfDay(QTimeZone::systemTimeZone());
    if (const QDateTime time = QDateTime::fromString(text, Qt::ISODate); time.isValid())
        return time;
    return std::nullopt;
}

} // namespace

int Cli::runHistory(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show what was changed in a workbook, newest first: when, by whom, what."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption since(u"since"_s, tr("Only changes made on or after DATE "
                                                  "(YYYY-MM-DD, or a date and time)."),
                                   u"DATE"_s);
    const QCommandLineOption candidate(u"candidate"_s,
                                       tr("Only changes to this candidate and its partnership."),
                                       u"NAME"_s);
    parser.addOptions({json, since, candidate});
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    if (const auto stop = parse(parser, u"history"_s, arguments, 1))
        return *stop;
    const std::optional<QDateTime> from = parseSince(parser.value(since));
    if (!from) {
        m_err << tr("--since: \"%1\" is not a date (YYYY-MM-DD).").arg(parser.value(since))
              << u"\n"_s;
        return BadInput;
    }
    const QString path = parser.positionalArguments().constFirst();
    const OpenWorkbook opened = openReadOnly(path, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    HistoryQuery query{*from, {}, 0};
    if (parser.isSet(candidate)) {
        const auto id = opened.workbook->candidateIdByName(parser.value(candidate));
        if (!id) {
            m_err << tr("There is no candidate named \"%1\" in %2.")
                         .arg(parser.value(candidate), QDir::toNativeSeparators(path))
                  << u"\n"_s;
            return BadInput;
        }
        query.owner = opened.workbook->candidateUid(*id);
    }
    const QList<HistoryStep> steps = opened.workbook->history(query);
    const QHash<QByteArray, QString> names = opened.workbook->candidateNamesByUid();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const HistoryStep &step : steps)
            array.append(stepJson(step, names));
        printJson(m_out, {{u"workbook"_s, QDir::toNativeSeparators(path)},
                          {u"lineage"_s, QString::fromLatin1(opened.workbook->lineage().toHex())},
                          {u"steps"_s, array}});
        return Success;
    }
    for (const HistoryStep &step : steps) {
        const QString kind = historyKindDisplayName(step.kind);
        const QString label = step.label.isEmpty() ? kind
                              : step.kind == HistoryKind::Edit ||
                                      step.kind == HistoryKind::Import ||
                                      step.label.startsWith(kind, Qt::CaseInsensitive)
                                  ? step.label
                                  : kind + u": "_s + step.label;
        m_out << step.madeAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) << u"  "_s
              << step.author << u"  "_s << label << u"\n"_s;
        for (const HistoryChange &change : step.changes)
            m_out << u"    "_s << historyChangeLine(change, names) << u"\n"_s;
    }
    return Success;
}

} // namespace pb::cli
