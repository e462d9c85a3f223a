// playbook-cli: the whole-workbook verbs (new, check, info).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/CandidateRules.h"
#include "domain/KpiRules.h"
#include "domain/Raci.h"
#include "domain/WorkbookSettings.h"
#include "io/SampleWorkbook.h"
#include "item/ProgrammeData.h"
#include "item/LifecycleData.h"
#include "item/ProposalData.h"
#include "item/QualificationCheck.h"
#include "store/Schema.h"
#include "store/Workbook.h"
#include "store/WorkbookLock.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

namespace {

// What `check` finds in a workbook, printed as text or JSON.
struct CheckReport
{
    QString path;
    int fileVersion = 0;
    QStringList problems; // integrity
    store::LockHolder holder;
    domain::Findings findings;
    bool recovered = false;   // opening rolled back a change a crash left unfinished
    QStringList upgradeNotes; // what an older file format's values now mean
};

// The findings of every area: values the app never writes, candidates, RACI grids, KPI
// signals (each partnership's and the portfolio's), the proposals' terms and the lifecycle.
domain::Findings workbookFindings(Workbook &workbook)
{
    domain::Findings findings;
    for (const domain::InvalidValue &invalid : workbook.invalidValues())
        findings.append(invalid.finding());
    const QList<domain::Candidate> candidates = workbook.candidates();
    for (const domain::Candidate &candidate : candidates)
        findings += domain::CandidateRules::findings(candidate);
    findings += item::QualificationCheck::workbookFindings(workbook, candidates);
    const qsizetype active = workbook.activePartnershipCount();
    for (const qint64 id : workbook.candidatesWithRaciGrid()) {
        const auto partner = std::find_if(candidates.cbegin(), candidates.cend(),
                                          [id](const domain::Candidate &c) { return c.id == id; });
        if (partner == candidates.cend())
            continue;
        for (const domain::RaciProblem &problem :
             domain::RaciRules::check(workbook.raciGrid(id), partner->name, active))
            findings.append(problem.finding);
    }
    const QList<domain::PartnershipKpis> partnerships = workbook.allPartnershipKpis();
    const domain::KpiThresholds thresholds =
        domain::WorkbookSettings::kpiThresholds(workbook.settings());
    const QDate today = QDate::currentDate();
    for (const domain::PartnershipKpis &partnership : partnerships)
        findings += domain::KpiRules::check(partnership, thresholds, today);
    findings += domain::KpiRules::checkPortfolio(partnerships, today);
    // The programme: stalled candidates, partnerships losing money, the health benchmarks.
    findings += item::ProgrammeData::gather(workbook, today).findings;
    // The proposal's terms of every partnership.
    for (const qint64 id : workbook.candidatesWithPartnership()) {
        if (const auto proposal = item::ProposalData::gather(workbook, id, today)) {
            for (const domain::Finding &finding : proposal->findings()) {
                // Its RACI and structure findings are reported above.
                if (!finding.code.startsWith(u"raci.") && !finding.code.startsWith(u"structure."))
                    findings.append(finding);
            }
        }
    }
    // The lifecycle after the proposal: contract essentials, enablement kit, retrospective,
    // exit (LifecycleData::hasLifecycle: proposed and later).
    for (const domain::Candidate &candidate : candidates) {
        if (!item::LifecycleData::hasLifecycle(candidate.stage))
            continue;
        if (const auto lifecycle = item::LifecycleData::gather(workbook, candidate.id))
            findings += lifecycle->findings(today);
    }
    return findings;
}

QJsonObject checkJson(const CheckReport &report)
{
    QJsonArray findings;
    for (const domain::Finding &finding : report.findings)
        findings.append(findingJson(finding));
    return {{u"workbook"_s, QDir::toNativeSeparators(report.path)},
            {u"file_format"_s, report.fileVersion},
            {u"current_file_format"_s, store::schema::currentVersion()},
            {u"integrity"_s, report.problems.isEmpty() ? u"ok"_s : u"damaged"_s},
            {u"integrity_problems"_s, QJsonArray::fromStringList(report.problems)},
            {u"lock"_s, lockJson(report.holder)},
            {u"recovered"_s, report.recovered},
            {u"upgrade_notes"_s, QJsonArray::fromStringList(report.upgradeNotes)},
            {u"findings"_s, findings}};
}

void printCheck(QTextStream &out, const CheckReport &report)
{
    out << Cli::tr("workbook: %1").arg(QDir::toNativeSeparators(report.path)) << u"\n"_s;
    out << Cli::tr("file format: %1 (this version writes %2)")
               .arg(report.fileVersion)
               .arg(store::schema::currentVersion())
        << u"\n"_s;
    out << Cli::tr("integrity: %1")
               .arg(report.problems.isEmpty() ? Cli::tr("ok") : Cli::tr("damaged"))
        << u"\n"_s;
    for (const QString &problem : report.problems)
        out << u"  "_s << problem << u"\n"_s;
    if (report.recovered)
        out << Cli::tr("recovery: recovered an unfinished change left by a crash (rolled back "
                       "to the state before it)")
            << u"\n"_s;
    for (const QString &note : report.upgradeNotes)
        out << Cli::tr("upgrade: %1").arg(note) << u"\n"_s;
    out << Cli::tr("lock: %1")
               .arg(report.holder.isValid() ? Cli::tr("held by %1").arg(report.holder.describe())
                                            : Cli::tr("none"))
        << u"\n"_s;
    if (report.findings.isEmpty())
        out << Cli::tr("findings: none") << u"\n"_s;
    else
        out << Cli::tr("findings: %1").arg(report.findings.size()) << u"\n"_s;
    for (const domain::Finding &finding : report.findings)
        out << u"  "_s << finding.code << u": "_s << finding.message << u"\n"_s;
}

} // namespace

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
    if (const auto stop = parse(parser, u"new"_s, arguments, 1))
        return *stop;

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
    if (result)
        return fail(result.message, exitCodeFor(result));
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
    if (const auto stop = parse(parser, u"check"_s, arguments, 1))
        return *stop;

    const QString path = parser.positionalArguments().constFirst();
    const OpenWorkbook opened = openReadOnly(path, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    CheckReport report;
    report.path = opened.workbook->path();
    report.problems = opened.workbook->integrityProblems();
    report.holder = store::WorkbookLock::inspect(path);
    report.fileVersion = opened.workbook->fileSchemaVersion();
    report.findings = workbookFindings(*opened.workbook);
    report.recovered = opened.workbook->recoveredFromCrash();
    report.upgradeNotes = opened.workbook->upgradeNotes();
    if (parser.isSet(json))
        printJson(m_out, checkJson(report));
    else
        printCheck(m_out, report);
    if (!report.problems.isEmpty())
        return fail(
            tr("%1 is damaged: %2").arg(QDir::toNativeSeparators(path), report.problems.first()),
            CannotOpen);
    return Success;
}

int Cli::runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show a workbook's title and what it holds."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    if (const auto stop = parse(parser, u"info"_s, arguments, 1))
        return *stop;

    const OpenWorkbook opened = openReadOnly(parser.positionalArguments().constFirst(), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    const Workbook &workbook = *opened.workbook;
    const store::WorkbookCounts counts = workbook.counts();
    const QString title = workbook.setting(SettingKey::Title).toString();
    const QString owner = workbook.setting(SettingKey::Owner).toString();
    const QString currency = workbook.setting(SettingKey::Currency).toString();
    if (parser.isSet(json)) {
        printJson(m_out, {{u"workbook"_s, QDir::toNativeSeparators(workbook.path())},
                          {u"title"_s, title},
                          {u"owner"_s, owner},
                          {u"currency"_s, currency},
                          {u"file_format"_s, workbook.fileSchemaVersion()},
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
