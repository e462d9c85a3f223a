#pragma once

#include "domain/KpiRules.h"

#include <QImage>
#include <QSize>

class QCustomPlot;

namespace pb::charts {

// The chart of one KPI: actual values over time, the target as a dashed line, the
// baseline as a dotted one, each point marked by its status with a shape and a colour (the
// legend names them), dates along the bottom and the unit up the side. Without values it
// says so in the middle of the chart. The caller replots. Drawn in a KpiChartView by the
// KPIs area, and on a plain QCustomPlot by saveKpiChart.
void buildKpiChart(QCustomPlot *plot, const domain::KpiSeries &series,
                   const domain::KpiThresholds &thresholds, const QString &currency,
                   const QString &partner = {});

// Writes the chart as PNG or PDF (by the file's suffix) at width × height pixels (points
// for PDF), through SafeFile: a failed export leaves no file. Returns an error message, or
// an empty string on success.
QString exportChart(QCustomPlot *plot, const QString &path, int width, int height);

// The chart drawn at size (pixels) into an image of three times that size: the programme
// review PDF places it on its page.
QImage chartImage(QCustomPlot *plot, const QSize &size);

// The chart of one KPI drawn off screen and saved as exportChart does: what
// `playbook-cli kpi chart` writes. Needs a QApplication (the offscreen platform will do).
QString saveKpiChart(const domain::KpiSeries &series, const domain::KpiThresholds &thresholds,
                     const QString &partner, const QString &path, const QSize &size);

} // namespace pb::charts
