#pragma once

// Inside the charts library only: what the KPI chart and the portfolio chart share.
#include "KpiChartView.h"

#include "domain/Kpi.h"

#include <qcustomplot.h>

namespace pb::charts {

// The charts' strings, in one translation context.
QString tr(const char *text);

// Time runs along the x axis as QCustomPlot keys: seconds since the epoch, UTC.
constexpr double kDay = 86400;
double keyOf(const QDate &date);
QDate dateOf(double key);
// The keys from first to last with a margin either side, so that end points are not cut.
QCPRange keyRange(double first, double last);

// Text and axis colours; the status colours come from io::KpiStatusLook.
inline const QColor kInk(0x33, 0x33, 0x33);
inline const QColor kMuted(0x6e, 0x6e, 0x6e);

// A chart's frame: the plot emptied and laid out (title, subtitle, axes with calendar
// ticks, and the legend in a row of its own under the axes so that it never covers data),
// ready for a build function to fill in.
struct ChartFrame
{
    QCustomPlot *plot = nullptr;
    QCPTextElement *title = nullptr;
    QCPTextElement *subtitle = nullptr;

    // Empties the plot; lays it out the first time.
    static ChartFrame prepare(QCustomPlot *plot);
    // The value axis: ticks in the reader's locale by unit ("25k", "12 %"), and its label.
    void setValueAxis(domain::KpiUnit unit, const QString &label) const;
    // The same for another axis (a chart whose values run along the bottom).
    void setValueAxis(QCPAxis *axis, domain::KpiUnit unit, const QString &label) const;
    // A message in the middle of the plot (no data yet).
    void showEmptyText(const QString &text) const;
    // How hovering a point reads, and where double-click returns to: for a KpiChartView
    // only (a plain QCustomPlot, as `kpi chart` draws, has neither).
    void setHoverText(KpiChartView::HoverText text) const;
    void rememberHome() const;
};

} // namespace pb::charts
