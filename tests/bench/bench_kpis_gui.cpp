// Benchmark for the KPIs area (issue 5): a partnership with five KPIs and ten years of
// weekly values (2,600 points). Measures opening the area (first paint of the table, grid
// and chart), switching partner, typing one value (store, undo step, models, chart) and
// replotting the chart. Offscreen; prints figures, never fails on time.
// Usage: bench_kpis_gui [YEARS]   (PLAYBOOK_SCREENSHOT_DIR keeps a picture)
#include "BenchSupport.h"
#include "domain/KpiRules.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "store/Workbook.h"
#include "MainWindow.h"
#include "KpiChartView.h"
#include "PortfolioChart.h"
#include "kpi/KpiPage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;


int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int years = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 10;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.playbook"_s);

    // Two partnerships with five weekly KPIs each.
    {
        store::StoreError error;
        auto workbook = store::Workbook::create(path, u"Bench"_s, &error);
        if (!workbook) {
            std::fprintf(stderr, "%s\n", qPrintable(error.message));
            return 1;
        }
        QList<Candidate> candidates(2);
        candidates[0].name = u"Alpha Partners"_s;
        candidates[1].name = u"Beta Systems"_s;
        workbook->insertCandidates(candidates);
        QRandomGenerator random(5);
        for (const Candidate &candidate : std::as_const(candidates)) {
            QList<KpiSeries> kpis;
            const QList<KpiDefinition> common = commonKpis();
            for (int k = 0; k < 5; ++k) {
                KpiSeries series{common.at(k == 4 ? 5 : k), {}};
                QDate day(2016, 1, 4);
                for (int week = 0; week < years * 52; ++week, day = day.addDays(7)) {
                    const double base = *series.definition.target;
                    series.values.append(
                        {KpiPeriod::day(day),
                         std::round(base * (0.6 + 0.6 * random.generateDouble()) * 10) / 10});
                }
                kpis.append(series);
            }
            workbook->setPilot(candidate.id, {QDate(2016, 1, 4), 90});
            if (auto e = workbook->replaceKpis(candidate.id, kpis); e) {
                std::fprintf(stderr, "%s\n", qPrintable(e.message));
                return 1;
            }
        }
    }

    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    if (!window.openWorkbook(path))
        return 1;
    QApplication::processEvents();

    QElapsedTimer timer;
    timer.start();
    window.showArea(2);
    window.repaint();
    const double open = bench::msSince(timer);
    ui::KpiPage *page = window.kpiPage();
    const int points = int(page->valuesModel()->rowCount() * page->valuesModel()->columnCount());

    QList<double> switches;
    const QList<qint64> ids = {*window.workbook()->candidateIdByName(u"Beta Systems"_s),
                               *window.workbook()->candidateIdByName(u"Alpha Partners"_s)};
    for (int i = 0; i < 6; ++i) {
        timer.restart();
        page->selectPartner(ids.at(i % 2));
        window.repaint();
        switches.append(bench::msSince(timer));
    }

    QList<double> edits;
    QTableView *grid = page->valuesTable();
    for (int i = 0; i < 10; ++i) {
        const QModelIndex cell = page->valuesModel()->index(page->valuesModel()->rowCount() - 1, 0);
        timer.restart();
        page->valuesModel()->setData(cell, QString::number(100 + i));
        grid->viewport()->repaint();
        page->chart()->repaint();
        edits.append(bench::msSince(timer));
    }

    QList<double> replots;
    for (int i = 0; i < 30; ++i) {
        timer.restart();
        page->chart()->replot(QCustomPlot::rpImmediateRefresh);
        replots.append(bench::msSince(timer));
    }

    // Every KPI's chart in turn (build + replot), and the portfolio chart.
    QList<double> perKpi;
    for (int round = 0; round < 3; ++round) {
        for (int row = 0; row < 5; ++row) {
            timer.restart();
            page->showKpi(row);
            page->chart()->replot(QCustomPlot::rpImmediateRefresh);
            perKpi.append(bench::msSince(timer));
        }
    }
    QList<double> portfolio;
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        charts::buildPortfolioChart(page->portfolioChart(), window.workbook()->allPartnershipKpis(),
                                    u"USD"_s);
        page->portfolioChart()->replot(QCustomPlot::rpImmediateRefresh);
        portfolio.append(bench::msSince(timer));
    }

    std::printf("KPIs area, %d KPIs x %d weekly values (%d points)\n",
                int(page->valuesModel()->columnCount()), int(page->valuesModel()->rowCount()),
                points);
    std::printf("  open the area (first paint):   %7.1f ms   (target <= 200 ms)\n", open);
    std::printf("  switch partner, median:        %7.1f ms\n", bench::median(switches));
    std::printf("  type one value, median:        %7.1f ms   (store + undo + models + chart)\n",
                bench::median(edits));
    std::printf("  chart replot (%d points), median: %5.1f ms   (target <= 16 ms)\n", years * 52,
                bench::median(replots));
    std::printf("  show another KPI (build + replot), median: %5.1f ms, worst %5.1f ms\n",
                bench::median(perKpi), *std::max_element(perKpi.cbegin(), perKpi.cend()));
    std::printf("  portfolio chart (read + build + replot), median: %5.1f ms\n",
                bench::median(portfolio));
    if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR"); !folder.isEmpty())
        window.grab().save(QDir(folder).filePath(u"bench-kpis.png"_s));
    return 0;
}
