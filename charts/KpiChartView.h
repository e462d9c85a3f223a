#pragma once

#include <qcustomplot.h>

#include <functional>

namespace pb::charts {

// A QCustomPlot for the KPI charts: drag to pan and wheel to zoom along time, double-click
// (or Home) to see everything again, arrow keys and +/- from the keyboard, and hovering a
// point shows its exact value. The chart content is built by buildKpiChart and
// buildPortfolioChart, which also work on a plain QCustomPlot (playbook-cli's `kpi chart`).
// The KPIs area shows two of them (ui/kpi/KpiChartTabs).
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

} // namespace pb::charts
