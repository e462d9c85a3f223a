#include "KpiChart.h"

#include "io/KpiStatusLook.h"
#include "io/SafeFile.h"

#include <QFileInfo>
#include <QPdfWriter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::io::KpiStatusLook;
using pb::io::kpiStatusLook;

namespace pb::charts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pb::ui::KpiChart", text);
}

constexpr double kDay = 86400;
const QColor kInk(0x33, 0x33, 0x33);
const QColor kMuted(0x6e, 0x6e, 0x6e);

double keyOf(const QDate &date)
{
    return QCPAxisTickerDateTime::dateTimeToKey(date, Qt::UTC);
}

QDate dateOf(double key)
{
    return QCPAxisTickerDateTime::keyToDateTime(key).toUTC().date();
}

// Calendar ticks: the first of January every 1, 2, 5… years, the first of the month every
// 1, 2, 3 or 6 months, or days; labelled to match ("2024", "Mar 2026", "14 Mar"), so that
// a label never names a year or month the tick is not at.
class DateTicker : public QCPAxisTickerDateTime
{
public:
    DateTicker()
    {
        setDateTimeSpec(Qt::UTC);
        setTickCount(6);
    }

protected:
    double getTickStep(const QCPRange &range) override
    {
        const double perTick = range.size() / kDay / std::max(1, tickCount());
        const auto pick = [](double wanted, std::initializer_list<int> steps) {
            // A little under the wanted step is fine: ten years and a margin still tick
            // every two years, not every five.
            for (int step : steps) {
                if (step >= wanted * 0.8)
                    return step;
            }
            return *std::prev(steps.end());
        };
        if (perTick >= 300) {
            m_unit = Unit::Years;
            m_count = pick(perTick / 365.25, {1, 2, 5, 10, 20, 50, 100});
            return m_count * 365.25 * kDay;
        }
        if (perTick >= 25) {
            m_unit = Unit::Months;
            m_count = pick(perTick / 30.44, {1, 2, 3, 6});
            return m_count * 30.44 * kDay;
        }
        m_unit = Unit::Days;
        m_count = pick(perTick, {1, 2, 7, 14});
        return m_count * kDay;
    }
    int getSubTickCount(double) override { return 0; }
    QVector<double> createTickVector(double step, const QCPRange &range) override
    {
        if (m_unit == Unit::Days)
            return QCPAxisTicker::createTickVector(step, range);
        QVector<double> ticks;
        const QDate first = dateOf(range.lower);
        QDate date =
            m_unit == Unit::Years
                ? QDate(first.year() - ((first.year() % m_count) + m_count) % m_count, 1, 1)
                : QDate(first.year(), first.month() - (first.month() - 1) % m_count, 1);
        // One tick before the range and one after, as the base class does.
        for (int guard = 0; guard < 1000; ++guard) {
            const double key = keyOf(date);
            ticks.append(key);
            if (key > range.upper)
                break;
            date = m_unit == Unit::Years ? date.addYears(m_count) : date.addMonths(m_count);
        }
        return ticks;
    }
    QString getTickLabel(double tick, const QLocale &locale, QChar, int) override
    {
        const QDate date = dateOf(tick);
        switch (m_unit) {
        case Unit::Years:
            return locale.toString(date, u"yyyy"_s);
        case Unit::Months:
            return locale.toString(date, u"MMM yyyy"_s);
        case Unit::Days:
            break;
        }
        return locale.toString(date, u"d MMM"_s);
    }

private:
    enum class Unit { Years, Months, Days } m_unit = Unit::Months;
    int m_count = 1;
};

// Values in the reader's locale, large ones shortened ("25k", "1.2M"), percentages with %.
class ValueTicker : public QCPAxisTicker
{
public:
    explicit ValueTicker(KpiUnit unit)
        : m_unit(unit)
    {}

protected:
    double getTickStep(const QCPRange &range) override
    {
        const double step = QCPAxisTicker::getTickStep(range);
        // Deals and days come in whole numbers: no tick at 2.5 referrals.
        if (m_unit == KpiUnit::Count || m_unit == KpiUnit::Days)
            return std::max(1.0, std::ceil(step));
        return step;
    }
    QString getTickLabel(double tick, const QLocale &locale, QChar, int) override
    {
        const double magnitude = std::abs(tick);
        QString text;
        if (magnitude >= 1e6)
            text = locale.toString(tick / 1e6, 'g', 3) + u'M';
        else if (magnitude >= 1e4)
            text = locale.toString(tick / 1e3, 'g', 3) + u'k';
        else
            text = locale.toString(magnitude < 1e-9 ? 0.0 : tick, 'g', 6);
        return m_unit == KpiUnit::Percent ? text + u'%' : text;
    }

private:
    KpiUnit m_unit;
};

struct Frame
{
    QCPTextElement *title = nullptr;
    QCPTextElement *subtitle = nullptr;
};

// Empties the plot and, the first time, lays it out: title, subtitle, the axes, and the
// legend in a row of its own under the axes so that it never covers data.
Frame prepare(QCustomPlot *plot)
{
    plot->clearPlottables();
    plot->clearItems();
    auto *layout = plot->plotLayout();
    if (!plot->property("pbPrepared").toBool()) {
        plot->setProperty("pbPrepared", true);
        plot->setLocale(QLocale());
        plot->setNoAntialiasingOnDrag(true);
        plot->setBackground(Qt::white);

        QFont titleFont = plot->font();
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
        titleFont.setBold(true);
        layout->insertRow(0);
        layout->addElement(0, 0, new QCPTextElement(plot, QString(), titleFont));
        layout->insertRow(1);
        layout->addElement(1, 0, new QCPTextElement(plot, QString(), plot->font()));

        // The legend, centred under the axes between two stretching spacers.
        plot->legend->setVisible(true);
        plot->axisRect()->insetLayout()->take(plot->legend);
        auto *legendRow = new QCPLayoutGrid;
        layout->addElement(3, 0, legendRow);
        legendRow->addElement(0, 0, new QCPLayoutElement(plot));
        legendRow->addElement(0, 1, plot->legend);
        legendRow->addElement(0, 2, new QCPLayoutElement(plot));
        legendRow->setColumnStretchFactors({1, 0.001, 1});
        legendRow->setMargins({});
        plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
        plot->legend->setWrap(6);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setBrush(Qt::NoBrush);
        plot->legend->setMargins(QMargins(4, 0, 4, 2));
        plot->legend->setIconSize(18, 12);
        for (int row : {0, 1, 3})
            layout->setRowStretchFactor(row, 0.001);
        layout->setRowSpacing(2);

        for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
            axis->setBasePen(QPen(kMuted));
            axis->setTickPen(QPen(kMuted));
            axis->setSubTickPen(QPen(kMuted));
            axis->setTickLabelColor(kInk);
            axis->setLabelColor(kInk);
            axis->grid()->setPen(QPen(QColor(0xe2, 0xe2, 0xe2), 0, Qt::SolidLine));
        }
        plot->xAxis->setSubTicks(false);
        plot->xAxis->setTicker(QSharedPointer<DateTicker>::create());
    }
    Frame frame;
    frame.title = qobject_cast<QCPTextElement *>(layout->element(0, 0));
    frame.subtitle = qobject_cast<QCPTextElement *>(layout->element(1, 0));
    frame.title->setTextColor(kInk);
    frame.subtitle->setTextColor(kMuted);
    return frame;
}

void showEmptyText(QCustomPlot *plot, const QString &text)
{
    auto *item = new QCPItemText(plot);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.5);
    item->setText(text);
    item->setColor(kMuted);
    item->setTextAlignment(Qt::AlignCenter);
}

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

QCPRange keyRange(double first, double last)
{
    const double pad = std::max((last - first) * 0.03, 20 * kDay);
    return {first - pad, last + pad};
}

} // namespace

KpiChartView::KpiChartView(QWidget *parent)
    : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleDescription(tr("Drag or use the arrow keys to move along time, the wheel or "
                                "+ and - to zoom, double-click or Home to see everything."));
}

void KpiChartView::rememberHome()
{
    m_homeX = xAxis->range();
    m_homeY = yAxis->range();
}

void KpiChartView::resetView()
{
    xAxis->setRange(m_homeX);
    yAxis->setRange(m_homeY);
    replot(rpQueuedReplot);
}

QString KpiChartView::hoverTextAt(const QPointF &pos)
{
    if (!m_hoverText)
        return {};
    double best = selectionTolerance();
    QString text;
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable *candidate = plottable(i);
        QCPPlottableInterface1D *data = candidate->interface1D();
        if (!candidate->visible() || !data)
            continue;
        QVariant details;
        const double distance = candidate->selectTest(pos, false, &details);
        // Later plottables win ties: the status markers lie on the actual line.
        if (distance < 0 || distance > best)
            continue;
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        const int index = selection.dataRange(0).begin();
        best = distance;
        text = m_hoverText(candidate->name(), data->dataMainKey(index), data->dataMainValue(index));
    }
    return text;
}

void KpiChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void KpiChartView::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    const QString text = hoverTextAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void KpiChartView::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}

void KpiChartView::keyPressEvent(QKeyEvent *event)
{
    const QCPRange range = xAxis->range();
    switch (event->key()) {
    case Qt::Key_Left:
        xAxis->moveRange(-range.size() * 0.1);
        break;
    case Qt::Key_Right:
        xAxis->moveRange(range.size() * 0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        xAxis->scaleRange(0.8, range.center());
        break;
    case Qt::Key_Minus:
        xAxis->scaleRange(1.25, range.center());
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        resetView();
        return;
    default:
        QCustomPlot::keyPressEvent(event);
        return;
    }
    replot(rpQueuedReplot);
}

void buildKpiChart(QCustomPlot *plot, const KpiSeries &series, const KpiThresholds &thresholds,
                   const QString &currency, const QString &partner)
{
    const Frame frame = prepare(plot);
    const KpiDefinition &kpi = series.definition;
    const QLocale locale;
    const auto format = [&](double value) {
        return formatKpiValue(value, kpi.unit, currency, locale);
    };
    const QString name = kpi.name.isEmpty() ? tr("KPI") : kpi.name;
    frame.title->setText(partner.isEmpty() ? name : tr("%1 — %2").arg(partner, name));

    plot->yAxis->setTicker(QSharedPointer<ValueTicker>::create(kpi.unit));
    plot->yAxis->setLabel(kpiUnitLabel(kpi.unit, currency));

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
    frame.subtitle->setText(facts.join(u"  ·  "_s));

    const bool monthly = std::all_of(series.values.cbegin(), series.values.cend(),
                                     [](const KpiValue &v) { return v.period.isMonth(); });
    const QString targetName = tr("Target");
    const QString baselineName = tr("Baseline");
    if (auto *view = qobject_cast<KpiChartView *>(plot)) {
        view->setHoverText([=](const QString &graph, double key, double value) {
            const QString amount = formatKpiValue(value, kpi.unit, currency, QLocale());
            if (graph == targetName || graph == baselineName)
                return tr("%1: %2").arg(graph, amount);
            const QDate date = dateOf(key);
            const QString when = monthly ? QLocale().toString(date, u"MMMM yyyy"_s)
                                         : QLocale().toString(date, QLocale::ShortFormat);
            return tr("%1\n%2: %3").arg(name, when, amount) +
                   (graph == tr("Actual") ? QString() : tr(" (%1)").arg(graph.toLower()));
        });
    }

    if (series.values.isEmpty()) {
        const QDate today = QDate::currentDate();
        plot->xAxis->setRange(keyOf(today.addMonths(-6)), keyOf(today.addDays(15)));
        const double top = kpi.target ? std::abs(*kpi.target) * 1.5 : 1.0;
        plot->yAxis->setRange(0, top > 0 ? top : 1.0);
        if (kpi.target)
            addLevel(plot, targetName, *kpi.target, plot->xAxis->range(),
                     QPen(kInk, 1.5, Qt::DashLine));
        showEmptyText(plot,
                      kpi.name.isEmpty()
                          ? tr("No KPIs yet for this partnership.")
                          : tr("No values yet.\nType them in the grid or import a CSV file."));
        if (auto *view = qobject_cast<KpiChartView *>(plot))
            view->rememberHome();
        return;
    }

    const qsizetype count = series.values.size();
    QVector<double> keys, values;
    keys.reserve(count);
    values.reserve(count);
    // Points by status, so that each status is a legend entry with its shape and colour.
    struct Marks
    {
        QVector<double> keys, values;
    };
    QMap<KpiStatus, Marks> marks;
    double low = series.values.first().value;
    double high = low;
    for (const KpiValue &value : series.values) {
        const double key = keyOf(value.period.date());
        keys.append(key);
        values.append(value.value);
        low = std::min(low, value.value);
        high = std::max(high, value.value);
        if (kpi.target) {
            Marks &bucket = marks[KpiRules::status(value.value, kpi.target, kpi.direction,
                                                   thresholds.atRiskPercent)];
            bucket.keys.append(key);
            bucket.values.append(value.value);
        }
    }
    const bool dense = count > 150;
    const QCPRange xRange = keyRange(keys.first(), keys.last());

    QCPGraph *actual = plot->addGraph();
    actual->setName(tr("Actual"));
    actual->setData(keys, values, true);
    actual->setPen(QPen(kInk, dense ? 1 : 2));
    actual->setAdaptiveSampling(true);
    if (!kpi.target)
        actual->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(kInk), QBrush(kInk), dense ? 4 : 7));

    if (kpi.target) {
        addLevel(plot, targetName, *kpi.target, xRange, QPen(kInk, 1.5, Qt::DashLine));
        low = std::min(low, *kpi.target);
        high = std::max(high, *kpi.target);
    }
    if (kpi.baseline) {
        addLevel(plot, baselineName, *kpi.baseline, xRange, QPen(kMuted, 1.5, Qt::DotLine));
        low = std::min(low, *kpi.baseline);
        high = std::max(high, *kpi.baseline);
    }
    for (KpiStatus status : {KpiStatus::OnTrack, KpiStatus::AtRisk, KpiStatus::OffTrack}) {
        const auto it = marks.constFind(status);
        if (it == marks.cend())
            continue;
        QCPGraph *graph = plot->addGraph();
        graph->setName(kpiStatusDisplayName(status));
        graph->setData(it->keys, it->values, true);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(scatterFor(status, dense ? 5 : 9));
        graph->setAdaptiveSampling(true);
    }

    // Amounts start at zero so small changes do not look dramatic; days and scores zoom in.
    const bool fromZero = kpi.unit != KpiUnit::Days && kpi.unit != KpiUnit::Score && low >= 0;
    if (fromZero)
        low = 0;
    double pad = (high - low) * 0.08;
    if (pad <= 0)
        pad = std::max(1.0, std::abs(high) * 0.1);
    plot->xAxis->setRange(xRange);
    plot->yAxis->setRange(fromZero ? 0 : low - pad, high + pad);
    if (auto *view = qobject_cast<KpiChartView *>(plot))
        view->rememberHome();
}

void buildPortfolioChart(QCustomPlot *plot, const QList<PartnershipKpis> &partnerships,
                         const QString &currency)
{
    const Frame frame = prepare(plot);
    frame.title->setText(tr("Partner-sourced revenue by partner"));
    plot->yAxis->setTicker(QSharedPointer<ValueTicker>::create(KpiUnit::Currency));
    plot->yAxis->setLabel(tr("%1 per month").arg(kpiUnitLabel(KpiUnit::Currency, currency)));

    const KpiRules::Concentration share = KpiRules::concentration(partnerships);
    // The partners with revenue, largest (over the last twelve months) at the bottom.
    QList<QPair<QString, QMap<QDate, double>>> partners;
    for (const PartnershipKpis &partnership : partnerships) {
        const KpiSeries *revenue = KpiRules::seriesFor(partnership, KpiMetric::PartnerRevenue);
        if (!revenue || revenue->values.isEmpty())
            continue;
        partners.append({partnership.partner, KpiRules::monthly(*revenue)});
    }
    const auto rank = [&share](const QString &partner) {
        for (qsizetype i = 0; i < share.revenueByPartner.size(); ++i)
            if (share.revenueByPartner.at(i).first == partner)
                return i;
        return share.revenueByPartner.size();
    };
    std::stable_sort(partners.begin(), partners.end(), [&rank](const auto &a, const auto &b) {
        return rank(a.first) < rank(b.first);
    });

    const QLocale locale;
    if (share.total > 0) {
        QStringList leaders;
        for (qsizetype i = 0; i < std::min<qsizetype>(2, share.revenueByPartner.size()); ++i) {
            const auto &[partner, revenue] = share.revenueByPartner.at(i);
            leaders << tr("%1 %2 %").arg(partner,
                                         locale.toString(revenue / share.total * 100, 'f', 0));
        }
        QString text = tr("%1 – %2: %3 in total; %4")
                           .arg(locale.toString(share.from, u"MMM yyyy"_s),
                                locale.toString(share.to, u"MMM yyyy"_s),
                                formatKpiValue(share.total, KpiUnit::Currency, currency, locale),
                                leaders.join(u", "_s));
        const bool concentrated = !KpiRules::checkPortfolio(partnerships).isEmpty();
        if (share.revenueByPartner.size() > 2)
            text += tr(" — the top two bring %1 %")
                        .arg(locale.toString(share.topTwoShare * 100, 'f', 0));
        if (concentrated)
            text += tr(" (concentration risk: 80 % or more)");
        frame.subtitle->setText(text);
        frame.subtitle->setTextColor(concentrated ? kpiStatusLook(KpiStatus::OffTrack).color
                                                  : kMuted);
    } else {
        frame.subtitle->setText(partners.isEmpty() ? tr("No partner revenue KPI recorded yet")
                                                   : tr("No revenue in the last twelve months"));
    }

    if (auto *view = qobject_cast<KpiChartView *>(plot)) {
        view->setHoverText([currency](const QString &partner, double key, double value) {
            return tr("%1\n%2: %3")
                .arg(partner, QLocale().toString(dateOf(key), u"MMMM yyyy"_s),
                     formatKpiValue(value, KpiUnit::Currency, currency, QLocale()));
        });
    }

    if (partners.isEmpty()) {
        const QDate today = QDate::currentDate();
        plot->xAxis->setRange(keyOf(today.addMonths(-12)), keyOf(today.addDays(15)));
        plot->yAxis->setRange(0, 10000);
        showEmptyText(plot, tr("No partner-sourced revenue yet.\nAdd a \"Partner-sourced "
                               "revenue\" KPI to a partnership and record its values."));
        if (auto *view = qobject_cast<KpiChartView *>(plot))
            view->rememberHome();
        return;
    }

    // Colour-blind-safe (Okabe–Ito), in an order where neighbours differ in lightness.
    static const QList<QColor> palette = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                          QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                          QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                                          QColor(0xf0, 0xe4, 0x42), QColor(0x99, 0x99, 0x99)};
    QMap<QDate, double> totals;
    QCPBars *below = nullptr;
    for (qsizetype i = 0; i < partners.size(); ++i) {
        const auto &[partner, months] = partners.at(i);
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(partner);
        bars->setWidth(24 * kDay);
        bars->setBrush(palette.at(i % palette.size()));
        bars->setPen(QPen(Qt::white, 0.5));
        bars->setStackingGap(0);
        QVector<double> keys, values;
        for (auto it = months.cbegin(); it != months.cend(); ++it) {
            keys.append(keyOf(it.key().addDays(14)));
            values.append(it.value());
            totals[it.key()] += it.value();
        }
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
    }
    const double top = std::max(1.0, *std::max_element(totals.cbegin(), totals.cend()));
    plot->xAxis->setRange(keyRange(keyOf(totals.firstKey()), keyOf(totals.lastKey().addDays(28))));
    plot->yAxis->setRange(0, top * 1.1);
    if (auto *view = qobject_cast<KpiChartView *>(plot))
        view->rememberHome();
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
