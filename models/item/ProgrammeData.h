#pragma once

#include "domain/Funnel.h"
#include "domain/Pnl.h"
#include "domain/ProgrammeHealth.h"

#include <QDate>

#include <array>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// One partnership's P&L and what it is made of.
struct PartnerPnl
{
    qint64 candidateId = 0;
    domain::Structure structure = domain::Structure::Unset;
    domain::PartnershipKpis tracker;
    QList<domain::CostEntry> costs; // as entered (time in hours)
    domain::PnlTerms terms;
    domain::PartnershipPnl pnl;
};

// A candidate's place in the funnel: its stage, since when, and why it is stalled (empty
// when it is not).
struct FunnelRow
{
    qint64 candidateId = 0;
    QString name;
    domain::Stage stage = domain::Stage::Sourced;
    QDate since;
    int days = 0;
    QString stalledWhy;
};

// The programme at a glance, gathered from a workbook in one place for the Programme area,
// `playbook-cli programme`, `check` and the programme review PDF, so that they agree: the
// funnel (counts per stage and structure, days in stage, stalled candidates), every
// partnership's P&L and the programme's, the health benchmarks and the findings of all three.
struct ProgrammeData
{
    QDate today;
    QString currency;
    double hourlyRate = 0;
    std::array<int, domain::kStageCount> stages{};
    // Candidates per stage and structure, for the funnel's structure mix.
    std::array<std::array<int, domain::kStructureCount>, domain::kStageCount> mix{};
    // The long list's structures: every candidate.
    std::array<int, domain::kStructureCount> structures{};
    QList<FunnelRow> candidates; // the longest in their stage first
    QList<domain::StalledCandidate> stalled;
    QList<PartnerPnl> partnerships; // by name
    domain::PartnershipPnl total;
    QList<domain::ProgrammeInput> inputs;
    domain::ProgrammeHealthReport health;
    // candidate.stalled, pnl.negative, programme.*, integration.no_distribution_story.
    domain::Findings findings;

    static ProgrammeData gather(const store::Workbook &workbook, const QDate &today);
    // The P&L of a partnership, or null when the candidate has none.
    const PartnerPnl *partnership(qint64 candidateId) const;
    // Candidates in the funnel (a stage this version does not know is left out).
    int candidateCount() const;

private:
    void gatherFunnel(const QList<domain::Candidate> &list,
                      const QHash<qint64, domain::FunnelFacts> &facts);
    void gatherPnl(const store::Workbook &workbook, const QList<domain::Candidate> &candidates);
    void gatherHealth(const QHash<qint64, QDate> &since);
};

} // namespace pb::item
