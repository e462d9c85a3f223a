// libFuzzer: .xlsx workbooks through the table formats (the zip container, the XML parts,
// shared strings, styles and cells, then the candidates, RACI and KPI rules). Any bytes: no
// crash, no hang, no sanitizer report; a refused file holds no rows; every error names the
// file; and a RACI grid read from a sheet writes back to CSV that reads as the same grid.
#include "io/CandidateCsv.h"
#include "io/KpiCsv.h"
#include "io/RaciCsv.h"
#include "io/XlsxReader.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void namesTheFile(const QStringList &errors)
{
    for (const QString &error : errors) {
        if (!error.startsWith(u"f.xlsx"))
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const pb::io::SheetTable sheet = pb::io::XlsxReader::read(bytes);
    if (!sheet.error.isEmpty() && (!sheet.header.isEmpty() || !sheet.rows.isEmpty()))
        std::abort();
    const pb::io::CandidateCsvImport candidates = pb::io::CandidateCsv::parse(bytes, u"f.xlsx"_s);
    namesTheFile(candidates.errors);
    if (!candidates.errors.isEmpty() && !candidates.patches.isEmpty())
        std::abort(); // all or nothing
    namesTheFile(pb::io::KpiCsv::parse(bytes, u"f.xlsx"_s).errors);
    pb::io::RaciCsvImport raci = pb::io::RaciCsv::parse(bytes, u"f.xlsx"_s);
    namesTheFile(raci.errors);
    if (!raci.errors.isEmpty())
        return 0;
    raci.grid.normalise();
    pb::io::RaciCsvImport again =
        pb::io::RaciCsv::parse(pb::io::RaciCsv::write(raci.grid), u"g.csv"_s);
    again.grid.normalise();
    if (!again.errors.isEmpty() || !(again.grid == raci.grid))
        std::abort();
    return 0;
}
