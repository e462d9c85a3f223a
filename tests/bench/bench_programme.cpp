// Benchmark for the Programme area (issue 16): 1,000 candidates, 50 partnerships with three
// years of monthly KPIs (partner revenue, pipeline, satisfaction) and costs in three
// categories, and three years of programme totals. Measures gathering the programme
// (ProgrammeData), `playbook-cli programme --json` end to end, opening the area (first paint
// of the charts, lists and grids), switching partnership and typing one cost. Offscreen;
// prints figures, never fails on time. Targets: the area in <= 150 ms, the verb in <= 300 ms.
// Usage: bench_programme   (PLAYBOOK_SCREENSHOT_DIR keeps a picture)
#include "BenchSupport.h"
#include "MainWindow.h"
#include "domain/Proposal.h"
#include "item/MonthGridModel.h"
#include "item/ProgrammeData.h"
#include "programme/CostsPanel.h"
#include "programme/MonthGridPanel.h"
#include "programme/ProgrammePage.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

constexpr int kCandidates = 1000;
constexpr int kPartnerships = 50;
constexpr int kMonths = 36;

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

KpiSeries monthly(KpiMetric metric, KpiUnit unit, const QDate &start, double base,
                  QRandomGenerator &random)
{
    KpiSeries series;
    series.definition.name = kpiMetricId(metric);
    series.definition.metric = metric;
    series.definition.unit = unit;
    series.definition.target = base;
    for (int m = 0; m < kMonths; ++m) {
        const QDate month = start.addMonths(m);
        series.values.append({KpiPeriod::month(month.year(), month.month()),
                              std::round(base * (0.3 + 1.2 * random.generateDouble()))});
    }
    return series;
}

// The workbook of the issue; false (after saying why) on failure.
bool makeWorkbook(const QString &path)
{
    store::StoreError error;
    auto workbook = store::Workbook::create(path, u"Bench"_s, &error);
    if (!workbook) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return false;
    }
    QRandomGenerator random(16);
    QList<Candidate> candidates(kCandidates);
    for (int i = 0; i < kCandidates; ++i) {
        candidates[i].name = u"Partner %1"_s.arg(i);
        candidates[i].structure = Structure(1 + random.bounded(kStructureCount - 1));
        candidates[i].stage = i < kPartnerships ? Stage::Pilot : Stage(random.bounded(3));
        candidates[i].revenueTheory = i % 7 ? u"A theory."_s : QString();
    }
    if ((error = workbook->insertCandidates(candidates)))
        return std::fprintf(stderr, "%s\n", qPrintable(error.message)), false;
    const QDate today = QDate::currentDate();
    const QDate start = QDate(today.year(), today.month(), 1).addMonths(-kMonths);
    QHash<qint64, QDate> since;
    for (const Candidate &c : std::as_const(candidates))
        since.insert(c.id, today.addDays(-int(random.bounded(60))));
    error = workbook->backdateStages(since);
    for (int p = 0; !error && p < kPartnerships; ++p) {
        const qint64 id = candidates[p].id;
        QList<KpiDefinition> none;
        error = workbook->addPartnership(id, start, 90, none, nullptr);
        QList<KpiSeries> kpis{
            monthly(KpiMetric::PartnerRevenue, KpiUnit::Currency, start, 5000, random),
            monthly(KpiMetric::PartnerPipeline, KpiUnit::Currency, start, 20000, random),
            monthly(KpiMetric::PartnerSatisfaction, KpiUnit::Score, start, 75, random)};
        if (!error)
            error = workbook->replaceKpis(id, kpis);
        QList<CostEdit> costs;
        for (int m = 0; m < kMonths; ++m) {
            costs.append({start.addMonths(m), CostCategory::Time, 10.0 + random.bounded(30)});
            costs.append({start.addMonths(m), CostCategory::Tools, 200.0});
            costs.append({start.addMonths(m), CostCategory::Support, 500.0 + random.bounded(800)});
        }
        if (!error)
            error = workbook->setCosts(id, costs);
        ProposalFields fields;
        ProposalTerms::set(fields, u"rev_share_pct"_s, u"20"_s);
        if (!error && p % 2)
            error = workbook->setProposalFields(id, fields);
    }
    QList<ProgrammeInputEdit> inputs;
    for (int m = 0; m < kMonths; ++m) {
        inputs.append({start.addMonths(m), ProgrammeInputField::Pipeline, 5e6});
        inputs.append({start.addMonths(m), ProgrammeInputField::NewArr, 1e6});
    }
    if (!error)
        error = workbook->setProgrammeInputs(inputs);
    if (error)
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
    return !error;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.playbook"_s);
    if (!makeWorkbook(path))
        return 1;

    QList<double> gathers;
    {
        store::StoreError error;
        auto workbook = store::Workbook::open(path, {.readOnly = true}, &error);
        for (int i = 0; workbook && i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto data = item::ProgrammeData::gather(*workbook, QDate::currentDate());
            gathers.append(msSince(timer));
        }
    }
    const QString cli = QStringLiteral(PLAYBOOK_BINARY_DIR) + u"/app/playbook-cli"_s;
    QList<double> verbs;
    for (int i = 0; i < 5; ++i)
        verbs.append(bench::run(cli, {u"programme"_s, path, u"--json"_s}).milliseconds);

    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    if (!window.openWorkbook(path))
        return 1;
    QApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    window.showArea(4);
    window.repaint();
    const double open = msSince(timer);

    ui::ProgrammePage *page = window.programmePage();
    QList<double> switches;
    for (int i = 0; i < 6; ++i) {
        timer.restart();
        page->selectPartner(*window.workbook()->candidateIdByName(u"Partner %1"_s.arg(i % 3)));
        window.repaint();
        switches.append(msSince(timer));
    }
    QList<double> edits;
    item::MonthGridModel *costs = page->costs()->grid()->model();
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        costs->setData(costs->index(costs->rowCount() - 2, 1), QString::number(300 + i));
        window.repaint();
        edits.append(msSince(timer));
    }

    std::printf("Programme area, %d candidates, %d partnerships, %d months of KPIs and costs\n",
                kCandidates, kPartnerships, kMonths);
    std::printf("  gather the programme, median:  %7.1f ms\n", bench::median(gathers));
    std::printf("  programme --json, median:      %7.1f ms   (target <= 300 ms)\n",
                bench::median(verbs));
    std::printf("  open the area (first paint):   %7.1f ms   (target <= 150 ms)\n", open);
    std::printf("  switch partnership, median:    %7.1f ms\n", bench::median(switches));
    std::printf("  type one cost, median:         %7.1f ms   (store + undo + gather + paint)\n",
                bench::median(edits));
    if (const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR"); !folder.isEmpty())
        window.grab().save(QDir(folder).filePath(u"bench-programme.png"_s));
    return 0;
}
