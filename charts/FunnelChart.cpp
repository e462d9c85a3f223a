#include "FunnelChart.h"

#include "ChartFrame.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::charts {

namespace {

// Colour-blind-safe (Okabe–Ito) per structure; a structure not named is grey.
QColor structureColour(Structure structure)
{
    switch (structure) {
    case Structure::Unset:
        return QColor(0xbb, 0xbb, 0xbb);
    case Structure::Referral:
        return QColor(0x00, 0x72, 0xb2);
    case Structure::Reseller:
        return QColor(0xe6, 0x9f, 0x00);
    case Structure::Integration:
        return QColor(0x00, 0x9e, 0x73);
    case Structure::CoMarketing:
        return QColor(0xcc, 0x79, 0xa7);
    case Structure::JointVenture:
        return QColor(0x56, 0xb4, 0xe9);
    }
    return kMuted;
}

QString structureName(Structure structure)
{
    return structure == Structure::Unset ? tr("structure not named") : structureId(structure);
}

QString stageName(Stage stage)
{
    QString id = stageId(stage);
    id[0] = id[0].toUpper();
    return id;
}

// One bar series per structure, stacked in the structures' order; stage s at key s + 1.
void addStackedBars(QCustomPlot *plot, const item::ProgrammeData &data)
{
    QCPBars *below = nullptr;
    for (int s = 0; s < kStructureCount; ++s) {
        if (data.structures[size_t(s)] == 0)
            continue;
        auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
        bars->setName(structureName(Structure(s)));
        bars->setWidth(0.62);
        bars->setBrush(structureColour(Structure(s)));
        bars->setPen(QPen(Qt::white, 0.5));
        bars->setStackingGap(0);
        QVector<double> keys, values;
        for (int stage = 0; stage < kStageCount; ++stage) {
            keys.append(stage + 1);
            values.append(data.mix[size_t(stage)][size_t(s)]);
        }
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
    }
}

// The practice's range per stage as a dashed frame, and each bar's count at its end.
double addPracticeAndCounts(QCustomPlot *plot, const item::ProgrammeData &data)
{
    double right = 1;
    for (int stage = 0; stage < kStageCount; ++stage) {
        const int count = data.stages[size_t(stage)];
        right = std::max(right, double(count));
        if (const auto range = Funnel::practiceRange(Stage(stage))) {
            auto *frame = new QCPItemRect(plot);
            frame->topLeft->setCoords(range->first, stage + 1 - 0.42);
            frame->bottomRight->setCoords(range->second, stage + 1 + 0.42);
            frame->setPen(QPen(kInk, 1.2, Qt::DashLine));
            frame->setBrush(Qt::NoBrush);
            right = std::max(right, double(range->second));
        }
        auto *label = new QCPItemText(plot);
        label->position->setCoords(count, stage + 1);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(4, 0, 0, 0));
        label->setText(QString::number(count));
        label->setColor(kInk);
    }
    // The frame's name in the legend: a line with its pen and no data.
    QCPGraph *legend = plot->addGraph(plot->yAxis, plot->xAxis);
    legend->setName(tr("the practice's count"));
    legend->setPen(QPen(kInk, 1.2, Qt::DashLine));
    return right;
}

QString longListText(const item::ProgrammeData &data)
{
    QStringList parts;
    for (int s = 0; s < kStructureCount; ++s) {
        if (const int count = data.structures[size_t(s)])
            parts << tr("%1 %2").arg(count).arg(
                s == int(Structure::Unset) ? tr("unnamed") : structureName(Structure(s)));
    }
    // Two lines: the mix is too wide for one beside the P&L at 1366 pixels.
    return tr("Long list of %1 (the practice: about 30, ten per structure)\n%2")
        .arg(data.candidateCount())
        .arg(parts.join(u"  ·  "_s));
}

KpiChartView::HoverText funnelHoverText()
{
    return [](const QString &structure, double key, double value) {
        const int stage = qRound(key) - 1;
        if (stage < 0 || stage >= kStageCount)
            return QString();
        return tr("%1, %2: %3\nthe practice: %4")
            .arg(stageName(Stage(stage)), structure)
            .arg(value)
            .arg(Funnel::practiceShape(Stage(stage)).isEmpty()
                     ? tr("no count")
                     : Funnel::practiceShape(Stage(stage)));
    };
}

} // namespace

void buildFunnelChart(QCustomPlot *plot, const item::ProgrammeData &data)
{
    const ChartFrame frame = ChartFrame::prepare(plot);
    frame.title->setText(tr("The funnel against the practice"));
    frame.setValueAxis(plot->xAxis, KpiUnit::Count, tr("candidates"));
    auto stages = QSharedPointer<QCPAxisTickerText>::create();
    for (int stage = 0; stage < kStageCount; ++stage)
        stages->addTick(stage + 1, stageName(Stage(stage)));
    plot->yAxis->setTicker(stages);
    plot->yAxis->setLabel({});
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->grid()->setVisible(true);
    frame.setHoverText(funnelHoverText());
    plot->yAxis->setRange(0.4, kStageCount + 0.6);
    if (data.candidateCount() == 0) {
        frame.subtitle->setText(tr("No candidates yet"));
        plot->xAxis->setRange(0, 35);
        frame.showEmptyText(tr("No candidates yet.\nAdd the long list in the Candidates area."));
        frame.rememberHome();
        return;
    }
    frame.subtitle->setText(longListText(data));
    // Eight entries (the structures and the practice's frame) in two rows.
    plot->legend->setWrap(4);
    addStackedBars(plot, data);
    const double right = addPracticeAndCounts(plot, data);
    plot->xAxis->setRange(0, right * 1.12 + 1);
    frame.rememberHome();
}

} // namespace pb::charts
