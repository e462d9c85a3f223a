#include "Checklist.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

#define N(text) QT_TRANSLATE_NOOP("Checklists", text)

using K = ChecklistKind;
using S = ItemStatus;
using F = ProposalField;

constexpr StructureSet only(std::initializer_list<Structure> structures)
{
    StructureSet set = 0;
    for (Structure s : structures)
        set |= StructureSet(1u << int(s));
    return set;
}

constexpr StructureSet kNotReferralOrReseller = only(
    {Structure::Unset, Structure::Integration, Structure::CoMarketing, Structure::JointVenture});

constexpr F kMoney[] = {F::RevSharePercent, F::ReferralFee, F::ResellerMarginPercent};
constexpr F kReferralFee[] = {F::ReferralFee};
constexpr F kRevenueShare[] = {F::RevSharePercent, F::ResellerMarginPercent};
constexpr F kExclusivity[] = {F::ExclusivityMonths};
constexpr F kTerm[] = {F::TermMonths, F::NoticeDays};
constexpr F kPayment[] = {F::PaymentTerms};
constexpr F kNotice[] = {F::NoticeDays};

// DOMAIN.md §3 "Contract essentials by structure", every agreement's first.
constexpr ChecklistItemSpec kContract[] = {
    {K::Contract, u"scope", N("Scope"), N("What the partnership covers, and what it does not")},
    {K::Contract, u"exclusivity", N("Exclusivity"),
     N("If any: time-bound (12–18 months) and gated on milestones"), kAllStructures, kExclusivity},
    {K::Contract, u"money_split", N("Money split"), N("Who is paid what, and when"),
     kNotReferralOrReseller, kMoney},
    {K::Contract, u"referral_fee", N("Referral fee"), N("The fee per converted lead"),
     only({Structure::Referral}), kReferralFee},
    {K::Contract, u"lead_definition", N("What counts as a qualified lead"), "",
     only({Structure::Referral})},
    {K::Contract, u"payment_terms", N("Payment terms"), N("When fees are paid"),
     only({Structure::Referral}), kPayment},
    {K::Contract,
     u"non_compete",
     N("Non-compete"),
     N("Optional for a referral partner"),
     only({Structure::Referral}),
     {},
     S::NotApplicable},
    {K::Contract, u"territory_rights", N("Territory rights"), N("Where the reseller may sell"),
     only({Structure::Reseller})},
    {K::Contract, u"revenue_share", N("Revenue share"),
     N("15–40 % of first-year revenue, or a 30–50 % reseller margin"), only({Structure::Reseller}),
     kRevenueShare},
    {K::Contract, u"minimum_commitments", N("Minimum commitments"), "",
     only({Structure::Reseller})},
    {K::Contract, u"equity_split", N("Equity split"), "", only({Structure::JointVenture})},
    {K::Contract, u"governance", N("Governance"), N("Who decides what, and how disputes end"),
     only({Structure::JointVenture})},
    {K::Contract, u"contributions", N("Contributions"), N("What each side puts in"),
     only({Structure::JointVenture})},
    {K::Contract, u"exit_clauses", N("Exit clauses"), N("How either side leaves the venture"),
     only({Structure::JointVenture})},
    {K::Contract, u"support_obligations", N("Support obligations"),
     N("Training, marketing spend, SLAs")},
    {K::Contract, u"ip_ownership", N("IP ownership"), ""},
    {K::Contract, u"term_and_exit", N("Term and exit"),
     N("How long it runs, the notice period and termination terms"), kAllStructures, kTerm},
    {K::Contract, u"confidentiality", N("Confidentiality"), ""},
    {K::Contract, u"success_metrics", N("Success metrics and review cadence"),
     N("The KPIs with targets and when they are reviewed")},
};

// DOMAIN.md §3 "Enablement kit that partners actually use".
constexpr ChecklistItemSpec kEnablement[] = {
    {K::Enablement,
     u"partner_brief",
     N("One-page partner brief"),
     N("A ten-minute read"),
     kAllStructures,
     {},
     S::Planned},
    {K::Enablement,
     u"sales_playbook",
     N("Sales playbook with three customer stories"),
     "",
     kAllStructures,
     {},
     S::Planned},
    {K::Enablement,
     u"pitch_deck",
     N("Pitch deck"),
     N("Ready to present"),
     kAllStructures,
     {},
     S::Planned},
    {K::Enablement,
     u"objection_handbook",
     N("Objection handbook (top five)"),
     N("The top five objections and their answers"),
     kAllStructures,
     {},
     S::Planned},
    {K::Enablement,
     u"co_branded_assets",
     N("Co-branded marketing assets"),
     N("A one-pager and an e-mail template"),
     kAllStructures,
     {},
     S::Planned},
    {K::Enablement,
     u"monthly_qa_call",
     N("Monthly 30-minute Q&A call"),
     N("Optional"),
     kAllStructures,
     {},
     S::NotNeeded},
    {K::Enablement,
     u"quarterly_business_review",
     N("Quarterly business review"),
     N("Showing the partner their ROI"),
     kAllStructures,
     {},
     S::Planned},
};

// DOMAIN.md §7 "Ending well".
constexpr ChecklistItemSpec kExit[] = {
    {K::Exit, u"notice_given", N("Notice given"), N("The terms' notice period, about 30 days"),
     kAllStructures, kNotice},
    {K::Exit, u"customers_told", N("Shared customers told jointly"),
     N("Together, with an offer to transition them")},
    {K::Exit, u"data_transferred", N("Shared data transferred or deleted"), ""},
    {K::Exit, u"payments_settled", N("Payments settled"), ""},
    {K::Exit, u"learnings_written", N("Learnings written down"),
     N("For the next partner of the same structure")},
};

constexpr ItemStatus kContractStatuses[] = {S::Open, S::Agreed, S::NotApplicable};
constexpr ItemStatus kEnablementStatuses[] = {S::NotNeeded, S::Planned, S::Ready, S::Delivered};
constexpr ItemStatus kExitStatuses[] = {S::Open, S::Done, S::NotApplicable};

#undef N

bool appliesTo(const ChecklistItemSpec &spec, Structure structure)
{
    return (spec.structures & StructureSet(1u << int(structure))) != 0;
}

// The terms' values for a spec, as "Label: value" joined; empty when the terms hold none.
QString termsValue(const ChecklistItemSpec &spec, const Proposal &terms)
{
    QStringList parts;
    for (ProposalField field : spec.fromTerms) {
        const QVariant value = terms.value(field);
        const QString text = ProposalFieldTable::format(field, value);
        // A bare number ("0", "12") needs its label to say what it counts.
        const bool named = spec.fromTerms.size() > 1 || (!text.isEmpty() && text.front().isDigit());
        if (value.isValid() && !text.isEmpty())
            parts << (named ? ProposalFieldTable::label(field) + u": "_s + text : text);
    }
    return parts.join(u"; "_s);
}

Finding finding(const QString &code, Finding::Severity severity, const QString &partner,
                const QString &message)
{
    Finding f;
    f.code = code;
    f.severity = severity;
    f.subject = partner;
    f.partner = partner;
    f.message = message;
    return f;
}

} // namespace

QString checklistKindId(ChecklistKind kind)
{
    switch (kind) {
    case ChecklistKind::Contract:
        return u"contract"_s;
    case ChecklistKind::Enablement:
        return u"enablement"_s;
    case ChecklistKind::Exit:
        return u"exit"_s;
    }
    return {};
}

std::optional<ChecklistKind> checklistKindFromId(const QString &text)
{
    for (ChecklistKind kind : {K::Contract, K::Enablement, K::Exit}) {
        if (text.trimmed().compare(checklistKindId(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString itemStatusId(ItemStatus status)
{
    switch (status) {
    case S::Open:
        return u"open"_s;
    case S::Agreed:
        return u"agreed"_s;
    case S::NotApplicable:
        return u"n/a"_s;
    case S::NotNeeded:
        return u"not-needed"_s;
    case S::Planned:
        return u"planned"_s;
    case S::Ready:
        return u"ready"_s;
    case S::Delivered:
        return u"delivered"_s;
    case S::Done:
        return u"done"_s;
    }
    return {};
}

QString itemStatusDisplayName(ItemStatus status)
{
    switch (status) {
    case S::Open:
        return Checklists::tr("Open");
    case S::Agreed:
        return Checklists::tr("Agreed");
    case S::NotApplicable:
        return Checklists::tr("Not applicable");
    case S::NotNeeded:
        return Checklists::tr("Not needed");
    case S::Planned:
        return Checklists::tr("Planned");
    case S::Ready:
        return Checklists::tr("Ready");
    case S::Delivered:
        return Checklists::tr("Delivered");
    case S::Done:
        return Checklists::tr("Done");
    }
    return {};
}

std::span<const ItemStatus> statusesFor(ChecklistKind kind)
{
    switch (kind) {
    case K::Contract:
        return kContractStatuses;
    case K::Enablement:
        return kEnablementStatuses;
    case K::Exit:
        return kExitStatuses;
    }
    return {};
}

std::optional<ItemStatus> itemStatusFromId(ChecklistKind kind, const QString &text)
{
    for (ItemStatus status : statusesFor(kind)) {
        if (text.trimmed().compare(itemStatusId(status), Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

std::span<const ChecklistItemSpec> Checklists::specs(ChecklistKind kind)
{
    switch (kind) {
    case K::Contract:
        return kContract;
    case K::Enablement:
        return kEnablement;
    case K::Exit:
        return kExit;
    }
    return {};
}

const ChecklistItemSpec *Checklists::spec(ChecklistKind kind, const QString &key)
{
    for (const ChecklistItemSpec &spec : specs(kind)) {
        if (key == QStringView(spec.key))
            return &spec;
    }
    return nullptr;
}

QString Checklists::label(const ChecklistItemSpec &spec)
{
    return tr(spec.label);
}

QString Checklists::tooltip(const ChecklistItemSpec &spec)
{
    return tr(spec.tooltip);
}

QList<ChecklistRow> Checklists::rows(ChecklistKind kind, Structure structure,
                                     const QList<ChecklistItem> &stored, const Proposal &terms)
{
    QList<ChecklistRow> rows;
    for (const ChecklistItemSpec &spec : specs(kind)) {
        if (!appliesTo(spec, structure))
            continue;
        ChecklistRow row{&spec, {QString::fromUtf16(spec.key), spec.initial, {}, {}}, {}, false};
        const auto found =
            std::find_if(stored.cbegin(), stored.cend(),
                         [&row](const ChecklistItem &i) { return i.key == row.item.key; });
        if (found != stored.cend())
            row.item = *found;
        row.termsValue = termsValue(spec, terms);
        // What the terms hold is agreed, unless the user said it does not apply. Only in the
        // contract: the exit's notice period in the terms is not notice given (it is shown).
        if (kind == K::Contract && !row.termsValue.isEmpty() && row.item.status == S::Open) {
            row.item.status = S::Agreed;
            row.byTerms = true;
        }
        rows.append(row);
    }
    return rows;
}

QStringList Checklists::openLabels(const QList<ChecklistRow> &rows)
{
    QStringList open;
    for (const ChecklistRow &row : rows) {
        if (row.item.status == S::Open)
            open << label(*row.spec);
    }
    return open;
}

ChecklistProgress Checklists::progress(const QList<ChecklistRow> &rows)
{
    ChecklistProgress progress;
    for (const ChecklistRow &row : rows) {
        const ItemStatus status = row.item.status;
        if (status == S::NotApplicable || status == S::NotNeeded)
            continue;
        ++progress.total;
        if (isSettled(status))
            ++progress.settled;
    }
    return progress;
}

bool Checklists::isSettled(ItemStatus status)
{
    return status == S::Agreed || status == S::Delivered || status == S::Done;
}

ChecklistItem Checklists::storedItem(const ChecklistRow &row)
{
    ChecklistItem item = row.item;
    if (row.byTerms)
        item.status = S::Open;
    return item;
}

ChecklistItem Checklists::withStatus(ChecklistItem item, ItemStatus status, const QDate &today)
{
    item.status = status;
    if (!item.date.isValid() && (isSettled(status) || status == S::Ready))
        item.date = today;
    return item;
}

ItemStatus Checklists::cycled(ChecklistKind kind, ItemStatus status, int step)
{
    const std::span<const ItemStatus> cycle = statusesFor(kind);
    const auto at = std::find(cycle.begin(), cycle.end(), status);
    const auto size = qsizetype(cycle.size());
    const qsizetype index = at == cycle.end() ? 0 : qsizetype(at - cycle.begin());
    return cycle[std::size_t(((index + step) % size + size) % size)];
}

bool Checklists::retrospectiveDue(const PartnershipKpis &tracker, const QDate &today)
{
    if (!tracker.pilot.start.isValid())
        return false;
    const QDate end = tracker.pilot.start.addDays(tracker.pilot.days);
    if (end >= today)
        return false;
    return std::none_of(tracker.reviews.cbegin(), tracker.reviews.cend(), [&end](const Review &r) {
        return r.decision != ReviewDecision::Continue && r.date >= end.addDays(-14);
    });
}

Findings Checklists::check(const Partnership &p, const QDate &today)
{
    Findings findings;
    const QStringList open = openLabels(p.contract);
    const bool running = p.stage == Stage::Pilot || p.stage == Stage::Scaled;
    if (!open.isEmpty() && (running || p.stage == Stage::Proposed))
        findings << finding(u"contract.open_essentials"_s,
                            running ? Finding::Severity::Warning : Finding::Severity::Info,
                            p.partner,
                            running ? tr("%1 (%2) has contract essentials still open: %3.")
                                          .arg(p.partner, stageId(p.stage), open.join(u", "_s))
                                    : tr("Before %1 moves to a pilot, agree the contract's "
                                         "essentials still open: %2.")
                                          .arg(p.partner, open.join(u", "_s)));
    const bool needsKit =
        p.structure == Structure::Reseller || p.structure == Structure::CoMarketing;
    const bool delivered =
        std::any_of(p.enablement.cbegin(), p.enablement.cend(),
                    [](const ChecklistRow &r) { return r.item.status == S::Delivered; });
    if (needsKit && p.stage == Stage::Pilot && !delivered)
        findings << finding(u"enablement.missing"_s, Finding::Severity::Warning, p.partner,
                            tr("%1 is in pilot and no item of its enablement kit has been "
                               "delivered: a partner cannot sell without a brief, a playbook and "
                               "a deck.")
                                .arg(p.partner));
    if (p.stage == Stage::Pilot && retrospectiveDue(p.tracker, today))
        findings << finding(
            u"pilot.retro_due"_s, Finding::Severity::Warning, p.partner,
            tr("%1's pilot ended on %2: hold the retrospective (what worked, what "
               "did not, what to change) and decide to scale, pause or end.")
                .arg(p.partner,
                     p.tracker.pilot.start.addDays(p.tracker.pilot.days).toString(Qt::ISODate)));
    const QStringList exitOpen = openLabels(p.exit);
    if ((p.stage == Stage::Paused || p.stage == Stage::Ended) && !exitOpen.isEmpty())
        findings << finding(u"exit.open_items"_s, Finding::Severity::Warning, p.partner,
                            tr("%1 is %2 but the exit is not finished: %3.")
                                .arg(p.partner, stageId(p.stage), exitOpen.join(u", "_s)));
    return findings;
}

} // namespace pb::domain
