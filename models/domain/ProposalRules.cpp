#include "ProposalRules.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

using Severity = Finding::Severity;

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

// Exclusivity without an end, or longer than the usual 12–18 months.
void checkExclusivity(const Proposal &terms, const QString &partner, FindingList &findings)
{
    const auto months = terms.count(ProposalField::ExclusivityMonths);
    if (!months) {
        findings.add(u"terms.exclusivity_open_ended"_s, Severity::Warning,
                     ProposalField::ExclusivityMonths,
                     ProposalRules::tr("%1: exclusivity has no end date; keep it time-bound "
                                       "(12–18 months) and gated on milestones.")
                         .arg(partner));
    } else if (*months > 18) {
        findings.add(u"terms.exclusivity_long"_s, Severity::Warning,
                     ProposalField::ExclusivityMonths,
                     ProposalRules::tr("%1: exclusivity for %2 months is longer than the usual "
                                       "12–18 months.")
                         .arg(partner)
                         .arg(*months));
    }
}

// Revenue share, reseller margin and referral fee outside their usual ranges.
void checkUsualRanges(const ProposalFields &fields, const QString &partner, FindingList &findings)
{
    const Proposal &terms = fields.proposal;
    const QString code = u"terms.rev_share_out_of_range"_s;
    const auto share = terms.number(ProposalField::RevSharePercent);
    if (share && fields.structure != Structure::Unset) {
        const ProposalRules::Range range = ProposalRules::revShareRange(fields.structure);
        if (*share < range.low || *share > range.high) {
            findings.add(code, Severity::Warning, ProposalField::RevSharePercent,
                         ProposalRules::tr("%1: a revenue share of %2 is outside the usual "
                                           "%3–%4 for a %5 partnership.")
                             .arg(partner, percentText(*share), percentText(range.low),
                                  percentText(range.high), structureId(fields.structure)));
        }
    }
    const auto margin = terms.number(ProposalField::ResellerMarginPercent);
    if (margin && (*margin < 30 || *margin > 50)) {
        findings.add(code, Severity::Warning, ProposalField::ResellerMarginPercent,
                     ProposalRules::tr("%1: a reseller margin of %2 is outside the usual 30–50 %.")
                         .arg(partner, percentText(*margin)));
    }
    const auto fee = terms.number(ProposalField::ReferralFee);
    if (fee && (*fee < 200 || *fee > 10000)) {
        findings.add(code, Severity::Warning, ProposalField::ReferralFee,
                     ProposalRules::tr("%1: a referral fee of %2 per lead is outside the usual "
                                       "200–2,000 (up to 10,000 for enterprise deals).")
                         .arg(partner, QLocale().toString(*fee, 'f', 0)));
    }
}

// Channel economics: reseller deals need healthy gross margins.
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
                     ProposalRules::tr("%1: with a gross margin of %2, a reseller deal does not "
                                       "work (channel economics need 50 % at the very least, "
                                       "60 % to be healthy).")
                         .arg(partner, percentText(gross)));
    } else if (gross < 60) {
        findings.add(code, Severity::Warning, ProposalField::ResellerMarginPercent,
                     ProposalRules::tr("%1: with a gross margin of %2, channel economics are "
                                       "fragile (below 60 %).")
                         .arg(partner, percentText(gross)));
    } else if (margin && *margin >= 30 && context.cacPaybackMonths >= 14) {
        findings.add(code, Severity::Warning, ProposalField::ResellerMarginPercent,
                     ProposalRules::tr("%1: a %2 reseller margin on top of a %3-month CAC "
                                       "payback is structurally unprofitable.")
                         .arg(partner, percentText(*margin))
                         .arg(context.cacPaybackMonths));
    }
}

// A long pilot, no success metrics, and no one Accountable in the RACI grid.
void checkPilotAndMetrics(const ProposalFields &fields, const ProposalContext &context,
                          FindingList &findings)
{
    const QString &partner = context.partner;
    if (fields.pilot.days > 90) {
        findings.add(u"terms.pilot_long"_s, Severity::Warning, ProposalField::PilotDays,
                     ProposalRules::tr("%1: a pilot of %2 days is longer than 90; a short pilot "
                                       "with clear success metrics decides faster.")
                         .arg(partner)
                         .arg(fields.pilot.days));
    }
    if (context.kpiCount == 0) {
        findings.add(u"proposal.no_metrics"_s, Severity::Warning, u"metrics"_s,
                     ProposalRules::tr("%1: the proposal has no success metrics; agree three "
                                       "to five KPIs in the KPIs area.")
                         .arg(partner));
    }
    if (context.raci) {
        for (const RaciProblem &problem : RaciRules::check(*context.raci, partner)) {
            if (problem.finding.code == u"raci.no_accountable")
                findings.append(problem.finding);
        }
    }
}

} // namespace

ProposalRules::Range ProposalRules::revShareRange(Structure structure)
{
    switch (structure) {
    case Structure::Referral:
        return {5, 20};
    case Structure::Reseller:
        return {15, 35};
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
    checkUsualRanges(fields, context.partner, findings);
    checkChannelEconomics(fields, context, findings);
    checkPilotAndMetrics(fields, context, findings);
    return findings.take();
}

} // namespace pb::domain
