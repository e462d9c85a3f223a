#include "ProposalRules.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

using Severity = Finding::Severity;
using Rules = ProposalRules;

// Collects the findings of one check, each about one field of one partner.
class FindingList
{
public:
    explicit FindingList(const QString &partner)
        : m_partner(partner)
    {}

    void add(const QString &code, Severity severity, ProposalField field, const QString &message)
    {
        add(code, severity, ProposalFieldTable::key(field), message);
    }
    void add(const QString &code, Severity severity, const QString &subject, const QString &message)
    {
        Finding finding;
        finding.code = code;
        finding.severity = severity;
        finding.subject = subject;
        finding.field = subject;
        finding.message = message;
        finding.partner = m_partner;
        m_findings.append(finding);
    }
    void append(const Finding &finding) { m_findings.append(finding); }
    Findings take() { return std::move(m_findings); }

private:
    QString m_partner;
    Findings m_findings;
};

QString percentText(double value)
{
    return QLocale().toString(value, 'f', std::abs(value - std::round(value)) < 1e-9 ? 0 : 1) +
           u" %"_s;
}

QString money(double amount, const QString &currency)
{
    return formatKpiValue(amount, KpiUnit::Currency, currency, QLocale());
}

// Exclusivity with no end, longer than the usual 12–18 months, or not gated on the
// success metrics. Not stated (empty) is none of these.
void checkExclusivity(const Proposal &terms, const QString &partner, FindingList &findings)
{
    const ProposalField field = ProposalField::ExclusivityMonths;
    const bool openEnded = !terms.namedValue(field).isEmpty();
    const int months = terms.count(field).value_or(0);
    if (openEnded) {
        findings.add(u"terms.exclusivity_open_ended"_s, Severity::Warning, field,
                     Rules::tr("%1: exclusivity has no end date; keep it time-bound (12–18 "
                               "months).")
                         .arg(partner));
    } else if (months > Rules::kExclusivityMaxMonths) {
        findings.add(u"terms.exclusivity_long"_s, Severity::Warning, field,
                     Rules::tr("%1: exclusivity for %2 months is longer than the usual "
                               "12–18 months.")
                         .arg(partner)
                         .arg(months));
    }
    if ((openEnded || months > 0) && !terms.isYes(ProposalField::ExclusivityGated)) {
        findings.add(u"terms.exclusivity_ungated"_s, Severity::Warning,
                     ProposalField::ExclusivityGated,
                     Rules::tr("%1: exclusivity is granted without a gate; let it last only "
                               "while the success metrics are met.")
                         .arg(partner));
    }
}

// Revenue share, reseller margin and referral fee outside their usual ranges.
void checkUsualRanges(const ProposalFields &fields, const ProposalContext &context,
                      FindingList &findings)
{
    const Proposal &terms = fields.proposal;
    const QString &partner = context.partner;
    const QString code = u"terms.rev_share_out_of_range"_s;
    const auto share = terms.number(ProposalField::RevSharePercent);
    if (share && fields.structure != Structure::Unset) {
        const Rules::Range range = Rules::revShareRange(fields.structure);
        if (*share < range.low || *share > range.high) {
            findings.add(code, Severity::Warning, ProposalField::RevSharePercent,
                         Rules::tr("%1: a revenue share of %2 is outside the usual %3–%4 for a "
                                   "%5 partnership.")
                             .arg(partner, percentText(*share), percentText(range.low),
                                  percentText(range.high), structureId(fields.structure)));
        }
    }
    const auto margin = terms.number(ProposalField::ResellerMarginPercent);
    if (margin && (*margin < 30 || *margin > 50)) {
        findings.add(code, Severity::Warning, ProposalField::ResellerMarginPercent,
                     Rules::tr("%1: a reseller margin of %2 is outside the usual 30–50 %.")
                         .arg(partner, percentText(*margin)));
    }
    const auto fee = terms.number(ProposalField::ReferralFee);
    if (fee && (*fee < context.referralFeeLow || *fee > context.referralFeeHigh)) {
        findings.add(code, Severity::Warning, ProposalField::ReferralFee,
                     Rules::tr("%1: a referral fee of %2 per lead is outside the usual %3–%4 "
                               "(a workbook property).")
                         .arg(partner, money(*fee, context.currency),
                              money(context.referralFeeLow, context.currency),
                              money(context.referralFeeHigh, context.currency)));
    }
}

// What a revenue share commits to: the first year only unless the partner does renewal
// work; for a reseller, deal registration, and above 30 % the onboarding and support.
void checkRevShareTerms(const ProposalFields &fields, const ProposalContext &context,
                        FindingList &findings)
{
    const Proposal &terms = fields.proposal;
    const QString &partner = context.partner;
    const double share = terms.number(ProposalField::RevSharePercent).value_or(0);
    // A joint venture splits profit for as long as it exists; the cap is about a share of
    // the revenue a partner brings.
    const bool renewalWork =
        context.raci && RaciRules::partnerLeads(*context.raci, RaciRules::renewalWork());
    if (share > 0 && !terms.isYes(ProposalField::FirstYearCap) &&
        fields.structure != Structure::JointVenture && !renewalWork) {
        findings.add(u"terms.rev_share_uncapped"_s, Severity::Warning, ProposalField::FirstYearCap,
                     Rules::tr("%1: the revenue share of %2 is not capped at the first year; "
                               "cap it unless the partner does the renewal work.")
                         .arg(partner, percentText(share)));
    }
    if (fields.structure != Structure::Reseller)
        return;
    if (terms.count(ProposalField::DealRegistrationDays).value_or(0) == 0) {
        findings.add(u"terms.no_deal_registration"_s, Severity::Warning,
                     ProposalField::DealRegistrationDays,
                     Rules::tr("%1: a reseller deal without deal registration pays twice when "
                               "direct sales closes the same customer; protect registered "
                               "deals for about 90 days.")
                         .arg(partner));
    }
    const bool delivers =
        context.raci && RaciRules::partnerLeads(*context.raci, RaciRules::deliveryWork());
    if (share > Rules::kResellerDeliveryShare && !delivers) {
        findings.add(u"terms.rev_share_without_delivery"_s, Severity::Warning,
                     ProposalField::RevSharePercent,
                     Rules::tr("%1: a revenue share of %2 pays for onboarding and support, but "
                               "%3; over 30 % is normal only when the reseller does them.")
                         .arg(partner, percentText(share),
                              context.raci ? Rules::tr("the RACI grid gives the partner no R or "
                                                       "A on onboarding or support")
                                           : Rules::tr("there is no RACI grid yet")));
    }
}

// Channel economics: reseller deals need healthy gross margins, and the partner's cut must
// not sit on top of a long CAC payback. Each check on its own.
void checkChannelEconomics(const ProposalFields &fields, const ProposalContext &context,
                           FindingList &findings)
{
    const auto margin = fields.proposal.number(ProposalField::ResellerMarginPercent);
    if (fields.structure != Structure::Reseller && !margin)
        return;
    const QString code = u"terms.margin_breaks_unit_economics"_s;
    const QString &partner = context.partner;
    const double gross = context.grossMarginPercent;
    if (gross < 50) {
        findings.add(code, Severity::Error, ProposalField::ResellerMarginPercent,
                     Rules::tr("%1: with a gross margin of %2, a reseller deal does not work "
                               "(channel economics need 50 % at the very least, 60 % to be "
                               "healthy).")
                         .arg(partner, percentText(gross)));
    } else if (gross < 60) {
        findings.add(code, Severity::Warning, ProposalField::ResellerMarginPercent,
                     Rules::tr("%1: with a gross margin of %2, channel economics are fragile "
                               "(below 60 %).")
                         .arg(partner, percentText(gross)));
    }
    // The partner's cut, whichever field holds it: the larger of margin and revenue share.
    const auto share = fields.proposal.number(ProposalField::RevSharePercent);
    const bool marginIsCut = margin && (!share || *margin >= *share);
    const double cut = marginIsCut ? *margin : share.value_or(0);
    if (cut >= Rules::kPaybackCutPercent && context.cacPaybackMonths >= Rules::kPaybackMonths) {
        findings.add(code, Severity::Warning,
                     marginIsCut ? ProposalField::ResellerMarginPercent
                                 : ProposalField::RevSharePercent,
                     Rules::tr("%1: a %2 cut for the partner on top of a %3-month CAC payback "
                               "is structurally unprofitable.")
                         .arg(partner, percentText(cut))
                         .arg(context.cacPaybackMonths));
    }
}

// A pilot outside 60–90 days, no success metrics, and no one Accountable in the RACI grid.
void checkPilotAndMetrics(const ProposalFields &fields, const ProposalContext &context,
                          FindingList &findings)
{
    const QString &partner = context.partner;
    if (fields.pilot.days > Rules::kPilotMaxDays) {
        findings.add(u"terms.pilot_long"_s, Severity::Warning, ProposalField::PilotDays,
                     Rules::tr("%1: a pilot of %2 days is longer than 90; a short pilot with "
                               "clear success metrics decides faster.")
                         .arg(partner)
                         .arg(fields.pilot.days));
    } else if (fields.pilot.days < Rules::kPilotMinDays) {
        findings.add(u"terms.pilot_short"_s, Severity::Warning, ProposalField::PilotDays,
                     Rules::tr("%1: a pilot of %2 days is shorter than 60; too short for the "
                               "partner's first deals to show in the metrics.")
                         .arg(partner)
                         .arg(fields.pilot.days));
    }
    if (context.kpiCount == 0) {
        findings.add(u"proposal.no_metrics"_s, Severity::Warning, u"metrics"_s,
                     Rules::tr("%1: the proposal has no success metrics; agree three to five "
                               "KPIs in the KPIs area.")
                         .arg(partner));
    }
    if (context.raci) {
        for (const RaciProblem &problem : RaciRules::check(*context.raci, partner)) {
            if (problem.finding.code == u"raci.no_accountable")
                findings.append(problem.finding);
        }
    }
}

// The contract's traps (DOMAIN.md §3, §7): a most-favoured-nation clause, a term that renews
// whatever the partnership achieved, and a partner who will not sign at all.
void checkContractTraps(const ProposalFields &fields, const ProposalContext &context,
                        FindingList &findings)
{
    const Proposal &terms = fields.proposal;
    const QString &partner = context.partner;
    if (terms.isYes(ProposalField::MfnClause)) {
        findings.add(u"terms.mfn"_s, Severity::Warning, ProposalField::MfnClause,
                     Rules::tr("%1 asks for a most-favoured-nation clause: it binds every later "
                               "deal to these terms; refuse it, or limit it in time and scope.")
                         .arg(partner));
    }
    const int term = terms.count(ProposalField::TermMonths).value_or(0);
    const double threshold = terms.number(ProposalField::RenewalArrThreshold).value_or(0);
    if (term > 0 && (!terms.isYes(ProposalField::RenewalTied) || threshold <= 0)) {
        findings.add(u"terms.renewal_unconditional"_s, Severity::Warning,
                     ProposalField::RenewalTied,
                     Rules::tr("%1: the %2-month term renews whatever the partnership achieves; "
                               "let it renew only if an ARR threshold was reached (for example "
                               "%3).")
                         .arg(partner)
                         .arg(term)
                         .arg(money(threshold > 0 ? threshold : Rules::kRenewalArrThreshold,
                                    context.currency)));
    }
    if (terms.isYes(ProposalField::WrittenAgreementRefused)) {
        findings.add(u"contract.no_written_agreement"_s, Severity::Error,
                     ProposalField::WrittenAgreementRefused,
                     Rules::tr("%1 will not sign a written agreement: a red flag. Do not start "
                               "or scale a pilot on a handshake.")
                         .arg(partner));
    }
}

} // namespace

ProposalRules::Range ProposalRules::revShareRange(Structure structure)
{
    switch (structure) {
    case Structure::Referral:
        return {5, 20};
    case Structure::Reseller:
        return {15, 40}; // 15–30 typical, 25–35 when the reseller also onboards and supports
    case Structure::Integration:
        return {0, 30}; // often no fee; sometimes a 70/30 split
    case Structure::CoMarketing:
        return {0, 10}; // rarely any direct money
    case Structure::JointVenture:
        return {0, 50}; // a profit split, often 50/50
    case Structure::Unset:
        break;
    }
    return {0, 100};
}

Findings ProposalRules::check(const ProposalFields &fields, const ProposalContext &context)
{
    FindingList findings(context.partner);
    checkExclusivity(fields.proposal, context.partner, findings);
    checkUsualRanges(fields, context, findings);
    checkRevShareTerms(fields, context, findings);
    checkChannelEconomics(fields, context, findings);
    checkPilotAndMetrics(fields, context, findings);
    checkContractTraps(fields, context, findings);
    return findings.take();
}

} // namespace pb::domain
