// Benchmark for the Candidates area with 100,000 candidates (issue 3): time from opening
// the workbook to the first painted table, a weight change re-ranking and repainting, a
// column sort, and resident memory. Offscreen; prints figures, never fails on time.
// Usage: bench_candidates_gui [ROWS]   (PLAYBOOK_SCREENSHOT_DIR keeps a picture)
#include "BenchSupport.h"
#include "io/CandidateCsv.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/CandidateImporter.h"
#include "store/Workbook.h"
#include "MainWindow.h"
#include "candidates/CandidateTableView.h"
#include "candidates/CandidatesPage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;

static double residentMegabytes()
{
#ifdef Q_OS_LINUX
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
#endif
    return 0;
}

// Paints the table now, as the window system would on the next frame.
static double paintMilliseconds(QWidget *viewport)
{
    QElapsedTimer timer;
    timer.start();
    viewport->repaint();
    return timer.nsecsElapsed() / 1e6;
}

int main(int argc, char *argv[])
{
    qputenv("PLAYBOOK_NO_DIALOGS", "1");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.playbook"_s);
    {
        store::StoreError error;
        auto workbook = store::Workbook::create(path, u"Large"_s, &error);
        store::CandidateImporter importer(*workbook);
        io::CandidateCsv::parse(bench::candidatesCsv(rows), u"generated"_s, QChar(),
                                [&](domain::CandidatePatch &&patch) { return importer.add(patch); });
        store::ImportOutcome outcome;
        if (importer.commit(&outcome)) {
            std::fprintf(stderr, "could not build the workbook\n");
            return 1;
        }
    }
    const double baseline = residentMegabytes();

    QElapsedTimer timer;
    timer.start();
    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.openWorkbook(path);
    window.showArea(0);
    QApplication::processEvents();
    auto *view = window.candidatesPage()->view();
    paintMilliseconds(view->viewport());
    const double firstPaint = timer.nsecsElapsed() / 1e6;

    QList<double> reweigh, sortTimes;
    for (int round = 0; round < 5; ++round) {
        timer.restart();
        window.editor()->changeSettings(
            {{domain::SettingKey::WeightStrategicValue, 1.0 + (round % 2 ? 1.5 : 0.5)}});
        paintMilliseconds(view->viewport());
        reweigh << timer.nsecsElapsed() / 1e6;
    }
    for (int column :
         {item::CandidateTableModel::ScoreColumn, item::CandidateTableModel::NameColumn,
          item::CandidateTableModel::OwnerColumn, item::CandidateTableModel::StageColumn,
          item::CandidateTableModel::RankColumn}) {
        timer.restart();
        view->sortByColumn(column, Qt::DescendingOrder);
        paintMilliseconds(view->viewport());
        sortTimes << timer.nsecsElapsed() / 1e6;
    }
    QApplication::processEvents();
    const QString shots = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        window.grab().save(QDir(shots).filePath(u"candidates-100k.png"_s));
    }

    std::printf("candidates: %d\n", rows);
    std::printf("open to first painted table: %.0f ms (target <= 700)\n", firstPaint);
    std::printf("weight change, re-rank and repaint, median of 5: %.1f ms (target <= 50)\n",
                bench::median(reweigh));
    std::printf("column sort and repaint (score, name, owner, stage, rank), median: %.1f ms, "
                "worst %.1f ms (target <= 100)\n",
                bench::median(sortTimes), *std::max_element(sortTimes.cbegin(), sortTimes.cend()));
    std::printf("resident memory: %.0f MB (process before opening: %.0f MB; target <= 250)\n",
                residentMegabytes(), baseline);
    return 0;
}
