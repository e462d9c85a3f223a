#pragma once

#include "Candidate.h"
#include "Finding.h"
#include "Raci.h"
#include "StructureChooser.h"

#include <QCoreApplication>

#include <optional>

namespace pb::domain {

// What the structure rules need beyond the candidate: its RACI grid, territory, the terms'
// deal registration and enablement budget, the enablement kit, and its history with us.
struct StructureFacts
{
    const RaciGrid *grid = nullptr;
    QString territory;
    std::optional<int> dealRegistrationDays;
    std::optional<double> enablementBudget;
    bool enablementPlanned = false; // any kit item planned, ready or delivered
    bool pilotedBefore = false;     // a pilot with this partner was run
};

// The structural mistakes DOMAIN.md §3 warns about, as findings: structure.unset (past
// sourcing with no structure), structure.referral_expected_to_sell (a referral partner
// given R or A for sales follow-up or closing), structure.no_conflict_plan (a reseller with
// neither a territory nor deal registration), structure.no_enablement (a reseller with no
// enablement budget or kit planned), structure.jv_without_history. Shown in the detail pane,
// `check` and the proposal's checks.
class StructureRules
{
    Q_DECLARE_TR_FUNCTIONS(StructureRules)
public:
    static Findings check(const Candidate &candidate, const ChooserAnswers &answers,
                          const StructureFacts &facts);
    // Whether an activity is the selling itself: sales follow-up or closing.
    static bool isSellingActivity(const QString &activity);
};

} // namespace pb::domain
