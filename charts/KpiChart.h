#pragma once

#include "domain/KpiRules.h"

#include <qcustomplot.h>

#include <functional>

namespace pb::charts {

// A QCustomPlot for the KPI charts: drag to pan and wheel to zoom along time, double-click
// (or Home) to see everything again, arrow keys and +/- from the keyboard, and hovering a
// point shows its exact value. The chart content is built by the functions below, which
// also work on a plain QCustomPlot (playbook-cli's `kpi chart`).
class KpiChartView : public QCustomPlot
{
    Q_OBJECT
public:
    explicit KpiChartView(QWidget *parent = nullptr);

    // How a hovered point reads: the plottable's name, the key (seconds since the epoch,
    // UTC) and the value. Set by the build functions.
    using HoverText = std::function<QString(const QString &name, double key, double value)>;
    void setHoverText(HoverText text) { m_hoverText = std::move(text); }
    // The ranges double-click and Home return to; the build functions set them.
    void rememberHome();
    void resetView();
    // The text a hover at pos would show (empty when no point is near); for tests.
    QString hoverTextAt(const QPointF &pos);

    QSize sizeHint() const override { return {640, 320}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    HoverText m_hoverText;
    QCPRange m_homeX, m_homeY;
};

// The chart of one KPI: actual values over time, the target as a dashed line, the
// baseline as a dotted one, each point marked by its status with a shape and a colour (the
// legend names them), dates along the bottom and the unit up the side. Without values it
// says so in the middle of the chart. The caller replots.
void buildKpiChart(QCustomPlot *plot, const domain::KpiSeries &series,
                   const domain::KpiThresholds &thresholds, const QString &currency,
                   const QString &partner = {});

// Partner-sourced revenue per month, stacked by partner, with the share of the two
// largest partners over the last twelve months (portfolio.concentration).
void buildPortfolioChart(QCustomPlot *plot, const QList<domain::PartnershipKpis> &partnerships,
                         const QString &currency);

// Writes the chart as PNG or PDF (by the file's suffix) at width × height pixels (points
// for PDF), through SafeFile: a failed export leaves no file. Returns an error message, or
// an empty string on success.
QString exportChart(QCustomPlot *plot, const QString &path, int width, int height);

// The chart of one KPI drawn off screen and saved as exportChart does: what
// `playbook-cli kpi chart` writes. Needs a QApplication (the offscreen platform will do).
QString saveKpiChart(const domain::KpiSeries &series, const domain::KpiThresholds &thresholds,
                     const QString &partner, const QString &path, const QSize &size);

} // namespace pb::charts
