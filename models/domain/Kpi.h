#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

class QLocale;

namespace pb::domain {

// How a KPI is measured and which way is good (DOMAIN.md section 5).
enum class KpiUnit { Count, Percent, Currency, Days, Score };
enum class KpiDirection { HigherIsBetter, LowerIsBetter };

// What a KPI measures, when it is one of the common set. The partnership signals need to
// know which KPI counts partner-sourced deals and which one is partner revenue, whatever
// the user calls them; a KPI of the user's own is Custom.
enum class KpiMetric {
    Custom,
    Referrals, // partner-sourced deals or referrals: the `kpi.flat` signal reads it
    ConversionRate,
    AverageDealSize,
    TimeToClose,
    PartnerSatisfaction,
    PartnerRevenue, // partner-sourced revenue: `kpi.sunset_candidate`, concentration
    // The programme's measures (issue 16): partner-sourced pipeline (the partner share of
    // pipeline, when to hire BD), and an integration's three signals of a distribution story.
    PartnerPipeline,
    IntegrationActivation,     // % of new customers who switch it on within 30 days
    IntegrationChurnReduction, // how much less its users churn, in %
    JointWins,                 // deals won together
};

// One KPI agreed for a partnership: a name, a unit, a direction and a target per period.
struct KpiDefinition
{
    qint64 id = 0;
    QString name;
    KpiUnit unit = KpiUnit::Count;
    KpiDirection direction = KpiDirection::HigherIsBetter;
    std::optional<double> target;
    std::optional<double> baseline;
    KpiMetric metric = KpiMetric::Custom;

    friend bool operator==(const KpiDefinition &, const KpiDefinition &) = default;
};

QString kpiUnitId(KpiUnit unit);
std::optional<KpiUnit> kpiUnitFromId(const QString &text);
QString kpiDirectionId(KpiDirection direction);
std::optional<KpiDirection> kpiDirectionFromId(const QString &text);
QString kpiMetricId(KpiMetric metric); // "" for Custom
std::optional<KpiMetric> kpiMetricFromId(const QString &text);
// The metric a KPI name stands for ("Referrals", "Partner-sourced deals" → Referrals), or
// Custom. Used when a KPI is created from a CSV file or typed by the user.
KpiMetric kpiMetricForName(const QString &name);
QString kpiUnitDisplayName(KpiUnit unit);
QString kpiDirectionDisplayName(KpiDirection direction);

// The common set offered to a new partnership (DOMAIN.md section 5), with sensible
// targets per month; the user keeps three to five.
QList<KpiDefinition> commonKpis();

// How many KPIs a partnership should track: three to five keep its reviews focused
// (DOMAIN.md section 5). The kpi.count signal, the KPIs area's start dialog and
// `playbook-cli kpi import` all read this one rule; their messages say it in words.
constexpr int kMinRecommendedKpis = 3;
constexpr int kMaxRecommendedKpis = 5;
constexpr bool isRecommendedKpiCount(qsizetype count)
{
    return count >= kMinRecommendedKpis && count <= kMaxRecommendedKpis;
}

// A period a value belongs to: a month (YYYY-MM) or a day (YYYY-MM-DD).
class KpiPeriod
{
public:
    KpiPeriod() = default;
    static KpiPeriod month(int year, int month);
    static KpiPeriod day(const QDate &date);
    // Accepts exactly YYYY-MM or YYYY-MM-DD (years 1900–2999). On failure, why says what
    // is wrong in a short phrase ("month 13 does not exist").
    static std::optional<KpiPeriod> parse(QStringView text, QString *why = nullptr);

    bool isValid() const { return m_date.isValid(); }
    bool isMonth() const { return m_month; }
    // The first day of a month period, or the day.
    QDate date() const { return m_date; }
    // The first day of the month the period falls in.
    QDate monthStart() const { return QDate(m_date.year(), m_date.month(), 1); }
    QString toString() const;
    // Chronological; a month sorts before the days in it.
    friend bool operator==(const KpiPeriod &, const KpiPeriod &) = default;
    friend bool operator<(const KpiPeriod &a, const KpiPeriod &b)
    {
        return a.m_date != b.m_date ? a.m_date < b.m_date : (a.m_month && !b.m_month);
    }

private:
    QDate m_date;
    bool m_month = false;
};

struct KpiValue
{
    KpiPeriod period;
    double value = 0;

    friend bool operator==(const KpiValue &, const KpiValue &) = default;
};

// A KPI with its recorded values, in period order (one value per period).
struct KpiSeries
{
    KpiDefinition definition;
    QList<KpiValue> values;

    // The value recorded for a period, if any.
    std::optional<double> valueAt(const KpiPeriod &period) const;
    // Sets (or with nullopt removes) the value of a period, keeping the order.
    void setValue(const KpiPeriod &period, std::optional<double> value);

    friend bool operator==(const KpiSeries &, const KpiSeries &) = default;
};

// One cell of the entry grid: the value of a KPI for a period, or none to clear it.
struct KpiValueEdit
{
    qint64 kpiId = 0;
    KpiPeriod period;
    std::optional<double> value;

    friend bool operator==(const KpiValueEdit &, const KpiValueEdit &) = default;
};

// A number as typed or pasted: "1234.5", "-3", "1,234", "$1,200", "12.5%", "€ 900".
// The decimal point is '.', ',' only separates thousands (files must not change meaning
// with the reader's locale). On failure, why says what is wrong.
std::optional<double> parseKpiNumber(QStringView text, QString *why = nullptr);

// A value for people, by unit: "$12,500", "12.5 %", "34 days", "1,204", "72". The currency
// is the workbook's ISO code (USD, EUR, …).
QString formatKpiValue(double value, KpiUnit unit, const QString &currency, const QLocale &locale);
// The same number written for a file: shortest exact form, '.' as decimal point.
QString kpiNumberText(double value);
// The unit as an axis or column label: "USD", "%", "days", "count", "score".
QString kpiUnitLabel(KpiUnit unit, const QString &currency);

} // namespace pb::domain
