// playbook-cli: the programme verbs (programme, costs import/export).
#include "Cli.h"

#include "CliSupport.h"
#include "io/CostsCsv.h"
#include "item/ProgrammeData.h"
#include "store/Workbook.h"

#include <QDir>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue monthValue(const std::optional<QDate> &month)
{
    return month ? QJsonValue(month->toString(u"yyyy-MM"_s)) : QJsonValue();
}

// One P&L as `programme --json` prints it; the programme's own is the one with "total".
QJsonObject pnlJson(const PartnershipPnl &pnl, bool total)
{
    QJsonArray months;
    for (const PnlMonth &month : pnl.months)
        months.append(QJsonObject{{u"month"_s, month.month.toString(u"yyyy-MM"_s)},
                                  {u"revenue"_s, month.revenue},
                                  {u"costs"_s, month.totalCosts()},
                                  {u"net"_s, month.net}});
    return {{u"partner"_s, pnl.partner},
            {u"total"_s, total},
            {u"months"_s, months},
            {u"total_net"_s, pnl.totalNet},
            {u"break_even_month"_s, monthValue(pnl.breakEvenMonth)}};
}

QJsonObject programmeJson(const item::ProgrammeData &data)
{
    QJsonObject funnel;
    for (int stage = 0; stage < kStageCount; ++stage)
        funnel.insert(stageId(Stage(stage)), data.stages[size_t(stage)]);
    QJsonArray stalled;
    for (const StalledCandidate &s : data.stalled)
        stalled.append(QJsonObject{{u"candidate"_s, s.name},
                                   {u"stage"_s, stageId(s.stage)},
                                   {u"days"_s, s.days},
                                   {u"why"_s, s.why}});
    QJsonArray pnl;
    for (const item::PartnerPnl &partner : data.partnerships)
        pnl.append(pnlJson(partner.pnl, false));
    pnl.append(pnlJson(data.total, true));
    QJsonArray benchmarks;
    for (const Benchmark &b : data.health.benchmarks)
        benchmarks.append(QJsonObject{{u"id"_s, b.id},
                                      {u"name"_s, b.name},
                                      {u"value"_s, number(b.value)},
                                      {u"low"_s, number(b.low)},
                                      {u"high"_s, number(b.high)},
                                      {u"status"_s, benchmarkStatusId(b.status)},
                                      {u"detail"_s, b.detail}});
    QJsonArray findings;
    for (const Finding &finding : data.findings)
        findings.append(findingJson(finding));
    return {{u"funnel"_s, funnel},
            {u"stalled"_s, stalled},
            {u"pnl"_s, pnl},
            {u"benchmarks"_s, benchmarks},
            {u"findings"_s, findings}};
}

void printPnl(QTextStream &out, const PartnershipPnl &pnl, const QString &currency)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    const auto money = [&](double value) {
        return formatKpiValue(value, KpiUnit::Currency, currency, c);
    };
    out << u"  "_s << pnl.partner.leftJustified(28, u' ', true) << u' '
        << Cli::tr("net %1").arg(money(pnl.totalNet)).leftJustified(18) << u' '
        << Cli::tr("break-even %1")
               .arg(pnl.breakEvenMonth ? pnl.breakEvenMonth->toString(u"yyyy-MM"_s) : u"-"_s)
               .leftJustified(19)
        << Cli::tr("last quarter %1").arg(pnl.lastQuarterNet ? money(*pnl.lastQuarterNet) : u"-"_s)
        << u"\n"_s;
}

void printProgramme(QTextStream &out, const item::ProgrammeData &data)
{
    out << Cli::tr("funnel:") << u"\n"_s;
    for (int stage = 0; stage < kStageCount; ++stage) {
        const auto range = Funnel::practiceRange(Stage(stage));
        out << u"  "_s << stageId(Stage(stage)).leftJustified(10)
            << QString::number(data.stages[size_t(stage)]).rightJustified(5)
            << (range ? Cli::tr("  (the practice: %1–%2)").arg(range->first).arg(range->second)
                      : QString())
            << u"\n"_s;
    }
    out << Cli::tr("stalled: %1").arg(data.stalled.size()) << u"\n"_s;
    for (const StalledCandidate &s : data.stalled)
        out << u"  "_s
            << Cli::tr("%1 (%2, %3 days): %4").arg(s.name, stageId(s.stage)).arg(s.days).arg(s.why)
            << u"\n"_s;
    out << Cli::tr("pnl:") << u"\n"_s;
    for (const item::PartnerPnl &partner : data.partnerships)
        printPnl(out, partner.pnl, data.currency);
    printPnl(out, data.total, data.currency);
    out << Cli::tr("benchmarks (%1 – %2):")
               .arg(data.health.from.toString(u"yyyy-MM"_s), data.health.to.toString(u"yyyy-MM"_s))
        << u"\n"_s;
    for (const Benchmark &b : data.health.benchmarks)
        out << u"  "_s << b.name.leftJustified(32)
            << (b.value ? QString::number(*b.value, 'f', 1) + u" %"_s : u"-"_s).leftJustified(9)
            << benchmarkStatusId(b.status) << u" ("_s << b.bandText() << u")\n"_s;
    out << (data.findings.isEmpty() ? Cli::tr("findings: none")
                                    : Cli::tr("findings: %1").arg(data.findings.size()))
        << u"\n"_s;
    for (const Finding &finding : data.findings)
        out << u"  "_s << finding.code << u": "_s << finding.message << u"\n"_s;
}

// `--set MONTH pipeline=N new_arr=N`: the edits, or the problems (nothing is changed then).
QList<ProgrammeInputEdit> parseInputs(const QString &monthText, const QStringList &pairs,
                                      QStringList &problems)
{
    QString why;
    const auto period = KpiPeriod::parse(monthText.trimmed(), &why);
    if (!period || !period->isMonth())
        problems << Cli::tr("--set %1: not a month (YYYY-MM)%2")
                        .arg(monthText, why.isEmpty() ? QString() : u": "_s + why);
    QList<ProgrammeInputEdit> edits;
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const auto field = equals > 0 ? programmeInputFieldFromId(pair.left(equals)) : std::nullopt;
        if (!field) {
            problems << Cli::tr("\"%1\": write pipeline=N or new_arr=N").arg(pair);
            continue;
        }
        const QString text = pair.mid(equals + 1).trimmed();
        std::optional<double> value;
        if (!text.isEmpty()) {
            value = parseKpiNumber(text, &why);
            if (!value || *value < 0) {
                problems << Cli::tr("%1: \"%2\" is not an amount of zero or more%3")
                                .arg(pair.left(equals), text, value ? QString() : u": "_s + why);
                continue;
            }
        }
        if (period)
            edits.append({period->date(), *field, value});
    }
    if (pairs.isEmpty())
        problems << Cli::tr("--set %1 needs pipeline=N, new_arr=N or both").arg(monthText);
    return edits;
}

} // namespace

int Cli::runProgramme(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The programme at a glance: the funnel (candidates per stage), the stalled "
           "candidates, the P&L of each partnership and of the programme, the health "
           "benchmarks and their findings. With --set MONTH, set the programme's totals for "
           "that month instead (an empty value clears one); a bad month, key or amount "
           "changes nothing."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption set(u"set"_s, tr("Set the programme's totals for MONTH (YYYY-MM)."),
                                 u"MONTH"_s);
    parser.addOptions({json, set});
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"KEY=VALUE"_s, tr("With --set: pipeline=N, new_arr=N."),
                                 u"[KEY=VALUE ...]"_s);
    // MONTH, the value of --set, is not a positional argument.
    int count = bareArgumentCount(arguments);
    if (const qsizetype at = arguments.indexOf(u"--set"_s);
        at >= 0 && at + 1 < arguments.size() && !arguments.at(at + 1).startsWith(u'-'))
        --count;
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"programme"_s, arguments, std::max(1, count), m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();
    if (!parser.isSet(set)) {
        if (args.size() > 1)
            return usageError(tr("KEY=VALUE pairs go with --set MONTH."));
        const OpenWorkbook opened = openReadOnly(args.at(0), m_err);
        if (!opened.workbook)
            return opened.exitCode;
        const auto data = item::ProgrammeData::gather(*opened.workbook, QDate::currentDate());
        if (parser.isSet(json))
            printJson(m_out, programmeJson(data));
        else
            printProgramme(m_out, data);
        return Success;
    }
    if (parser.isSet(json))
        return usageError(tr("--json prints the programme; it does not go with --set."));
    QStringList problems;
    const QList<ProgrammeInputEdit> edits = parseInputs(parser.value(set), args.mid(1), problems);
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            m_err << problem << u"\n"_s;
        return fail(tr("Nothing was changed."));
    }
    const OpenWorkbook opened = openForEditing(args.at(0), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    if (const store::StoreError storeError = opened.workbook->setProgrammeInputs(edits))
        return fail(storeError.message, exitCodeFor(storeError));
    m_out << tr("set %1 value(s) for %2").arg(edits.size()).arg(parser.value(set).trimmed())
          << u"\n"_s;
    return Success;
}

int Cli::runCostsImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Set a partnership's monthly costs from a CSV file (month,category,amount) or an "
           ".xlsx workbook: each row sets that month's cost in its category (time in hours). "
           "Any problem in the file stops the import and nothing is changed."));
    PartnerImport import;
    if (const auto stop = startPartnerImport(parser, u"costs import"_s, arguments, import))
        return *stop;
    const PartnerWorkbook &opened = import.opened;
    const io::CostsCsvImport parsed = io::CostsCsv::parse(import.bytes, import.label, import.sheet);
    if (!parsed.errors.isEmpty())
        return refuseImport(parsed.errors);
    if (const store::StoreError error = opened.workbook->setCosts(opened.candidateId, parsed.costs))
        return fail(error.message, exitCodeFor(error));
    m_out << tr("imported %1 costs").arg(parsed.costs.size()) << u"\n"_s;
    return Success;
}

int Cli::runCostsExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a partnership's costs as CSV (month,category,amount), or as an .xlsx workbook "
           "when FILE ends in .xlsx (default: CSV on stdout). Commissions derived from the "
           "terms are not written: only what was entered."));
    PartnerExport exported;
    if (const auto stop = startPartnerExport(parser, u"costs export"_s, arguments, exported))
        return *stop;
    const PartnerWorkbook &opened = exported.opened;
    const QString &target = exported.target;
    const QList<CostEntry> costs = opened.workbook->costs(opened.candidateId);
    if (target == u"-")
        return writeExport(target, io::CostsCsv::write(costs, false), m_out, m_err);
    return saved(io::CostsCsv::save(target, costs));
}

} // namespace pb::cli
