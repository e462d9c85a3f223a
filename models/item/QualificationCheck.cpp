#include "QualificationCheck.h"

#include "domain/Checklist.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

#include <algorithm>

using namespace pb::domain;

namespace pb::item {

namespace {

// A pilot that has run its course: the history a joint venture needs.
bool pilotedBefore(const store::Workbook &workbook, const Candidate &candidate, const QDate &today)
{
    if (candidate.stage == Stage::Scaled)
        return true;
    const Pilot pilot = workbook.partnershipKpis(candidate.id).pilot;
    return pilot.start.isValid() && pilot.start.addDays(pilot.days) <= today;
}

} // namespace

VettingContext QualificationCheck::context(const store::Workbook &workbook)
{
    const SettingValues settings = workbook.settings();
    VettingContext context;
    context.prePmf = WorkbookSettings::isYes(settings, SettingKey::PreProductMarketFit);
    context.grossMarginPercent =
        settings
            .value(SettingKey::GrossMarginPercent,
                   WorkbookSettings::defaultValue(SettingKey::GrossMarginPercent))
            .toDouble();
    return context;
}

Findings QualificationCheck::structureFindings(const store::Workbook &workbook,
                                               const Candidate &candidate, const QDate &today)
{
    StructureFacts facts;
    facts.territory = candidate.territory;
    // Only the structures whose rules read them pay for the grid, the terms and the pilot.
    RaciGrid grid;
    if (candidate.structure == Structure::Referral && workbook.hasRaciGrid(candidate.id)) {
        grid = workbook.raciGrid(candidate.id);
        facts.grid = &grid;
    }
    if (candidate.structure == Structure::Reseller) {
        const Proposal terms = workbook.proposal(candidate.id);
        facts.dealRegistrationDays = terms.count(ProposalField::DealRegistrationDays);
        facts.enablementBudget = terms.number(ProposalField::MdfBudget);
        // A kit item planned, ready or delivered counts as much as a budget.
        const QList<ChecklistItem> kit =
            workbook.checklist(candidate.id, ChecklistKind::Enablement);
        facts.enablementPlanned = std::any_of(kit.cbegin(), kit.cend(), [](const auto &item) {
            return item.status == ItemStatus::Planned || item.status == ItemStatus::Ready ||
                   item.status == ItemStatus::Delivered;
        });
    }
    if (candidate.structure == Structure::JointVenture)
        facts.pilotedBefore = pilotedBefore(workbook, candidate, today);
    return StructureRules::check(candidate, candidate.chooser, facts);
}

Findings QualificationCheck::findings(const store::Workbook &workbook, const Candidate &candidate,
                                      const QDate &today)
{
    return VettingRules::check(candidate, candidate.vetting, context(workbook)) +
           structureFindings(workbook, candidate, today);
}

Findings QualificationCheck::workbookFindings(const store::Workbook &workbook,
                                              const QList<Candidate> &candidates,
                                              const QDate &today)
{
    const VettingContext vetting = context(workbook);
    Findings findings;
    for (const Candidate &candidate : candidates) {
        findings += VettingRules::check(candidate, candidate.vetting, vetting);
        findings += structureFindings(workbook, candidate, today);
    }
    findings += VettingRules::checkPortfolio(candidates);
    return findings;
}

} // namespace pb::item
