#pragma once

#include "CsvFormatReader.h"
#include "TableWriter.h"
#include "domain/Kpi.h"
#include "domain/KpiRules.h"

#include <QCoreApplication>

namespace pb::io {

// A KPI as a CSV file describes it: the definition fields the file gives (an empty cell
// gives nothing) and the values.
struct KpiCsvEntry
{
    QString name;
    int line = 0; // where the KPI first appears
    std::optional<domain::KpiUnit> unit;
    std::optional<domain::KpiDirection> direction;
    std::optional<double> target;
    std::optional<double> baseline;
    std::optional<domain::KpiMetric> metric;
    QList<domain::KpiValue> values; // in period order
};

struct KpiCsvImport : CsvImportErrors
{
    QList<KpiCsvEntry> kpis; // in the order they first appear
    qsizetype valueCount = 0;
};

// One partnership's KPIs as CSV (README, "KPI CSV"), or as a sheet of an .xlsx workbook: the
// candidates CSV's file rules (UTF-8, optional BOM, LF/CRLF, comma or semicolon, RFC 4180
// quoting). Header `kpi`, `period`, `value` and optionally `target`, `unit` (count, percent,
// currency, days, score), `direction` (higher, lower), `baseline`, `measures` (what the
// signals read: referrals, partner_revenue, …, custom), and `status` (written by export,
// ignored by import), in any order and case. One row per value; a row
// with an empty period and value only defines a KPI. A period or number that does not
// parse, a KPI given two periods alike, or definition fields that disagree between rows
// stop the import.
class KpiCsv
{
    Q_DECLARE_TR_FUNCTIONS(KpiCsv)
public:
    static constexpr int kMaxErrors = CsvFormatReader::kMaxErrors;
    // A CSV file, or a workbook (by its name or first bytes; sheetName or the first sheet).
    static KpiCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                              const QString &sheetName = {});
    static KpiCsvImport parse(TableSource &source);

    // The partnership's KPIs after an import: a KPI of the file that exists (same name,
    // ignoring case and surrounding spaces) takes the fields the file gives and its values
    // (values of other periods stay); a new one is appended, with the common KPI's unit,
    // direction and target when its name is one of the common set. Ids are kept.
    static QList<domain::KpiSeries> merge(QList<domain::KpiSeries> existing,
                                          const QList<KpiCsvEntry> &imported);

    // Every column, every row; a KPI without values is one definition row. Numbers are
    // number cells, periods date cells (a month shown as one); each value's status against
    // the target (atRiskPercent: the workbook's threshold) is written, and colours the value
    // in a sheet. Importing the result into a partnership without KPIs gives the same KPIs
    // and values.
    static void write(TableWriter &writer, const QList<domain::KpiSeries> &kpis,
                      double atRiskPercent = domain::KpiThresholds().atRiskPercent);
    // Comma-separated, CRLF; withBom for files spreadsheets open.
    static QByteArray write(const QList<domain::KpiSeries> &kpis, bool withBom = true,
                            double atRiskPercent = domain::KpiThresholds().atRiskPercent);
    // To a file, .xlsx or CSV by its extension (TableFile); an empty string on success.
    static QString save(const QString &path, const QList<domain::KpiSeries> &kpis,
                        double atRiskPercent = domain::KpiThresholds().atRiskPercent);
};

} // namespace pb::io
