#include "Pnl.h"

#include "KpiRules.h"

#include <QLocale>
#include <QMap>

#include <numeric>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

QDate monthOf(const QDate &date)
{
    return QDate(date.year(), date.month(), 1);
}

QDate quarterOf(const QDate &date)
{
    return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
}

// The months from first to last, inclusive.
QList<QDate> monthsBetween(const QDate &first, const QDate &last)
{
    QList<QDate> months;
    for (QDate month = monthOf(first); month <= last; month = month.addMonths(1))
        months.append(month);
    return months;
}

QMap<QDate, double> monthlyOf(const PartnershipKpis &tracker, KpiMetric metric)
{
    const KpiSeries *series = KpiRules::seriesFor(tracker, metric);
    return series ? KpiRules::monthly(*series) : QMap<QDate, double>();
}

} // namespace

QString costCategoryId(CostCategory category)
{
    switch (category) {
    case CostCategory::Time:
        return u"time"_s;
    case CostCategory::Tools:
        return u"tools"_s;
    case CostCategory::Commissions:
        return u"commissions"_s;
    case CostCategory::Support:
        return u"support"_s;
    }
    return {};
}

std::optional<CostCategory> costCategoryFromId(const QString &text)
{
    for (int i = 0; i < kCostCategoryCount; ++i) {
        if (text.trimmed().compare(costCategoryId(CostCategory(i)), Qt::CaseInsensitive) == 0)
            return CostCategory(i);
    }
    return std::nullopt;
}

QString costCategoryDisplayName(CostCategory category)
{
    switch (category) {
    case CostCategory::Time:
        return Pnl::tr("Time");
    case CostCategory::Tools:
        return Pnl::tr("Tools");
    case CostCategory::Commissions:
        return Pnl::tr("Commissions");
    case CostCategory::Support:
        return Pnl::tr("Support");
    }
    return {};
}

double PnlMonth::totalCosts() const
{
    return std::accumulate(costs.cbegin(), costs.cend(), 0.0);
}

std::optional<double> Pnl::derivedCommission(double revenue, std::optional<double> deals,
                                             const PnlTerms &terms)
{
    if (terms.revSharePercent)
        return revenue * *terms.revSharePercent / 100.0;
    if (terms.resellerMarginPercent)
        return revenue * *terms.resellerMarginPercent / 100.0;
    if (terms.referralFee && deals)
        return *terms.referralFee * *deals;
    return std::nullopt;
}

PartnershipPnl Pnl::compute(const PartnershipKpis &tracker, const QList<CostEntry> &costs,
                            const PnlTerms &terms, const QDate &today)
{
    PartnershipPnl pnl;
    pnl.partner = tracker.partner;
    const QMap<QDate, double> revenue = monthlyOf(tracker, KpiMetric::PartnerRevenue);
    const QMap<QDate, double> deals = monthlyOf(tracker, KpiMetric::Referrals);
    QDate first = tracker.pilot.start.isValid() ? monthOf(tracker.pilot.start) : QDate();
    for (const CostEntry &cost : costs)
        first = first.isValid() ? std::min(first, monthOf(cost.month)) : monthOf(cost.month);
    if (!revenue.isEmpty())
        first = first.isValid() ? std::min(first, revenue.firstKey()) : revenue.firstKey();
    if (!first.isValid())
        return pnl;
    QMap<QDate, PnlMonth> byMonth;
    for (const QDate &month : monthsBetween(first, monthOf(today)))
        byMonth.insert(month, PnlMonth{month, revenue.value(month), {}, false, 0, 0});
    QMap<QDate, bool> typedCommission;
    for (const CostEntry &cost : costs) {
        auto month = byMonth.find(monthOf(cost.month));
        if (month == byMonth.end())
            continue;
        const bool time = cost.category == CostCategory::Time;
        month->costs[size_t(cost.category)] += time ? cost.amount * terms.hourlyRate : cost.amount;
        if (cost.category == CostCategory::Commissions)
            typedCommission[month.key()] = true;
    }
    for (PnlMonth &month : byMonth) {
        if (typedCommission.value(month.month))
            continue;
        const auto dealCount = deals.contains(month.month)
                                   ? std::optional<double>(deals.value(month.month))
                                   : std::nullopt;
        if (const auto commission = derivedCommission(month.revenue, dealCount, terms)) {
            month.costs[size_t(CostCategory::Commissions)] = *commission;
            month.commissionsDerived = true;
        }
    }
    pnl.months = byMonth.values();
    finish(pnl, today);
    return pnl;
}

PartnershipPnl Pnl::total(const QList<PartnershipPnl> &partnerships, const QDate &today)
{
    PartnershipPnl sum;
    sum.partner = tr("Programme");
    QMap<QDate, PnlMonth> byMonth;
    for (const PartnershipPnl &pnl : partnerships) {
        for (const PnlMonth &month : pnl.months) {
            PnlMonth &into = byMonth[month.month];
            into.month = month.month;
            into.revenue += month.revenue;
            for (size_t c = 0; c < into.costs.size(); ++c)
                into.costs[c] += month.costs[c];
        }
    }
    sum.months = byMonth.values();
    finish(sum, today);
    return sum;
}

// Net and cumulative per month, the totals, break-even, cost of acquisition, last quarter.
void Pnl::finish(PartnershipPnl &pnl, const QDate &today)
{
    double cumulative = 0;
    int lastNegative = -1;
    for (int i = 0; i < pnl.months.size(); ++i) {
        PnlMonth &month = pnl.months[i];
        month.net = month.revenue - month.totalCosts();
        cumulative += month.net;
        month.cumulative = cumulative;
        if (cumulative < 0)
            lastNegative = i;
    }
    pnl.totalNet = cumulative;
    // Break-even: the month from which the cumulative net stays at or above zero, once it
    // has been below (a partnership that never cost more than it earned breaks even at once).
    const int breakEven = lastNegative + 1;
    if (!pnl.months.isEmpty() && breakEven < pnl.months.size() &&
        pnl.months.at(breakEven).revenue > 0)
        pnl.breakEvenMonth = pnl.months.at(breakEven).month;
    double acquisition = 0;
    double arr = 0;
    const QDate yearAgo = monthOf(today).addMonths(-12);
    pnl.lastQuarter = quarterOf(today).addMonths(-3);
    bool inQuarter = false;
    double quarterNet = 0;
    for (const PnlMonth &month : std::as_const(pnl.months)) {
        acquisition +=
            month.costs[size_t(CostCategory::Time)] + month.costs[size_t(CostCategory::Support)];
        if (month.month >= yearAgo && month.month < monthOf(today))
            arr += month.revenue;
        if (quarterOf(month.month) == pnl.lastQuarter) {
            inQuarter = true;
            quarterNet += month.net;
        }
    }
    if (arr > 0)
        pnl.costOfAcquisition = acquisition / arr;
    if (inQuarter)
        pnl.lastQuarterNet = quarterNet;
}

Findings Pnl::check(const PartnershipPnl &pnl, const QString &currency)
{
    if (!pnl.lastQuarterNet || *pnl.lastQuarterNet >= 0)
        return {};
    Finding finding;
    finding.code = u"pnl.negative"_s;
    finding.subject = pnl.partner;
    finding.partner = pnl.partner;
    finding.message = tr("%1 lost %2 in the quarter from %3: renegotiate, change the model, or "
                         "exit.")
                          .arg(pnl.partner)
                          .arg(formatKpiValue(-*pnl.lastQuarterNet, KpiUnit::Currency,
                                              currency, QLocale()))
                          .arg(pnl.lastQuarter.toString(u"MMMM yyyy"_s));
    return {finding};
}

} // namespace pb::domain
