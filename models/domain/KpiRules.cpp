#include "KpiRules.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {
bool isAdditive(KpiUnit unit)
{
    return unit == KpiUnit::Count || unit == KpiUnit::Currency;
}

bool meets(double value, double target, KpiDirection direction)
{
    return direction == KpiDirection::HigherIsBetter ? value >= target : value <= target;
}

QDate quarterStart(const QDate &date)
{
    return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
}

QString days(qint64 count)
{
    return count == 1 ? KpiRules::tr("1 day") : KpiRules::tr("%1 days").arg(count);
}

QString periodText(const KpiPeriod &period, const QLocale &locale)
{
    return period.isMonth() ? locale.toString(period.date(), u"MMMM yyyy"_s)
                            : locale.toString(period.date(), u"d MMMM yyyy"_s);
}
} // namespace

QString kpiStatusId(KpiStatus status)
{
    switch (status) {
    case KpiStatus::NoData:
        return u"no_data"_s;
    case KpiStatus::NoTarget:
        return u"no_target"_s;
    case KpiStatus::OnTrack:
        return u"on_track"_s;
    case KpiStatus::AtRisk:
        return u"at_risk"_s;
    case KpiStatus::OffTrack:
        return u"off_track"_s;
    }
    return {};
}

QString kpiStatusDisplayName(KpiStatus status)
{
    switch (status) {
    case KpiStatus::NoData:
        return KpiRules::tr("No data");
    case KpiStatus::NoTarget:
        return KpiRules::tr("No target");
    case KpiStatus::OnTrack:
        return KpiRules::tr("On track");
    case KpiStatus::AtRisk:
        return KpiRules::tr("At risk");
    case KpiStatus::OffTrack:
        return KpiRules::tr("Off track");
    }
    return {};
}

QString kpiTrendId(KpiTrend trend)
{
    switch (trend) {
    case KpiTrend::None:
        return {};
    case KpiTrend::Up:
        return u"up"_s;
    case KpiTrend::Flat:
        return u"flat"_s;
    case KpiTrend::Down:
        return u"down"_s;
    }
    return {};
}

QString kpiTrendDisplayName(KpiTrend trend)
{
    switch (trend) {
    case KpiTrend::None:
        return {};
    case KpiTrend::Up:
        return KpiRules::tr("↗ up");
    case KpiTrend::Flat:
        return KpiRules::tr("→ flat");
    case KpiTrend::Down:
        return KpiRules::tr("↘ down");
    }
    return {};
}

KpiStatus KpiRules::status(double value, std::optional<double> target, KpiDirection direction,
                           double atRiskPercent)
{
    if (!target)
        return KpiStatus::NoTarget;
    if (meets(value, *target, direction))
        return KpiStatus::OnTrack;
    const double band = std::abs(*target) * atRiskPercent / 100.0;
    const double boundary =
        direction == KpiDirection::HigherIsBetter ? *target - band : *target + band;
    return meets(value, boundary, direction) ? KpiStatus::AtRisk : KpiStatus::OffTrack;
}

KpiTrend KpiRules::trend(const QList<KpiValue> &values, double flatPercent)
{
    if (values.size() < 2)
        return KpiTrend::None;
    const double first = values.at(std::max<qsizetype>(0, values.size() - 3)).value;
    const double last = values.constLast().value;
    const double scale = std::max(std::abs(first), std::abs(last));
    const double change = last - first;
    if (std::abs(change) <= scale * flatPercent / 100.0)
        return KpiTrend::Flat;
    return change > 0 ? KpiTrend::Up : KpiTrend::Down;
}

KpiState KpiRules::state(const KpiSeries &series, const KpiThresholds &thresholds)
{
    KpiState state;
    if (series.values.isEmpty())
        return state;
    state.latest = series.values.constLast();
    state.status = status(state.latest->value, series.definition.target,
                          series.definition.direction, thresholds.atRiskPercent);
    state.trend = trend(series.values, thresholds.flatPercent);
    return state;
}

QMap<QDate, double> KpiRules::monthly(const KpiSeries &series)
{
    QMap<QDate, double> sums;
    QMap<QDate, int> counts;
    for (const KpiValue &value : series.values) {
        const QDate month = value.period.monthStart();
        sums[month] += value.value;
        counts[month] += 1;
    }
    if (!isAdditive(series.definition.unit)) {
        for (auto it = sums.begin(); it != sums.end(); ++it)
            it.value() /= counts.value(it.key());
    }
    return sums;
}

QList<QDate> KpiRules::scheduledReviews(const QDate &pilotStart, const QDate &until)
{
    QList<QDate> dates;
    if (!pilotStart.isValid())
        return dates;
    for (int months = 1; months <= 1200; months += months < 3 ? 1 : 3) {
        const QDate date = pilotStart.addMonths(months);
        if (date > until)
            break;
        dates.append(date);
    }
    return dates;
}

std::optional<QDate> KpiRules::nextReview(const Pilot &pilot, const QList<Review> &reviews)
{
    if (!pilot.start.isValid())
        return std::nullopt;
    QDate last;
    for (const Review &review : reviews) {
        if (review.decision == ReviewDecision::End)
            return std::nullopt;
        if (!last.isValid() || review.date > last)
            last = review.date;
    }
    for (int months = 1; months <= 1200; months += months < 3 ? 1 : 3) {
        const QDate date = pilot.start.addMonths(months);
        if (!last.isValid() || date.addDays(-kReviewEarlyDays) > last)
            return date;
    }
    return std::nullopt;
}

bool KpiRules::isReviewOverdue(const Pilot &pilot, const QList<Review> &reviews, const QDate &today)
{
    const auto next = nextReview(pilot, reviews);
    return next && today > *next;
}

KpiRules::ReviewCredit KpiRules::reviewCredit(const Pilot &pilot, const QList<Review> &reviews,
                                              const Review &review)
{
    ReviewCredit credit;
    if (!pilot.start.isValid())
        return credit;
    QDate covered; // the latest review before this one: the dates it covered stay covered
    for (const Review &other : reviews) {
        if (review.id != 0 && other.id == review.id)
            continue;
        const bool before = other.date < review.date ||
                            (other.date == review.date && (review.id == 0 || other.id < review.id));
        if (!before)
            continue;
        if (other.decision == ReviewDecision::End) {
            credit.kind = ReviewCredit::Kind::AfterEnd;
            return credit;
        }
        if (!covered.isValid() || other.date > covered)
            covered = other.date;
    }
    for (int months = 1; months <= 1200; months += months < 3 ? 1 : 3) {
        const QDate due = pilot.start.addMonths(months);
        const QDate from = due.addDays(-kReviewEarlyDays);
        if (covered.isValid() && from <= covered)
            continue;
        if (from > review.date) {
            if (!credit.firstDue.isValid()) {
                credit.kind = ReviewCredit::Kind::TooEarly;
                credit.firstDue = credit.lastDue = due;
                credit.countsFrom = from;
            }
            break;
        }
        credit.kind = ReviewCredit::Kind::CountsFor;
        if (!credit.firstDue.isValid())
            credit.firstDue = due;
        credit.lastDue = due;
    }
    return credit;
}

int KpiRules::dayPeriod(const KpiSeries &series)
{
    QList<qint64> gaps;
    for (qsizetype i = 1; i < series.values.size(); ++i) {
        const KpiPeriod &before = series.values.at(i - 1).period;
        const KpiPeriod &after = series.values.at(i).period;
        if (!before.isMonth() && !after.isMonth())
            gaps.append(before.date().daysTo(after.date()));
    }
    if (gaps.isEmpty())
        return 0;
    std::sort(gaps.begin(), gaps.end());
    return int(std::max<qint64>(1, gaps.at(gaps.size() / 2)));
}

const KpiSeries *KpiRules::seriesFor(const PartnershipKpis &partnership, KpiMetric metric)
{
    for (const KpiSeries &series : partnership.kpis) {
        if (series.definition.metric == metric)
            return &series;
    }
    return nullptr;
}

namespace {
// The months that are over on `today`: a month still running (one weekly value so far)
// would read as a fall.
QMap<QDate, double> completeMonths(const KpiSeries &series, const QDate &today)
{
    QMap<QDate, double> months = KpiRules::monthly(series);
    months.erase(months.lowerBound(QDate(today.year(), today.month(), 1)), months.end());
    return months;
}

// One signal about the partnership; kpi.count is advice, every other one a warning.
Finding signal(const PartnershipKpis &partnership, const QString &code, const QString &subject,
               const QString &message)
{
    Finding finding;
    finding.code = code;
    finding.severity = code == u"kpi.count" ? Finding::Severity::Info : Finding::Severity::Warning;
    finding.subject = subject;
    finding.message = message;
    finding.partner = partnership.partner;
    return finding;
}

// kpi.count: fewer than three KPIs or more than five.
void checkCount(const PartnershipKpis &partnership, Findings &findings)
{
    const qsizetype count = partnership.kpis.size();
    if (isRecommendedKpiCount(count))
        return;
    findings.append(signal(
        partnership, u"kpi.count"_s, partnership.partner,
        KpiRules::tr("%1 tracks %n KPI(s); agree three to five, so that the review stays focused.",
                     nullptr, int(count))
            .arg(partnership.partner)));
}

// kpi.off_track: a KPI's latest value is further from its target than the at-risk band.
void checkOffTrack(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                   Findings &findings)
{
    const QLocale locale;
    for (const KpiSeries &series : partnership.kpis) {
        const KpiState current = KpiRules::state(series, thresholds);
        if (current.status != KpiStatus::OffTrack)
            continue;
        const KpiDefinition &kpi = series.definition;
        findings.append(signal(
            partnership, u"kpi.off_track"_s, kpi.name,
            KpiRules::tr("%1: %2 is %3 in %4 against a target of %5.")
                .arg(partnership.partner, kpi.name,
                     formatKpiValue(current.latest->value, kpi.unit, thresholds.currency, locale),
                     periodText(current.latest->period, locale),
                     formatKpiValue(*kpi.target, kpi.unit, thresholds.currency, locale))));
    }
}

// review.overdue: the next review date has passed without a review.
void checkReviewOverdue(const PartnershipKpis &partnership, const QDate &today, Findings &findings)
{
    if (!KpiRules::isReviewOverdue(partnership.pilot, partnership.reviews, today))
        return;
    const QDate due = *KpiRules::nextReview(partnership.pilot, partnership.reviews);
    findings.append(
        signal(partnership, u"review.overdue"_s, partnership.partner,
               KpiRules::tr("The review of %1 was due on %2 and has not been recorded (%3 late).")
                   .arg(partnership.partner, QLocale().toString(due, u"d MMMM yyyy"_s),
                        days(due.daysTo(today)))));
}

// Since when a KPI has no value, when its last two complete periods (months, or its own
// period when recorded by day) have none and values were due in both: the start of the
// first missing period. A missing period is never read as zero.
std::optional<QDate> silentSince(const KpiSeries &series, const QDate &pilotStart,
                                 const QDate &today)
{
    const QDate expectedFrom =
        pilotStart.isValid()
            ? pilotStart
            : (series.values.isEmpty() ? QDate() : series.values.first().period.date());
    if (!expectedFrom.isValid())
        return std::nullopt;
    const std::optional<KpiValue> latest =
        series.values.isEmpty() ? std::nullopt : std::optional(series.values.constLast());
    if (const int days = KpiRules::dayPeriod(series); days > 0) {
        const QDate next = latest->period.date().addDays(days);
        return today >= next.addDays(2 * days) ? std::optional(next) : std::nullopt;
    }
    const QDate twoMonthsAgo = QDate(today.year(), today.month(), 1).addMonths(-2);
    if (expectedFrom > twoMonthsAgo || (latest && latest->period.monthStart() >= twoMonthsAgo))
        return std::nullopt;
    return latest ? latest->period.monthStart().addMonths(1) : expectedFrom;
}

// kpi.no_data: the partner who stopped reporting (DOMAIN.md section 3, "stops responding").
void checkNoData(const PartnershipKpis &partnership, const QDate &today, Findings &findings)
{
    if (!isActiveStage(partnership.stage))
        return;
    const QLocale locale;
    for (const KpiSeries &series : partnership.kpis) {
        const auto since = silentSince(series, partnership.pilot.start, today);
        if (!since)
            continue;
        const QString name = series.definition.name;
        const QString message =
            series.values.isEmpty()
                ? KpiRules::tr("%1: no value of %2 has been recorded since the pilot started on "
                               "%3; ask the partner for the figures.")
                      .arg(partnership.partner, name, locale.toString(*since, u"d MMMM yyyy"_s))
                : KpiRules::tr("%1: no value of %2 has been recorded since %3 (the latest is "
                               "for %4); ask the partner for the figures: a partner who stops "
                               "reporting is a red flag.")
                      .arg(partnership.partner, name, locale.toString(*since, u"d MMMM yyyy"_s),
                           periodText(series.values.constLast().period, locale));
        Finding finding = signal(partnership, u"kpi.no_data"_s, name, message);
        finding.kpi = name;
        findings.append(finding);
    }
}

// kpi.flat: partner-sourced deals flat (or falling) over the last three complete months,
// once three months of the pilot have passed.
void checkFlatDeals(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                    const QDate &today, Findings &findings)
{
    const QDate start = partnership.pilot.start;
    const KpiSeries *deals = KpiRules::seriesFor(partnership, KpiMetric::Referrals);
    if (!deals || !start.isValid() || today < start.addMonths(3))
        return;
    const QMap<QDate, double> months = completeMonths(*deals, today);
    if (months.size() < 3)
        return;
    QList<KpiValue> lastThree;
    for (auto it = std::prev(months.cend(), 3); it != months.cend(); ++it)
        lastThree.append({KpiPeriod::month(it.key().year(), it.key().month()), it.value()});
    const bool consecutive =
        lastThree.first().period.date().addMonths(2) == lastThree.last().period.date();
    const KpiTrend direction = KpiRules::trend(lastThree, thresholds.flatPercent);
    if (!consecutive || (direction != KpiTrend::Flat && direction != KpiTrend::Down))
        return;
    findings.append(signal(
        partnership, u"kpi.flat"_s, deals->definition.name,
        KpiRules::tr("%1: partner-sourced deals (%2) have not grown over the three months to "
                     "%3; rethink the joint motion.")
            .arg(partnership.partner, deals->definition.name,
                 periodText(lastThree.last().period, QLocale()))));
}

// A sunset reason: partner revenue under the threshold in the sixth month of the pilot or
// later (the latest complete month). Empty when there is no such reason.
QString lowRevenueReason(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                         const QDate &today)
{
    const QDate start = partnership.pilot.start;
    const KpiSeries *revenue = KpiRules::seriesFor(partnership, KpiMetric::PartnerRevenue);
    if (!revenue || !start.isValid() || today < start.addMonths(6))
        return {};
    const QMap<QDate, double> months = completeMonths(*revenue, today);
    const QLocale locale;
    const auto money = [&](double amount) {
        return formatKpiValue(amount, KpiUnit::Currency, thresholds.currency, locale);
    };
    // Nothing recorded in the last three complete months is not read as zero revenue, but
    // six months in it is a reason of its own, and the message says so.
    const QDate thisMonth(today.year(), today.month(), 1);
    if (months.isEmpty() || months.lastKey() < thisMonth.addMonths(-3)) {
        return KpiRules::tr("no partner revenue has been recorded in the three months to %1, "
                            "six months after the pilot started (the threshold is %2 a month)")
            .arg(locale.toString(thisMonth.addMonths(-1), u"MMMM yyyy"_s),
                 money(thresholds.sunsetRevenuePerMonth));
    }
    const QDate sixthMonth = KpiPeriod::day(start.addMonths(5)).monthStart();
    const bool low =
        months.lastKey() >= sixthMonth && months.last() < thresholds.sunsetRevenuePerMonth;
    if (!low)
        return {};
    return KpiRules::tr("partner revenue was %1 in %2, under %3 a month six months "
                        "after the pilot started")
        .arg(money(months.last()), locale.toString(months.lastKey(), u"MMMM yyyy"_s),
             money(thresholds.sunsetRevenuePerMonth));
}

// Per complete quarter before today (by its first day): how many KPIs with a target and
// values in it missed the target on the quarter's average, and how many were measured.
QMap<QDate, QPair<int, int>> quarterResults(const PartnershipKpis &partnership, const QDate &today)
{
    QMap<QDate, QPair<int, int>> quarters; // start → (missed, measured)
    for (const KpiSeries &series : partnership.kpis) {
        if (!series.definition.target)
            continue;
        QMap<QDate, QPair<double, int>> perQuarter;
        for (const KpiValue &value : series.values) {
            auto &slot = perQuarter[quarterStart(value.period.date())];
            slot.first += value.value;
            slot.second += 1;
        }
        for (auto it = perQuarter.cbegin(); it != perQuarter.cend(); ++it) {
            if (it.key().addMonths(3) > today)
                continue;
            const double mean = it.value().first / it.value().second;
            auto &quarter = quarters[it.key()];
            quarter.second += 1;
            if (!meets(mean, *series.definition.target, series.definition.direction))
                quarter.first += 1;
        }
    }
    return quarters;
}

// A sunset reason: most targets missed in each of the last two complete quarters, back
// to back. Empty when there is no such reason.
QString missedQuartersReason(const PartnershipKpis &partnership, const QDate &today)
{
    const QMap<QDate, QPair<int, int>> quarters = quarterResults(partnership, today);
    if (quarters.size() < 2)
        return {};
    const auto last = std::prev(quarters.cend());
    const auto before = std::prev(last);
    const auto missed = [](const QPair<int, int> &q) {
        return q.first * 2 > q.second;
    };
    if (before.key().addMonths(3) != last.key() || !missed(before.value()) || !missed(last.value()))
        return {};
    const auto name = [](const QDate &q) {
        return u"%1 Q%2"_s.arg(q.year()).arg((q.month() - 1) / 3 + 1);
    };
    return KpiRules::tr("most targets were missed in %1 and %2")
        .arg(name(before.key()), name(last.key()));
}

// kpi.sunset_candidate: little revenue six months in, or two missed quarters in a row.
void checkSunset(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                 const QDate &today, Findings &findings)
{
    QStringList reasons;
    if (const QString reason = lowRevenueReason(partnership, thresholds, today); !reason.isEmpty())
        reasons.append(reason);
    if (const QString reason = missedQuartersReason(partnership, today); !reason.isEmpty())
        reasons.append(reason);
    if (reasons.isEmpty())
        return;
    findings.append(signal(partnership, u"kpi.sunset_candidate"_s, partnership.partner,
                           KpiRules::tr("%1 is a candidate for sunset: %2.")
                               .arg(partnership.partner, reasons.join(u"; "))));
}
} // namespace

Findings KpiRules::check(const PartnershipKpis &partnership, const KpiThresholds &thresholds,
                         const QDate &today)
{
    Findings findings;
    // An ended partnership is over: its figures are history, not signals to act on.
    if (partnership.stage == Stage::Ended)
        return findings;
    checkCount(partnership, findings);
    checkOffTrack(partnership, thresholds, findings);
    checkReviewOverdue(partnership, today, findings);
    checkNoData(partnership, today, findings);
    checkFlatDeals(partnership, thresholds, today, findings);
    checkSunset(partnership, thresholds, today, findings);
    return findings;
}

} // namespace pb::domain
