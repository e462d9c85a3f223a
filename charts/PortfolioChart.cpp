#include "PortfolioChart.h"

#include "ChartFrame.h"
#include "domain/KpiRules.h"
#include "io/KpiStatusLook.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::charts {

namespace {

// Each partner's revenue per month.
using PartnerMonths = QList<QPair<QString, QMap<QDate, double>>>;

// The partners with revenue, largest over the last twelve months first (stacked at the
// bottom), the others after them in the order given.
PartnerMonths partnersByRevenue(const QList<PartnershipKpis> &partnerships,
                                const KpiRules::Concentration &share)
{
    PartnerMonths partners;
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
    return partners;
}

// The twelve months' total and the two largest partners' shares; in the off-track colour
// when they bring 80 % or more (portfolio.concentration).
void setConcentrationSubtitle(const ChartFrame &frame, const KpiRules::Concentration &share,
                              const QList<PartnershipKpis> &partnerships, const QString &currency)
{
    const QLocale locale;
    QStringList leaders;
    for (qsizetype i = 0; i < std::min<qsizetype>(2, share.revenueByPartner.size()); ++i) {
        const auto &[partner, revenue] = share.revenueByPartner.at(i);
        leaders << tr("%1 %2 %").arg(partner, locale.toString(revenue / share.total * 100, 'f', 0));
    }
    QString text = tr("%1 – %2: %3 in total; %4")
                       .arg(locale.toString(share.from, u"MMM yyyy"_s),
                            locale.toString(share.to, u"MMM yyyy"_s),
                            formatKpiValue(share.total, KpiUnit::Currency, currency, locale),
                            leaders.join(u", "_s));
    const bool concentrated = !KpiRules::checkPortfolio(partnerships).isEmpty();
    if (share.revenueByPartner.size() > 2)
        text +=
            tr(" — the top two bring %1 %").arg(locale.toString(share.topTwoShare * 100, 'f', 0));
    if (concentrated)
        text += tr(" (concentration risk: 80 % or more)");
    frame.subtitle->setText(text);
    frame.subtitle->setTextColor(concentrated ? io::kpiStatusLook(KpiStatus::OffTrack).color
                                              : kMuted);
}

KpiChartView::HoverText portfolioHoverText(const QString &currency)
{
    return [currency](const QString &partner, double key, double value) {
        return tr("%1\n%2: %3")
            .arg(partner, QLocale().toString(dateOf(key), u"MMMM yyyy"_s),
                 formatKpiValue(value, KpiUnit::Currency, currency, QLocale()));
    };
}

void showNoRevenue(const ChartFrame &frame)
{
    const QDate today = QDate::currentDate();
    frame.plot->xAxis->setRange(keyOf(today.addMonths(-12)), keyOf(today.addDays(15)));
    frame.plot->yAxis->setRange(0, 10000);
    frame.showEmptyText(tr("No partner-sourced revenue yet.\nAdd a \"Partner-sourced "
                           "revenue\" KPI to a partnership and record its values."));
    frame.rememberHome();
}

// One bar series per partner, each stacked on the one before, a bar per month centred in
// it. Returns the total of each month.
QMap<QDate, double> addStackedBars(QCustomPlot *plot, const PartnerMonths &partners)
{
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
    return totals;
}

} // namespace

void buildPortfolioChart(QCustomPlot *plot, const QList<PartnershipKpis> &partnerships,
                         const QString &currency)
{
    const ChartFrame frame = ChartFrame::prepare(plot);
    frame.title->setText(tr("Partner-sourced revenue by partner"));
    frame.setValueAxis(KpiUnit::Currency,
                       tr("%1 per month").arg(kpiUnitLabel(KpiUnit::Currency, currency)));

    const KpiRules::Concentration share = KpiRules::concentration(partnerships);
    const PartnerMonths partners = partnersByRevenue(partnerships, share);
    if (share.total > 0)
        setConcentrationSubtitle(frame, share, partnerships, currency);
    else
        frame.subtitle->setText(partners.isEmpty() ? tr("No partner revenue KPI recorded yet")
                                                   : tr("No revenue in the last twelve months"));
    frame.setHoverText(portfolioHoverText(currency));
    if (partners.isEmpty()) {
        showNoRevenue(frame);
        return;
    }

    const QMap<QDate, double> totals = addStackedBars(plot, partners);
    const double top = std::max(1.0, *std::max_element(totals.cbegin(), totals.cend()));
    plot->xAxis->setRange(keyRange(keyOf(totals.firstKey()), keyOf(totals.lastKey().addDays(28))));
    plot->yAxis->setRange(0, top * 1.1);
    frame.rememberHome();
}

} // namespace pb::charts
