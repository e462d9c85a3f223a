#include "KpiCsv.h"

#include "CsvFormatReader.h"
#include "TableLook.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// Status is written for people (each value against the target) and ignored on import.
enum Column {
    Kpi,
    Period,
    Value,
    Target,
    Unit,
    Direction,
    Baseline,
    Measures,
    Status,
    ColumnCount
};

const QStringList &columnNames()
{
    static const QStringList names = {u"kpi"_s,      u"period"_s,   u"value"_s,
                                      u"target"_s,   u"unit"_s,     u"direction"_s,
                                      u"baseline"_s, u"measures"_s, u"status"_s};
    return names;
}

class Parser : public CsvFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(KpiCsv)
public:
    Parser(const QString &label, KpiCsvImport &result)
        : CsvFormatReader(label, result.errors)
        , m_result(result)
    {
        m_columns.fill(-1);
    }

    void finish()
    {
        for (KpiCsvEntry &entry : m_result.kpis)
            std::sort(entry.values.begin(), entry.values.end(),
                      [](const KpiValue &a, const KpiValue &b) { return a.period < b.period; });
    }

protected:
    bool header(const QStringList &header) override
    {
        if (header.isEmpty()) {
            emptyTable(tr("a header row with kpi, period and value is required"));
            return false;
        }
        m_header = header;
        QList<int> columns;
        mapColumns(header, columnNames(), {Kpi, Period, Value}, columns);
        std::copy(columns.cbegin(), columns.cend(), m_columns.begin());
        return m_result.errors.isEmpty();
    }

    void row(CsvRow &row) override
    {
        const QString name = field(row, Kpi);
        if (name.isEmpty()) {
            error(row.line, label(Kpi), m_columns[Kpi] + 1, tr("the KPI name is empty"));
            return;
        }
        const QString key = nameKey(name);
        auto found = m_indexByKey.constFind(key);
        if (found == m_indexByKey.cend()) {
            KpiCsvEntry entry;
            entry.name = name;
            entry.line = row.line;
            m_result.kpis.append(entry);
            m_seen.append(Seen());
            found = m_indexByKey.insert(key, m_result.kpis.size() - 1);
        }
        const qsizetype index = *found;
        KpiCsvEntry &entry = m_result.kpis[index];
        Seen &seen = m_seen[index];

        readChoice(row, Unit, entry.unit, seen, &kpiUnitFromId,
                   tr("use count, percent, currency, days or score"));
        readChoice(row, Direction, entry.direction, seen, &kpiDirectionFromId,
                   tr("use higher or lower"));
        readChoice(row, Measures, entry.metric, seen, &kpiMetricFromId,
                   tr("use referrals, conversion_rate, average_deal_size, time_to_close, "
                      "partner_satisfaction, partner_revenue, partner_pipeline, "
                      "integration_activation, integration_churn_reduction, joint_wins or "
                      "custom"));
        readNumber(row, Target, entry.target, seen);
        readNumber(row, Baseline, entry.baseline, seen);

        const QString periodText = field(row, Period);
        const QString valueText = field(row, Value);
        if (periodText.isEmpty() && valueText.isEmpty())
            return; // a definition row
        if (periodText.isEmpty()) {
            error(row.line, label(Period), m_columns[Period] + 1,
                  tr("the period is empty; write a month (2026-03) or a day (2026-03-31)"));
            return;
        }
        QString why;
        const auto period = KpiPeriod::parse(periodText, &why);
        if (!period) {
            error(row.line, label(Period), m_columns[Period] + 1,
                  tr("\"%1\" is not a period (YYYY-MM or YYYY-MM-DD): %2").arg(periodText, why));
            return;
        }
        if (valueText.isEmpty()) {
            error(row.line, label(Value), m_columns[Value] + 1,
                  tr("the value is empty; leave the period empty too for a KPI without values"));
            return;
        }
        const auto value = parseKpiNumber(valueText, &why);
        if (!value) {
            error(row.line, label(Value), m_columns[Value] + 1,
                  tr("\"%1\" is not a number: %2").arg(valueText, why));
            return;
        }
        const QString periodKey = period->toString();
        if (const auto earlier = seen.periods.constFind(periodKey);
            earlier != seen.periods.cend()) {
            error(row.line, label(Period), m_columns[Period] + 1,
                  tr("%1 has a value for %2 already (%3)")
                      .arg(entry.name, periodKey, lineName(*earlier)));
            return;
        }
        seen.periods.insert(periodKey, row.line);
        entry.values.append({*period, *value});
        ++m_result.valueCount;
    }

private:
    // Per KPI: the line that set each definition field, and the periods already given.
    struct Seen
    {
        QHash<int, int> fieldLine;
        QHash<QString, int> periods;
    };

    QString field(const CsvRow &row, Column column) const
    {
        return m_columns[column] < 0 ? QString()
                                     : trimmedField(row.fields.value(m_columns[column]));
    }
    QString label(Column column) const { return m_header.value(m_columns[column]).trimmed(); }

    template<typename T, typename Parse>
    void readChoice(const CsvRow &row, Column column, std::optional<T> &slot, Seen &seen,
                    Parse parse, const QString &hint)
    {
        const QString text = field(row, column);
        if (text.isEmpty())
            return;
        const std::optional<T> value = parse(text);
        if (!value) {
            error(row.line, label(column), m_columns[column] + 1,
                  tr("\"%1\" is not a valid value: %2").arg(text, hint));
            return;
        }
        settle(row, column, slot, *value, seen, text);
    }

    void readNumber(const CsvRow &row, Column column, std::optional<double> &slot, Seen &seen)
    {
        const QString text = field(row, column);
        if (text.isEmpty())
            return;
        QString why;
        const auto value = parseKpiNumber(text, &why);
        if (!value) {
            error(row.line, label(column), m_columns[column] + 1,
                  tr("\"%1\" is not a number: %2").arg(text, why));
            return;
        }
        settle(row, column, slot, *value, seen, text);
    }

    // A definition field may be repeated on every row of its KPI, but not changed.
    template<typename T>
    void settle(const CsvRow &row, Column column, std::optional<T> &slot, const T &value,
                Seen &seen, const QString &text)
    {
        if (slot && !(*slot == value)) {
            error(row.line, label(column), m_columns[column] + 1,
                  tr("\"%1\" differs from the %2 given on %3; a KPI has one %2")
                      .arg(text, columnNames().at(column), lineName(seen.fieldLine.value(column))));
            return;
        }
        if (!slot) {
            slot = value;
            seen.fieldLine.insert(column, row.line);
        }
    }

    KpiCsvImport &m_result;
    QStringList m_header;
    std::array<int, ColumnCount> m_columns;
    QHash<QString, qsizetype> m_indexByKey;
    QList<Seen> m_seen;
};

} // namespace

KpiCsvImport KpiCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                           const QString &sheetName)
{
    TableSource source = TableSource::read(bytes, fileLabel, sheetName, kMaxErrors);
    return parse(source);
}

KpiCsvImport KpiCsv::parse(TableSource &source)
{
    KpiCsvImport result;
    Parser parser(source.place.file, result);
    if (parser.readAll(source))
        parser.finish();
    if (!result.errors.isEmpty()) {
        result.kpis.clear(); // all or nothing
        result.valueCount = 0;
    }
    return result;
}

QList<KpiSeries> KpiCsv::merge(QList<KpiSeries> existing, const QList<KpiCsvEntry> &imported)
{
    const QList<KpiDefinition> common = commonKpis();
    for (const KpiCsvEntry &entry : imported) {
        auto it = std::find_if(existing.begin(), existing.end(), [&entry](const KpiSeries &s) {
            return CsvFormatReader::nameKey(s.definition.name) ==
                   CsvFormatReader::nameKey(entry.name);
        });
        if (it == existing.end()) {
            KpiSeries series;
            series.definition.name = entry.name;
            series.definition.metric = entry.metric.value_or(kpiMetricForName(entry.name));
            // A common KPI brings its unit and direction; a target is the user's to set.
            const auto known = std::find_if(common.cbegin(), common.cend(), [&](const auto &k) {
                return series.definition.metric != KpiMetric::Custom &&
                       k.metric == series.definition.metric;
            });
            if (known != common.cend()) {
                series.definition.unit = known->unit;
                series.definition.direction = known->direction;
            }
            existing.append(series);
            it = std::prev(existing.end());
        }
        KpiDefinition &kpi = it->definition;
        kpi.unit = entry.unit.value_or(kpi.unit);
        kpi.direction = entry.direction.value_or(kpi.direction);
        kpi.metric = entry.metric.value_or(kpi.metric);
        if (entry.target)
            kpi.target = entry.target;
        if (entry.baseline)
            kpi.baseline = entry.baseline;
        for (const KpiValue &value : entry.values)
            it->setValue(value.period, value.value);
    }
    return existing;
}

void KpiCsv::write(TableWriter &writer, const QList<KpiSeries> &kpis, double atRiskPercent)
{
    // Numbers keep the General format: every digit shows, as typed ("#,##0.##" would show
    // 15000 as "15,000.").
    writer.setHeader(columnNames());
    const auto number = [](const std::optional<double> &value) {
        return value ? TableCell::ofNumber(*value, kpiNumberText(*value)) : TableCell();
    };
    for (const KpiSeries &series : kpis) {
        const KpiDefinition &kpi = series.definition;
        const QString metric =
            kpi.metric == KpiMetric::Custom ? u"custom"_s : kpiMetricId(kpi.metric);
        QList<TableCell> row = {TableCell::ofText(kpi.name),
                                TableCell(),
                                TableCell(),
                                number(kpi.target),
                                TableCell::ofText(kpiUnitId(kpi.unit)),
                                TableCell::ofText(kpiDirectionId(kpi.direction)),
                                number(kpi.baseline),
                                TableCell::ofText(metric),
                                TableCell()};
        if (series.values.isEmpty())
            writer.addRow(row);
        for (const KpiValue &value : series.values) {
            const QDate first = value.period.date();
            row[Period] =
                value.period.isMonth() ? TableCell::ofMonth(first) : TableCell::ofDate(first);
            row[Value] = number(value.value);
            // Each value against the target: its status in words and in the app's colours.
            const KpiStatus status =
                KpiRules::status(value.value, kpi.target, kpi.direction, atRiskPercent);
            const bool rated = status != KpiStatus::NoData && status != KpiStatus::NoTarget;
            row[Status] = rated ? TableCell::ofText(kpiStatusId(status)) : TableCell();
            row[Value].fill = row[Status].fill = TableLook::statusFill(status);
            writer.addRow(row);
        }
    }
}

QByteArray KpiCsv::write(const QList<KpiSeries> &kpis, bool withBom, double atRiskPercent)
{
    CsvTableWriter writer(u',', withBom);
    write(writer, kpis, atRiskPercent);
    return writer.take();
}

QString KpiCsv::save(const QString &path, const QList<KpiSeries> &kpis, double atRiskPercent)
{
    return TableFile::save(path, tr("KPIs"),
                           [&](TableWriter &writer) { write(writer, kpis, atRiskPercent); });
}

} // namespace pb::io
