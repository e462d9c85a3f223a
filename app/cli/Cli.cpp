// playbook-cli: the table of verbs, the help, dispatch, and what every verb's function uses.
#include "Cli.h"

#include "CliSupport.h"
#include "io/TableSource.h"

#include <QCommandLineParser>
#include <QDir>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::cli {

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

std::span<const Cli::Verb> Cli::verbs()
{
    using enum AppKind;
    static const Verb table[] = {
        {"new", nullptr, &Cli::runNew, Core, QT_TR_NOOP("new WORKBOOK [--title TEXT] [--sample]"),
         QT_TR_NOOP("create a workbook (never overwrites)")},
        {"check", nullptr, &Cli::runCheck, Core, QT_TR_NOOP("check WORKBOOK [--json]"),
         QT_TR_NOOP("integrity, file format, lock holder and findings")},
        {"info", nullptr, &Cli::runInfo, Core, QT_TR_NOOP("info WORKBOOK [--json]"),
         QT_TR_NOOP("title and counts of candidates, partnerships and KPIs")},
        {"history", nullptr, &Cli::runHistory, Core,
         QT_TR_NOOP("history WORKBOOK [--since DATE] [--candidate NAME] [--json]"),
         QT_TR_NOOP("the changes made to the workbook, newest first: when, by whom, what")},
        {"merge", nullptr, &Cli::runMerge, Core,
         QT_TR_NOOP("merge WORKBOOK OTHER [--dry-run] [--prefer ours|theirs] [--json]"),
         QT_TR_NOOP("bring in a colleague's changes to their copy;\nconflicts: exit 2, "
                    "nothing written")},
        {"settings", nullptr, &Cli::runSettings, Core,
         QT_TR_NOOP("settings WORKBOOK [KEY=VALUE ...] [--json]"),
         QT_TR_NOOP("print or set the workbook properties (weights,\nthresholds, currency, "
                    "economics …)")},
        {"candidates", "import", &Cli::runCandidatesImport, Core,
         QT_TR_NOOP("candidates import WORKBOOK FILE.csv|.xlsx [--sheet NAME]"),
         QT_TR_NOOP("add and update candidates from CSV or XLSX\n(all or nothing)")},
        {"candidates", "export", &Cli::runCandidatesExport, Core,
         QT_TR_NOOP("candidates export WORKBOOK [FILE.csv|.xlsx|-]"),
         QT_TR_NOOP("write the ranked candidates as CSV or XLSX\n(default: CSV on stdout)")},
        {"rank", nullptr, &Cli::runRank, Core,
         QT_TR_NOOP("rank WORKBOOK [--weights O,S,E] [--top N] [--json]"),
         QT_TR_NOOP("the ranking; --weights is a what-if, not stored")},
        {"raci", "import", &Cli::runRaciImport, Core,
         QT_TR_NOOP("raci import WORKBOOK PARTNER FILE.csv|.xlsx [--sheet NAME]"),
         QT_TR_NOOP("replace a partnership's RACI grid")},
        {"raci", "export", &Cli::runRaciExport, Core,
         QT_TR_NOOP("raci export WORKBOOK PARTNER [FILE.csv|.xlsx|-]"),
         QT_TR_NOOP("write a partnership's RACI grid as CSV or XLSX")},
        {"kpi", "import", &Cli::runKpiImport, Core,
         QT_TR_NOOP("kpi import WORKBOOK PARTNER FILE.csv|.xlsx [--sheet NAME]"),
         QT_TR_NOOP("add KPIs and values from CSV or XLSX\n(all or nothing)")},
        {"kpi", "export", &Cli::runKpiExport, Core,
         QT_TR_NOOP("kpi export WORKBOOK PARTNER [FILE.csv|.xlsx|-]"),
         QT_TR_NOOP("write a partnership's KPIs as CSV or XLSX")},
        {"kpi", "status", &Cli::runKpiStatus, Core,
         QT_TR_NOOP("kpi status WORKBOOK PARTNER [--json]"),
         QT_TR_NOOP("each KPI against its target, the signals\nand the next review")},
        {"kpi", "chart", &Cli::runKpiChart, Widgets,
         QT_TR_NOOP("kpi chart WORKBOOK PARTNER OUT.png|OUT.pdf [--kpi NAME] [--size WxH]"),
         QT_TR_NOOP("render a KPI's chart, as the app shows it")},
        {"terms", nullptr, &Cli::runTerms, Core,
         QT_TR_NOOP("terms WORKBOOK PARTNER [KEY=VALUE ...]"),
         QT_TR_NOOP("print or set the proposal's terms")},
        {"proposal", nullptr, &Cli::runProposal, Gui,
         QT_TR_NOOP("proposal WORKBOOK PARTNER -o OUT.pdf [--page-size A4|Letter]"),
         QT_TR_NOOP("the one-page proposal as PDF")},
        {"structure", nullptr, &Cli::runStructure, Core,
         QT_TR_NOOP("structure WORKBOOK CANDIDATE [--json]"),
         QT_TR_NOOP("the structure chooser: matrix, stored answers,\nrecommendation and "
                    "reasons")},
        {"programme", nullptr, &Cli::runProgramme, Core,
         QT_TR_NOOP("programme WORKBOOK [--json] [--set MONTH pipeline=N new_arr=N]"),
         QT_TR_NOOP("the funnel, stalled candidates, P&L, health\nbenchmarks and findings; "
                    "--set: the month's totals")},
        {"costs", "import", &Cli::runCostsImport, Core,
         QT_TR_NOOP("costs import WORKBOOK PARTNER FILE.csv|.xlsx [--sheet NAME]"),
         QT_TR_NOOP("set a partnership's monthly costs\n(month,category,amount; all or nothing)")},
        {"costs", "export", &Cli::runCostsExport, Core,
         QT_TR_NOOP("costs export WORKBOOK PARTNER [FILE.csv|.xlsx|-]"),
         QT_TR_NOOP("write a partnership's costs as CSV or XLSX")},
        {"checklist", nullptr, &Cli::runChecklist, Core,
         QT_TR_NOOP("checklist WORKBOOK PARTNER contract|enablement|exit [ITEM=STATUS ...] "
                    "[--json]"),
         QT_TR_NOOP("print or set a partnership's contract essentials,\nenablement kit or exit")},
        {"review", nullptr, &Cli::runReview, Core,
         QT_TR_NOOP("review WORKBOOK PARTNER --date YYYY-MM-DD --decision "
                    "continue|scale|pause|end [--worked TEXT] [--didnt TEXT] [--change TEXT]"),
         QT_TR_NOOP("record a review or retrospective; scale, pause\nand end set the stage")},
        {"overlap", "keygen", &Cli::runOverlapKeygen, Core, QT_TR_NOOP("overlap keygen -o KEY"),
         QT_TR_NOOP("a key for one private list exchange")},
        {"overlap", "prepare", &Cli::runOverlapPrepare, Core,
         QT_TR_NOOP("overlap prepare ACCOUNTS.csv --key KEY -o OUT.tokens [--column NAME]"),
         QT_TR_NOOP("keyed hashes of our accounts")},
        {"overlap", "compare", &Cli::runOverlapCompare, Core,
         QT_TR_NOOP("overlap compare MINE THEIRS [--key KEY] [--json] [--min-count N] "
                    "[--column NAME]"),
         QT_TR_NOOP("how many accounts two lists share")},
    };
    return table;
}

const Cli::Verb *Cli::find(const QString &name, const QString &action)
{
    for (const Verb &verb : verbs()) {
        if (name == QLatin1StringView(verb.name) &&
            (!verb.action || action == QLatin1StringView(verb.action)))
            return &verb;
    }
    return nullptr;
}

Cli::AppKind Cli::appKind(const QStringList &arguments)
{
    const Verb *verb = find(arguments.value(0), arguments.value(1));
    return verb ? verb->app : AppKind::Core;
}

QString Cli::usage() const
{
    // The synopsis, then the summary from column 43 (on a line of its own when the synopsis
    // is longer); a summary's further lines are indented as far.
    const QString indent(43, u' ');
    QString verbLines;
    for (const Verb &verb : verbs()) {
        const QString synopsis = tr(verb.synopsis);
        verbLines += u"  "_s + synopsis;
        verbLines += synopsis.size() <= 40 ? QString(41 - synopsis.size(), u' ') : u"\n"_s + indent;
        verbLines += tr(verb.summary).replace(u"\n"_s, u"\n"_s + indent) + u"\n"_s;
    }
    return tr("Usage: playbook-cli VERB [options] [arguments]\n"
              "\n"
              "Headless access to Playbook Workbench workbooks (.playbook files).\n"
              "\n"
              "Verbs:\n"
              "%1"
              "\n"
              "Options:\n"
              "  -h, --help     show this help (also: playbook-cli VERB --help)\n"
              "  -v, --version  show the version\n"
              "\n"
              "Exit codes: 0 success, 1 usage error, 2 bad input data (nothing was changed),\n"
              "3 a workbook that cannot be opened or is locked.\n")
        .arg(verbLines);
}

// The usage of a verb with actions: one line per action.
QString Cli::actionsUsage(const QString &verb) const
{
    QStringList lines;
    for (const Verb &row : verbs()) {
        if (verb == QLatin1StringView(row.name))
            lines.append(u"playbook-cli "_s + tr(row.synopsis));
    }
    return tr("Usage: %1").arg(lines.join(u"\n       "_s)) + u"\n"_s;
}

int Cli::usageError(const QString &message)
{
    m_err << u"playbook-cli: "_s << message << u"\n"_s << tr("Run 'playbook-cli --help' for usage.")
          << u"\n"_s;
    return UsageError;
}

std::optional<int> Cli::parse(QCommandLineParser &parser, const QString &verb,
                              const QStringList &arguments, int positional)
{
    QString error;
    bool help = false;
    if (parseVerb(parser, verb, arguments, positional, m_out, &error, &help))
        return std::nullopt;
    return help ? Success : usageError(error);
}

std::optional<int> Cli::startPartnerImport(QCommandLineParser &parser, const QString &verb,
                                           const QStringList &arguments, PartnerImport &import)
{
    addPartnerArguments(parser);
    parser.addPositionalArgument(u"FILE"_s, tr("The CSV file, or an .xlsx workbook."));
    parser.addOption(sheetOption());
    if (const auto stop = parse(parser, verb, arguments, 3))
        return stop;
    const QStringList args = parser.positionalArguments();
    if (const QString why = readInputFile(args.at(2), import.bytes); !why.isEmpty())
        return fail(why);
    if (const auto stop = checkSheet(parser, args.at(2), import.bytes, &import.sheet))
        return stop;
    import.label = QDir::toNativeSeparators(args.at(2));
    import.opened = openPartner(args.at(0), args.at(1), OpenMode::Editing, m_err);
    if (!import.opened.workbook)
        return import.opened.exitCode;
    return std::nullopt;
}

std::optional<int> Cli::startPartnerExport(QCommandLineParser &parser, const QString &verb,
                                           const QStringList &arguments, PartnerExport &exported)
{
    addPartnerArguments(parser);
    parser.addPositionalArgument(u"FILE"_s, tr("The .csv or .xlsx file, or - for stdout."));
    const int positional = bareArgumentCount(arguments) == 2 ? 2 : 3;
    if (const auto stop = parse(parser, verb, arguments, positional))
        return stop;
    const QStringList args = parser.positionalArguments();
    exported.target = args.value(2, u"-"_s);
    exported.opened = openPartner(args.at(0), args.at(1), OpenMode::ReadOnly, m_err);
    if (!exported.opened.workbook)
        return exported.opened.exitCode;
    return std::nullopt;
}

QCommandLineOption Cli::sheetOption()
{
    return QCommandLineOption(u"sheet"_s,
                              tr("The sheet to read from an .xlsx workbook (default: the first)."),
                              u"NAME"_s);
}

std::optional<int> Cli::checkSheet(const QCommandLineParser &parser, const QString &file,
                                   const QByteArray &bytes, QString *sheet)
{
    *sheet = parser.value(u"sheet"_s);
    if (parser.isSet(u"sheet"_s) && !io::TableSource::isSpreadsheet(file, bytes))
        return usageError(tr("--sheet applies to .xlsx workbooks; %1 is read as CSV.")
                              .arg(QDir::toNativeSeparators(file)));
    return std::nullopt;
}

int Cli::saved(const QString &error)
{
    return error.isEmpty() ? int(Success) : fail(error);
}

int Cli::fail(const QString &message, int code)
{
    m_err << message << u"\n"_s;
    return code;
}

int Cli::refuseImport(const QStringList &errors)
{
    for (const QString &problem : errors)
        m_err << problem << u"\n"_s;
    return fail(tr("Nothing was imported; the workbook is unchanged."));
}

int Cli::run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError(tr("no verb given."));
    const QString verb = arguments.first();
    if (verb == u"-h" || verb == u"--help" || verb == u"help") {
        m_out << usage();
        return Success;
    }
    if (verb == u"-v" || verb == u"--version") {
        m_out << u"playbook-cli "_s << QCoreApplication::applicationVersion() << u"\n"_s;
        return Success;
    }
    const auto rows = verbs();
    const auto found = std::find_if(rows.begin(), rows.end(), [&verb](const Verb &row) {
        return verb == QLatin1StringView(row.name);
    });
    if (found == rows.end())
        return usageError(tr("unknown verb '%1'.").arg(verb));
    if (found->action)
        return runActions(verb, arguments.mid(1));
    return (this->*found->run)(arguments.mid(1));
}

// `VERB ACTION …`: the action's function, or the verb's usage.
int Cli::runActions(const QString &verb, const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (const Verb *found = find(verb, action))
        return (this->*found->run)(arguments.mid(1));
    if (action == u"-h" || action == u"--help") {
        m_out << actionsUsage(verb);
        return Success;
    }
    if (!action.isEmpty())
        return usageError(tr("unknown action '%1 %2'.").arg(verb, action));
    QStringList actions;
    for (const Verb &row : verbs()) {
        if (verb == QLatin1StringView(row.name))
            actions.append(u"'%1'"_s.arg(QLatin1StringView(row.action)));
    }
    const QString last = actions.takeLast();
    return usageError(tr("'%1' needs %2 or %3.").arg(verb, actions.join(u", "_s), last));
}

} // namespace pb::cli
