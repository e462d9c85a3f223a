// Test helper for tst_diskfull: runs one operation with the file-size limit
// (RLIMIT_FSIZE) set, SIGXFSZ ignored, so that every write past LIMIT bytes fails as on a
// full disk. Prints "failed: MESSAGE" and exits 0 when the operation reported the failure,
// exits 5 when it claimed success.
//   diskfull LIMIT ACTION WORKBOOK OUT
// ACTION: edit, import, copy, csv, pdf, png, tokens.
#include "domain/Scoring.h"
#include "domain/WorkbookSettings.h"
#include "io/AccountOverlap.h"
#include "io/CandidateCsv.h"
#include "io/ProposalDocument.h"
#include "io/SafeFile.h"
#include "item/ProposalData.h"
#include "store/Workbook.h"
#include "KpiChart.h"

#include <QApplication>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: diskfull LIMIT ACTION WORKBOOK OUT\n");
        return 1;
    }
    const QString action = args.at(1), out = args.at(3);
    store::StoreError error;
    auto workbook = store::Workbook::open(args.at(2), {}, &error);
    if (!workbook) {
        std::printf("open-failed: %s\n", qPrintable(error.message));
        return 3;
    }
    // Everything the operation needs is read before the limit; then the disk is "full".
    const qint64 ledgerly = *workbook->candidateIdByName(u"Ledgerly"_s);
    const QList<Candidate> candidates = workbook->candidates();
    const auto proposal = item::ProposalData::gather(*workbook, ledgerly, QDate::currentDate());
    const PartnershipKpis kpis = workbook->partnershipKpis(ledgerly);
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{rlim_t(args.at(0).toLongLong()), rlim_t(args.at(0).toLongLong())};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) {
        std::printf("setrlimit failed\n");
        return 2;
    }

    QString message;
    if (action == u"edit") {
        // A long note: the database has to grow past the limit.
        Candidate changed = candidates.first();
        changed.notes = u"x"_s.repeated(2 * 1024 * 1024);
        message = workbook->updateCandidates({changed}).message;
    } else if (action == u"import") {
        QList<CandidatePatch> patches;
        for (int row = 0; row < 10000; ++row) {
            CandidatePatch patch;
            patch.line = row + 2;
            patch.name = u"Imported %1"_s.arg(row);
            patch.set(CandidateField::Website, u"imported-%1.example.com"_s.arg(row));
            patches.append(patch);
        }
        store::ImportOutcome outcome;
        message = workbook->importCandidates(patches, &outcome).message;
    } else if (action == u"copy") {
        message = workbook->saveCopy(out).message;
    } else if (action == u"csv") {
        const Ranking ranking(candidates);
        message = io::SafeFile::write(
            out, io::CandidateCsv::write(candidates, ranking.rank(WorkbookSettings::scoringWeights(
                                                         workbook->settings()))));
    } else if (action == u"pdf") {
        const io::ProposalDocument document(proposal->content(), QPageSize::A4);
        message = document.writePdf(out, u"Maya Chen"_s);
    } else if (action == u"png") {
        message = charts::saveKpiChart(kpis.kpis.first(), KpiThresholds(), u"Ledgerly"_s, out,
                                   QSize(1600, 900));
    } else if (action == u"tokens") {
        QByteArray csv = "domain\n";
        for (int i = 0; i < 20000; ++i)
            csv += "customer-" + QByteArray::number(i) + ".example.com\n";
        io::AccountOverlap::Accounts accounts;
        io::AccountOverlap::readCsv(csv, u"accounts.csv"_s, {}, accounts);
        QString why;
        const QByteArray key =
            io::AccountOverlap::readKey(io::AccountOverlap::newKeyFile(), {}, &why);
        message = io::SafeFile::write(out, io::AccountOverlap::writeTokens(accounts, key));
    } else {
        std::printf("unknown action\n");
        return 1;
    }
    if (message.isEmpty()) {
        std::printf("succeeded\n");
        return 5;
    }
    std::printf("failed: %s\n", qPrintable(message));
    return 0;
}
