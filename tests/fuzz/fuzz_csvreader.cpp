// libFuzzer: the CSV reader every import uses. Any bytes: no crash, no hang, no
// sanitizer report; every problem carries a line; rows never hold more fields than the
// header; the byte-level fast path (scan) reads the same records as read().
#include "io/CsvReader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const pb::io::CsvTable table = pb::io::CsvReader::read(bytes);
    for (const pb::io::CsvProblem &problem : table.problems) {
        if (problem.line < 1)
            std::abort();
    }
    for (const pb::io::CsvRow &row : table.rows) {
        if (row.line < 2 || (table.problems.isEmpty() && row.fields.size() > table.header.size()))
            std::abort();
    }
    qsizetype index = 0;
    bool same = true;
    const pb::io::CsvTable scanned = pb::io::CsvReader::scan(
        bytes, 20, QChar(), [&](const pb::io::CsvRecord &record, const pb::io::CsvTable &) {
            const pb::io::CsvRow &row = table.rows.value(index++);
            same = same && row.line == record.line &&
                   row.fields.size() == qsizetype(record.fields.size());
            for (qsizetype i = 0; same && i < row.fields.size(); ++i)
                same = row.fields.at(i) == QString::fromUtf8(record.fields[size_t(i)].text);
            return same;
        });
    if (!same || index != table.rows.size() || scanned.header != table.header ||
        scanned.problems.size() != table.problems.size())
        std::abort();
    // Tab-separated, as pasted from a spreadsheet.
    pb::io::CsvReader::read(bytes, 20, QChar(u'\t'));
    return 0;
}
