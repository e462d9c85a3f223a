#pragma once

#include "domain/Pnl.h"

class QCustomPlot;

namespace pb::charts {

// A partnership's profit and loss by month, or the programme's: the month's net as a bar
// (profit and loss in two colours), the cumulative net as a line, the break-even month
// marked; the subtitle gives the net to date, the break-even month and the last complete
// quarter (in the off-track colour when it lost money: pnl.negative). Hovering a month reads
// its revenue, costs and net. Drawn by the Programme area and on its review page. The caller
// replots.
void buildPnlChart(QCustomPlot *plot, const domain::PartnershipPnl &pnl, const QString &currency);

} // namespace pb::charts
