#pragma once

#include "Candidate.h"
#include "Finding.h"
#include "PartnershipKpis.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>

#include <array>

namespace pb::domain {

inline constexpr int kStageCount = int(Stage::Ended) + 1;
inline constexpr int kStructureCount = int(Structure::JointVenture) + 1;

// A candidate that sits in its stage past the practice's timing, and why.
struct StalledCandidate
{
    qint64 candidateId = 0;
    QString name;
    Stage stage = Stage::Sourced;
    int days = 0;
    QString why;
};

// What a funnel rule needs to know of a candidate beyond the candidate itself.
struct FunnelFacts
{
    QDate stageSince;        // when it entered its current stage
    PartnershipKpis tracker; // pilot and reviews, for the retrospective rule
};

// The programme's funnel (DOMAIN.md §1): counts per stage against the practice's shape
// (about 30 sourced, ten per structure; the top ten qualified; proposals to the surviving
// three to five; pilots time-boxed to 90 days), the structure mix of the long list, the days
// each candidate has been in its stage, and the candidates stalled past the practice's
// timing. Plain rules over values: the Programme area, `playbook-cli programme` and `check`
// read them.
class Funnel
{
    Q_DECLARE_TR_FUNCTIONS(Funnel)
public:
    static std::array<int, kStageCount> countsByStage(const QList<Candidate> &candidates);
    static std::array<int, kStructureCount> countsByStructure(const QList<Candidate> &candidates);
    // The practice's shape for a stage, in words ("about 30, ten per structure").
    static QString practiceShape(Stage stage);
    // The practice's count for a stage, where it names one: {low, high}.
    static std::optional<std::pair<int, int>> practiceRange(Stage stage);

    static int daysInStage(const QDate &since, const QDate &today);
    // The practice's timing: sourced or qualified over 2 weeks, proposed over 4, a pilot past
    // its end without a retrospective. Sorted by days, longest first.
    static QList<StalledCandidate> stalled(const QList<Candidate> &candidates,
                                           const QHash<qint64, FunnelFacts> &facts,
                                           const QDate &today);
    // candidate.stalled findings, one per stalled candidate.
    static Findings check(const QList<StalledCandidate> &stalled);

    static constexpr int kSourcedDays = 14;
    static constexpr int kQualifiedDays = 14;
    static constexpr int kProposedDays = 28;

private:
    static std::optional<QString> stallReason(const Candidate &candidate, const FunnelFacts &facts,
                                              int days, const QDate &today);
};

} // namespace pb::domain
