#include "Cli.h"

#include "CliSupport.h"

#include "domain/CandidateRules.h"
#include "domain/KpiRules.h"
#include "domain/Raci.h"
#include "domain/WorkbookSettings.h"
#include "io/SampleWorkbook.h"
#include "item/ProposalData.h"
#include "store/Schema.h"
#include "store/Workbook.h"
#include "store/WorkbookLock.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

QString Cli::usage() const
{
    return tr("Usage: playbook-cli VERB [options] [arguments]\n"
              "\n"
              "Headless access to Playbook Workbench workbooks (.playbook files).\n"
              "\n"
              "Verbs:\n"
              "  new WORKBOOK [--title TEXT] [--sample]  create a workbook (never overwrites)\n"
              "  check WORKBOOK [--json]                  integrity, file format, lock holder "
              "and findings\n"
              "  info WORKBOOK [--json]                   title and counts of candidates, "
              "partnerships and KPIs\n"
              "  candidates import WORKBOOK FILE.csv      add and update candidates from CSV "
              "(all or nothing)\n"
              "  candidates export WORKBOOK [FILE.csv|-]  write the ranked candidates as CSV "
              "(default: stdout)\n"
              "  rank WORKBOOK [--weights O,S,E] [--top N] [--json]\n"
              "                                           the ranking; --weights is a what-if, "
              "not stored\n"
              "  raci import WORKBOOK PARTNER FILE.csv    replace a partnership's RACI grid\n"
              "  raci export WORKBOOK PARTNER [FILE.csv|-]\n"
              "                                           write a partnership's RACI grid as "
              "CSV\n"
              "  kpi import WORKBOOK PARTNER FILE.csv     add KPIs and values from CSV (all or "
              "nothing)\n"
              "  kpi export WORKBOOK PARTNER [FILE.csv|-] write a partnership's KPIs as CSV\n"
              "  kpi status WORKBOOK PARTNER [--json]     each KPI against its target, the "
              "signals\n"
              "                                           and the next review\n"
              "  kpi chart WORKBOOK PARTNER OUT.png|OUT.pdf [--kpi NAME] [--size WxH]\n"
              "                                           render a KPI's chart, as the app shows "
              "it\n"
              "  terms WORKBOOK PARTNER [KEY=VALUE ...]   print or set the proposal's terms\n"
              "  proposal WORKBOOK PARTNER -o OUT.pdf [--page-size A4|Letter]\n"
              "                                           the one-page proposal as PDF\n"
              "  overlap keygen -o KEY                    a key for one private list exchange\n"
              "  overlap prepare ACCOUNTS.csv --key KEY -o OUT.tokens\n"
              "                                           keyed hashes of our accounts\n"
              "  overlap compare MINE THEIRS [--key KEY] [--json] [--min-count N]\n"
              "                                           how many accounts two lists share\n"
              "\n"
              "Options:\n"
              "  -h, --help     show this help (also: playbook-cli VERB --help)\n"
              "  -v, --version  show the version\n"
              "\n"
              "Exit codes: 0 success, 1 usage error, 2 bad input data (nothing was changed),\n"
              "3 a workbook that cannot be opened or is locked.\n");
}

int Cli::usageError(const QString &message)
{
    m_err << u"playbook-cli: "_s << message << u"\n"_s << tr("Run 'playbook-cli --help' for usage.")
          << u"\n"_s;
    return UsageError;
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
    const QStringList rest = arguments.mid(1);
    if (verb == u"new")
        return runNew(rest);
    if (verb == u"check")
        return runCheck(rest);
    if (verb == u"info")
        return runInfo(rest);
    if (verb == u"candidates")
        return runCandidates(rest);
    if (verb == u"rank")
        return runRank(rest);
    if (verb == u"raci")
        return runRaci(rest);
    if (verb == u"kpi")
        return runKpi(rest);
    if (verb == u"terms")
        return runTerms(rest);
    if (verb == u"overlap")
        return runOverlap(rest);
    if (verb == u"proposal")
        return runProposal(rest);
    return usageError(tr("unknown verb '%1'.").arg(verb));
}

int Cli::runNew(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Create a new workbook. An existing file is never "
                                        "overwritten."));
    const QCommandLineOption title(u"title"_s, tr("The workbook title."), tr("TEXT"));
    const QCommandLineOption sample(u"sample"_s, tr("Fill it with the bundled sample content."));
    parser.addOption(title);
    parser.addOption(sample);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("Path of the .playbook file to create."));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"new"_s, arguments, 1, m_out, &error, &help))
        return help ? Success : usageError(error);

    const QString path = parser.positionalArguments().constFirst();
    StoreError result;
    if (parser.isSet(sample)) {
        if (parser.isSet(title))
            return usageError(tr("--title and --sample cannot be combined."));
        result = io::SampleWorkbook::create(path);
    } else {
        const QString text =
            parser.isSet(title) ? parser.value(title) : QFileInfo(path).completeBaseName();
        result = Workbook::createAtVersion(path, store::schema::currentVersion(), text);
    }
    if (result) {
        m_err << result.message << u"\n"_s;
        return exitCodeFor(result);
    }
    m_out << tr("created %1").arg(QDir::toNativeSeparators(path)) << u"\n"_s;
    return Success;
}

int Cli::runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check a workbook: integrity, file format, who has it "
                                        "open, and the findings of every area."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"check"_s, arguments, 1, m_out, &error, &help))
        return help ? Success : usageError(error);

    const QString path = parser.positionalArguments().constFirst();
    store::OpenOptions options;
    options.readOnly = true;
    StoreError openError;
    auto workbook = Workbook::open(path, options, &openError);
    if (!workbook) {
        m_err << openError.message << u"\n"_s;
        return exitCodeFor(openError);
    }
    const QStringList problems = workbook->integrityProblems();
    const store::LockHolder holder = store::WorkbookLock::inspect(path);
    const int fileVersion = workbook->fileSchemaVersion();
    domain::Findings findings;
    const QList<domain::Candidate> candidates = workbook->candidates();
    for (const domain::Candidate &candidate : candidates)
        findings += domain::CandidateRules::findings(candidate);
    for (const qint64 id : workbook->candidatesWithRaciGrid()) {
        const auto partner = std::find_if(candidates.cbegin(), candidates.cend(),
                                          [id](const domain::Candidate &c) { return c.id == id; });
        if (partner == candidates.cend())
            continue;
        for (const domain::RaciProblem &problem :
             domain::RaciRules::check(workbook->raciGrid(id), partner->name))
            findings.append(problem.finding);
    }
    // The KPI signals of every partnership, and the portfolio's.
    const QList<domain::PartnershipKpis> partnerships = workbook->allPartnershipKpis();
    const domain::KpiThresholds thresholds =
        domain::WorkbookSettings::kpiThresholds(workbook->settings());
    const QDate today = QDate::currentDate();
    for (const domain::PartnershipKpis &partnership : partnerships)
        findings += domain::KpiRules::check(partnership, thresholds, today);
    findings += domain::KpiRules::checkPortfolio(partnerships);
    // The proposal's terms of every partnership (its RACI finding is reported above).
    for (const qint64 id : workbook->candidatesWithPartnership()) {
        if (const auto proposal = item::ProposalData::gather(*workbook, id, today)) {
            for (const domain::Finding &finding : proposal->findings()) {
                if (!finding.code.startsWith(u"raci."))
                    findings.append(finding);
            }
        }
    }
    QJsonArray findingsJson;
    for (const domain::Finding &finding : std::as_const(findings))
        findingsJson.append(findingJson(finding));
    if (parser.isSet(json)) {
        printJson(m_out, {{u"workbook"_s, QDir::toNativeSeparators(workbook->path())},
                          {u"file_format"_s, fileVersion},
                          {u"current_file_format"_s, store::schema::currentVersion()},
                          {u"integrity"_s, problems.isEmpty() ? u"ok"_s : u"damaged"_s},
                          {u"integrity_problems"_s, QJsonArray::fromStringList(problems)},
                          {u"lock"_s, lockJson(holder)},
                          {u"findings"_s, findingsJson}});
    } else {
        m_out << tr("workbook: %1").arg(QDir::toNativeSeparators(workbook->path())) << u"\n"_s;
        m_out << tr("file format: %1 (this version writes %2)")
                     .arg(fileVersion)
                     .arg(store::schema::currentVersion())
              << u"\n"_s;
        m_out << tr("integrity: %1").arg(problems.isEmpty() ? tr("ok") : tr("damaged")) << u"\n"_s;
        for (const QString &problem : problems)
            m_out << u"  "_s << problem << u"\n"_s;
        m_out << tr("lock: %1")
                     .arg(holder.isValid() ? tr("held by %1").arg(holder.describe()) : tr("none"))
              << u"\n"_s;
        if (findings.isEmpty())
            m_out << tr("findings: none") << u"\n"_s;
        else
            m_out << tr("findings: %1").arg(findings.size()) << u"\n"_s;
        for (const domain::Finding &finding : std::as_const(findings))
            m_out << u"  "_s << finding.code << u": "_s << finding.message << u"\n"_s;
    }
    if (!problems.isEmpty()) {
        m_err << tr("%1 is damaged: %2").arg(QDir::toNativeSeparators(path), problems.first())
              << u"\n"_s;
        return CannotOpen;
    }
    return Success;
}

int Cli::runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show a workbook's title and what it holds."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"info"_s, arguments, 1, m_out, &error, &help))
        return help ? Success : usageError(error);

    store::OpenOptions options;
    options.readOnly = true;
    StoreError openError;
    auto workbook = Workbook::open(parser.positionalArguments().constFirst(), options, &openError);
    if (!workbook) {
        m_err << openError.message << u"\n"_s;
        return exitCodeFor(openError);
    }
    const store::WorkbookCounts counts = workbook->counts();
    const QString title = workbook->setting(SettingKey::Title).toString();
    const QString owner = workbook->setting(SettingKey::Owner).toString();
    const QString currency = workbook->setting(SettingKey::Currency).toString();
    if (parser.isSet(json)) {
        printJson(m_out, {{u"workbook"_s, QDir::toNativeSeparators(workbook->path())},
                          {u"title"_s, title},
                          {u"owner"_s, owner},
                          {u"currency"_s, currency},
                          {u"file_format"_s, workbook->fileSchemaVersion()},
                          {u"candidates"_s, counts.candidates},
                          {u"partnerships"_s, counts.partnerships},
                          {u"kpis"_s, counts.kpis}});
        return Success;
    }
    m_out << tr("title: %1").arg(title) << u"\n"_s << tr("owner: %1").arg(owner) << u"\n"_s
          << tr("currency: %1").arg(currency) << u"\n"_s
          << tr("candidates: %1").arg(counts.candidates) << u"\n"_s
          << tr("partnerships: %1").arg(counts.partnerships) << u"\n"_s
          << tr("kpis: %1").arg(counts.kpis) << u"\n"_s;
    return Success;
}

} // namespace pb::cli
