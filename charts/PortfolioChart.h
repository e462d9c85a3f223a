#pragma once

#include "domain/PartnershipKpis.h"

class QCustomPlot;

namespace pb::charts {

// Partner-sourced revenue per month, stacked by partner, with the share of the two
// largest partners over the last twelve months (portfolio.concentration) in the subtitle.
// The KPIs area shows it in its second chart tab. The caller replots.
void buildPortfolioChart(QCustomPlot *plot, const QList<domain::PartnershipKpis> &partnerships,
                         const QString &currency);

} // namespace pb::charts
