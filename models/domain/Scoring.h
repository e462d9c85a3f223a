#pragma once

#include "Candidate.h"
#include "ScoringDimension.h"

#include <QList>

#include <array>
#include <map>
#include <optional>
#include <vector>

namespace pb::domain {

// The candidate's own score (the first rater's); Ratings::mean gives the one that counts.
std::optional<int> dimensionScore(const Candidate &candidate, Dimension dimension);

// Raw weights as the user sets them (any non-negative numbers, at least one positive).
struct ScoringWeights
{
    std::array<double, kDimensionCount> values{1.0, 1.0, 1.0};

    double operator[](Dimension d) const { return values[std::size_t(d)]; }
    bool isValid() const;
    // The same weights as percentages that sum to 100.
    std::array<double, kDimensionCount> normalised() const;
};

// score = 100 × Σ wₖ·(sₖ − 1) / (4 · Σ wₖ), sₖ the mean of the raters' scores (Ratings.h). No score (nullopt) when any dimension whose
// weight is positive has no score yet. Invalid weights give no score.
std::optional<double> candidateScore(const Candidate &candidate, const ScoringWeights &weights);

// One candidate's place in a ranking: its index in the list given to Ranking, its score,
// its rank (1-based; 0 for unscored candidates) and whether it is in the top three.
struct RankEntry
{
    qsizetype index = 0;
    std::optional<double> score;
    int rank = 0;
    bool top3 = false;
};

// The one ranking of candidates, used by the table, the CLI, the proposal and the tests.
// Order: score descending; then strategic value, audience overlap, ease of integration
// (each descending, a missing score lowest); then name case-insensitively, then exactly.
// Unscored candidates come after every scored one, ordered by name. Scores that differ by
// less than 1e-9 count as equal.
//
// Built once per list of candidates (it precomputes the name order), then ranks for any
// weights quickly: re-ranking 100,000 candidates after a weight change must stay well
// under 50 ms on a laptop.
class Ranking
{
public:
    Ranking() = default;
    explicit Ranking(const QList<Candidate> &candidates);

    // In rank order: scored candidates by rank, then the unscored ones.
    QList<RankEntry> rank(const ScoringWeights &weights) const;

    // Top-3 stability: the smallest transfer t of weight, in percentage points of the
    // normalised weights, from one dimension to another (any of the six ordered pairs, t
    // up to what the giving dimension has) that changes which candidates form the top
    // three. nullopt when no such transfer changes it.
    std::optional<double> top3Stability(const ScoringWeights &weights) const;

private:
    struct Keys
    {
        int combo = 0; // index into m_combos
        int nameOrder = 0;
    };
    QList<Keys> m_keys;
    int comboIndex(const Candidate &candidate);

    // The distinct mean scores of the candidates (0 = not scored), one entry per combination;
    // while building, the index of each (m_comboMap), and of each whole-number one.
    using Combo = std::array<double, kDimensionCount>;
    std::vector<Combo> m_combos;
    std::map<Combo, int> m_comboMap;
    std::vector<int> m_wholeCombos;
};

} // namespace pb::domain
