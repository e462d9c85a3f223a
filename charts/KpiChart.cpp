#include "KpiChart.h"

#include "ChartFrame.h"
#include "io/KpiStatusLook.h"
#include "io/SafeFile.h"

#include <QFileInfo>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::io::KpiStatusLook;
using pb::io::kpiStatusLook;

namespace pb::charts {

namespace {

QCPScatterStyle scatterFor(KpiStatus status, double size)
{
    const KpiStatusLook look = kpiStatusLook(status);
    QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssDisc;
    switch (look.shape) {
    case KpiStatusLook::Shape::Triangle:
        shape = QCPScatterStyle::ssTriangle;
        break;
    case KpiStatusLook::Shape::Square:
        shape = QCPScatterStyle::ssSquare;
        break;
    case KpiStatusLook::Shape::Circle:
    case KpiStatusLook::Shape::None:
        break;
    }
    return QCPScatterStyle(shape, QPen(look.color.darker(115)), QBrush(look.color), size);
}

// A horizontal reference line (target, baseline) far enough either side to survive panning.
QCPGraph *addLevel(QCustomPlot *plot, const QString &name, double level, const QCPRange &keys,
                   const QPen &pen)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    const double reach = 5 * 365 * kDay;
    graph->setData({keys.lower - reach, keys.upper + reach}, {level, level}, true);
    graph->setPen(pen);
    return graph;
}

// The subtitle: the target and its direction, and where the latest value stands.
QString kpiFacts(const KpiSeries &series, const KpiThresholds &thresholds, const QString &currency)
{
    const KpiDefinition &kpi = series.definition;
    const QLocale locale;
    const auto format = [&](double value) {
        return formatKpiValue(value, kpi.unit, currency, locale);
    };
    QStringList facts;
    if (kpi.target)
        facts << tr("target %1 (%2)")
                     .arg(format(*kpi.target), kpiDirectionDisplayName(kpi.direction).toLower());
    else
        facts << tr("no target set");
    const KpiState state = KpiRules::state(series, thresholds);
    if (state.latest) {
        QString latest = tr("latest %1").arg(format(state.latest->value));
        if (state.status != KpiStatus::NoData && state.status != KpiStatus::NoTarget)
            latest += tr(", %1").arg(kpiStatusDisplayName(state.status).toLower());
        if (state.trend != KpiTrend::None)
            latest += tr(", trend %1").arg(kpiTrendDisplayName(state.trend).toLower());
        facts << latest;
    }
    return facts.join(u"  ·  "_s);
}

// A hovered point reads "Referrals / March 2026: 12 (on track)"; a reference line, its
// name and level.
KpiChartView::HoverText kpiHoverText(const KpiSeries &series, const QString &name,
                                     const QString &currency)
{
    const bool monthly = std::all_of(series.values.cbegin(), series.values.cend(),
                                     [](const KpiValue &v) { return v.period.isMonth(); });
    const KpiUnit unit = series.definition.unit;
    const QString targetName = tr("Target");
    const QString baselineName = tr("Baseline");
    return [=](const QString &graph, double key, double value) {
        const QString amount = formatKpiValue(value, unit, currency, QLocale());
        if (graph == targetName || graph == baselineName)
            return tr("%1: %2").arg(graph, amount);
        const QDate date = dateOf(key);
        const QString when = monthly ? QLocale().toString(date, u"MMMM yyyy"_s)
                                     : QLocale().toString(date, QLocale::ShortFormat);
        return tr("%1\n%2: %3").arg(name, when, amount) +
               (graph == tr("Actual") ? QString() : tr(" (%1)").arg(graph.toLower()));
    };
}

// No values yet: the last six months, the target if there is one, and what to do.
void showNoValues(const ChartFrame &frame, const KpiDefinition &kpi)
{
    QCustomPlot *plot = frame.plot;
    const QDate today = QDate::currentDate();
    plot->xAxis->setRange(keyOf(today.addMonths(-6)), keyOf(today.addDays(15)));
    const double top = kpi.target ? std::abs(*kpi.target) * 1.5 : 1.0;
    plot->yAxis->setRange(0, top > 0 ? top : 1.0);
    if (kpi.target)
        addLevel(plot, tr("Target"), *kpi.target, plot->xAxis->range(),
                 QPen(kInk, 1.5, Qt::DashLine));
    frame.showEmptyText(kpi.name.isEmpty()
                            ? tr("No KPIs yet for this partnership.")
                            : tr("No values yet.\nType them in the grid or import a CSV file."));
    frame.rememberHome();
}

struct Marks
{
    QVector<double> keys, values;
};

// The values as chart points; each also filed under its status (against the target), so
// that each status is a legend entry with its shape and colour; and the span of values.
struct KpiPoints
{
    QVector<double> keys, values;
    QMap<KpiStatus, Marks> marks;
    double low = 0, high = 0;

    void include(double value)
    {
        low = std::min(low, value);
        high = std::max(high, value);
    }
};

KpiPoints collectPoints(const KpiSeries &series, const KpiThresholds &thresholds)
{
    const KpiDefinition &kpi = series.definition;
    KpiPoints points;
    points.keys.reserve(series.values.size());
    points.values.reserve(series.values.size());
    points.low = points.high = series.values.first().value;
    for (const KpiValue &value : series.values) {
        const double key = keyOf(value.period.date());
        points.keys.append(key);
        points.values.append(value.value);
        points.include(value.value);
        if (kpi.target) {
            Marks &bucket = points.marks[KpiRules::status(value.value, kpi.target, kpi.direction,
                                                          thresholds.atRiskPercent)];
            bucket.keys.append(key);
            bucket.values.append(value.value);
        }
    }
    return points;
}

// The actual values as a line; with dots when there is no target to mark them by status.
void addActualLine(QCustomPlot *plot, const KpiPoints &points, bool hasTarget, bool dense)
{
    QCPGraph *actual = plot->addGraph();
    actual->setName(tr("Actual"));
    actual->setData(points.keys, points.values, true);
    actual->setPen(QPen(kInk, dense ? 1 : 2));
    actual->setAdaptiveSampling(true);
    if (!hasTarget)
        actual->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(kInk), QBrush(kInk), dense ? 4 : 7));
}

void addStatusMarkers(QCustomPlot *plot, const KpiPoints &points, bool dense)
{
    for (KpiStatus status : {KpiStatus::OnTrack, KpiStatus::AtRisk, KpiStatus::OffTrack}) {
        const auto it = points.marks.constFind(status);
        if (it == points.marks.cend())
            continue;
        QCPGraph *graph = plot->addGraph();
        graph->setName(kpiStatusDisplayName(status));
        graph->setData(it->keys, it->values, true);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(scatterFor(status, dense ? 5 : 9));
        graph->setAdaptiveSampling(true);
    }
}

// Amounts start at zero so small changes do not look dramatic; days and scores zoom in.
void setValueRange(QCustomPlot *plot, KpiUnit unit, double low, double high)
{
    const bool fromZero = unit != KpiUnit::Days && unit != KpiUnit::Score && low >= 0;
    if (fromZero)
        low = 0;
    double pad = (high - low) * 0.08;
    if (pad <= 0)
        pad = std::max(1.0, std::abs(high) * 0.1);
    plot->yAxis->setRange(fromZero ? 0 : low - pad, high + pad);
}

} // namespace

void buildKpiChart(QCustomPlot *plot, const KpiSeries &series, const KpiThresholds &thresholds,
                   const QString &currency, const QString &partner)
{
    const ChartFrame frame = ChartFrame::prepare(plot);
    const KpiDefinition &kpi = series.definition;
    const QString name = kpi.name.isEmpty() ? tr("KPI") : kpi.name;
    frame.title->setText(partner.isEmpty() ? name : tr("%1 — %2").arg(partner, name));
    frame.setValueAxis(kpi.unit, kpiUnitLabel(kpi.unit, currency));
    frame.subtitle->setText(kpiFacts(series, thresholds, currency));
    frame.setHoverText(kpiHoverText(series, name, currency));
    if (series.values.isEmpty()) {
        showNoValues(frame, kpi);
        return;
    }

    KpiPoints points = collectPoints(series, thresholds);
    const bool dense = points.keys.size() > 150;
    const QCPRange xRange = keyRange(points.keys.first(), points.keys.last());
    addActualLine(plot, points, kpi.target.has_value(), dense);
    if (kpi.target) {
        addLevel(plot, tr("Target"), *kpi.target, xRange, QPen(kInk, 1.5, Qt::DashLine));
        points.include(*kpi.target);
    }
    if (kpi.baseline) {
        addLevel(plot, tr("Baseline"), *kpi.baseline, xRange, QPen(kMuted, 1.5, Qt::DotLine));
        points.include(*kpi.baseline);
    }
    addStatusMarkers(plot, points, dense);
    plot->xAxis->setRange(xRange);
    setValueRange(plot, kpi.unit, points.low, points.high);
    frame.rememberHome();
}

QString exportChart(QCustomPlot *plot, const QString &path, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    width = width > 0 ? width : plot->width();
    height = height > 0 ? height : plot->height();
    if (suffix == u"png"_s) {
        const QPixmap pixmap = plot->toPixmap(width, height);
        if (pixmap.isNull())
            return tr("The chart could not be drawn at %1 × %2.").arg(width).arg(height);
        return io::SafeFile::write(
            path, [&pixmap](QIODevice *device) { return pixmap.save(device, "PNG"); });
    }
    if (suffix == u"pdf"_s) {
        auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0));
        return io::SafeFile::write(path, [&](QIODevice *device) {
            QPdfWriter writer(device);
            writer.setCreator(u"Playbook Workbench"_s);
            if (title)
                writer.setTitle(title->text());
            writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(72);
            QCPPainter painter(&writer);
            if (!painter.isActive())
                return false;
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            plot->toPainter(&painter, width, height);
            return painter.end();
        });
    }
    return tr("\"%1\": a chart is saved as PNG or PDF; choose a name ending in .png or .pdf.")
        .arg(QDir::toNativeSeparators(path));
}

QImage chartImage(QCustomPlot *plot, const QSize &size)
{
    // Three times the size: sharp in print at half a landscape page. (A QPicture replayed on
    // the PDF writer is scaled by the writer's resolution: a tick label filled the page.)
    return plot->toPixmap(size.width(), size.height(), 3.0).toImage();
}

QString saveKpiChart(const KpiSeries &series, const KpiThresholds &thresholds,
                     const QString &partner, const QString &path, const QSize &size)
{
    QCustomPlot plot;
    plot.resize(size);
    buildKpiChart(&plot, series, thresholds, thresholds.currency, partner);
    plot.replot();
    return exportChart(&plot, path, size.width(), size.height());
}

} // namespace pb::charts
