// Benchmark for the history (issue 17): a workbook of 1,000 candidates whose history holds
// STEPS steps (default 100,000: a change of a candidate's notes each). Measures opening the
// History panel (until its first paint), reading further pages, one edit with its history
// entry on that workbook, and reports the file's size with and without the history.
// Offscreen; prints figures, never fails on time. Usage: bench_history [STEPS]
#include "BenchSupport.h"
#include "MainWindow.h"
#include "history/HistoryPanel.h"
#include "item/HistoryModel.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;


// Steps as the store writes them, made in one transaction (100,000 single edits would take
// as many disk flushes): each changes one candidate's notes.
static bool addHistory(const QString &path, int steps)
{
    store::SqliteDatabase db;
    return db.open(path, store::SqliteDatabase::Access::ReadWrite) &&
           db.exec(u"BEGIN;"
                   u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                   u"INSERT INTO history_steps(id, made_at, author, kind, label) "
                   u"SELECT randomblob(16), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', "
                   u"printf('-%d seconds', %1 - i)), 'Maya', 'edit', 'Change notes' FROM n;"
                   u"INSERT INTO history_changes(step, entity, record, owner, field, op, before, "
                   u"after) SELECT s.seq, 'candidates', c.uid, c.uid, 'notes', 'change', "
                   u"'note ' || (s.seq - 1), 'note ' || s.seq FROM history_steps s "
                   u"JOIN candidates c ON c.id = 1 + s.seq % 1000;"
                   u"COMMIT;"_s.arg(steps));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int steps = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 100000;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.playbook"_s);
    {
        store::StoreError error;
        auto workbook = store::Workbook::create(path, u"Bench"_s, &error);
        QList<domain::Candidate> candidates(1000);
        for (int i = 0; i < candidates.size(); ++i)
            candidates[i].name = u"Candidate %1"_s.arg(i, 4, 10, QChar(u'0'));
        if (!workbook || workbook->insertCandidates(candidates))
            return 1;
    }
    const qint64 without = QFileInfo(path).size();
    if (!addHistory(path, steps))
        return 1;
    const qint64 with = QFileInfo(path).size();

    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    if (!window.openWorkbook(path))
        return 1;
    QApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    window.historyDock()->toggleViewAction()->trigger();
    window.repaint();
    const double open = bench::msSince(timer);

    item::HistoryModel *model = window.historyPanel()->model();
    QList<double> pages;
    for (int i = 0; i < 10 && model->canFetchMore({}); ++i) {
        timer.restart();
        model->fetchMore({});
        pages.append(bench::msSince(timer));
    }
    QList<double> edits;
    store::Workbook *workbook = window.workbook();
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        workbook->setCandidateField(1, domain::CandidateField::Notes, u"edit %1"_s.arg(i));
        edits.append(bench::msSince(timer));
    }
    window.historyDock()->toggleViewAction()->trigger();
    QApplication::processEvents();
    QList<double> hiddenEdits;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        workbook->setCandidateField(1, domain::CandidateField::Notes, u"hidden %1"_s.arg(i));
        hiddenEdits.append(bench::msSince(timer));
    }
    std::printf("history steps: %d on 1,000 candidates\n", steps);
    std::printf("file size: %.1f MB with the history, %.2f MB without (%.0f bytes a step)\n",
                with / 1e6, without / 1e6, double(with - without) / steps);
    std::printf("open the History panel, until painted: %.1f ms (target <= 300)\n", open);
    std::printf("read a further page of %lld steps, median: %.2f ms\n",
                qlonglong(item::HistoryModel::kPageSize), bench::median(pages));
    std::printf("one edit with its history entry (History panel shown), median: %.2f ms\n",
                bench::median(edits));
    std::printf("one edit with its history entry (panel hidden), median: %.2f ms\n",
                bench::median(hiddenEdits));
    return 0;
}
