#pragma once

#include "Candidate.h"
#include "Finding.h"
#include "PartnershipKpis.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace pb::domain {

// The programme's own totals for a month, from every source (not only partners): the new
// pipeline and the new ARR it won. Entered in the Programme area or with `playbook-cli
// programme --set`; the partner shares are computed against them.
struct ProgrammeInput
{
    QDate month; // its first day
    std::optional<double> pipeline;
    std::optional<double> newArr;

    friend bool operator==(const ProgrammeInput &, const ProgrammeInput &) = default;
};

enum class ProgrammeInputField { Pipeline, NewArr };
inline constexpr int kProgrammeInputFieldCount = int(ProgrammeInputField::NewArr) + 1;
QString programmeInputFieldId(ProgrammeInputField field); // "pipeline", "new_arr"
std::optional<ProgrammeInputField> programmeInputFieldFromId(const QString &text);
QString programmeInputFieldDisplayName(ProgrammeInputField field);

// One cell of the programme-inputs grid, or none to clear it.
struct ProgrammeInputEdit
{
    QDate month;
    ProgrammeInputField field = ProgrammeInputField::Pipeline;
    std::optional<double> value;

    friend bool operator==(const ProgrammeInputEdit &, const ProgrammeInputEdit &) = default;
};

// A partnership as the health benchmarks see it.
struct ProgrammePartner
{
    PartnershipKpis tracker; // its name, stage, pilot and KPIs
    Structure structure = Structure::Unset;
    QDate stageSince; // when it entered its stage: for an ended one, when it ended
};

// Where a benchmark's value stands against the practice's band.
enum class BenchmarkStatus { NoData, Below, Healthy, Above };
QString benchmarkStatusId(BenchmarkStatus status); // "no_data", "below", "healthy", "above"

// One of the practice's health benchmarks (DOMAIN.md §5), in percent, with its band.
struct Benchmark
{
    QString id; // "partner_share_of_pipeline", "partner_share_of_new_arr", …
    QString name;
    std::optional<double> value;
    std::optional<double> low; // the band: below low or above high is out
    std::optional<double> high;
    BenchmarkStatus status = BenchmarkStatus::NoData;
    QString detail; // where the value comes from, or what is missing

    // "10–30 %", "70 % or more", "under 15 %".
    QString bandText() const;
};

// A partnership's share of the programme's new pipeline over the benchmark window.
struct PipelineShare
{
    QString partner;
    double pipeline = 0;
    double share = 0; // percent
};

struct ProgrammeHealthReport
{
    QDate from; // the window: the last twelve complete months (first days)
    QDate to;
    QList<Benchmark> benchmarks;
    QList<PipelineShare> pipelineShares; // largest first
    Findings findings;
};

// The practice's health benchmarks for a partner programme (DOMAIN.md §5): the partner share
// of new pipeline (under 10 % nice-to-have, over 30 % a real channel that needs investment)
// and of new ARR (20–40 % healthy), partner satisfaction (70 or more), partner churn (under
// 15 % a year: partnerships ended within a year ÷ those running), when to hire BD (two or
// more partnerships each bringing over 10 % of pipeline), and an integration's distribution
// story six months after launch. Partner pipeline is the partner-sourced pipeline KPIs
// (KpiMetric::PartnerPipeline), partner new ARR the partner-revenue KPIs, each summed over the
// months the programme's totals are entered. Read by the Programme area, `playbook-cli
// programme` and `check`.
class ProgrammeHealth
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeHealth)
public:
    static constexpr double kPipelineNiceToHave = 10;
    static constexpr double kPipelineRealChannel = 30;
    static constexpr double kArrHealthyLow = 20;
    static constexpr double kArrHealthyHigh = 40;
    static constexpr double kSatisfactionHealthy = 70;
    static constexpr double kChurnHealthy = 15;
    static constexpr double kBdHireShare = 10;
    static constexpr int kBdHirePartners = 2;
    static constexpr int kIntegrationStoryMonths = 6;

    static ProgrammeHealthReport assess(const QList<ProgrammePartner> &partners,
                                        const QList<ProgrammeInput> &inputs, const QDate &today);
    // integration.no_distribution_story: an integration partnership running for six months
    // or more whose three signals are not all met (each signal's latest value against its
    // KPI's target, by default 15 % activation, 30 % less churn, 1 joint win).
    static std::optional<Finding> distributionStory(const ProgrammePartner &partner,
                                                    const QDate &today);

private:
    static Benchmark pipelineShare(const QList<ProgrammePartner> &partners,
                                   const QList<ProgrammeInput> &inputs,
                                   ProgrammeHealthReport &report);
    static Benchmark arrShare(const QList<ProgrammePartner> &partners,
                              const QList<ProgrammeInput> &inputs,
                              const ProgrammeHealthReport &report);
    static Benchmark satisfaction(const QList<ProgrammePartner> &partners, Findings &findings);
    static Benchmark churn(const QList<ProgrammePartner> &partners, const QDate &today,
                           Findings &findings);
    static void pipelineFindings(const Benchmark &share, ProgrammeHealthReport &report);
};

} // namespace pb::domain
