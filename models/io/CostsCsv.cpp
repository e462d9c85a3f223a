#include "CostsCsv.h"

#include "domain/Kpi.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

enum Column { Month, Category, Amount, ColumnCount };

const QStringList &columnNames()
{
    static const QStringList names = {u"month"_s, u"category"_s, u"amount"_s};
    return names;
}

class Parser : public CsvFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(CostsCsv)
public:
    Parser(const QString &label, CostsCsvImport &result)
        : CsvFormatReader(label, result.errors)
        , m_result(result)
    {}

protected:
    bool header(const QStringList &header) override
    {
        if (header.isEmpty()) {
            emptyTable(tr("a header row with month, category and amount is required"));
            return false;
        }
        m_header = header;
        return mapColumns(header, columnNames(), {Month, Category, Amount}, m_columns);
    }

    void row(CsvRow &row) override
    {
        const auto month = readMonth(row);
        const auto category = readCategory(row);
        const auto amount = readAmount(row);
        if (!month || !category || !amount)
            return;
        const QString key =
            u"%1 %2"_s.arg(month->toString(u"yyyy-MM"_s), costCategoryId(*category));
        if (const auto earlier = m_seen.constFind(key); earlier != m_seen.cend()) {
            error(row.line, label(Category), m_columns[Category] + 1,
                  tr("%1 has a %2 cost already (%3)")
                      .arg(month->toString(u"yyyy-MM"_s), costCategoryId(*category),
                           lineName(*earlier)));
            return;
        }
        m_seen.insert(key, row.line);
        m_result.costs.append({*month, *category, *amount});
    }

private:
    QString field(const CsvRow &row, Column column) const
    {
        return trimmedField(row.fields.value(m_columns[column]));
    }
    QString label(Column column) const { return m_header.value(m_columns[column]).trimmed(); }
    void fail(const CsvRow &row, Column column, const QString &what)
    {
        error(row.line, label(column), m_columns[column] + 1, what);
    }

    std::optional<QDate> readMonth(const CsvRow &row)
    {
        const QString text = field(row, Month);
        QString why;
        const auto period = KpiPeriod::parse(text, &why);
        if (text.isEmpty())
            fail(row, Month, tr("the month is empty; write it as 2026-03"));
        else if (!period)
            fail(row, Month, tr("\"%1\" is not a month (YYYY-MM): %2").arg(text, why));
        else if (!period->isMonth())
            fail(row, Month,
                 tr("\"%1\" is a day; costs are per month: write %2")
                     .arg(text, period->date().toString(u"yyyy-MM"_s)));
        else
            return period->date();
        return std::nullopt;
    }

    std::optional<CostCategory> readCategory(const CsvRow &row)
    {
        const QString text = field(row, Category);
        const auto category = costCategoryFromId(text);
        if (!category)
            fail(row, Category,
                 tr("\"%1\" is not a category: use time, tools, commissions or support").arg(text));
        return category;
    }

    std::optional<double> readAmount(const CsvRow &row)
    {
        const QString text = field(row, Amount);
        QString why;
        const auto amount = parseKpiNumber(text, &why);
        if (text.isEmpty())
            fail(row, Amount, tr("the amount is empty; write 0 for none"));
        else if (!amount)
            fail(row, Amount, tr("\"%1\" is not a number: %2").arg(text, why));
        else if (*amount < 0)
            fail(row, Amount, tr("\"%1\" is negative; a cost is zero or more").arg(text));
        else
            return amount;
        return std::nullopt;
    }

    CostsCsvImport &m_result;
    QStringList m_header;
    QList<int> m_columns;
    QHash<QString, int> m_seen; // "month category" → line
};

} // namespace

CostsCsvImport CostsCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                               const QString &sheetName)
{
    TableSource source =
        TableSource::read(bytes, fileLabel, sheetName, CsvFormatReader::kMaxErrors);
    return parse(source);
}

CostsCsvImport CostsCsv::parse(TableSource &source)
{
    CostsCsvImport result;
    Parser parser(source.place.file, result);
    parser.readAll(source);
    if (!result.errors.isEmpty())
        result.costs.clear(); // all or nothing
    return result;
}

void CostsCsv::write(TableWriter &writer, const QList<CostEntry> &costs)
{
    QList<CostEntry> sorted = costs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const CostEntry &a, const CostEntry &b) {
        return a.month != b.month ? a.month < b.month : a.category < b.category;
    });
    writer.setHeader(columnNames());
    for (const CostEntry &cost : std::as_const(sorted))
        writer.addRow({TableCell::ofMonth(cost.month),
                       TableCell::ofText(costCategoryId(cost.category)),
                       TableCell::ofNumber(cost.amount, kpiNumberText(cost.amount))});
}

QByteArray CostsCsv::write(const QList<CostEntry> &costs, bool withBom)
{
    return TableFile::csv([&](TableWriter &writer) { write(writer, costs); }, withBom);
}

QString CostsCsv::save(const QString &path, const QList<CostEntry> &costs)
{
    return TableFile::save(path, tr("Costs"), [&](TableWriter &writer) { write(writer, costs); });
}

} // namespace pb::io
