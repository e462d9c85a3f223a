// libFuzzer: the RACI CSV import. Any bytes: no crash; either errors (each naming the
// file) and an empty grid, or a grid whose rows fit its parties, which writes back to CSV
// that parses to the same grid.
#include "io/RaciCsv.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    pb::io::RaciCsvImport parsed = pb::io::RaciCsv::parse(bytes, u"f.csv"_s);
    if (!parsed.errors.isEmpty()) {
        for (const QString &error : parsed.errors) {
            if (!error.startsWith(u"f.csv"))
                std::abort();
        }
        if (!parsed.grid.activities.isEmpty())
            std::abort(); // all or nothing
        return 0;
    }
    parsed.grid.normalise();
    for (const auto &row : parsed.grid.cells) {
        if (row.size() != parsed.grid.parties.size())
            std::abort();
    }
    pb::io::RaciCsvImport again =
        pb::io::RaciCsv::parse(pb::io::RaciCsv::write(parsed.grid), u"g.csv"_s);
    again.grid.normalise();
    if (!again.errors.isEmpty() || !(again.grid == parsed.grid))
        std::abort(); // the round trip is lossless
    return 0;
}
