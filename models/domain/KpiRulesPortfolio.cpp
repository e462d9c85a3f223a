// KpiRules across partnerships: partner revenue by partner and portfolio.concentration
// (DOMAIN.md section 5), apart from the per-partnership signals in KpiRules.cpp.
#include "KpiRules.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

KpiRules::Concentration KpiRules::concentration(const QList<PartnershipKpis> &partnerships,
                                                const QDate &today)
{
    Concentration result;
    const QDate thisMonth = today.isValid() ? QDate(today.year(), today.month(), 1) : QDate();
    QList<QPair<QString, QMap<QDate, double>>> revenues;
    for (const PartnershipKpis &partnership : partnerships) {
        if (const KpiSeries *revenue = seriesFor(partnership, KpiMetric::PartnerRevenue)) {
            QMap<QDate, double> months = monthly(*revenue);
            if (thisMonth.isValid()) // complete months only
                months.erase(months.lowerBound(thisMonth), months.end());
            if (!months.isEmpty()) {
                revenues.append({partnership.partner, months});
                if (!result.to.isValid() || months.lastKey() > result.to)
                    result.to = months.lastKey();
            }
        }
    }
    if (!result.to.isValid())
        return result;
    if (thisMonth.isValid())
        result.to = thisMonth.addMonths(-1);
    result.from = result.to.addMonths(-11);
    for (const auto &[partner, months] : std::as_const(revenues)) {
        double sum = 0;
        for (auto it = months.lowerBound(result.from); it != months.cend(); ++it)
            sum += it.value();
        result.revenueByPartner.append({partner, sum});
        result.total += sum;
        result.earning += sum > 0 ? 1 : 0;
    }
    std::stable_sort(result.revenueByPartner.begin(), result.revenueByPartner.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    double topTwo = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(2, result.revenueByPartner.size()); ++i)
        topTwo += result.revenueByPartner.at(i).second;
    result.topTwoShare = result.total > 0 ? topTwo / result.total : 0;
    return result;
}

Findings KpiRules::checkPortfolio(const QList<PartnershipKpis> &partnerships, const QDate &today)
{
    Findings findings;
    const Concentration share = concentration(partnerships, today);
    // One or two partners bringing most of the revenue is the risk itself, however few
    // partners earn: a programme with one earning partner is the clearest case.
    if (share.earning == 0 || share.topTwoShare < kConcentrationShare)
        return findings;
    const QString to = QLocale().toString(share.to, u"MMMM yyyy"_s);
    const QString first = share.revenueByPartner.at(0).first;
    Finding finding;
    finding.code = u"portfolio.concentration"_s;
    finding.subject = tr("Portfolio");
    if (share.earning == 1) {
        finding.message = tr("All partner revenue over the twelve months to %1 comes from %2, "
                             "the one partner that earns; losing it would stop the channel.")
                              .arg(to, first);
    } else {
        const double firstShare = share.revenueByPartner.at(0).second / share.total;
        const QString second = share.revenueByPartner.at(1).first;
        finding.message =
            share.earning == 2
                ? tr("Only two partners earn: %1 brings %2 % of partner revenue over the twelve "
                     "months to %3, %4 the rest; losing either would hurt.")
                      .arg(first)
                      .arg(std::round(firstShare * 100))
                      .arg(to, second)
                : tr("%1 and %2 bring %3 % of partner revenue over the twelve months to %4 "
                     "(%5 partners earn); losing either would hurt.")
                      .arg(first, second)
                      .arg(std::round(share.topTwoShare * 100))
                      .arg(to)
                      .arg(share.earning);
    }
    findings.append(finding);
    return findings;
}

} // namespace pb::domain
