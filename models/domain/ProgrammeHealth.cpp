#include "ProgrammeHealth.h"

#include "KpiRules.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

QString percent(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 1 : 0) + u" %"_s;
}

QString monthName(const QDate &month)
{
    return QLocale().toString(month, u"MMM yyyy"_s);
}

Finding programmeFinding(const QString &code, Finding::Severity severity, const QString &message)
{
    Finding finding;
    finding.code = code;
    finding.severity = severity;
    finding.subject = ProgrammeHealth::tr("Programme");
    finding.message = message;
    return finding;
}

BenchmarkStatus statusIn(double value, std::optional<double> low, std::optional<double> high)
{
    if (low && value < *low)
        return BenchmarkStatus::Below;
    if (high && value > *high)
        return BenchmarkStatus::Above;
    return BenchmarkStatus::Healthy;
}

// The months of the window for which the programme's total of this field is entered.
QHash<QDate, double> totalsIn(const QList<ProgrammeInput> &inputs, ProgrammeInputField field,
                              const QDate &from, const QDate &to)
{
    QHash<QDate, double> totals;
    for (const ProgrammeInput &input : inputs) {
        const std::optional<double> value =
            field == ProgrammeInputField::Pipeline ? input.pipeline : input.newArr;
        if (value && input.month >= from && input.month <= to)
            totals.insert(input.month, *value);
    }
    return totals;
}

// A partnership's KPI of this metric, summed over the months with a programme total.
double partnerSum(const ProgrammePartner &partner, KpiMetric metric,
                  const QHash<QDate, double> &totals)
{
    const KpiSeries *series = KpiRules::seriesFor(partner.tracker, metric);
    if (!series)
        return 0;
    double sum = 0;
    const QMap<QDate, double> months = KpiRules::monthly(*series);
    for (auto it = months.cbegin(); it != months.cend(); ++it) {
        if (totals.contains(it.key()))
            sum += it.value();
    }
    return sum;
}

double sumOf(const QHash<QDate, double> &totals)
{
    double sum = 0;
    for (double value : totals)
        sum += value;
    return sum;
}

// An integration's three signals of a distribution story.
struct StorySignal
{
    KpiMetric metric;
    const char *name;
    double defaultTarget;
};

constexpr StorySignal kStorySignals[] = {
    {KpiMetric::IntegrationActivation,
     QT_TRANSLATE_NOOP("ProgrammeHealth", "new customers switching it on within 30 days"), 15},
    {KpiMetric::IntegrationChurnReduction,
     QT_TRANSLATE_NOOP("ProgrammeHealth", "its users churning less"), 30},
    {KpiMetric::JointWins, QT_TRANSLATE_NOOP("ProgrammeHealth", "joint wins"), 1},
};

} // namespace

QString programmeInputFieldId(ProgrammeInputField field)
{
    return field == ProgrammeInputField::Pipeline ? u"pipeline"_s : u"new_arr"_s;
}

std::optional<ProgrammeInputField> programmeInputFieldFromId(const QString &text)
{
    for (int i = 0; i < kProgrammeInputFieldCount; ++i) {
        if (text.trimmed().compare(programmeInputFieldId(ProgrammeInputField(i)),
                                   Qt::CaseInsensitive) == 0)
            return ProgrammeInputField(i);
    }
    return std::nullopt;
}

QString programmeInputFieldDisplayName(ProgrammeInputField field)
{
    return field == ProgrammeInputField::Pipeline ? ProgrammeHealth::tr("New pipeline (all)")
                                                  : ProgrammeHealth::tr("New ARR (all)");
}

QString benchmarkStatusId(BenchmarkStatus status)
{
    switch (status) {
    case BenchmarkStatus::NoData:
        return u"no_data"_s;
    case BenchmarkStatus::Below:
        return u"below"_s;
    case BenchmarkStatus::Healthy:
        return u"healthy"_s;
    case BenchmarkStatus::Above:
        return u"above"_s;
    }
    return {};
}

QString Benchmark::bandText() const
{
    const auto number = [](double v) {
        return QLocale().toString(v, 'f', 0);
    };
    if (low && high)
        return ProgrammeHealth::tr("%1–%2 %").arg(number(*low), number(*high));
    if (low)
        return ProgrammeHealth::tr("%1 % or more").arg(number(*low));
    if (high)
        return ProgrammeHealth::tr("under %1 %").arg(number(*high));
    return {};
}

ProgrammeHealthReport ProgrammeHealth::assess(const QList<ProgrammePartner> &partners,
                                              const QList<ProgrammeInput> &inputs,
                                              const QDate &today)
{
    ProgrammeHealthReport report;
    report.to = QDate(today.year(), today.month(), 1).addMonths(-1);
    report.from = report.to.addMonths(-11);
    const Benchmark pipeline = pipelineShare(partners, inputs, report);
    report.benchmarks.append(pipeline);
    report.benchmarks.append(arrShare(partners, inputs, report));
    report.benchmarks.append(satisfaction(partners, report.findings));
    report.benchmarks.append(churn(partners, today, report.findings));
    pipelineFindings(pipeline, report);
    for (const ProgrammePartner &partner : partners) {
        if (auto story = distributionStory(partner, today))
            report.findings.append(*story);
    }
    return report;
}

Benchmark ProgrammeHealth::pipelineShare(const QList<ProgrammePartner> &partners,
                                         const QList<ProgrammeInput> &inputs,
                                         ProgrammeHealthReport &report)
{
    Benchmark benchmark{u"partner_share_of_pipeline"_s,
                        tr("Partner share of new pipeline"),
                        {},
                        kPipelineNiceToHave,
                        kPipelineRealChannel,
                        BenchmarkStatus::NoData,
                        {}};
    const QHash<QDate, double> totals =
        totalsIn(inputs, ProgrammeInputField::Pipeline, report.from, report.to);
    const double total = sumOf(totals);
    if (total <= 0) {
        benchmark.detail = tr("Enter the programme's total new pipeline per month (Programme "
                              "inputs) to compare the partners' pipeline with it.");
        return benchmark;
    }
    double fromPartners = 0;
    for (const ProgrammePartner &partner : partners) {
        const double pipeline = partnerSum(partner, KpiMetric::PartnerPipeline, totals);
        fromPartners += pipeline;
        if (pipeline > 0)
            report.pipelineShares.append(
                {partner.tracker.partner, pipeline, pipeline / total * 100});
    }
    std::stable_sort(
        report.pipelineShares.begin(), report.pipelineShares.end(),
        [](const PipelineShare &a, const PipelineShare &b) { return a.share > b.share; });
    benchmark.value = fromPartners / total * 100;
    benchmark.status = statusIn(*benchmark.value, benchmark.low, benchmark.high);
    benchmark.detail = tr("The partner-sourced pipeline KPIs over the %n month(s) with a total "
                          "entered, %1 – %2.",
                          nullptr, int(totals.size()))
                           .arg(monthName(report.from), monthName(report.to));
    return benchmark;
}

Benchmark ProgrammeHealth::arrShare(const QList<ProgrammePartner> &partners,
                                    const QList<ProgrammeInput> &inputs,
                                    const ProgrammeHealthReport &report)
{
    Benchmark benchmark{u"partner_share_of_new_arr"_s,
                        tr("Partner share of new ARR"),
                        {},
                        kArrHealthyLow,
                        kArrHealthyHigh,
                        BenchmarkStatus::NoData,
                        {}};
    const QHash<QDate, double> totals =
        totalsIn(inputs, ProgrammeInputField::NewArr, report.from, report.to);
    const double total = sumOf(totals);
    if (total <= 0) {
        benchmark.detail = tr("Enter the programme's total new ARR per month (Programme inputs) "
                              "to compare the partners' revenue with it.");
        return benchmark;
    }
    double fromPartners = 0;
    for (const ProgrammePartner &partner : partners)
        fromPartners += partnerSum(partner, KpiMetric::PartnerRevenue, totals);
    benchmark.value = fromPartners / total * 100;
    benchmark.status = statusIn(*benchmark.value, benchmark.low, benchmark.high);
    benchmark.detail = tr("The partner-revenue KPIs over the %n month(s) with a total entered, "
                          "%1 – %2; healthy programmes see 20–40 %.",
                          nullptr, int(totals.size()))
                           .arg(monthName(report.from), monthName(report.to));
    return benchmark;
}

// The latest partner-satisfaction value of each running partnership, averaged.
Benchmark ProgrammeHealth::satisfaction(const QList<ProgrammePartner> &partners, Findings &findings)
{
    Benchmark benchmark{u"partner_satisfaction"_s,
                        tr("Partner satisfaction"),
                        {},
                        kSatisfactionHealthy,
                        {},
                        BenchmarkStatus::NoData,
                        {}};
    double sum = 0;
    QStringList low;
    int count = 0;
    for (const ProgrammePartner &partner : partners) {
        const KpiSeries *series =
            KpiRules::seriesFor(partner.tracker, KpiMetric::PartnerSatisfaction);
        if (!isActiveStage(partner.tracker.stage) || !series || series->values.isEmpty())
            continue;
        const double latest = series->values.constLast().value;
        sum += latest;
        ++count;
        if (latest < kSatisfactionHealthy)
            low << tr("%1 %2").arg(partner.tracker.partner, QLocale().toString(latest, 'g', 4));
    }
    if (count == 0) {
        benchmark.detail = tr("No running partnership records a partner-satisfaction KPI.");
        return benchmark;
    }
    benchmark.value = sum / count;
    benchmark.status = statusIn(*benchmark.value, benchmark.low, benchmark.high);
    benchmark.detail = tr("The latest partner-satisfaction value of %n running partnership(s), "
                          "averaged.",
                          nullptr, count);
    if (benchmark.status == BenchmarkStatus::Below)
        findings.append(programmeFinding(
            u"programme.satisfaction_low"_s, Finding::Severity::Warning,
            tr("Partner satisfaction averages %1, under the 70 a healthy programme keeps; "
               "lowest: %2. Ask what is in the way before it shows in the pipeline.")
                .arg(QLocale().toString(*benchmark.value, 'f', 0), low.join(u", "_s))));
    return benchmark;
}

// Partnerships ended within a year ÷ those running now (pilot or scaled).
Benchmark ProgrammeHealth::churn(const QList<ProgrammePartner> &partners, const QDate &today,
                                 Findings &findings)
{
    Benchmark benchmark{u"partner_churn"_s, tr("Partner churn a year"), {}, {},
                        kChurnHealthy,      BenchmarkStatus::NoData,    {}};
    int running = 0, ended = 0;
    for (const ProgrammePartner &partner : partners) {
        if (isActiveStage(partner.tracker.stage))
            ++running;
        else if (partner.tracker.stage == Stage::Ended && partner.stageSince.isValid() &&
                 partner.stageSince > today.addYears(-1))
            ++ended;
    }
    if (running == 0 && ended == 0) {
        benchmark.detail = tr("No partnership is running or ended in the last year.");
        return benchmark;
    }
    if (running > 0) {
        benchmark.value = ended * 100.0 / running;
        benchmark.status = statusIn(*benchmark.value, benchmark.low, benchmark.high);
    } else {
        benchmark.status = BenchmarkStatus::Above;
    }
    benchmark.detail =
        tr("%1 ended in the last year, %2 running (pilot or scaled).").arg(ended).arg(running);
    if (benchmark.status == BenchmarkStatus::Above)
        findings.append(programmeFinding(
            u"programme.partner_churn_high"_s, Finding::Severity::Warning,
            tr("%1 partnership(s) ended in the last year against %2 running: partner churn of "
               "%3 is over the 15 % a healthy programme keeps. Look at why they ended before "
               "signing the next ones.")
                .arg(ended)
                .arg(running)
                .arg(benchmark.value ? percent(*benchmark.value) : tr("all of them"))));
    return benchmark;
}

// Under 10 % a nice-to-have, over 30 % a real channel; two partnerships over 10 % each: time
// to hire BD.
void ProgrammeHealth::pipelineFindings(const Benchmark &share, ProgrammeHealthReport &report)
{
    if (share.status == BenchmarkStatus::Below)
        report.findings.append(programmeFinding(
            u"programme.partner_share_low"_s, Finding::Severity::Info,
            tr("Partners bring %1 of new pipeline: under 10 %, the programme is a nice-to-have, "
               "not a channel yet.")
                .arg(percent(*share.value))));
    else if (share.status == BenchmarkStatus::Above)
        report.findings.append(programmeFinding(
            u"programme.channel_needs_investment"_s, Finding::Severity::Warning,
            tr("Partners bring %1 of new pipeline: over 30 %, they are a real channel; invest "
               "in partner success (enablement, support, a partner manager) to keep it.")
                .arg(percent(*share.value))));
    QStringList strong;
    for (const PipelineShare &partner : std::as_const(report.pipelineShares)) {
        if (partner.share > kBdHireShare)
            strong << tr("%1 (%2)").arg(partner.partner, percent(partner.share));
    }
    if (strong.size() >= kBdHirePartners)
        report.findings.append(programmeFinding(
            u"programme.ready_to_hire_bd"_s, Finding::Severity::Info,
            tr("%1 partnerships each bring over 10 % of new pipeline (%2): the programme has "
               "outgrown a founder's spare hours; it is time to hire BD.")
                .arg(strong.size())
                .arg(strong.join(u", "_s))));
}

std::optional<Finding> ProgrammeHealth::distributionStory(const ProgrammePartner &partner,
                                                          const QDate &today)
{
    const PartnershipKpis &tracker = partner.tracker;
    if (partner.structure != Structure::Integration || !isActiveStage(tracker.stage) ||
        !tracker.pilot.start.isValid() ||
        tracker.pilot.start.addMonths(kIntegrationStoryMonths) > today)
        return std::nullopt;
    QStringList missing;
    for (const StorySignal &signal : kStorySignals) {
        const QString name = tr(signal.name);
        const KpiSeries *series = KpiRules::seriesFor(tracker, signal.metric);
        if (!series || series->values.isEmpty()) {
            missing << tr("%1 not measured").arg(name);
            continue;
        }
        const KpiDefinition &kpi = series->definition;
        const double target = kpi.target.value_or(signal.defaultTarget);
        const double latest = series->values.constLast().value;
        const bool met =
            kpi.direction == KpiDirection::HigherIsBetter ? latest >= target : latest <= target;
        if (!met)
            missing << tr("%1 at %2 (target %3)")
                           .arg(name, formatKpiValue(latest, kpi.unit, {}, QLocale()),
                                formatKpiValue(target, kpi.unit, {}, QLocale()));
    }
    if (missing.isEmpty())
        return std::nullopt;
    Finding finding;
    finding.code = u"integration.no_distribution_story"_s;
    finding.subject = tracker.partner;
    finding.partner = tracker.partner;
    finding.message = tr("%1: %n month(s) after launch the integration has no distribution "
                         "story yet: %2. An integration that does not change activation, churn "
                         "and joint wins is a feature, not a channel.",
                         nullptr, int(tracker.pilot.start.daysTo(today) / 30))
                          .arg(tracker.partner, missing.join(u"; "_s));
    return finding;
}

} // namespace pb::domain
