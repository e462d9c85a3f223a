#pragma once

#include "Candidate.h"
#include "KpiRules.h"
#include "PartnershipKpis.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace pb::domain {

// The review that ends a pilot (DOMAIN.md §7): what worked, what did not, what we change, and
// the decision, which moves the candidate to its stage. Beside the decision the KPIs are
// shown as they stood on the review's date. Read by the review dialog of the KPIs area, the
// Lifecycle view, `playbook-cli review` and the editor's retrospective step.
class Retrospective
{
    Q_DECLARE_TR_FUNCTIONS(Retrospective)
public:
    // The stage a decision moves the candidate to: scale → scaled, pause → paused, end →
    // ended; continue leaves the stage as it is.
    static std::optional<Stage> stageAfter(ReviewDecision decision);
    // The pilot's last day (start + length), invalid when it has not started.
    static QDate pilotEnd(const Pilot &pilot);
    // The last review that decided to scale, pause or end, if any.
    static std::optional<Review> lastDecision(const QList<Review> &reviews);
    // Each KPI's state from the values recorded up to that date (periods starting on or
    // before it), in the tracker's order.
    static QList<KpiState> kpisAt(const PartnershipKpis &tracker, const KpiThresholds &thresholds,
                                  const QDate &date);
    // The states in a few words: "2 on track, 1 off track, 1 without data".
    static QString summary(const QList<KpiState> &states);
};

} // namespace pb::domain
