#include "ChartFrame.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::charts {

QString tr(const char *text)
{
    return QCoreApplication::translate("pb::ui::KpiChart", text);
}

double keyOf(const QDate &date)
{
    return QCPAxisTickerDateTime::dateTimeToKey(date, Qt::UTC);
}

QDate dateOf(double key)
{
    return QCPAxisTickerDateTime::keyToDateTime(key).toUTC().date();
}

QCPRange keyRange(double first, double last)
{
    const double pad = std::max((last - first) * 0.03, 20 * kDay);
    return {first - pad, last + pad};
}

namespace {

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

// Title and subtitle in rows above the axes.
void addTitles(QCustomPlot *plot)
{
    auto *layout = plot->plotLayout();
    QFont titleFont = plot->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    layout->insertRow(0);
    layout->addElement(0, 0, new QCPTextElement(plot, QString(), titleFont));
    layout->insertRow(1);
    layout->addElement(1, 0, new QCPTextElement(plot, QString(), plot->font()));
}

// The legend, centred under the axes between two stretching spacers.
void addLegendRow(QCustomPlot *plot)
{
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    auto *legendRow = new QCPLayoutGrid;
    plot->plotLayout()->addElement(3, 0, legendRow);
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
}

void styleAxes(QCustomPlot *plot)
{
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

} // namespace

ChartFrame ChartFrame::prepare(QCustomPlot *plot)
{
    plot->clearPlottables();
    plot->clearItems();
    auto *layout = plot->plotLayout();
    if (!plot->property("pbPrepared").toBool()) {
        plot->setProperty("pbPrepared", true);
        plot->setLocale(QLocale());
        plot->setNoAntialiasingOnDrag(true);
        plot->setBackground(Qt::white);
        addTitles(plot);
        addLegendRow(plot);
        for (int row : {0, 1, 3})
            layout->setRowStretchFactor(row, 0.001);
        layout->setRowSpacing(2);
        styleAxes(plot);
    }
    ChartFrame frame;
    frame.plot = plot;
    frame.title = qobject_cast<QCPTextElement *>(layout->element(0, 0));
    frame.subtitle = qobject_cast<QCPTextElement *>(layout->element(1, 0));
    frame.title->setTextColor(kInk);
    frame.subtitle->setTextColor(kMuted);
    return frame;
}

void ChartFrame::setValueAxis(KpiUnit unit, const QString &label) const
{
    setValueAxis(plot->yAxis, unit, label);
}

void ChartFrame::setValueAxis(QCPAxis *axis, KpiUnit unit, const QString &label) const
{
    axis->setTicker(QSharedPointer<ValueTicker>::create(unit));
    axis->setLabel(label);
}

void ChartFrame::showEmptyText(const QString &text) const
{
    auto *item = new QCPItemText(plot);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.5);
    item->setText(text);
    item->setColor(kMuted);
    item->setTextAlignment(Qt::AlignCenter);
}

void ChartFrame::setHoverText(KpiChartView::HoverText text) const
{
    if (auto *view = qobject_cast<KpiChartView *>(plot))
        view->setHoverText(std::move(text));
}

void ChartFrame::rememberHome() const
{
    if (auto *view = qobject_cast<KpiChartView *>(plot))
        view->rememberHome();
}

} // namespace pb::charts
