// libFuzzer: the KPI CSV import. Any bytes: no crash; errors name the file and leave no
// KPIs, or the KPIs merge into an empty partnership and write back to CSV that imports to
// the same KPIs.
#include "io/KpiCsv.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const pb::io::KpiCsvImport parsed = pb::io::KpiCsv::parse(bytes, u"f.csv"_s);
    if (!parsed.errors.isEmpty()) {
        for (const QString &error : parsed.errors) {
            if (!error.startsWith(u"f.csv"))
                std::abort();
        }
        if (!parsed.kpis.isEmpty())
            std::abort(); // all or nothing
        return 0;
    }
    const QList<pb::domain::KpiSeries> merged = pb::io::KpiCsv::merge({}, parsed.kpis);
    const pb::io::KpiCsvImport again =
        pb::io::KpiCsv::parse(pb::io::KpiCsv::write(merged), u"g.csv"_s);
    if (!again.errors.isEmpty() || pb::io::KpiCsv::merge({}, again.kpis) != merged)
        std::abort(); // the round trip is lossless
    return 0;
}
