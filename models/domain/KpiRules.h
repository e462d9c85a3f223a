#pragma once

#include "Finding.h"
#include "Kpi.h"
#include "PartnershipKpis.h"

#include <QCoreApplication>
#include <QDate>
#include <QMap>

namespace pb::domain {

// Where the latest value stands against the target (DOMAIN.md section 5).
enum class KpiStatus { NoData, NoTarget, OnTrack, AtRisk, OffTrack };
// Which way the last three values went (up, flat or down, not good or bad).
enum class KpiTrend { None, Up, Flat, Down };

QString kpiStatusId(KpiStatus status); // "on_track", "at_risk", "off_track", …
QString kpiStatusDisplayName(KpiStatus status);
QString kpiTrendId(KpiTrend trend); // "up", "flat", "down", ""
QString kpiTrendDisplayName(KpiTrend trend);

// The thresholds the rules use; the first two are workbook settings.
struct KpiThresholds
{
    // Within this share of the target (either side the direction allows) is "at risk".
    double atRiskPercent = 20;
    // Partner revenue per month under this, six months after the pilot started, is a
    // sunset signal (in the workbook's currency).
    double sunsetRevenuePerMonth = 5000;
    // Changes within this share of the larger value count as flat.
    double flatPercent = 5;
    // The workbook's currency (ISO code): the sunset threshold is in it, and the messages
    // show amounts with it.
    QString currency = QStringLiteral("USD");
};

struct KpiState
{
    KpiStatus status = KpiStatus::NoData;
    KpiTrend trend = KpiTrend::None;
    std::optional<KpiValue> latest;
};

class KpiRules
{
    Q_DECLARE_TR_FUNCTIONS(KpiRules)
public:
    // Latest value against the target, respecting the direction: met is on track, within
    // atRiskPercent of the target is at risk, further away is off track.
    static KpiStatus status(double value, std::optional<double> target, KpiDirection direction,
                            double atRiskPercent);
    // Over the last three values (two when only two exist): the change from the first to
    // the last, flat when within flatPercent of the larger magnitude.
    static KpiTrend trend(const QList<KpiValue> &values, double flatPercent = 5);
    static KpiState state(const KpiSeries &series, const KpiThresholds &thresholds);

    // Values per calendar month: counts and currency add up (weekly revenue makes monthly
    // revenue), percentages, scores and days are averaged.
    static QMap<QDate, double> monthly(const KpiSeries &series);

    // Review cadence: monthly for the first three months after the pilot starts,
    // quarterly after that. Scheduled dates up to and including `until`.
    static QList<QDate> scheduledReviews(const QDate &pilotStart, const QDate &until);
    // The next review date: the first scheduled date not covered by a recorded review (a
    // review counts for a date it precedes by up to 14 days, or any later). None without a
    // pilot start, or after a review decided to end the partnership.
    static std::optional<QDate> nextReview(const Pilot &pilot, const QList<Review> &reviews);
    static bool isReviewOverdue(const Pilot &pilot, const QList<Review> &reviews,
                                const QDate &today);

    // A review counts for a scheduled date it precedes by up to this many days, or any later.
    static constexpr int kReviewEarlyDays = 14;
    // What a review counted for in the cadence, for the place where it is recorded.
    struct ReviewCredit
    {
        enum class Kind {
            NoPilot,   // the pilot has no start: nothing is scheduled
            AfterEnd,  // an earlier review ended the partnership: nothing is due
            CountsFor, // covers the scheduled dates firstDue … lastDue
            TooEarly,  // covers none: firstDue is the next date, counted from countsFrom
        };
        Kind kind = Kind::NoPilot;
        QDate firstDue, lastDue;
        QDate countsFrom; // TooEarly: firstDue minus kReviewEarlyDays
    };
    // The scheduled dates `review` covers that the reviews recorded before it did not (those
    // dated earlier, and on the same day those with a smaller id). `reviews` may hold
    // `review` itself (matched by a non-zero id); a review not recorded yet has id 0.
    static ReviewCredit reviewCredit(const Pilot &pilot, const QList<Review> &reviews,
                                     const Review &review);

    // The partnership's signals, in this order: kpi.count, kpi.off_track, review.overdue,
    // kpi.no_data (per KPI, while the partnership is in pilot or scaled), kpi.flat,
    // kpi.sunset_candidate (KpiRules.cpp has one function per rule).
    static Findings check(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                          const QDate &today);
    // Across partnerships: portfolio.concentration, when the one or two largest earning
    // partners bring kConcentrationShare or more of partner revenue (one earning partner
    // is the clearest case). With today, over the twelve complete months before it.
    static Findings checkPortfolio(const QList<PartnershipKpis> &partnerships,
                                   const QDate &today = {});
    static constexpr double kConcentrationShare = 0.8;

    // Partner revenue per partner over twelve months: the twelve complete months before
    // today, or without today those up to the latest month any partner recorded; the share
    // of the two largest. Partners without a revenue KPI are left out.
    struct Concentration
    {
        QList<QPair<QString, double>> revenueByPartner; // largest first
        double total = 0;
        double topTwoShare = 0; // 0–1
        int earning = 0;        // partners with revenue in the window
        QDate from, to;         // month starts
    };
    static Concentration concentration(const QList<PartnershipKpis> &partnerships,
                                       const QDate &today = {});

    // The length of a KPI's period in days when it is recorded by day (7 for weekly
    // values): the median gap between its day values. 0 when it is recorded by month, or
    // when one day value is too few to tell.
    static int dayPeriod(const KpiSeries &series);

    // The KPI that measures the metric, if the partnership has one.
    static const KpiSeries *seriesFor(const PartnershipKpis &partnership, KpiMetric metric);
};

} // namespace pb::domain
