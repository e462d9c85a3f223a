#include "PnlChart.h"

#include "ChartFrame.h"
#include "io/KpiStatusLook.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::charts {

namespace {

const QColor kProfit(0x00, 0x9e, 0x73); // Okabe–Ito bluish green
const QColor kLoss(0xd5, 0x5e, 0x00);   // vermillion

QString money(double value, const QString &currency)
{
    return formatKpiValue(value, KpiUnit::Currency, currency, QLocale());
}

QString summary(const PartnershipPnl &pnl, const QString &currency)
{
    const QLocale locale;
    QStringList parts{tr("net to date %1").arg(money(pnl.totalNet, currency))};
    parts << (pnl.breakEvenMonth
                  ? tr("broke even in %1").arg(locale.toString(*pnl.breakEvenMonth, u"MMM yyyy"_s))
                  : tr("not broken even yet"));
    if (pnl.lastQuarterNet)
        parts << tr("last quarter %1").arg(money(*pnl.lastQuarterNet, currency));
    // The cost of acquisition on a line of its own: the chart is half the window wide.
    QString second;
    if (pnl.costOfAcquisition)
        second = tr("cost of acquisition %1 per %2 of ARR")
                     .arg(money(*pnl.costOfAcquisition, currency), money(1, currency));
    return parts.join(u"  ·  "_s) + (second.isEmpty() ? QString() : u"\n"_s + second);
}

QCPBars *addNetBars(QCustomPlot *plot, const QString &name, const QColor &colour)
{
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setWidth(22 * kDay);
    bars->setBrush(colour);
    bars->setPen(QPen(colour.darker(115), 0.5));
    return bars;
}

// Bars of the monthly net, a line of the cumulative net; the value range covered.
QCPRange addSeries(QCustomPlot *plot, const PartnershipPnl &pnl)
{
    QCPBars *profit = addNetBars(plot, tr("Net profit in the month"), kProfit);
    QCPBars *loss = addNetBars(plot, tr("Net loss in the month"), kLoss);
    QCPGraph *cumulative = plot->addGraph();
    cumulative->setName(tr("Cumulative net"));
    cumulative->setPen(QPen(kInk, 2));
    cumulative->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    QCPRange values(0, 0);
    for (const PnlMonth &month : pnl.months) {
        const double key = keyOf(month.month.addDays(14));
        (month.net >= 0 ? profit : loss)->addData(key, month.net);
        cumulative->addData(key, month.cumulative);
        values.lower = std::min({values.lower, month.net, month.cumulative});
        values.upper = std::max({values.upper, month.net, month.cumulative});
    }
    if (loss->dataCount() == 0)
        plot->removePlottable(loss);
    if (profit->dataCount() == 0)
        plot->removePlottable(profit);
    return values;
}

void markBreakEven(QCustomPlot *plot, const PartnershipPnl &pnl)
{
    auto *zero = new QCPItemStraightLine(plot);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(kMuted, 1));
    if (!pnl.breakEvenMonth)
        return;
    auto *line = new QCPItemStraightLine(plot);
    const double key = keyOf(*pnl.breakEvenMonth);
    line->point1->setCoords(key, 0);
    line->point2->setCoords(key, 1);
    line->setPen(QPen(kInk, 1, Qt::DashLine));
    auto *label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptPlotCoords);
    label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(key, 0.02);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setPadding(QMargins(4, 0, 0, 0));
    label->setText(tr("break-even"));
    label->setColor(kInk);
}

KpiChartView::HoverText pnlHoverText(const PartnershipPnl &pnl, const QString &currency)
{
    return [pnl, currency](const QString &, double key, double) {
        const QDate date = dateOf(key);
        for (const PnlMonth &month : pnl.months) {
            if (month.month.year() == date.year() && month.month.month() == date.month())
                return tr("%1\nrevenue %2, costs %3\nnet %4, cumulative %5")
                    .arg(QLocale().toString(month.month, u"MMMM yyyy"_s),
                         money(month.revenue, currency), money(month.totalCosts(), currency),
                         money(month.net, currency), money(month.cumulative, currency));
        }
        return QString();
    };
}

} // namespace

void buildPnlChart(QCustomPlot *plot, const PartnershipPnl &pnl, const QString &currency)
{
    const ChartFrame frame = ChartFrame::prepare(plot);
    frame.title->setText(tr("%1: profit and loss by month").arg(pnl.partner));
    frame.setValueAxis(KpiUnit::Currency, kpiUnitLabel(KpiUnit::Currency, currency));
    frame.setHoverText(pnlHoverText(pnl, currency));
    if (pnl.months.isEmpty()) {
        const QDate today = QDate::currentDate();
        plot->xAxis->setRange(keyOf(today.addMonths(-12)), keyOf(today.addDays(15)));
        plot->yAxis->setRange(-1000, 1000);
        frame.subtitle->setText(tr("No months yet"));
        frame.showEmptyText(tr("No P&L yet.\nEnter costs below, or record partner revenue in "
                               "the KPIs area."));
        frame.rememberHome();
        return;
    }
    frame.subtitle->setText(summary(pnl, currency));
    const bool negative = !Pnl::check(pnl, currency).isEmpty();
    frame.subtitle->setTextColor(negative ? io::kpiStatusLook(KpiStatus::OffTrack).color : kMuted);
    const QCPRange values = addSeries(plot, pnl);
    markBreakEven(plot, pnl);
    plot->xAxis->setRange(keyRange(keyOf(pnl.months.constFirst().month),
                                   keyOf(pnl.months.constLast().month.addDays(28))));
    const double pad = std::max(1.0, (values.upper - values.lower) * 0.08);
    plot->yAxis->setRange(values.lower - (values.lower < 0 ? pad : 0), values.upper + pad);
    frame.rememberHome();
}

} // namespace pb::charts
