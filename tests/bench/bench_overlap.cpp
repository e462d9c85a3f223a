// Benchmark for audience overlap (issue 7): one million accounts on each side, a quarter
// shared, written as they come from CRMs (URLs, e-mail addresses, www., upper case).
// Measures `playbook-cli overlap prepare` and `overlap compare` (a list against a tokens
// file, and two lists), whole process: wall time and peak memory. Targets: prepare <= 2 s,
// compare <= 2 s, peak memory <= 300 MB each. Prints figures; never fails on time.
// Usage: bench_overlap [ACCOUNTS]
#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;

static QByteArray accounts(int count, int offset, const char *header, int style)
{
    QByteArray csv = header;
    csv += '\n';
    csv.reserve(count * 40);
    for (int i = 0; i < count; ++i) {
        const QByteArray domain = "customer-" + QByteArray::number(offset + i) + ".example.com";
        switch ((i + style) % 4) {
        case 0:
            csv += "Account " + QByteArray::number(i) + ",https://www." + domain + "/home\n";
            break;
        case 1:
            csv += "Account " + QByteArray::number(i) + ',' + domain.toUpper() + '\n';
            break;
        case 2:
            csv += "Account " + QByteArray::number(i) + ",buyer@" + domain + '\n';
            break;
        default:
            csv += "Account " + QByteArray::number(i) + ",http://" + domain + ":8080/?x=1\n";
            break;
        }
    }
    return csv;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1000, QString::fromLocal8Bit(argv[1]).toInt()) : 1000000;
    QTemporaryDir dir;
    const QString ours = dir.filePath(u"ours.csv"_s), theirs = dir.filePath(u"theirs.csv"_s);
    const QString key = dir.filePath(u"x.key"_s), tokens = dir.filePath(u"theirs.tokens"_s);
    {
        QFile a(ours), b(theirs);
        if (!a.open(QIODevice::WriteOnly) || !b.open(QIODevice::WriteOnly))
            return 1;
        a.write(accounts(count, 0, "name,website", 0));
        b.write(accounts(count, count * 3 / 4, "name,email", 1));
    }
    const QString cli = QStringLiteral(PLAYBOOK_BINARY_DIR) + u"/app/playbook-cli"_s;
    if (bench::run(cli, {u"overlap"_s, u"keygen"_s, u"-o"_s, key}).exitCode != 0)
        return 1;
    // Each run three times; the median time and the largest peak are reported.
    const auto measured = [&cli](const QStringList &arguments, const QString &removeFirst = {}) {
        QList<double> times;
        bench::RunResult worst;
        worst.exitCode = 0;
        for (int i = 0; i < 3; ++i) {
            if (!removeFirst.isEmpty())
                QFile::remove(removeFirst);
            const bench::RunResult run = bench::run(cli, arguments);
            times.append(run.milliseconds);
            worst.exitCode = run.exitCode ? run.exitCode : worst.exitCode;
            worst.peakMegabytes = std::max(worst.peakMegabytes, run.peakMegabytes);
        }
        worst.milliseconds = bench::median(times);
        return worst;
    };
    const bench::RunResult prepare =
        measured({u"overlap"_s, u"prepare"_s, theirs, u"--key"_s, key, u"-o"_s, tokens}, tokens);
    const bench::RunResult privately =
        measured({u"overlap"_s, u"compare"_s, ours, tokens, u"--key"_s, key, u"--json"_s});
    const bench::RunResult plainly =
        measured({u"overlap"_s, u"compare"_s, ours, theirs, u"--json"_s});
    if (prepare.exitCode || privately.exitCode || plainly.exitCode) {
        std::fprintf(stderr, "a run failed: %d %d %d\n", prepare.exitCode, privately.exitCode,
                     plainly.exitCode);
        return 1;
    }
    std::printf("Audience overlap, %d accounts on each side (%d shared); median of 3 runs\n", count,
                count / 4);
    std::printf("  overlap prepare (CSV -> tokens):       %7.0f ms, peak %5.0f MB   (targets 2 s, "
                "300 MB)\n",
                prepare.milliseconds, prepare.peakMegabytes);
    std::printf("  overlap compare (CSV vs tokens, key):  %7.0f ms, peak %5.0f MB   (targets 2 s, "
                "300 MB)\n",
                privately.milliseconds, privately.peakMegabytes);
    std::printf("  overlap compare (CSV vs CSV):          %7.0f ms, peak %5.0f MB\n",
                plainly.milliseconds, plainly.peakMegabytes);
    return 0;
}
