// Benchmark for the candidate list at 100,000 rows (issues 3 and 18): `candidates import`
// against `sqlite3 .import` on the same file, `rank --top 10`, and `candidates export` as CSV
// and as XLSX with the import of each exported file, all for the whole process. Prints
// figures; never fails on time. Usage: bench_candidates [ROWS] [ROUNDS]
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"candidates.csv"_s);
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly) || file.write(candidatesCsv(rows)) < 0)
            return 1;
    }
    const QString cli = QDir(QStringLiteral(PLAYBOOK_BINARY_DIR)).filePath(u"app/playbook-cli"_s);
    const QString sqlite = QStandardPaths::findExecutable(u"sqlite3"_s);
    std::printf("rows: %d, CSV size: %.1f MB, rounds: %d\n", rows,
                QFileInfo(csv).size() / 1048576.0, rounds);

    QList<double> ours, theirs, peaks, rank;
    // The exports and the imports of what they wrote: CSV and XLSX, the same data.
    struct Figures
    {
        const char *what = nullptr;
        QList<double> milliseconds = {}, megabytes = {};
    };
    Figures transfers[] = {{"candidates export FILE.csv"},
                           {"candidates export FILE.xlsx"},
                           {"candidates import of the exported CSV"},
                           {"candidates import of the exported XLSX"}};
    const QString exported[] = {dir.filePath(u"exported.csv"_s), dir.filePath(u"exported.xlsx"_s)};
    for (int round = 0; round < rounds; ++round) {
        const QString workbook = dir.filePath(u"w%1.playbook"_s.arg(round));
        run(cli, {u"new"_s, workbook});
        const RunResult imported = run(cli, {u"candidates"_s, u"import"_s, workbook, csv});
        if (imported.exitCode != 0) {
            std::fprintf(stderr, "import failed (%d)\n", imported.exitCode);
            return 1;
        }
        ours << imported.milliseconds;
        peaks << imported.peakMegabytes;
        if (!sqlite.isEmpty()) {
            const QString db = dir.filePath(u"s%1.db"_s.arg(round));
            theirs << run(sqlite, {db, u".import --csv %1 t"_s.arg(csv)}).milliseconds;
        }
        rank << run(cli, {u"rank"_s, workbook, u"--top"_s, u"10"_s}).milliseconds;
        for (int type = 0; type < 2; ++type) {
            const RunResult written =
                run(cli, {u"candidates"_s, u"export"_s, workbook, exported[type]});
            const QString copy = dir.filePath(u"c%1-%2.playbook"_s.arg(round).arg(type));
            run(cli, {u"new"_s, copy});
            const RunResult read = run(cli, {u"candidates"_s, u"import"_s, copy, exported[type]});
            if (written.exitCode != 0 || read.exitCode != 0) {
                std::fprintf(stderr, "export or import of %s failed\n", qPrintable(exported[type]));
                return 1;
            }
            for (const auto &[figures, result] :
                 {std::pair{&transfers[type], written}, std::pair{&transfers[2 + type], read}}) {
                figures->milliseconds << result.milliseconds;
                figures->megabytes << result.peakMegabytes;
            }
        }
    }
    std::printf("candidates import (whole process), median: %.0f ms, peak memory %.0f MB\n",
                median(ours), median(peaks));
    if (!theirs.isEmpty()) {
        std::printf("sqlite3 .import --csv (whole process), median: %.0f ms\n", median(theirs));
        std::printf("ratio import / sqlite3: %.2f (target <= 1.5)\n",
                    median(ours) / median(theirs));
    } else {
        std::printf("sqlite3 not found: install the sqlite3 package for the comparison\n");
    }
    std::printf("rank --top 10 (whole process), median: %.0f ms (target <= 300)\n", median(rank));
    std::printf("exported files: CSV %.1f MB, XLSX %.1f MB\n",
                QFileInfo(exported[0]).size() / 1048576.0,
                QFileInfo(exported[1]).size() / 1048576.0);
    for (const Figures &figures : transfers)
        std::printf("%s (whole process), median: %.0f ms, peak memory %.0f MB\n", figures.what,
                    median(figures.milliseconds), median(figures.megabytes));
    return 0;
}
