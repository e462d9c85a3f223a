// Benchmark for the GUI import (issue 19): a 100,000-row file imported through the
// Candidates area's streamed import, against `playbook-cli candidates import` of the same
// file; the app's peak memory above its idle size; undo and redo of the whole import.
// Offscreen; prints figures, never fails on time. Usage: bench_import_gui [ROWS]
#include "BenchSupport.h"
#include "MainWindow.h"
#include "candidates/CandidatesPage.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;
using namespace pb;

namespace {

double peakMegabytes()
{
#ifdef Q_OS_LINUX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
#else
    return 0;
#endif
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    QApplication::processEvents();
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("PLAYBOOK_NO_DIALOGS", "1");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"candidates.csv"_s);
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly) || file.write(bench::candidatesCsv(rows)) < 0)
            return 1;
    }
    const QString cli = QDir(QStringLiteral(PLAYBOOK_BINARY_DIR)).filePath(u"app/playbook-cli"_s);
    QList<double> cliTimes;
    for (int round = 0; round < 3; ++round) {
        const QString copy = dir.filePath(u"cli%1.playbook"_s.arg(round));
        bench::run(cli, {u"new"_s, copy});
        cliTimes << bench::run(cli, {u"candidates"_s, u"import"_s, copy, csv}).milliseconds;
    }

    const QString path = dir.filePath(u"gui.playbook"_s);
    bench::run(cli, {u"new"_s, path});
    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.openWorkbook(path);
    window.showArea(0);
    QApplication::processEvents();
    const double idle = peakMegabytes();
    bool imported = false;
    const double gui = millisecondsOf([&] { imported = window.candidatesPage()->importFile(csv); });
    const double peak = peakMegabytes();
    if (!imported || window.workbook()->counts().candidates != rows) {
        std::fprintf(stderr, "the GUI import failed\n");
        return 1;
    }
    QUndoStack *stack = window.editor()->undoStack();
    const double undo = millisecondsOf([stack] { stack->undo(); });
    const double redo = millisecondsOf([stack] { stack->redo(); });
    std::printf("rows: %d\n", rows);
    std::printf("candidates import (CLI, whole process), median of 3: %.0f ms\n",
                bench::median(cliTimes));
    std::printf(
        "GUI import to the repainted table: %.0f ms, ratio to the CLI %.2f (target <= 1.5)\n", gui,
        gui / bench::median(cliTimes));
    std::printf("app peak memory: %.0f MB, idle before the import %.0f MB, above idle %.0f MB "
                "(target <= 150)\n",
                peak, idle, peak - idle);
    std::printf(
        "undo of the whole import: %.0f ms, redo: %.0f ms; peak memory after both %.0f MB\n", undo,
        redo, peakMegabytes());
    return 0;
}
