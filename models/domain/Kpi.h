#pragma once

#include <QString>

#include <optional>

namespace pb::domain {

// How a KPI is measured and which way is good (DOMAIN.md section 5).
enum class KpiUnit { Count, Percent, Currency, Days, Score };
enum class KpiDirection { HigherIsBetter, LowerIsBetter };

// One KPI agreed for a partnership: a name, a unit, a direction and a target per period.
struct KpiDefinition
{
    qint64 id = 0;
    QString name;
    KpiUnit unit = KpiUnit::Count;
    KpiDirection direction = KpiDirection::HigherIsBetter;
    std::optional<double> target;
    std::optional<double> baseline;

    friend bool operator==(const KpiDefinition &, const KpiDefinition &) = default;
};

QString kpiUnitId(KpiUnit unit);
std::optional<KpiUnit> kpiUnitFromId(const QString &text);
QString kpiDirectionId(KpiDirection direction);
std::optional<KpiDirection> kpiDirectionFromId(const QString &text);

} // namespace pb::domain
