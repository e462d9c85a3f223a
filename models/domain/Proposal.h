#pragma once

#include "Candidate.h"
#include "Finding.h"
#include "KpiRules.h"
#include "Raci.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace pb::domain {

// The commercial terms of a partnership (DOMAIN.md sections 3 and 6), as the proposal
// states them. Amounts are in the workbook's currency.
struct CommercialTerms
{
    std::optional<double> revSharePercent;
    std::optional<double> referralFee; // per converted lead
    std::optional<double> resellerMarginPercent;
    std::optional<double> mdfBudget; // co-marketing / market development funds
    // 0: no exclusivity; none (empty): open-ended exclusivity, which is a trap.
    std::optional<int> exclusivityMonths = 0;
    std::optional<int> dealRegistrationDays;
    std::optional<int> termMonths;
    std::optional<int> noticeDays;
    QString paymentTerms;
    bool firstYearCap = false; // revenue share paid on first-year revenue only

    friend bool operator==(const CommercialTerms &, const CommercialTerms &) = default;
};

// What the user writes for the proposal; everything else comes from the workbook.
struct ProposalText
{
    QString title;
    QString hypothesis; // what we do together, who benefits
    QString ourContacts;
    QString partnerContacts;
    QString notes;

    friend bool operator==(const ProposalText &, const ProposalText &) = default;
};

// One partnership's proposal as stored: the user's text and the terms.
struct Proposal
{
    ProposalText text;
    CommercialTerms terms;

    friend bool operator==(const Proposal &, const Proposal &) = default;
};

// Everything `playbook-cli terms` can set, with the partnership's structure and pilot,
// which live with the candidate and the KPI tracker.
struct ProposalFields
{
    Structure structure = Structure::Unset;
    Pilot pilot;
    Proposal proposal;

    friend bool operator==(const ProposalFields &, const ProposalFields &) = default;
};

class ProposalTerms
{
    Q_DECLARE_TR_FUNCTIONS(ProposalTerms)
public:
    // The keys of `terms KEY=VALUE`, in the order `terms` prints them.
    static const QStringList &keys();
    // The value of a key as `terms` prints it ("" when not set; "open-ended" for open
    // exclusivity; "yes"/"no").
    static QString value(const ProposalFields &fields, const QString &key);
    // Sets one key from text; an empty string on success, otherwise what is wrong. An
    // empty value clears an optional number (for exclusivity_months it means open-ended).
    static QString set(ProposalFields &fields, const QString &key, const QString &text);
};

// The checks on the terms (DOMAIN.md section 3, "Traps worth a visible warning"), shown
// beside the fields, on the proposal page and in `check`.
struct ProposalContext
{
    QString partner;
    double grossMarginPercent = 75;
    double cacPaybackMonths = 12;
    qsizetype kpiCount = 0;
    const RaciGrid *raci = nullptr; // null: no grid yet
};

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

// The page's content, resolved to text: what the renderer lays out, the preview shows and
// the tests read. User text stays plain text here; the renderer escapes it.
struct ProposalContent
{
    struct Row
    {
        QString label;
        QString ours;   // the first value (our lead; the target; the term)
        QString theirs; // the second value (the partner's lead), if any
    };

    QString company; // ours
    QString partner;
    QString title;
    QString date;      // the day it was generated, long format
    QString structure; // "Referral — partner refers, we close and deliver"
    QString score;     // "Score 82 of 100: audience overlap 5, strategic value 4, …"
    QString hypothesis;
    QList<Row> motion;  // activity, who leads on our side, on theirs
    QList<Row> metrics; // KPI, target per period
    QString cadence;
    QString pilot;
    QList<Row> terms; // label, value
    QString notes;
    QString ourContacts;
    QString partnerContacts;
};

struct ProposalSources
{
    QString company; // the workbook's company, or its title when empty
    QString currency = QStringLiteral("USD");
    Candidate candidate;
    std::optional<double> score; // 0–100 with the workbook's weights
    const RaciGrid *raci = nullptr;
    PartnershipKpis kpis;
    Proposal proposal;
    QDate today;
};

class ProposalBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ProposalBuilder)
public:
    static ProposalContent build(const ProposalSources &sources);
    // One line on what a structure is (DOMAIN.md section 3).
    static QString structureSummary(Structure structure);
    static QString structureName(Structure structure);
};

} // namespace pb::domain
