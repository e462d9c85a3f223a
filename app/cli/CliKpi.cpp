// playbook-cli: the KPI verbs (kpi import/export/status; kpi chart is in CliKpiChart.cpp).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/KpiRules.h"
#include "domain/WorkbookSettings.h"
#include "io/KpiCsv.h"
#include "store/Workbook.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString pad(const QString &text, int width)
{
    return text.leftJustified(width, u' ');
}

// What `kpi status` shows of a partnership.
struct KpiStatus
{
    PartnershipKpis current;
    KpiThresholds thresholds;
    QDate today;
    Findings signalList;
    std::optional<QDate> next; // review
    bool overdue = false;
};

QJsonObject kpiJson(const KpiSeries &series, const KpiThresholds &thresholds)
{
    const KpiDefinition &kpi = series.definition;
    const KpiState state = KpiRules::state(series, thresholds);
    QJsonObject latest;
    if (state.latest)
        latest = {{u"period"_s, state.latest->period.toString()},
                  {u"value"_s, state.latest->value}};
    return {
        {u"name"_s, kpi.name},
        {u"unit"_s, kpiUnitId(kpi.unit)},
        {u"direction"_s, kpiDirectionId(kpi.direction)},
        {u"measures"_s, kpi.metric == KpiMetric::Custom ? u"custom"_s : kpiMetricId(kpi.metric)},
        {u"target"_s, number(kpi.target)},
        {u"baseline"_s, number(kpi.baseline)},
        {u"latest"_s, state.latest ? QJsonValue(latest) : QJsonValue()},
        {u"status"_s, kpiStatusId(state.status)},
        {u"trend"_s, state.trend == KpiTrend::None ? QJsonValue() : kpiTrendId(state.trend)},
        {u"values"_s, series.values.size()}};
}

QJsonObject statusJson(const KpiStatus &status)
{
    const PartnershipKpis &current = status.current;
    QJsonArray kpis;
    for (const KpiSeries &series : current.kpis)
        kpis.append(kpiJson(series, status.thresholds));
    QJsonArray signalsJson;
    for (const Finding &finding : status.signalList)
        signalsJson.append(findingJson(finding));
    const QJsonObject pilot{{u"start"_s, current.pilot.start.isValid()
                                             ? QJsonValue(current.pilot.start.toString(Qt::ISODate))
                                             : QJsonValue()},
                            {u"days"_s, current.pilot.days}};
    return {{u"partner"_s, current.partner},
            {u"currency"_s, status.thresholds.currency},
            {u"pilot"_s, pilot},
            {u"next_review"_s,
             status.next ? QJsonValue(status.next->toString(Qt::ISODate)) : QJsonValue()},
            {u"review_overdue"_s, status.overdue},
            {u"reviews"_s, current.reviews.size()},
            {u"kpis"_s, kpis},
            {u"signals"_s, signalsJson}};
}

// One line per KPI under a header: name, latest value, target, status, trend.
void printKpiTable(QTextStream &out, const QList<KpiSeries> &kpis, const KpiThresholds &thresholds)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // "$17,200", not "$17200"
    int nameWidth = 4;
    for (const KpiSeries &series : kpis)
        nameWidth = std::max(nameWidth, int(series.definition.name.size()));
    nameWidth = std::min(nameWidth, 40) + 2;
    out << pad(Cli::tr("KPI"), nameWidth) << pad(Cli::tr("LATEST"), 26)
        << pad(Cli::tr("TARGET"), 14) << pad(Cli::tr("STATUS"), 11) << Cli::tr("TREND") << u"\n"_s;
    for (const KpiSeries &series : kpis) {
        const KpiDefinition &kpi = series.definition;
        const KpiState state = KpiRules::state(series, thresholds);
        const QString latest = state.latest
                                   ? u"%1 (%2)"_s.arg(formatKpiValue(state.latest->value, kpi.unit,
                                                                     thresholds.currency, c),
                                                      state.latest->period.toString())
                                   : u"-"_s;
        const QString target =
            kpi.target ? formatKpiValue(*kpi.target, kpi.unit, thresholds.currency, c) : u"-"_s;
        out << pad(kpi.name, nameWidth) << pad(latest, 26) << pad(target, 14)
            << pad(kpiStatusId(state.status), 11)
            << (state.trend == KpiTrend::None ? u"-"_s : kpiTrendId(state.trend)) << u"\n"_s;
    }
}

void printStatus(QTextStream &out, const KpiStatus &status)
{
    const PartnershipKpis &current = status.current;
    out << Cli::tr("partner: %1").arg(current.partner) << u"\n"_s;
    out << Cli::tr("pilot: %1")
               .arg(current.pilot.start.isValid()
                        ? Cli::tr("started %1, %2 days")
                              .arg(current.pilot.start.toString(Qt::ISODate))
                              .arg(current.pilot.days)
                        : Cli::tr("not started"))
        << u"\n"_s;
    QString review = status.next ? status.next->toString(Qt::ISODate) : Cli::tr("none");
    if (status.overdue)
        review += Cli::tr(" (overdue by %1 days)").arg(status.next->daysTo(status.today));
    out << Cli::tr("next review: %1").arg(review) << u"\n"_s;
    if (current.kpis.isEmpty())
        out << Cli::tr("kpis: none") << u"\n"_s;
    else
        printKpiTable(out, current.kpis, status.thresholds);
    out << (status.signalList.isEmpty() ? Cli::tr("signals: none")
                                        : Cli::tr("signals: %1").arg(status.signalList.size()))
        << u"\n"_s;
    for (const Finding &finding : status.signalList)
        out << u"  "_s << finding.code << u": "_s << finding.message << u"\n"_s;
}

} // namespace

int Cli::runKpiImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add KPIs and their values from a CSV file or an .xlsx workbook to a partnership: "
           "KPIs the partnership does not have yet are created, values of the same period are "
           "replaced. Any problem in the file stops the import and nothing is changed."));
    PartnerImport import;
    if (const auto stop = startPartnerImport(parser, u"kpi import"_s, arguments, import))
        return *stop;
    const PartnerWorkbook &opened = import.opened;
    const PartnershipKpis current = opened.workbook->partnershipKpis(opened.candidateId);
    const io::KpiCsvImport parsed = io::KpiCsv::parse(import.bytes, import.label, import.sheet);
    if (!parsed.errors.isEmpty())
        return refuseImport(parsed.errors);
    QList<KpiSeries> merged = io::KpiCsv::merge(current.kpis, parsed.kpis);
    if (const store::StoreError error = opened.workbook->replaceKpis(opened.candidateId, merged))
        return fail(error.message, exitCodeFor(error));
    m_out << tr("imported %1 values for %2 KPIs (%3 new)")
                 .arg(parsed.valueCount)
                 .arg(parsed.kpis.size())
                 .arg(merged.size() - current.kpis.size())
          << u"\n"_s;
    if (!isRecommendedKpiCount(merged.size()))
        m_err << tr("warning: %1 now tracks %2 KPIs; agree three to five (kpi.count).")
                     .arg(current.partner)
                     .arg(merged.size())
              << u"\n"_s;
    return Success;
}

int Cli::runKpiExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a partnership's KPIs and values as CSV, or as an .xlsx workbook when FILE "
           "ends in .xlsx (default: CSV on stdout). Each value's status against the target is "
           "written too (and colours the value in a workbook)."));
    PartnerExport exported;
    if (const auto stop = startPartnerExport(parser, u"kpi export"_s, arguments, exported))
        return *stop;
    const PartnerWorkbook &opened = exported.opened;
    const QString &target = exported.target;
    const PartnershipKpis current = opened.workbook->partnershipKpis(opened.candidateId);
    const double atRisk =
        WorkbookSettings::kpiThresholds(opened.workbook->settings()).atRiskPercent;
    if (target == u"-")
        return writeExport(target, io::KpiCsv::write(current.kpis, false, atRisk), m_out, m_err);
    return saved(io::KpiCsv::save(target, current.kpis, atRisk));
}

int Cli::runKpiStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show each KPI of a partnership against its target, the "
                                        "partnership's signals and the next review."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    addPartnerArguments(parser);
    if (const auto stop = parse(parser, u"kpi status"_s, arguments, 2))
        return *stop;
    const QStringList args = parser.positionalArguments();
    const PartnerWorkbook opened = openPartner(args.at(0), args.at(1), OpenMode::ReadOnly, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    KpiStatus status;
    status.current = opened.workbook->partnershipKpis(opened.candidateId);
    status.thresholds = WorkbookSettings::kpiThresholds(opened.workbook->settings());
    status.today = QDate::currentDate();
    status.signalList = KpiRules::check(status.current, status.thresholds, status.today);
    status.next = KpiRules::nextReview(status.current.pilot, status.current.reviews);
    status.overdue =
        KpiRules::isReviewOverdue(status.current.pilot, status.current.reviews, status.today);
    if (parser.isSet(json))
        printJson(m_out, statusJson(status));
    else
        printStatus(m_out, status);
    return Success;
}

} // namespace pb::cli
