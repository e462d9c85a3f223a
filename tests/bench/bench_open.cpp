// Benchmark: how long it takes to create, open (with quick_check and the schema check) and
// copy a workbook of 100,000 candidates. Prints figures; never fails on time.
#include "domain/Candidate.h"
#include "store/Workbook.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;

static double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.playbook"_s);

    QList<domain::Candidate> candidates(count);
    for (int i = 0; i < count; ++i) {
        domain::Candidate &c = candidates[i];
        c.name = u"Partner %1 Holdings"_s.arg(i);
        c.website = u"partner%1.example.com"_s.arg(i);
        c.structure = domain::Structure(1 + i % 5);
        c.audienceOverlap = 1 + i % 5;
        c.strategicValue = 1 + (i / 5) % 5;
        c.easeOfIntegration = 1 + (i / 25) % 5;
        c.owner = u"Owner %1"_s.arg(i % 7);
        c.revenueTheory = u"Their customers buy our product when they grow past fifty seats."_s;
    }

    store::StoreError error;
    QElapsedTimer timer;
    timer.start();
    auto workbook = store::Workbook::create(path, u"Bench"_s, &error);
    if (!workbook || workbook->insertCandidates(candidates)) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(error.message));
        return 1;
    }
    const double insertMs = timer.nsecsElapsed() / 1e6;
    workbook.reset();

    QList<double> openRw, openRo, copy;
    for (int round = 0; round < 5; ++round) {
        timer.restart();
        auto rw = store::Workbook::open(path, {}, &error);
        openRw << timer.nsecsElapsed() / 1e6;
        timer.restart();
        rw->saveCopy(dir.filePath(u"copy.playbook"_s));
        copy << timer.nsecsElapsed() / 1e6;
        rw.reset();
        timer.restart();
        auto ro = store::Workbook::open(path, {.readOnly = true}, &error);
        openRo << timer.nsecsElapsed() / 1e6;
    }
    std::printf("candidates: %d, file size: %.1f MB\n", count, QFileInfo(path).size() / 1048576.0);
    std::printf("create + insert in one transaction: %.0f ms\n", insertMs);
    std::printf("open for editing (lock, quick_check, schema check), median of 5: %.1f ms\n",
                median(openRw));
    std::printf("open read-only, median of 5: %.1f ms\n", median(openRo));
    std::printf("save a copy (backup API, checked), median of 5: %.1f ms\n", median(copy));
    return 0;
}
