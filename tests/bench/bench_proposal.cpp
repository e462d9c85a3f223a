// Benchmark for the one-page proposal (issue 6): `playbook-cli proposal` on the sample
// workbook's Ledgerly, the whole process (start, open, lay out, write the PDF), and the
// same work in-process split into gathering, layout and PDF. Prints figures; never fails on
// time. Target: the whole process <= 300 ms.
#include "BenchSupport.h"
#include "io/ProposalDocument.h"
#include "io/SampleWorkbook.h"
#include "item/ProposalData.h"
#include "store/Workbook.h"

#include <QDir>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace pb;

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sample.playbook"_s);
    if (io::SampleWorkbook::create(path))
        return 1;
    const QString cli = QStringLiteral(PLAYBOOK_BINARY_DIR) + u"/app/playbook-cli"_s;
    const QString pdf = dir.filePath(u"ledgerly.pdf"_s);

    QList<double> whole;
    double peak = 0;
    for (int i = 0; i < 15; ++i) {
        QFile::remove(pdf);
        const bench::RunResult result =
            bench::run(cli, {u"proposal"_s, path, u"Ledgerly"_s, u"-o"_s, pdf});
        if (result.exitCode != 0) {
            std::fprintf(stderr, "playbook-cli proposal failed (%d)\n", result.exitCode);
            return 1;
        }
        whole.append(result.milliseconds);
        peak = std::max(peak, result.peakMegabytes);
    }

    store::StoreError error;
    auto workbook = store::Workbook::open(path, {.readOnly = true}, &error);
    if (!workbook)
        return 1;
    const qint64 id = *workbook->candidateIdByName(u"Ledgerly"_s);
    QList<double> gather, layout, write;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto data = item::ProposalData::gather(*workbook, id, QDate::currentDate());
        gather.append(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const io::ProposalDocument document(data->content(), QPageSize::A4);
        layout.append(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const QByteArray bytes = document.pdfBytes(u"Maya Chen"_s);
        write.append(timer.nsecsElapsed() / 1e6);
        if (bytes.isEmpty())
            return 1;
    }
    std::printf("One-page proposal, sample workbook (Ledgerly), %lld bytes of PDF\n",
                qint64(QFileInfo(pdf).size()));
    std::printf("  playbook-cli proposal, whole process, median: %6.1f ms   (target <= 300 ms)\n",
                bench::median(whole));
    std::printf("  peak memory of that process:                 %6.1f MB\n", peak);
    std::printf("  in-process: gather %.1f ms, lay out %.1f ms, write PDF %.1f ms (medians)\n",
                bench::median(gather), bench::median(layout), bench::median(write));
    return 0;
}
