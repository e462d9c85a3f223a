#pragma once

#include "Finding.h"
#include "Proposal.h"
#include "Raci.h"

#include <QCoreApplication>

namespace pb::domain {

// What the checks on the terms need besides the fields: the workbook's economics, the
// number of KPIs and the RACI grid.
struct ProposalContext
{
    QString partner;
    double grossMarginPercent = 75;
    double cacPaybackMonths = 12;
    qsizetype kpiCount = 0;
    const RaciGrid *raci = nullptr; // null: no grid yet
};

// The checks on the terms (DOMAIN.md section 3, "Traps worth a visible warning"), shown
// beside the fields, on the proposal page and in `check`.
class ProposalRules
{
    Q_DECLARE_TR_FUNCTIONS(ProposalRules)
public:
    // The usual range of the revenue share for a structure, in percent.
    struct Range
    {
        double low = 0;
        double high = 100;
    };
    static Range revShareRange(Structure structure);

    // terms.exclusivity_open_ended, terms.exclusivity_long (over 18 months),
    // terms.rev_share_out_of_range, terms.margin_breaks_unit_economics, terms.pilot_long
    // (over 90 days), proposal.no_metrics, and raci.no_accountable from the RACI grid.
    // Each finding's subject is the key of the field it concerns (ProposalTerms::keys()).
    static Findings check(const ProposalFields &fields, const ProposalContext &context);
};

} // namespace pb::domain
