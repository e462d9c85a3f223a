// Test helper for tst_crash: a stream of edits through the store, each acknowledged on
// stdout ("ack N") once the store has returned, until the process is killed.
//   crashwriter edits WORKBOOK COPYDIR   setting, insert, KPI value, edit + undo,
//                                        10,000-row import, Save a Copy, round and round
//   crashwriter migrate WORKBOOK         open (and so upgrade) an older workbook
//   crashwriter merge WORKBOOK OTHER     merge a copy, their side winning every conflict
// Operation N of the edit stream is N % 6; tst_crash knows what each one leaves behind.
#include "domain/CandidateField.h"
#include "domain/WorkbookSettings.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QCoreApplication>
#include <QDir>
#include <QUndoStack>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

int fail(int op, const QString &message)
{
    std::printf("error %d %s\n", op, qPrintable(message));
    std::fflush(stdout);
    return 4;
}

void ack(int op)
{
    std::printf("ack %d\n", op);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: crashwriter edits WORKBOOK COPYDIR | migrate WORKBOOK\n");
        return 1;
    }
    store::StoreError error;
    auto workbook = store::Workbook::open(args.at(1), {}, &error);
    if (!workbook) {
        std::printf("open-failed %s\n", qPrintable(error.message));
        std::fflush(stdout);
        return 3;
    }
    if (args.at(0) == u"migrate") {
        ack(0);
        return 0;
    }
    if (args.at(0) == u"merge") {
        MergeOptions options;
        options.prefer = MergeSide::Theirs;
        MergeReport report;
        if (error = workbook->merge(args.value(2), options, &report); error || !report.applied)
            return fail(0, error ? error.message : u"the merge was not applied"_s);
        ack(0);
        return 0;
    }
    const QDir copies(args.value(2));
    item::WorkbookEditor editor(workbook.get());
    const qint64 ledgerly = workbook->candidateIdByName(u"Ledgerly"_s).value_or(0);
    qint64 referrals = 0;
    for (const KpiSeries &series : workbook->partnershipKpis(ledgerly).kpis) {
        if (series.definition.metric == KpiMetric::Referrals)
            referrals = series.definition.id;
    }
    if (!ledgerly || !referrals)
        return fail(-1, u"the sample's Ledgerly referrals KPI is missing"_s);

    for (int op = 0;; ++op) {
        switch (op % 6) {
        case 0:
            error = workbook->setSettings({{SettingKey::Title, u"title %1"_s.arg(op)}});
            break;
        case 1: {
            QList<Candidate> one(1);
            one[0].name = u"crash-c %1"_s.arg(op);
            error = workbook->insertCandidates(one);
            break;
        }
        case 2:
            error = workbook->setKpiValues(
                ledgerly, {{referrals, KpiPeriod::day(QDate(2030, 1, 1).addDays(op)), double(op)}});
            break;
        case 3: {
            // An edit and its undo, through the editor and its undo stack.
            const auto id = workbook->candidateIdByName(u"crash-c %1"_s.arg(op - 2));
            if (!id)
                return fail(op, u"crash-c %1 is missing"_s.arg(op - 2));
            if (const QString message =
                    editor.changeCandidateField(*id, CandidateField::Notes, u"note %1"_s.arg(op));
                !message.isEmpty())
                return fail(op, message);
            editor.undoStack()->undo();
            break;
        }
        case 4: {
            QList<CandidatePatch> patches;
            patches.reserve(10000);
            for (int row = 0; row < 10000; ++row) {
                CandidatePatch patch;
                patch.line = row + 2;
                patch.name = u"imp %1 %2"_s.arg(op).arg(row);
                patch.set(CandidateField::Website, u"imp%1-%2.example.com"_s.arg(op).arg(row));
                patches.append(patch);
            }
            store::ImportOutcome outcome;
            error = workbook->importCandidates(patches, &outcome);
            break;
        }
        case 5:
            error = workbook->saveCopy(copies.filePath(u"copy-%1.playbook"_s.arg(op)));
            break;
        }
        if (error)
            return fail(op, error.message);
        ack(op);
    }
}
