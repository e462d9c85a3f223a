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
    // The usual referral fee per converted lead, in the workbook's currency (workbook
    // properties, since 200–10,000 dollars is not 200–10,000 yen).
    double referralFeeLow = 200;
    double referralFeeHigh = 10000;
    QString currency = QStringLiteral("USD");
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

    // Pilots run 60–90 days (DOMAIN.md section 1); exclusivity stays within 18 months.
    static constexpr int kPilotMinDays = 60;
    static constexpr int kPilotMaxDays = 90;
    static constexpr int kExclusivityMaxMonths = 18;
    // Above this revenue share a reseller is paid for onboarding and support too.
    static constexpr double kResellerDeliveryShare = 30;
    // A partner's cut of this much on top of a CAC payback this long is unprofitable.
    static constexpr double kPaybackCutPercent = 30;
    static constexpr double kPaybackMonths = 14;
    // "Auto-renews annually only if 50k+ ARR was achieved" (DOMAIN.md §7): the example the
    // renewal warning gives when no threshold is set.
    static constexpr double kRenewalArrThreshold = 50000;

    // terms.exclusivity_open_ended (the explicit "open-ended"; empty is not stated),
    // terms.exclusivity_long (over 18 months), terms.exclusivity_ungated (granted without
    // the gate on the success metrics), terms.rev_share_out_of_range,
    // terms.rev_share_uncapped, terms.no_deal_registration (a reseller),
    // terms.rev_share_without_delivery (a reseller over 30 % without onboarding or support
    // in the RACI grid), terms.margin_breaks_unit_economics, terms.pilot_short (under 60
    // days), terms.pilot_long (over 90 days), proposal.no_metrics, raci.no_accountable
    // from the RACI grid, and the contract's traps: terms.mfn (a most-favoured-nation clause
    // requested), terms.renewal_unconditional (a term that renews without an ARR threshold)
    // and contract.no_written_agreement (an error: the partner refuses to sign). Each finding's
    // subject and field are the key of the field it concerns (ProposalTerms::keys()).
    static Findings check(const ProposalFields &fields, const ProposalContext &context);
};

} // namespace pb::domain
