// The KPI charts, rendered offscreen: the points are drawn in their status colours where
// the data says, the target line runs at the target, hover reads the exact value, the
// keyboard zooms and Home resets, the portfolio stacks partners and states the
// concentration, and exports are PNG or PDF or nothing.
#include "KpiChart.h"
#include "KpiChartView.h"
#include "PortfolioChart.h"
#include "io/KpiStatusLook.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

KpiSeries referrals()
{
    KpiSeries series;
    series.definition.name = u"Referrals"_s;
    series.definition.unit = KpiUnit::Count;
    series.definition.target = 10;
    series.definition.metric = KpiMetric::Referrals;
    // Off track, at risk, on track, on track.
    const double values[] = {4, 9, 12, 15};
    for (int month = 1; month <= 4; ++month)
        series.values.append({KpiPeriod::month(2026, month), values[month - 1]});
    return series;
}

PartnershipKpis partnerWithRevenue(const QString &name, double perMonth)
{
    PartnershipKpis partnership;
    partnership.partner = name;
    KpiSeries revenue;
    revenue.definition.name = u"Partner-sourced revenue"_s;
    revenue.definition.unit = KpiUnit::Currency;
    revenue.definition.metric = KpiMetric::PartnerRevenue;
    for (int month = 1; month <= 12; ++month)
        revenue.values.append({KpiPeriod::month(2026, month), perMonth});
    partnership.kpis.append(revenue);
    return partnership;
}

// Whether a pixel near (x, y) has about this colour.
bool hasColourNear(const QImage &image, QPointF at, const QColor &colour, int radius = 3)
{
    for (int dx = -radius; dx <= radius; ++dx) {
        for (int dy = -radius; dy <= radius; ++dy) {
            const QPoint p(qRound(at.x()) + dx, qRound(at.y()) + dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) < 40 &&
                std::abs(c.green() - colour.green()) < 40 &&
                std::abs(c.blue() - colour.blue()) < 40)
                return true;
        }
    }
    return false;
}

} // namespace

class TestKpiChart : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void pointsAndTargetAreDrawn()
    {
        charts::KpiChartView chart;
        chart.resize(800, 400);
        const KpiSeries series = referrals();
        charts::buildKpiChart(&chart, series, KpiThresholds(), u"USD"_s, u"Ledgerly"_s);
        chart.replot();
        const QImage image = chart.toPixmap(800, 400).toImage();

        // Actual, Target, then one graph per status present: on track, at risk, off track.
        QCOMPARE(chart.graphCount(), 5);
        QCOMPARE(chart.graph(0)->dataCount(), 4);
        QCOMPARE(chart.graph(1)->name(), u"Target"_s);
        QCOMPARE(chart.legend->itemCount(), 5);

        const KpiStatus expected[] = {KpiStatus::OffTrack, KpiStatus::AtRisk, KpiStatus::OnTrack,
                                      KpiStatus::OnTrack};
        for (int i = 0; i < 4; ++i) {
            const KpiValue &value = series.values.at(i);
            const QPointF at(chart.xAxis->coordToPixel(QCPAxisTickerDateTime::dateTimeToKey(
                                 value.period.date(), Qt::UTC)),
                             chart.yAxis->coordToPixel(value.value));
            QVERIFY2(hasColourNear(image, at, io::kpiStatusLook(expected[i]).color),
                     qPrintable(u"point %1"_s.arg(i)));
        }
        // The target line: dark pixels along y = 10 across the plot, away from the points.
        const int y = qRound(chart.yAxis->coordToPixel(10));
        int dark = 0;
        const QRect plotArea = chart.axisRect()->rect();
        for (int x = plotArea.left() + 5; x < plotArea.right() - 5; ++x)
            dark += image.pixelColor(x, y).lightness() < 128 ? 1 : 0;
        QVERIFY2(dark > plotArea.width() / 3, qPrintable(QString::number(dark))); // dashed
        // Nothing dark along a line where no data runs.
        const int empty = qRound(chart.yAxis->coordToPixel(chart.yAxis->range().upper - 0.3));
        int stray = 0;
        for (int x = plotArea.left() + 5; x < plotArea.right() - 5; ++x)
            stray += image.pixelColor(x, empty).lightness() < 128 ? 1 : 0;
        QCOMPARE(stray, 0);
    }

    void hoverReadsTheValue()
    {
        charts::KpiChartView chart;
        chart.resize(800, 400);
        charts::buildKpiChart(&chart, referrals(), KpiThresholds(), u"USD"_s);
        chart.replot();
        const QPointF at(chart.xAxis->coordToPixel(
                             QCPAxisTickerDateTime::dateTimeToKey(QDate(2026, 3, 1), Qt::UTC)),
                         chart.yAxis->coordToPixel(12));
        const QString text = chart.hoverTextAt(at);
        QVERIFY2(text.contains(u"12"_s) && text.contains(u"2026"_s), qPrintable(text));
        QVERIFY2(text.contains(u"on track"_s), qPrintable(text));
        QVERIFY(
            chart
                .hoverTextAt(QPointF(chart.axisRect()->rect().center().x(),
                                     chart.yAxis->coordToPixel(chart.yAxis->range().upper - 0.2)))
                .isEmpty());
    }

    void keyboardZoomAndReset()
    {
        charts::KpiChartView chart;
        chart.resize(800, 400);
        charts::buildKpiChart(&chart, referrals(), KpiThresholds(), u"USD"_s);
        chart.replot();
        const QCPRange home = chart.xAxis->range();
        QTest::keyClick(&chart, Qt::Key_Plus);
        QVERIFY(chart.xAxis->range().size() < home.size());
        QTest::keyClick(&chart, Qt::Key_Left);
        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.xAxis->range().lower, home.lower);
        QCOMPARE(chart.xAxis->range().upper, home.upper);
    }

    void emptyAndLowerIsBetter()
    {
        charts::KpiChartView chart;
        chart.resize(640, 320);
        KpiSeries empty;
        empty.definition.name = u"Time to close"_s;
        empty.definition.unit = KpiUnit::Days;
        empty.definition.target = 45;
        charts::buildKpiChart(&chart, empty, KpiThresholds(), u"EUR"_s);
        chart.replot();
        QCOMPARE(chart.itemCount(), 1);  // "No values yet"
        QCOMPARE(chart.graphCount(), 1); // the target alone

        KpiSeries days = empty;
        days.definition.direction = KpiDirection::LowerIsBetter;
        days.values = {{KpiPeriod::month(2026, 1), 60}, {KpiPeriod::month(2026, 2), 40}};
        charts::buildKpiChart(&chart, days, KpiThresholds(), u"EUR"_s);
        chart.replot();
        QCOMPARE(chart.itemCount(), 0);
        QStringList names;
        for (int i = 0; i < chart.graphCount(); ++i)
            names << chart.graph(i)->name();
        QCOMPARE(names, (QStringList{u"Actual"_s, u"Target"_s, u"On track"_s, u"Off track"_s}));
    }

    void portfolioStacksAndStatesConcentration()
    {
        charts::KpiChartView chart;
        chart.resize(900, 450);
        charts::buildPortfolioChart(&chart,
                                    {partnerWithRevenue(u"Small"_s, 1000),
                                     partnerWithRevenue(u"Big"_s, 10000),
                                     partnerWithRevenue(u"Bigger"_s, 20000)},
                                    u"USD"_s);
        chart.replot();
        QCOMPARE(chart.plottableCount(), 3);
        // Largest at the bottom of the stack.
        QCOMPARE(chart.plottable(0)->name(), u"Bigger"_s);
        auto *top = qobject_cast<QCPBars *>(chart.plottable(2));
        QVERIFY(top && top->barBelow());
        auto *subtitle = qobject_cast<QCPTextElement *>(chart.plotLayout()->element(1, 0));
        QVERIFY(subtitle);
        // 30,000 of 31,000 a month: the top two bring 97 %, a concentration risk.
        QVERIFY2(subtitle->text().contains(u"97 %"_s), qPrintable(subtitle->text()));
        QVERIFY2(subtitle->text().contains(u"concentration"_s), qPrintable(subtitle->text()));

        charts::buildPortfolioChart(&chart, {}, u"USD"_s);
        QCOMPARE(chart.plottableCount(), 0);
        QCOMPARE(chart.itemCount(), 1);
    }

    void exportsPngOrPdfOrNothing()
    {
        charts::KpiChartView chart;
        chart.resize(800, 400);
        charts::buildKpiChart(&chart, referrals(), KpiThresholds(), u"USD"_s);
        chart.replot();
        const QString png = m_dir.filePath(u"chart.png"_s);
        QCOMPARE(charts::exportChart(&chart, png, 1200, 600), QString());
        QCOMPARE(QImage(png).size(), QSize(1200, 600));
        const QString pdf = m_dir.filePath(u"chart.pdf"_s);
        QCOMPARE(charts::exportChart(&chart, pdf, 1200, 600), QString());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("%PDF-"));

        const QString svg = m_dir.filePath(u"chart.svg"_s);
        QVERIFY(!charts::exportChart(&chart, svg, 1200, 600).isEmpty());
        QVERIFY(!QFile::exists(svg));
        // A folder that does not exist: a message, no file.
        const QString nowhere = m_dir.filePath(u"missing/chart.png"_s);
        QVERIFY(!charts::exportChart(&chart, nowhere, 1200, 600).isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_MAIN(TestKpiChart)
#include "tst_kpichart.moc"
