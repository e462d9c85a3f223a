#include "BandGauge.h"

#include "io/KpiStatusLook.h"

#include <QPainter>

#include <cmath>

using namespace pb::domain;

namespace pb::ui {

BandGauge::BandGauge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BandGauge::setBenchmark(const Benchmark &benchmark)
{
    m_benchmark = benchmark;
    setAccessibleName(benchmark.name);
    update();
}

double BandGauge::scaleMaximum() const
{
    double top = 10;
    if (m_benchmark.high)
        top = std::max(top, *m_benchmark.high * 1.6);
    else if (m_benchmark.low)
        top = std::max(top, std::min(100.0, *m_benchmark.low * 1.43));
    if (m_benchmark.value)
        top = std::max(top, *m_benchmark.value * 1.1);
    return std::ceil(top / 10) * 10;
}

QSize BandGauge::sizeHint() const
{
    return {160, fontMetrics().height() + 6};
}

QSize BandGauge::minimumSizeHint() const
{
    return {80, fontMetrics().height() + 6};
}

void BandGauge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const double top = scaleMaximum();
    const QRectF track(4, height() / 2.0 - 3, width() - 8, 6);
    const auto x = [&](double value) {
        return track.left() + std::clamp(value / top, 0.0, 1.0) * track.width();
    };
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xe4, 0xe4, 0xe4));
    painter.drawRoundedRect(track, 3, 3);
    // The healthy band.
    const double from = m_benchmark.low.value_or(0);
    const double to = m_benchmark.high.value_or(top);
    QColor band = io::kpiStatusLook(KpiStatus::OnTrack).color;
    band.setAlpha(110);
    painter.setBrush(band);
    painter.drawRect(QRectF(QPointF(x(from), track.top()), QPointF(x(to), track.bottom())));
    if (!m_benchmark.value) {
        painter.setPen(QPen(palette().color(QPalette::PlaceholderText), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(track, 3, 3);
        return;
    }
    const bool healthy = m_benchmark.status == BenchmarkStatus::Healthy;
    const double size = height() - 4;
    const QRectF marker(x(*m_benchmark.value) - size / 2, 2, size, size);
    io::paintKpiStatusMarker(&painter, marker, healthy ? KpiStatus::OnTrack : KpiStatus::AtRisk);
}

} // namespace pb::ui
