// Benchmark for merging a colleague's copy (issue 17): two copies of a 20,000-candidate
// workbook that each made 10,000 changes since they parted — ours changed 10,000 owners in one
// import, theirs 10,000 notes in one import plus 500 owners one edit at a time (500 conflicts,
// settled for theirs) and added 1,000 candidates. Figures: the dry run and the merge in
// process, the whole `playbook-cli merge` with its peak memory, and a second merge (nothing
// new). Target: <= 1 s and <= 200 MB.
#include "BenchSupport.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

constexpr int kShared = 20000;

QList<CandidatePatch> patches(int from, int count, CandidateField field, const QString &value)
{
    QList<CandidatePatch> list;
    for (int i = from; i < from + count; ++i) {
        CandidatePatch patch;
        patch.line = i + 2;
        patch.name = u"Candidate %1"_s.arg(i, 5, 10, QChar(u'0'));
        patch.set(field, value.arg(i));
        list.append(patch);
    }
    return list;
}

bool prepare(const QString &ours, const QString &theirs)
{
    {
        store::StoreError error;
        auto workbook = store::Workbook::create(ours, u"Bench"_s, &error);
        store::ImportOutcome outcome;
        if (!workbook || workbook->importCandidates(
                             patches(0, kShared, CandidateField::Website, u"c%1.example.com"_s),
                             &outcome))
            return false;
    }
    if (!QFile::copy(ours, theirs))
        return false;
    store::StoreError error;
    auto mine = store::Workbook::open(ours, {}, &error);
    auto other = store::Workbook::open(theirs, {}, &error);
    if (!mine || !other)
        return false;
    mine->setAuthor(u"Maya"_s);
    other->setAuthor(u"Ravi"_s);
    store::ImportOutcome outcome;
    if (mine->importCandidates(patches(0, 10000, CandidateField::Owner, u"Maya %1"_s), &outcome) ||
        other->importCandidates(patches(5000, 10000, CandidateField::Notes, u"note %1"_s),
                                &outcome) ||
        other->importCandidates(patches(kShared, 1000, CandidateField::Website, u"n%1.example"_s),
                                &outcome))
        return false;
    item::WorkbookEditor editor(other.get());
    for (int i = 0; i < 500; ++i) {
        const auto id = other->candidateIdByName(u"Candidate %1"_s.arg(i, 5, 10, QChar(u'0')));
        if (!id || !editor.changeCandidateField(*id, CandidateField::Owner, u"Ravi"_s).isEmpty())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString base = dir.filePath(u"base.playbook"_s);
    const QString theirs = dir.filePath(u"theirs.playbook"_s);
    if (!prepare(base, theirs)) {
        std::fprintf(stderr, "could not prepare the two copies\n");
        return 1;
    }
    MergeOptions options;
    options.prefer = MergeSide::Theirs;
    QList<double> dry, merges, again, cli, memory;
    int changes = 0;
    int conflicts = 0;
    for (int run = 0; run < 3; ++run) {
        const QString ours = dir.filePath(u"ours-%1.playbook"_s.arg(run));
        QFile::copy(base, ours);
        {
            store::StoreError error;
            auto workbook = store::Workbook::open(ours, {}, &error);
            MergeReport report;
            MergeOptions dryRun = options;
            dryRun.dryRun = true;
            QElapsedTimer timer;
            timer.start();
            if (!workbook || workbook->merge(theirs, dryRun, &report))
                return 1;
            dry.append(bench::msSince(timer));
            timer.restart();
            if (workbook->merge(theirs, options, &report) || !report.applied)
                return 1;
            merges.append(bench::msSince(timer));
            changes = int(report.changes.size());
            conflicts = int(report.conflicts.size());
            timer.restart();
            if (workbook->merge(theirs, options, &report) || !report.changes.isEmpty())
                return 1;
            again.append(bench::msSince(timer));
        }
        const QString viaCli = dir.filePath(u"cli-%1.playbook"_s.arg(run));
        QFile::copy(base, viaCli);
        const bench::RunResult result =
            bench::run(QStringLiteral(PLAYBOOK_BINARY_DIR) + u"/app/playbook-cli"_s,
                       {u"merge"_s, viaCli, theirs, u"--prefer"_s, u"theirs"_s});
        if (result.exitCode != 0)
            return 1;
        cli.append(result.milliseconds);
        memory.append(result.peakMegabytes);
    }
    std::printf("merge: %d candidates shared; each side 10,000+ changes since parting; "
                "%d changes applied, %d conflicts (theirs kept)\n", kShared, changes, conflicts);
    std::printf("  dry run, median:                        %7.1f ms\n", bench::median(dry));
    std::printf("  merge (one transaction), median:        %7.1f ms   (target <= 1000 ms)\n",
                bench::median(merges));
    std::printf("  merge again (nothing new), median:      %7.1f ms\n", bench::median(again));
    std::printf("  playbook-cli merge, whole process:      %7.1f ms, peak %.0f MB "
                "(target <= 200 MB)\n", bench::median(cli), bench::median(memory));
    return 0;
}
