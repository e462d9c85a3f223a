// libFuzzer: opening a workbook from any bytes (a colleague's e-mail attachment). No crash
// and no sanitizer report: the file is refused with a message, or opened and read
// through every area and its history; opening it for editing (which may upgrade it and
// installs the history's triggers) is tried too.
#include "store/Workbook.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(u"fuzz.playbook"_s);
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
        QFile::remove(dir.filePath(name));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    for (bool readOnly : {true, false}) {
        pb::store::StoreError error;
        auto workbook = pb::store::Workbook::open(path, {.readOnly = readOnly}, &error);
        if (!workbook) {
            if (error.message.isEmpty())
                std::abort(); // every refusal says why
            continue;
        }
        workbook->integrityProblems();
        for (const pb::domain::Candidate &candidate : workbook->candidates()) {
            workbook->partnershipKpis(candidate.id);
            if (workbook->hasRaciGrid(candidate.id))
                workbook->raciGrid(candidate.id);
            workbook->proposal(candidate.id);
            workbook->overlapEvidence(candidate.id);
        }
        workbook->image(u"logo"_s);
        // The change records: the history with its owners' names, and the lineage.
        workbook->lineage();
        workbook->history({{}, {}, 50, 0});
        workbook->candidateNamesByUid();
    }
    return 0;
}
