#pragma once

#include "Candidate.h"
#include "Finding.h"

#include <QCoreApplication>

namespace pb::domain {

// The playbook's stage gates and readiness rule (DOMAIN.md section 1), as warnings that
// guide and never block: shown in the detail pane and reported by `check`.
class CandidateRules
{
    Q_DECLARE_TR_FUNCTIONS(CandidateRules)
public:
    // candidate.no_revenue_theory: qualified or later without a revenue theory.
    // candidate.unanswered_qualification: proposed or later without all three answers.
    // candidate.not_ready: more than two "no" answers on the readiness checklist.
    // candidate.raters_disagree: several raters two points or more apart on a dimension.
    // They are gates to the next stage, so none applies to a paused or ended candidate,
    // nor to one whose stage this version does not know.
    static Findings findings(const Candidate &candidate);
    static int readinessNoCount(const Candidate &candidate);
};

} // namespace pb::domain
