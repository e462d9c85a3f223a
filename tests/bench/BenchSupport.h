#pragma once

// Helpers for the benchmarks: a realistic 100,000-row candidates CSV, running a program
// and measuring its wall time and peak memory. Linux-only measurements are guarded.
#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QIODevice>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
extern char **environ;
#endif

namespace pb::bench {

inline double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// The two shapes of candidates file the import is measured on.
enum class CsvShape {
    Plain,  // ASCII names, one quoted field a row: bench_candidates' first file
    Quoted, // real exports: non-ASCII names, every revenue theory quoted with "" inside
};

// About 160 bytes a row, like a real long list with a revenue theory and notes. With out,
// the rows are written there a few megabytes at a time and nothing is returned: a
// benchmark that holds a million-row file in memory would pass its size on to the peak
// memory measured for the programs it starts (posix_spawn's child shares it at first).
inline QByteArray candidatesCsv(int rows, CsvShape shape = CsvShape::Plain,
                                QIODevice *out = nullptr)
{
    static const char *structures[] = {"referral", "reseller", "integration", "co-marketing",
                                       "joint-venture"};
    static const char *stages[] = {"sourced", "qualified", "proposed", "pilot", "paused"};
    static const char *owners[] = {"Maya Chen", "Jonas Berg", "Priya Nair", "Tom Avery"};
    static const char *quotedNames[] = {
        "Müller Datenwerk", "Søren & Björk Analytik", "Łódź Integracje",    "Café Numérique",
        "Ōsaka Data 大阪",  "São Paulo Parcerias",    "Zürich Finanz-Tools"};
    QRandomGenerator random(2026);
    QByteArray csv = "name,website,structure,audience_overlap,strategic_value,"
                     "ease_of_integration,stage,owner,revenue_theory,notes\n";
    csv.reserve(out ? 4 * 1024 * 1024 + 1024 : rows * 170);
    for (int i = 0; i < rows; ++i) {
        if (out && csv.size() > 4 * 1024 * 1024) {
            out->write(csv);
            csv.resize(0);
        }
        const auto score = [&] {
            const int s = int(random.bounded(6));
            return s == 0 ? QByteArray() : QByteArray::number(s);
        };
        if (shape == CsvShape::Quoted) {
            csv += "\"" + QByteArray(quotedNames[i % 7]) + " " + QByteArray::number(i) +
                   "\",partner" + QByteArray::number(i) + ".example.com," +
                   structures[random.bounded(5)] + ',' + score() + ',' + score() + ',' + score() +
                   ',' + stages[random.bounded(5)] + ',' + owners[random.bounded(4)] +
                   ",\"Their \"\"finance\"\" teams, in Zürich and São Paulo, buy analytics; "
                   "we add \"\"reporting\"\" — and they resell it.\",\"Follow up, Q" +
                   QByteArray::number(1 + i % 4) + "\"\n";
            continue;
        }
        csv += "Partner " + QByteArray::number(i) + " Analytics," + "partner" +
               QByteArray::number(i) + ".example.com," + structures[random.bounded(5)] + ',' +
               score() + ',' + score() + ',' + score() + ',' + stages[random.bounded(5)] + ',' +
               owners[random.bounded(4)] +
               ",\"Their customers, mid-market finance teams, buy analytics; we add "
               "reporting.\",Follow up in Q" +
               QByteArray::number(1 + i % 4) + "\n";
    }
    if (out) {
        out->write(csv);
        return {};
    }
    return csv;
}

struct RunResult
{
    int exitCode = -1;
    double milliseconds = 0;
    double peakMegabytes = 0;
};

// Runs a program to completion; wall time and, on Linux, its peak resident memory.
inline RunResult run(const QString &program, const QStringList &arguments)
{
    RunResult result;
#ifdef Q_OS_LINUX
    QList<QByteArray> storage{program.toLocal8Bit()};
    for (const QString &argument : arguments)
        storage.append(argument.toLocal8Bit());
    QList<char *> argv;
    for (QByteArray &a : storage)
        argv.append(a.data());
    argv.append(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", 0x1 /*O_WRONLY*/, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        return result;
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    result.milliseconds = timer.nsecsElapsed() / 1e6;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.peakMegabytes = usage.ru_maxrss / 1024.0;
    posix_spawn_file_actions_destroy(&actions);
#else
    Q_UNUSED(program);
    Q_UNUSED(arguments);
#endif
    return result;
}

} // namespace pb::bench
