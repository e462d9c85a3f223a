#include "Funnel.h"

#include "Checklist.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

std::array<int, kStageCount> Funnel::countsByStage(const QList<Candidate> &candidates)
{
    std::array<int, kStageCount> counts{};
    for (const Candidate &candidate : candidates)
        ++counts[size_t(candidate.stage)];
    return counts;
}

std::array<int, kStructureCount> Funnel::countsByStructure(const QList<Candidate> &candidates)
{
    std::array<int, kStructureCount> counts{};
    for (const Candidate &candidate : candidates)
        ++counts[size_t(candidate.structure)];
    return counts;
}

QString Funnel::practiceShape(Stage stage)
{
    switch (stage) {
    case Stage::Sourced:
        return tr("about 30 on the long list, ten per structure");
    case Stage::Qualified:
        return tr("the top ten, qualified in a 30-minute call");
    case Stage::Proposed:
        return tr("proposals to the surviving three to five");
    case Stage::Pilot:
        return tr("pilots time-boxed to 60–90 days");
    case Stage::Scaled:
        return tr("double down on what produced measurable pipeline");
    case Stage::Paused:
    case Stage::Ended:
        break;
    }
    return {};
}

std::optional<std::pair<int, int>> Funnel::practiceRange(Stage stage)
{
    switch (stage) {
    case Stage::Sourced:
        return std::pair{25, 35};
    case Stage::Qualified:
        return std::pair{8, 12};
    case Stage::Proposed:
        return std::pair{3, 5};
    case Stage::Pilot:
        return std::pair{1, 5};
    default:
        return std::nullopt;
    }
}

int Funnel::daysInStage(const QDate &since, const QDate &today)
{
    return since.isValid() ? std::max<int>(0, int(since.daysTo(today))) : 0;
}

std::optional<QString> Funnel::stallReason(const Candidate &candidate, const FunnelFacts &facts,
                                           int days, const QDate &today)
{
    switch (candidate.stage) {
    case Stage::Sourced:
        if (days > kSourcedDays && candidate.revenueTheory.trimmed().isEmpty())
            return tr("sourced %n day(s) ago and still without a revenue theory (the practice "
                      "gives it two weeks)",
                      nullptr, days);
        break;
    case Stage::Qualified:
        if (days > kQualifiedDays)
            return tr("qualified %n day(s) ago and no proposal sent (the practice: within two "
                      "weeks)",
                      nullptr, days);
        break;
    case Stage::Proposed:
        if (days > kProposedDays)
            return tr("proposed %n day(s) ago and no pilot decision (the practice: within four "
                      "weeks)",
                      nullptr, days);
        break;
    case Stage::Pilot: {
        const Pilot &pilot = facts.tracker.pilot;
        if (Checklists::retrospectiveDue(facts.tracker, today))
            return tr("the pilot ended on %1 and no retrospective was held (scale, pause or end)")
                .arg(pilot.start.addDays(pilot.days).toString(Qt::ISODate));
        break;
    }
    default:
        break;
    }
    return std::nullopt;
}

QList<StalledCandidate> Funnel::stalled(const QList<Candidate> &candidates,
                                        const QHash<qint64, FunnelFacts> &facts, const QDate &today)
{
    QList<StalledCandidate> result;
    for (const Candidate &candidate : candidates) {
        const FunnelFacts fact = facts.value(candidate.id);
        const int days = daysInStage(fact.stageSince, today);
        if (const auto why = stallReason(candidate, fact, days, today))
            result.append({candidate.id, candidate.name, candidate.stage, days, *why});
    }
    std::stable_sort(
        result.begin(), result.end(),
        [](const StalledCandidate &a, const StalledCandidate &b) { return a.days > b.days; });
    return result;
}

Findings Funnel::check(const QList<StalledCandidate> &stalled)
{
    Findings findings;
    for (const StalledCandidate &candidate : stalled) {
        Finding finding;
        finding.code = u"candidate.stalled"_s;
        finding.severity = Finding::Severity::Warning;
        finding.subject = candidate.name;
        finding.partner = candidate.name;
        finding.message = tr("%1: %2.").arg(candidate.name, candidate.why);
        findings.append(finding);
    }
    return findings;
}

} // namespace pb::domain
