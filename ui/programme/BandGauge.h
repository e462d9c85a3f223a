#pragma once

#include "domain/ProgrammeHealth.h"

#include <QWidget>

namespace pb::ui {

// One health benchmark drawn against its band: a scale in percent with the healthy band
// shaded, and the programme's value as a marker — ● inside the band, ▲ outside it, in the
// KPI status looks (on track, at risk), so that colour is never the only cue. No value: the scale
// alone, dashed. BenchmarksPanel shows one per benchmark.
class BandGauge : public QWidget
{
    Q_OBJECT
public:
    explicit BandGauge(QWidget *parent = nullptr);

    void setBenchmark(const domain::Benchmark &benchmark);
    // The scale's end: the band and the value, with room.
    double scaleMaximum() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    domain::Benchmark m_benchmark;
};

} // namespace pb::ui
