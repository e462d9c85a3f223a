#include "ProgrammeData.h"

#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

#include <algorithm>

using namespace pb::domain;

namespace pb::item {

namespace {

PnlTerms termsOf(const Proposal &proposal, double hourlyRate)
{
    PnlTerms terms;
    terms.hourlyRate = hourlyRate;
    terms.revSharePercent = proposal.number(ProposalField::RevSharePercent);
    terms.resellerMarginPercent = proposal.number(ProposalField::ResellerMarginPercent);
    terms.referralFee = proposal.number(ProposalField::ReferralFee);
    return terms;
}

} // namespace

ProgrammeData ProgrammeData::gather(const store::Workbook &workbook, const QDate &today)
{
    ProgrammeData data;
    data.today = today;
    const SettingValues settings = workbook.settings();
    data.currency = settings.value(SettingKey::Currency).toString();
    data.hourlyRate =
        settings
            .value(SettingKey::HourlyRate, WorkbookSettings::defaultValue(SettingKey::HourlyRate))
            .toDouble();
    QList<Candidate> candidates = workbook.candidates();
    // A stage this version does not know is reported by check; the funnel leaves it out.
    candidates.removeIf([](const Candidate &c) { return !c.unknownStage.isEmpty(); });
    const QHash<qint64, QDate> since = workbook.stageSince();
    data.gatherPnl(workbook, candidates);
    QHash<qint64, FunnelFacts> facts;
    for (const Candidate &c : std::as_const(candidates))
        facts.insert(c.id, {since.value(c.id), {}});
    for (const PartnerPnl &partner : std::as_const(data.partnerships))
        facts[partner.candidateId].tracker = partner.tracker;
    data.gatherFunnel(candidates, facts);
    data.inputs = workbook.programmeInputs();
    data.gatherHealth(since);
    return data;
}

void ProgrammeData::gatherFunnel(const QList<Candidate> &list,
                                 const QHash<qint64, FunnelFacts> &facts)
{
    stages = Funnel::countsByStage(list);
    structures = Funnel::countsByStructure(list);
    for (const Candidate &c : list)
        ++mix[size_t(c.stage)][size_t(c.structure)];
    stalled = Funnel::stalled(list, facts, today);
    QHash<qint64, QString> why;
    for (const StalledCandidate &s : std::as_const(stalled))
        why.insert(s.candidateId, s.why);
    candidates.reserve(list.size());
    for (const Candidate &c : list) {
        const QDate date = facts.value(c.id).stageSince;
        candidates.append(
            {c.id, c.name, c.stage, date, Funnel::daysInStage(date, today), why.value(c.id)});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const FunnelRow &a, const FunnelRow &b) { return a.days > b.days; });
    findings += Funnel::check(stalled);
}

void ProgrammeData::gatherPnl(const store::Workbook &workbook, const QList<Candidate> &candidates)
{
    QHash<qint64, const Candidate *> byId;
    for (const Candidate &c : candidates)
        byId.insert(c.id, &c);
    const QHash<qint64, QList<CostEntry>> costs = workbook.allCosts();
    QList<PartnershipPnl> all;
    for (qint64 id : workbook.candidatesWithPartnership()) {
        const Candidate *candidate = byId.value(id);
        if (!candidate)
            continue;
        PartnerPnl partner;
        partner.candidateId = id;
        partner.structure = candidate->structure;
        partner.tracker = workbook.partnershipKpis(id);
        partner.costs = costs.value(id);
        partner.terms = termsOf(workbook.proposal(id), hourlyRate);
        partner.pnl = Pnl::compute(partner.tracker, partner.costs, partner.terms, today);
        findings += Pnl::check(partner.pnl, currency);
        all.append(partner.pnl);
        partnerships.append(std::move(partner));
    }
    std::stable_sort(partnerships.begin(), partnerships.end(),
                     [](const PartnerPnl &a, const PartnerPnl &b) {
                         return a.tracker.partner.localeAwareCompare(b.tracker.partner) < 0;
                     });
    total = Pnl::total(all, today);
}

void ProgrammeData::gatherHealth(const QHash<qint64, QDate> &since)
{
    QList<ProgrammePartner> partners;
    for (const PartnerPnl &partner : std::as_const(partnerships))
        partners.append({partner.tracker, partner.structure, since.value(partner.candidateId)});
    health = ProgrammeHealth::assess(partners, inputs, today);
    findings += health.findings;
}

const PartnerPnl *ProgrammeData::partnership(qint64 candidateId) const
{
    for (const PartnerPnl &partner : partnerships) {
        if (partner.candidateId == candidateId)
            return &partner;
    }
    return nullptr;
}

int ProgrammeData::candidateCount() const
{
    return int(candidates.size());
}

} // namespace pb::item
