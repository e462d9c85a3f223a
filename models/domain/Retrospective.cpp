#include "Retrospective.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

std::optional<Stage> Retrospective::stageAfter(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Scale:
        return Stage::Scaled;
    case ReviewDecision::Pause:
        return Stage::Paused;
    case ReviewDecision::End:
        return Stage::Ended;
    case ReviewDecision::Continue:
        break;
    }
    return std::nullopt;
}

QDate Retrospective::pilotEnd(const Pilot &pilot)
{
    return pilot.start.isValid() ? pilot.start.addDays(pilot.days) : QDate();
}

std::optional<Review> Retrospective::lastDecision(const QList<Review> &reviews)
{
    const auto found = std::find_if(reviews.crbegin(), reviews.crend(), [](const Review &r) {
        return r.decision != ReviewDecision::Continue;
    });
    if (found == reviews.crend())
        return std::nullopt;
    return *found;
}

QList<KpiState> Retrospective::kpisAt(const PartnershipKpis &tracker,
                                      const KpiThresholds &thresholds, const QDate &date)
{
    QList<KpiState> states;
    for (KpiSeries series : tracker.kpis) {
        series.values.removeIf([&date](const KpiValue &v) { return v.period.date() > date; });
        states.append(KpiRules::state(series, thresholds));
    }
    return states;
}

QString Retrospective::summary(const QList<KpiState> &states)
{
    if (states.isEmpty())
        return tr("no KPIs");
    QStringList parts;
    for (KpiStatus status : {KpiStatus::OnTrack, KpiStatus::AtRisk, KpiStatus::OffTrack,
                             KpiStatus::NoTarget, KpiStatus::NoData}) {
        const auto count =
            std::count_if(states.cbegin(), states.cend(),
                          [status](const KpiState &s) { return s.status == status; });
        if (count == 0)
            continue;
        switch (status) {
        case KpiStatus::NoData:
            parts << tr("%n without data", nullptr, int(count));
            break;
        case KpiStatus::NoTarget:
            parts << tr("%n without a target", nullptr, int(count));
            break;
        default:
            parts << u"%1 %2"_s.arg(count).arg(kpiStatusDisplayName(status).toLower());
            break;
        }
    }
    return parts.join(u", "_s);
}

} // namespace pb::domain
