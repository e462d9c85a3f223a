// playbook-cli merge: bring a colleague's copy of the workbook in.
#include "Cli.h"
#include "CliSupport.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

QString conflictWhat(const MergeConflict &conflict)
{
    QString what = conflict.ownerName.isEmpty() ? Cli::tr("workbook") : conflict.ownerName;
    if (conflict.entity != u"candidates" || !conflict.field.isEmpty())
        what += u" · "_s + historyEntityDisplayName(conflict.entity);
    if (!conflict.field.isEmpty())
        what += u" "_s + historyFieldDisplayName(conflict.entity, conflict.field);
    return what;
}

QString conflictLine(const MergeConflict &conflict)
{
    QString line = Cli::tr("conflict: %1 — %2").arg(conflictWhat(conflict),
                                                     mergeConflictKindText(conflict.kind));
    if (conflict.kind == MergeConflictKind::ChangedOnBoth ||
        conflict.kind == MergeConflictKind::AddedOnBoth) {
        line += Cli::tr(": ours %1, theirs %2, before %3")
                    .arg(historyValueText(conflict.ours), historyValueText(conflict.theirs),
                         historyValueText(conflict.base));
    }
    if (conflict.resolution)
        line += Cli::tr(" (kept: %1)").arg(mergeSideId(*conflict.resolution));
    return line;
}

QJsonObject reportJson(const MergeReport &report, const QString &workbook, bool dryRun,
                       const QHash<QByteArray, QString> &names)
{
    QJsonArray changes;
    for (const HistoryChange &change : report.changes)
        changes.append(historyChangeJson(change, names));
    QJsonArray conflicts;
    for (const MergeConflict &c : report.conflicts) {
        conflicts.append(QJsonObject{
            {u"kind"_s, mergeConflictKindId(c.kind)},
            {u"entity"_s, c.entity},
            {u"record"_s, QString::fromLatin1(c.record.toHex())},
            {u"candidate"_s, c.ownerName.isEmpty() ? QJsonValue::Null : QJsonValue(c.ownerName)},
            {u"field"_s, c.field},
            {u"base"_s, historyJsonValue(c.base)},
            {u"ours"_s, historyJsonValue(c.ours)},
            {u"theirs"_s, historyJsonValue(c.theirs)},
            {u"kept"_s, c.resolution ? QJsonValue(mergeSideId(*c.resolution)) : QJsonValue::Null}});
    }
    return {{u"workbook"_s, QDir::toNativeSeparators(workbook)},
            {u"other"_s, QDir::toNativeSeparators(report.otherPath)},
            {u"their_steps"_s, report.theirSteps},
            {u"our_steps"_s, report.ourSteps},
            {u"authors"_s, QJsonArray::fromStringList(report.otherAuthors)},
            {u"dry_run"_s, dryRun},
            {u"applied"_s, report.applied},
            {u"changes"_s, changes},
            {u"conflicts"_s, conflicts}};
}

} // namespace

int Cli::runMerge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Bring in the changes a colleague made to their copy of this workbook since the two "
           "copies parted (a three-way merge by record and field). With a conflict, nothing "
           "is written unless --prefer says which side wins."));
    const QCommandLineOption dryRun(u"dry-run"_s, tr("Report what would change; write nothing."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption prefer(u"prefer"_s, tr("Settle every conflict for ours or theirs."),
                                    u"ours|theirs"_s);
    parser.addOptions({dryRun, json, prefer});
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file to merge into."));
    parser.addPositionalArgument(u"OTHER"_s, tr("The colleague's copy."));
    if (const auto stop = parse(parser, u"merge"_s, arguments, 2))
        return *stop;
    MergeOptions options;
    options.dryRun = parser.isSet(dryRun);
    if (parser.isSet(prefer)) {
        options.prefer = mergeSideFromId(parser.value(prefer));
        if (!options.prefer) {
            m_err << tr("--prefer: \"%1\" is neither ours nor theirs.").arg(parser.value(prefer))
                  << u"\n"_s;
            return BadInput;
        }
    }
    const QString path = parser.positionalArguments().at(0);
    OpenWorkbook opened = openForEditing(path, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    MergeReport report;
    if (const store::StoreError error =
            opened.workbook->merge(parser.positionalArguments().at(1), options, &report)) {
        m_err << error.message << u"\n"_s;
        return exitCodeFor(error);
    }
    QHash<QByteArray, QString> names = opened.workbook->candidateNamesByUid();
    names.insert(report.names);
    if (parser.isSet(json))
        printJson(m_out, reportJson(report, path, options.dryRun, names));
    else
        printMergeReport(report, names);
    return report.openConflicts() > 0 ? BadInput : Success;
}

void Cli::printMergeReport(const MergeReport &report, const QHash<QByteArray, QString> &names)
{
    m_out << tr("Their copy: %n step(s) since the copies parted", nullptr, report.theirSteps)
          << (report.otherAuthors.isEmpty() ? QString()
                                            : tr(" (by %1)").arg(report.otherAuthors.join(u", "_s)))
          << tr("; this workbook: %n.", nullptr, report.ourSteps) << u"\n"_s;
    for (const HistoryChange &change : report.changes)
        m_out << u"    "_s << historyChangeLine(change, names) << u"\n"_s;
    for (const MergeConflict &conflict : report.conflicts)
        m_out << u"    "_s << conflictLine(conflict) << u"\n"_s;
    if (report.changes.isEmpty() && report.conflicts.isEmpty()) {
        m_out << tr("Nothing to merge: this workbook has every change of the other copy.")
              << u"\n"_s;
    } else if (report.applied) {
        m_out << tr("Merged: %n change(s).", nullptr, int(report.changes.size())) << u"\n"_s;
    } else if (report.openConflicts() > 0) {
        m_out << tr("%n conflict(s): nothing was written. Choose a side with --prefer ours or "
                    "--prefer theirs, or merge in the app (File → Merge Changes From…) to "
                    "choose one by one.", nullptr, int(report.openConflicts()))
              << u"\n"_s;
    } else {
        m_out << tr("Dry run: %n change(s) would be made; nothing was written.", nullptr,
                    int(report.changes.size()))
              << u"\n"_s;
    }
}

} // namespace pb::cli
