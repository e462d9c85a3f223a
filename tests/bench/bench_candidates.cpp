// Benchmark for the candidate list at 100,000 rows (issue 3): `candidates import` against
// `sqlite3 .import` on the same file, and `rank --top 10` for the whole process. Prints
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
    return 0;
}
