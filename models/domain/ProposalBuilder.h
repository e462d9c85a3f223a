#pragma once

#include "Checklist.h"
#include "KpiRules.h"
#include "Proposal.h"
#include "Raci.h"

#include <QCoreApplication>
#include <QDate>

#include <optional>

namespace pb::domain {

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
    QString essentials; // one line: which contract essentials are agreed (empty: none yet)
    QString notes;
    QString ourContacts;
    QString partnerContacts;
};

// What a proposal is built from, gathered from the workbook (item::ProposalData).
struct ProposalSources
{
    QString company; // the workbook's company, or its title when empty
    QString currency = QStringLiteral("USD");
    Candidate candidate;
    std::optional<double> score; // 0–100 with the workbook's weights
    const RaciGrid *raci = nullptr;
    PartnershipKpis kpis;
    Proposal proposal;
    QList<ChecklistItem> contract; // the contract essentials as stored
    QDate today;
};

// Resolves the sources to the page's content, one section at a time; used by the preview,
// the PDF and `playbook-cli proposal`.
class ProposalBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ProposalBuilder)
public:
    static ProposalContent build(const ProposalSources &sources);
    // One line on what a structure is (DOMAIN.md section 3).
    static QString structureSummary(Structure structure);
    static QString structureName(Structure structure);
    // The one line on the contract's essentials: "Agreed: Scope, Exclusivity, Revenue share
    // and 2 more (5 of 9 contract essentials)."; empty while none is agreed.
    static QString essentialsLine(const QList<ChecklistRow> &contract);
};

} // namespace pb::domain
