// playbook-cli: the lifecycle verbs (checklist, review): a partnership's checklists after the
// proposal, and the reviews and retrospectives that move its stage.
#include "Cli.h"

#include "CliSupport.h"
#include "domain/Retrospective.h"
#include "item/LifecycleData.h"
#include "store/Workbook.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

namespace {

constexpr ChecklistKind kKinds[] = {ChecklistKind::Contract, ChecklistKind::Enablement,
                                    ChecklistKind::Exit};

// The item keys and statuses of each kind, for the verb's help.
QString checklistKeysHelp()
{
    QStringList lines;
    for (ChecklistKind kind : kKinds) {
        QStringList keys;
        for (const ChecklistItemSpec &spec : Checklists::specs(kind))
            keys << QString::fromUtf16(spec.key);
        QStringList statuses;
        for (ItemStatus status : statusesFor(kind))
            statuses << itemStatusId(status);
        lines << Cli::tr("%1 items: %2 (statuses: %3).")
                     .arg(checklistKindId(kind), keys.join(u", "_s), statuses.join(u", "_s));
    }
    return lines.join(u"\n"_s);
}

QJsonObject rowJson(const ChecklistRow &row)
{
    QJsonObject object{{u"key"_s, QString::fromUtf16(row.spec->key)},
                       {u"label"_s, Checklists::label(*row.spec)},
                       {u"status"_s, itemStatusId(row.item.status)}};
    if (row.item.date.isValid())
        object.insert(u"date"_s, row.item.date.toString(Qt::ISODate));
    if (!row.item.note.isEmpty())
        object.insert(u"note"_s, row.item.note);
    if (!row.termsValue.isEmpty())
        object.insert(u"terms"_s, row.termsValue);
    return object;
}

void printRows(QTextStream &out, const QList<ChecklistRow> &rows)
{
    qsizetype width = 0;
    for (const ChecklistRow &row : rows)
        width = std::max(width, QStringView(row.spec->key).size());
    for (const ChecklistRow &row : rows) {
        QString line =
            QString::fromUtf16(row.spec->key).leftJustified(width + 2, u' ') +
            itemStatusId(row.item.status).leftJustified(12, u' ') +
            (row.item.date.isValid() ? row.item.date.toString(Qt::ISODate) : QString(10, u' ')) +
            u"  "_s + Checklists::label(*row.spec);
        if (!row.termsValue.isEmpty())
            line += Cli::tr(" (terms: %1)").arg(row.termsValue);
        if (!row.item.note.isEmpty())
            line += u" — "_s + QString(row.item.note).replace(u'\n', u' ');
        out << line.trimmed() << u"\n"_s;
    }
}

// The stored list after ITEM=STATUS pairs, or the problems (nothing is written then).
QList<ChecklistItem> applyPairs(const item::LifecycleData &data, ChecklistKind kind,
                                const QStringList &pairs, QStringList &problems)
{
    QList<ChecklistItem> items = data.stored(kind);
    const QList<ChecklistRow> &rows = data.rows(kind);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = pair.left(equals).trimmed().toLower();
        if (equals <= 0) {
            problems << Cli::tr("\"%1\": write ITEM=STATUS").arg(pair);
            continue;
        }
        const auto row = std::find_if(rows.cbegin(), rows.cend(), [&key](const ChecklistRow &r) {
            return QStringView(r.spec->key) == key;
        });
        if (row == rows.cend()) {
            problems << (Checklists::spec(kind, key)
                             ? Cli::tr("%1: not an item of this partnership's structure").arg(key)
                             : Cli::tr("%1: the %2 checklist has no such item")
                                   .arg(key, checklistKindId(kind)));
            continue;
        }
        const auto status = itemStatusFromId(kind, pair.mid(equals + 1).trimmed());
        if (!status) {
            problems << Cli::tr("%1: \"%2\" is not a %3 status")
                            .arg(key, pair.mid(equals + 1), checklistKindId(kind));
            continue;
        }
        const auto stored = std::find_if(items.begin(), items.end(),
                                         [&key](const ChecklistItem &i) { return i.key == key; });
        const ChecklistItem before = stored != items.end() ? *stored : Checklists::storedItem(*row);
        const ChecklistItem after = Checklists::withStatus(before, *status, QDate::currentDate());
        if (stored != items.end())
            *stored = after;
        else
            items.append(after);
    }
    return items;
}

} // namespace

int Cli::runChecklist(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print a partnership's contract essentials, enablement kit or exit checklist, or set "
           "items with ITEM=STATUS pairs (reaching a status dates the item today). An unknown "
           "item or status changes nothing.\n%1")
            .arg(checklistKeysHelp()));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    addPartnerArguments(parser);
    parser.addPositionalArgument(u"LIST"_s, tr("contract, enablement or exit."));
    parser.addPositionalArgument(u"ITEM=STATUS"_s, tr("Items to set."), u"[ITEM=STATUS ...]"_s);
    if (const auto stop =
            parse(parser, u"checklist"_s, arguments, std::max(3, bareArgumentCount(arguments))))
        return *stop;
    const QStringList args = parser.positionalArguments();
    const auto kind = checklistKindFromId(args.at(2));
    if (!kind)
        return usageError(
            tr("The list is contract, enablement or exit, not \"%1\".").arg(args.at(2)));
    const QStringList pairs = args.mid(3);
    PartnerWorkbook opened = openPartner(
        args.at(0), args.at(1), pairs.isEmpty() ? OpenMode::ReadOnly : OpenMode::Editing, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    auto data = item::LifecycleData::gather(workbook, opened.candidateId);
    if (!data)
        return BadInput;
    if (!pairs.isEmpty()) {
        QStringList problems;
        const QList<ChecklistItem> items = applyPairs(*data, *kind, pairs, problems);
        if (!problems.isEmpty()) {
            for (const QString &problem : std::as_const(problems))
                m_err << problem << u"\n"_s;
            return fail(tr("Nothing was changed."));
        }
        if (StoreError error = workbook.replaceChecklist(opened.candidateId, *kind, items); error)
            return fail(error.message, exitCodeFor(error));
        data = item::LifecycleData::gather(workbook, opened.candidateId);
    }
    const QList<ChecklistRow> &rows = data->rows(*kind);
    if (parser.isSet(json)) {
        QJsonArray items;
        for (const ChecklistRow &row : rows)
            items.append(rowJson(row));
        printJson(m_out, {{u"partner"_s, data->partnership.partner},
                          {u"list"_s, checklistKindId(*kind)},
                          {u"items"_s, items}});
    } else {
        printRows(m_out, rows);
    }
    return Success;
}

int Cli::runReview(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Record a partnership review, or the retrospective that ends a pilot. A decision to "
           "scale, pause or end moves the candidate to scaled, paused or ended."));
    const QCommandLineOption date(u"date"_s, tr("The day it was held."), tr("YYYY-MM-DD"));
    const QCommandLineOption decision(u"decision"_s, tr("continue, scale, pause or end."),
                                      tr("DECISION"));
    const QCommandLineOption worked(u"worked"_s, tr("What worked."), tr("TEXT"));
    const QCommandLineOption didnt(u"didnt"_s, tr("What did not work."), tr("TEXT"));
    const QCommandLineOption change(u"change"_s, tr("What we change."), tr("TEXT"));
    const QCommandLineOption note(u"note"_s, tr("Why, in a line."), tr("TEXT"));
    parser.addOptions({date, decision, worked, didnt, change, note});
    addPartnerArguments(parser);
    if (const auto stop = parse(parser, u"review"_s, arguments, 2))
        return *stop;
    Review review;
    review.date = QDate::fromString(parser.value(date), Qt::ISODate);
    if (!parser.isSet(date) || !review.date.isValid())
        return usageError(tr("'review' needs --date YYYY-MM-DD."));
    const auto decided = reviewDecisionFromId(parser.value(decision));
    if (!decided)
        return usageError(tr("'review' needs --decision continue, scale, pause or end."));
    review.decision = *decided;
    review.worked = parser.value(worked).trimmed();
    review.didNotWork = parser.value(didnt).trimmed();
    review.toChange = parser.value(change).trimmed();
    review.note = parser.value(note).trimmed();

    const QStringList args = parser.positionalArguments();
    PartnerWorkbook opened = openPartner(args.at(0), args.at(1), OpenMode::Editing, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const auto candidate = workbook.candidate(opened.candidateId);
    if (!candidate)
        return BadInput;
    if (StoreError error = workbook.addReview(opened.candidateId, review); error)
        return fail(error.message, exitCodeFor(error));
    const auto stage = Retrospective::stageAfter(review.decision);
    if (stage && *stage != candidate->stage) {
        if (StoreError error = workbook.setCandidateField(opened.candidateId, CandidateField::Stage,
                                                          stageId(*stage));
            error) {
            // All or nothing: the review goes when the stage cannot follow it.
            workbook.removeReview(opened.candidateId, review.id);
            return fail(error.message + u"\n"_s + tr("Nothing was changed."), exitCodeFor(error));
        }
        m_out << tr("recorded the %1 review of %2; stage: %3 → %4")
                     .arg(reviewDecisionId(review.decision), candidate->name,
                          stageId(candidate->stage), stageId(*stage))
              << u"\n"_s;
        // Pausing or ending opens the exit: say what it still needs.
        const auto data = item::LifecycleData::gather(workbook, opened.candidateId);
        const QStringList open = data && isClosedStage(*stage)
                                     ? Checklists::openLabels(data->rows(ChecklistKind::Exit))
                                     : QStringList();
        if (!open.isEmpty())
            m_out << tr("exit still open: %1").arg(open.join(u", "_s)) << u"\n"_s;
        return Success;
    }
    m_out << tr("recorded the %1 review of %2")
                 .arg(reviewDecisionId(review.decision), candidate->name)
          << u"\n"_s;
    return Success;
}

} // namespace pb::cli
