#pragma once

#include "item/ProgrammeData.h"

class QCustomPlot;

namespace pb::charts {

// The programme's funnel: a bar per stage, sourced at the top, each stacked by structure (the
// long list's mix, in the legend), the count at its end, and the practice's count for the
// stage as a dashed frame (about 30 sourced, the top ten qualified, three to five proposed,
// a few pilots); the subtitle sums up the long list by structure. Drawn by the Programme area
// and on its review page. The caller replots.
void buildFunnelChart(QCustomPlot *plot, const item::ProgrammeData &data);

} // namespace pb::charts
