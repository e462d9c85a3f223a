#pragma once

#include <QString>

#include <optional>

namespace pb::domain {

// The answers a qualification session records on a candidate, as plain values (Candidate
// holds them; StructureChooser and VettingRules judge them). Every enum starts at Unknown:
// empty means not known yet.

// An answer the chooser asks for; Unknown until the user says.
enum class YesNo { Unknown, Yes, No };
// What we need the partner to do.
enum class PartnerRole { Unknown, Refer, Sell, SellAndDeliver };
// Our go-to-market stage (DOMAIN.md §3: early — integrations for credibility; growth —
// channel for reach; mature — strategic alliances).
enum class GtmStage { Unknown, Early, Growth, Mature };

// The practice's "when to use" questions, as stored on a candidate.
struct ChooserAnswers
{
    YesNo newToMarket = YesNo::Unknown;       // new to this market, or testing it
    YesNo productMarketFit = YesNo::Unknown;  // we have product-market fit
    YesNo canFundEnablement = YesNo::Unknown; // we can fund enablement (kit, training, support)
    YesNo trackRecord = YesNo::Unknown;       // a trusted track record with this partner
    YesNo needsEngineering = YesNo::Unknown;  // it needs engineering on both sides
    YesNo longTerm = YesNo::Unknown;          // a long-term strategic market
    PartnerRole partnerRole = PartnerRole::Unknown;
    GtmStage gtmStage = GtmStage::Unknown;

    friend bool operator==(const ChooserAnswers &, const ChooserAnswers &) = default;
};

// "Adjacent, not competing" (DOMAIN.md §2): do they compete with us?
enum class Competes { Unknown, No, Partly, Yes };
enum class CustomerBase { Unknown, Smb, MidMarket, Enterprise };
// Does their customer base match our ideal customer profile?
enum class IcpMatch { Unknown, Yes, Partly, No };
// Their size relative to ours.
enum class RelativeSize { Unknown, Smaller, Similar, MuchBigger };

// What a qualification session records about a candidate beyond the score (DOMAIN.md §2):
// the vetting questions, the champion's incentive, and for a big company's "strategic
// partnership" the three things to hear in the first meeting. Empty means unknown.
struct Vetting
{
    Competes competes = Competes::Unknown;
    YesNo partnerProgramme = YesNo::Unknown;
    std::optional<int> integrationPartners;
    CustomerBase customerBase = CustomerBase::Unknown;
    IcpMatch icpMatch = IcpMatch::Unknown;
    YesNo canSell = YesNo::Unknown; // their go-to-market maturity
    RelativeSize relativeSize = RelativeSize::Unknown;
    QString motivations; // their top three reasons to partner
    YesNo incentiveAligned = YesNo::Unknown;
    YesNo exploratory = YesNo::Unknown; // "let's explore a strategic partnership"
    QString jointMotion;
    QString internalChampion;
    QString success90Days;

    friend bool operator==(const Vetting &, const Vetting &) = default;
};

} // namespace pb::domain
