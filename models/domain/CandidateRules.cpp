#include "CandidateRules.h"

#include "Ratings.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

int CandidateRules::readinessNoCount(const Candidate &candidate)
{
    return int(std::count(candidate.readiness.cbegin(), candidate.readiness.cend(), Readiness::No));
}

Findings CandidateRules::findings(const Candidate &candidate)
{
    Findings result;
    const auto add = [&](const QString &code, const QString &message) {
        Finding finding;
        finding.code = code;
        finding.subject = candidate.name;
        finding.partner = candidate.name;
        finding.message = message;
        result.append(finding);
    };
    if (isClosedStage(candidate.stage) || !candidate.unknownStage.isEmpty())
        return result;
    const bool pastSourcing = candidate.stage != Stage::Sourced;
    const bool pastQualification = pastSourcing && candidate.stage != Stage::Qualified;
    if (pastSourcing && candidate.revenueTheory.trimmed().isEmpty()) {
        add(u"candidate.no_revenue_theory"_s,
            tr("%1 is %2 but has no revenue theory: without one sentence on why "
               "this produces revenue, the playbook says drop it.")
                .arg(candidate.name, stageId(candidate.stage)));
    }
    const bool answered = !candidate.theirCustomer.trimmed().isEmpty() &&
                          !candidate.sharedPain.trimmed().isEmpty() &&
                          !candidate.champion.trimmed().isEmpty();
    if (pastQualification && !answered) {
        add(u"candidate.unanswered_qualification"_s,
            tr("%1 is %2 but the qualification call is not fully answered (their "
               "customer, the shared pain, their champion).")
                .arg(candidate.name, stageId(candidate.stage)));
    }
    if (const int no = readinessNoCount(candidate); no > 2) {
        add(u"candidate.not_ready"_s,
            tr("%1: %2 readiness answers are \"no\"; slow down and close the gaps "
               "before approaching them.")
                .arg(candidate.name)
                .arg(no));
    }
    if (Ratings::disagree(candidate)) {
        add(u"candidate.raters_disagree"_s,
            tr("%1: the raters are %2 points apart on a dimension; discuss it before the "
               "ranking decides.")
                .arg(candidate.name)
                .arg(*Ratings::widestSpread(candidate)));
    }
    return result;
}

} // namespace pb::domain
