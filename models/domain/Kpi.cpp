#include "Kpi.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

QString kpiUnitId(KpiUnit unit)
{
    switch (unit) {
    case KpiUnit::Count:
        return u"count"_s;
    case KpiUnit::Percent:
        return u"percent"_s;
    case KpiUnit::Currency:
        return u"currency"_s;
    case KpiUnit::Days:
        return u"days"_s;
    case KpiUnit::Score:
        return u"score"_s;
    }
    return {};
}

std::optional<KpiUnit> kpiUnitFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    for (KpiUnit unit :
         {KpiUnit::Count, KpiUnit::Percent, KpiUnit::Currency, KpiUnit::Days, KpiUnit::Score}) {
        if (id == kpiUnitId(unit))
            return unit;
    }
    return std::nullopt;
}

QString kpiDirectionId(KpiDirection direction)
{
    return direction == KpiDirection::HigherIsBetter ? u"higher"_s : u"lower"_s;
}

std::optional<KpiDirection> kpiDirectionFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id == u"higher")
        return KpiDirection::HigherIsBetter;
    if (id == u"lower")
        return KpiDirection::LowerIsBetter;
    return std::nullopt;
}

} // namespace pb::domain
