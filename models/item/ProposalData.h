#pragma once

#include "domain/ProposalBuilder.h"
#include "domain/ProposalRules.h"

namespace pb::store {
class Workbook;
struct StoreError;
} // namespace pb::store

namespace pb::item {

// Gathers what the proposal of one partnership is made of from a workbook, for the
// Proposal area, `playbook-cli terms/proposal` and `check`: one place, so they agree.
struct ProposalData
{
    domain::ProposalFields fields;
    domain::ProposalSources sources; // sources.raci points into raci
    domain::RaciGrid raci;
    bool hasRaci = false;
    domain::ProposalContext context; // context.raci points into raci
    // The structure's findings (QualificationCheck): a reseller without a conflict plan …
    domain::Findings structureFindings;

    // Nullopt when there is no such candidate.
    static std::optional<ProposalData> gather(const store::Workbook &workbook, qint64 candidateId,
                                              const QDate &today);
    domain::ProposalContent content() const { return domain::ProposalBuilder::build(sources); }
    // The terms' checks, then the structure's.
    domain::Findings findings() const
    {
        return domain::ProposalRules::check(fields, context) + structureFindings;
    }

    ProposalData() = default;
    ProposalData(const ProposalData &other);
    ProposalData &operator=(const ProposalData &other);

private:
    void relink();
};

} // namespace pb::item
