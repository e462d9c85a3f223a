#include "StructureChooser.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

// DOMAIN.md §3: the decision matrix for referral, distribution and joint venture; integration
// and co-marketing from the structures table.
constexpr MatrixColumn kMatrix[] = {
    {Structure::Referral, QT_TRANSLATE_NOOP("StructureChooser", "low"),
     QT_TRANSLATE_NOOP("StructureChooser", "none"),
     QT_TRANSLATE_NOOP("StructureChooser", "10–20 % referral fee"),
     QT_TRANSLATE_NOOP("StructureChooser", "high"), QT_TRANSLATE_NOOP("StructureChooser", "fast"),
     QT_TRANSLATE_NOOP("StructureChooser", "low")},
    {Structure::Reseller, QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "some (enablement)"),
     QT_TRANSLATE_NOOP("StructureChooser", "30–50 % margin"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium")},
    {Structure::Integration, QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "engineering and upkeep"),
     QT_TRANSLATE_NOOP("StructureChooser", "often none; sometimes a 70/30 split"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "medium")},
    {Structure::CoMarketing, QT_TRANSLATE_NOOP("StructureChooser", "low–medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "a co-marketing budget (~5–50k)"),
     QT_TRANSLATE_NOOP("StructureChooser", "rarely direct money"),
     QT_TRANSLATE_NOOP("StructureChooser", "low–medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "low–medium"),
     QT_TRANSLATE_NOOP("StructureChooser", "low–medium")},
    {Structure::JointVenture, QT_TRANSLATE_NOOP("StructureChooser", "high"),
     QT_TRANSLATE_NOOP("StructureChooser", "major"),
     QT_TRANSLATE_NOOP("StructureChooser", "50-50 equity or profit split"),
     QT_TRANSLATE_NOOP("StructureChooser", "low"), QT_TRANSLATE_NOOP("StructureChooser", "slow"),
     QT_TRANSLATE_NOOP("StructureChooser", "high")},
};

using Rec = StructureRecommendation;

bool sells(PartnerRole role)
{
    return role == PartnerRole::Sell || role == PartnerRole::SellAndDeliver;
}

std::optional<Rec> jointVenture(const ChooserAnswers &a)
{
    if (a.longTerm != YesNo::Yes || a.trackRecord != YesNo::Yes)
        return std::nullopt;
    return Rec{Structure::JointVenture,
               {StructureChooser::tr("It is a long-term strategic market."),
                StructureChooser::tr("We have a trusted track record with them.")},
               {StructureChooser::tr("Without that history together, pilot a lighter structure "
                                     "first: a joint venture without a track record is a trap.")}};
}

std::optional<Rec> integration(const ChooserAnswers &a)
{
    const bool early = a.gtmStage == GtmStage::Early;
    if (a.needsEngineering == YesNo::Yes) {
        Rec rec{Structure::Integration,
                {StructureChooser::tr("The products must connect: it needs engineering on both "
                                      "sides, and then upkeep.")},
                {StructureChooser::tr("If no engineering is needed, a referral partnership is "
                                      "lighter and faster.")}};
        if (early)
            rec.reasons << StructureChooser::tr("At an early go-to-market stage, integrations "
                                                "build credibility.");
        return rec;
    }
    // The stage alone speaks only when nothing more specific does: a company new to the
    // market starts with referrals, whatever its stage.
    if (!early || a.needsEngineering == YesNo::No || a.partnerRole != PartnerRole::Unknown ||
        a.newToMarket == YesNo::Yes)
        return std::nullopt;
    return Rec{Structure::Integration,
               {StructureChooser::tr("At an early go-to-market stage, integrations build "
                                     "credibility.")},
               {StructureChooser::tr("If the products need not connect, a referral partnership "
                                     "is the lightest start.")}};
}

// What distribution needs that we lack, in words; empty when nothing is missing.
QStringList distributionGaps(const ChooserAnswers &a)
{
    QStringList gaps;
    if (a.productMarketFit == YesNo::No)
        gaps << StructureChooser::tr("we do not have product-market fit yet");
    else if (a.productMarketFit == YesNo::Unknown)
        gaps << StructureChooser::tr("product-market fit is not confirmed");
    if (a.canFundEnablement == YesNo::No)
        gaps << StructureChooser::tr("we cannot fund enablement");
    else if (a.canFundEnablement == YesNo::Unknown)
        gaps << StructureChooser::tr("funding for enablement is not confirmed");
    if (a.newToMarket == YesNo::Yes)
        gaps << StructureChooser::tr("we are new to this market");
    return gaps;
}

Rec reseller(const ChooserAnswers &a)
{
    Rec rec{Structure::Reseller,
            {a.partnerRole == PartnerRole::SellAndDeliver
                 ? StructureChooser::tr("We need them to sell and deliver.")
                 : StructureChooser::tr("We need them to sell, not only to refer."),
             StructureChooser::tr("We have product-market fit."),
             StructureChooser::tr("We can fund the enablement a reseller needs.")},
            {StructureChooser::tr("If enablement cannot be funded after all, start as a referral "
                                  "partnership.")}};
    if (a.gtmStage == GtmStage::Growth)
        rec.reasons << StructureChooser::tr("At the growth stage, a channel gives reach.");
    return rec;
}

std::optional<Rec> distribution(const ChooserAnswers &a)
{
    const bool growth = a.gtmStage == GtmStage::Growth && a.partnerRole == PartnerRole::Unknown;
    if (!sells(a.partnerRole) && !growth)
        return std::nullopt;
    const QStringList gaps = distributionGaps(a);
    if (gaps.isEmpty())
        return reseller(a);
    const QString list = gaps.join(StructureChooser::tr("; "));
    return Rec{
        Structure::Referral,
        {StructureChooser::tr("Distribution needs product-market fit and enablement we "
                              "can fund, and here %1: start as a referral partnership.")
             .arg(list)},
        {StructureChooser::tr("Once that changes (%1), move to a reseller agreement.").arg(list)}};
}

std::optional<Rec> coMarketing(const ChooserAnswers &a)
{
    if (a.gtmStage != GtmStage::Mature || a.partnerRole != PartnerRole::Unknown)
        return std::nullopt;
    return Rec{Structure::CoMarketing,
               {StructureChooser::tr("At a mature stage, strategic alliances: joint marketing "
                                     "into each other's audience.")},
               {StructureChooser::tr("In a long-term strategic market, with a trusted track "
                                     "record together, a joint venture.")}};
}

Rec referral(const ChooserAnswers &a)
{
    Rec rec{Structure::Referral, {}, {}};
    if (a.newToMarket == YesNo::Yes)
        rec.reasons << StructureChooser::tr("We are new to this market or testing it: a "
                                            "referral is low commitment and fast.");
    if (a.partnerRole == PartnerRole::Refer)
        rec.reasons << StructureChooser::tr("We need them only to refer; we close and deliver.");
    if (a.productMarketFit == YesNo::No)
        rec.reasons << StructureChooser::tr("Before product-market fit, keep the commitment low.");
    if (rec.reasons.isEmpty())
        rec.reasons << StructureChooser::tr("Little is known yet: a referral is the lightest "
                                            "commitment while the facts come in.");
    rec.wouldChange << StructureChooser::tr("With product-market fit, enablement we can fund and "
                                            "a partner who sells, a reseller agreement.");
    return rec;
}

} // namespace

std::span<const MatrixColumn> StructureChooser::matrix()
{
    return kMatrix;
}

QStringList StructureChooser::matrixRowNames()
{
    return {tr("Commitment"), tr("Investment"), tr("Money"),
            tr("Control"),    tr("Speed"),      tr("Risk")};
}

QStringList StructureChooser::matrixValues(const MatrixColumn &column)
{
    QStringList values;
    for (const char *value : {column.commitment, column.investment, column.money, column.control,
                              column.speed, column.risk})
        values << tr(value);
    return values;
}

StructureRecommendation StructureChooser::recommend(const ChooserAnswers &answers)
{
    std::optional<Rec> chosen = jointVenture(answers);
    if (!chosen)
        chosen = integration(answers);
    if (!chosen)
        chosen = distribution(answers);
    if (!chosen)
        chosen = coMarketing(answers);
    Rec rec = chosen ? *chosen : referral(answers);
    // A long-term market without history: say what would open the door to a joint venture.
    if (answers.longTerm == YesNo::Yes && answers.trackRecord != YesNo::Yes &&
        rec.structure != Structure::JointVenture)
        rec.wouldChange << tr("It is a long-term strategic market: once you have a track record "
                              "together, a joint venture can follow.");
    return rec;
}

QString StructureChooser::yesNoId(YesNo answer)
{
    switch (answer) {
    case YesNo::Yes:
        return u"yes"_s;
    case YesNo::No:
        return u"no"_s;
    case YesNo::Unknown:
        break;
    }
    return {};
}

std::optional<YesNo> StructureChooser::yesNoFromId(const QString &text)
{
    const QString key = text.trimmed().toLower();
    if (key.isEmpty())
        return YesNo::Unknown;
    if (key == u"yes" || key == u"y")
        return YesNo::Yes;
    if (key == u"no" || key == u"n")
        return YesNo::No;
    return std::nullopt;
}

QString StructureChooser::partnerRoleId(PartnerRole role)
{
    switch (role) {
    case PartnerRole::Refer:
        return u"refer"_s;
    case PartnerRole::Sell:
        return u"sell"_s;
    case PartnerRole::SellAndDeliver:
        return u"sell-and-deliver"_s;
    case PartnerRole::Unknown:
        break;
    }
    return {};
}

std::optional<PartnerRole> StructureChooser::partnerRoleFromId(const QString &text)
{
    for (PartnerRole role : {PartnerRole::Unknown, PartnerRole::Refer, PartnerRole::Sell,
                             PartnerRole::SellAndDeliver}) {
        if (text.trimmed().compare(partnerRoleId(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

QString StructureChooser::gtmStageId(GtmStage stage)
{
    switch (stage) {
    case GtmStage::Early:
        return u"early"_s;
    case GtmStage::Growth:
        return u"growth"_s;
    case GtmStage::Mature:
        return u"mature"_s;
    case GtmStage::Unknown:
        break;
    }
    return {};
}

std::optional<GtmStage> StructureChooser::gtmStageFromId(const QString &text)
{
    for (GtmStage stage :
         {GtmStage::Unknown, GtmStage::Early, GtmStage::Growth, GtmStage::Mature}) {
        if (text.trimmed().compare(gtmStageId(stage), Qt::CaseInsensitive) == 0)
            return stage;
    }
    return std::nullopt;
}

} // namespace pb::domain
