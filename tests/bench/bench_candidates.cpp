// Benchmark for the candidate list at 100,000 rows (issues 3 and 18): `candidates import`
// against `sqlite3 .import` on the same file, `rank --top 10`, and `candidates export` as CSV
// and as XLSX with the import of each exported file, all for the whole process. Prints
// figures; never fails on time. Usage: bench_candidates [ROWS] [ROUNDS] [--import-only]
// Imports are measured on two shapes of file (BenchSupport's CsvShape), side by side with
// sqlite3 .import of the same file into a plain table (issue 19).
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
    const bool importOnly = app.arguments().contains(u"--import-only"_s);
    QTemporaryDir dir;
    // PLAYBOOK_BENCH_FILES=DIR keeps the generated files there, for profiling.
    const QString filesDir = qEnvironmentVariable("PLAYBOOK_BENCH_FILES", dir.path());
    const QString csvFiles[] = {QDir(filesDir).filePath(u"candidates.csv"_s),
                                QDir(filesDir).filePath(u"candidates-quoted.csv"_s)};
    const char *shapeNames[] = {"plain ASCII", "quoted, non-ASCII"};
    for (int shape = 0; shape < 2; ++shape) {
        QFile file(csvFiles[shape]);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        candidatesCsv(rows, CsvShape(shape), &file);
    }
    const QString &csv = csvFiles[0];
    const QString cli = QDir(QStringLiteral(PLAYBOOK_BINARY_DIR)).filePath(u"app/playbook-cli"_s);
    const QString sqlite = QStandardPaths::findExecutable(u"sqlite3"_s);
    std::printf("rows: %d, CSV size: %.1f MB (quoted: %.1f MB), rounds: %d\n", rows,
                QFileInfo(csvFiles[0]).size() / 1048576.0,
                QFileInfo(csvFiles[1]).size() / 1048576.0, rounds);

    // Both shapes of file, imported side by side with sqlite3 .import into a plain table.
    QList<double> ours[2], theirs[2], peaks[2], sqlitePeaks[2];
    for (int round = 0; round < rounds; ++round) {
        for (int shape = 0; shape < 2; ++shape) {
            const QString workbook = dir.filePath(u"i%1-%2.playbook"_s.arg(round).arg(shape));
            run(cli, {u"new"_s, workbook});
            const RunResult imported =
                run(cli, {u"candidates"_s, u"import"_s, workbook, csvFiles[shape]});
            if (imported.exitCode != 0) {
                std::fprintf(stderr, "import failed (%d)\n", imported.exitCode);
                return 1;
            }
            ours[shape] << imported.milliseconds;
            peaks[shape] << imported.peakMegabytes;
            if (!sqlite.isEmpty()) {
                const QString db = dir.filePath(u"s%1-%2.db"_s.arg(round).arg(shape));
                const RunResult plain =
                    run(sqlite, {db, u".import --csv %1 t"_s.arg(csvFiles[shape])});
                theirs[shape] << plain.milliseconds;
                sqlitePeaks[shape] << plain.peakMegabytes;
            }
        }
    }
    for (int shape = 0; shape < 2; ++shape) {
        std::printf("%s file: candidates import (whole process), median: %.0f ms, peak memory "
                    "%.0f MB\n",
                    shapeNames[shape], median(ours[shape]), median(peaks[shape]));
        if (theirs[shape].isEmpty()) {
            std::printf("sqlite3 not found: install the sqlite3 package for the comparison\n");
            continue;
        }
        std::printf("%s file: sqlite3 .import --csv (whole process), median: %.0f ms, peak "
                    "memory %.0f MB\n",
                    shapeNames[shape], median(theirs[shape]), median(sqlitePeaks[shape]));
        std::printf("%s file: ratio import / sqlite3: %.2f (target <= %s)\n", shapeNames[shape],
                    median(ours[shape]) / median(theirs[shape]), rows > 100000 ? "1.5" : "1.25");
    }
    if (importOnly)
        return 0;

    QList<double> rank;
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
        if (run(cli, {u"candidates"_s, u"import"_s, workbook, csv}).exitCode != 0)
            return 1;
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
    std::printf("rank --top 10 (whole process), median: %.0f ms (target <= 300)\n", median(rank));
    std::printf("exported files: CSV %.1f MB, XLSX %.1f MB\n",
                QFileInfo(exported[0]).size() / 1048576.0,
                QFileInfo(exported[1]).size() / 1048576.0);
    for (const Figures &figures : transfers)
        std::printf("%s (whole process), median: %.0f ms, peak memory %.0f MB\n", figures.what,
                    median(figures.milliseconds), median(figures.megabytes));
    return 0;
}
