#include "Scoring.h"

#include "Ratings.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace pb::domain {

namespace {

// A candidate's three dimension scores (0 = not scored) are whole numbers 1..5 for a single
// rater, or means of several raters'; a list has few distinct combinations of them (at most
// 6³ = 216 with one rater). Everything in the ranking except the name depends on the
// combination alone, so ranking works on combinations: order the distinct combinations once
// per weight setting, then bucket the candidates by combination in name order. No string is
// compared after the constructor, and no per-candidate floating point beyond a table look-up.
constexpr double kScoreEpsilon = 1e-9;

using Scores = std::array<double, kDimensionCount>;
using Weights = std::array<double, kDimensionCount>;

// The tie-breaks after the score: strategic value, audience overlap, ease of integration,
// each higher first; a missing score (0) counts lowest. True when a comes before b.
bool tieBefore(const Scores &a, const Scores &b)
{
    for (int k : {1, 0, 2}) {
        if (a[k] != b[k])
            return a[k] > b[k];
    }
    return false;
}

// The formula, shared by candidateScore() and the ranking so both give bit-identical values.
// `w` must be valid weights.
std::optional<double> scoreFor(const Scores &s, const Weights &w)
{
    double weighted = 0.0;
    double total = 0.0;
    for (int k = 0; k < kDimensionCount; ++k) {
        if (w[k] > 0.0) {
            if (s[k] == 0.0)
                return std::nullopt;
            weighted += w[k] * (s[k] - 1.0);
        }
        total += w[k];
    }
    return 100.0 * weighted / (4.0 * total);
}

Scores meanScores(const Candidate &candidate)
{
    Scores s{};
    for (int k = 0; k < kDimensionCount; ++k)
        s[k] = Ratings::mean(candidate, Dimension(k)).value_or(0.0);
    return s;
}

// The ranking order of the combinations, at one weight setting.
struct ComboOrder
{
    std::vector<std::optional<double>> score;
    std::vector<int> scored;   // scored combinations, best first
    std::vector<int> position; // place in `scored`; combos.size() when unscored
};

ComboOrder orderCombos(const ScoringWeights &weights, const std::vector<Scores> &combos)
{
    const int count = int(combos.size());
    ComboOrder order;
    order.score.resize(count);
    order.position.assign(count, count);
    if (!weights.isValid())
        return order;
    for (int c = 0; c < count; ++c) {
        order.score[c] = scoreFor(combos[c], weights.values);
        if (order.score[c])
            order.scored.push_back(c);
    }
    const auto &score = order.score;
    std::sort(order.scored.begin(), order.scored.end(), [&](int a, int b) {
        return *score[a] > *score[b] ||
               (*score[a] == *score[b] && tieBefore(combos[a], combos[b]));
    });
    // Scores within kScoreEpsilon count as equal. Chaining neighbours into groups keeps the
    // order total (pairwise "within ε" is not transitive); in practice the groups are
    // exact ties blurred by rounding.
    std::vector<int> group(count);
    for (std::size_t k = 1; k < order.scored.size(); ++k) {
        const int prev = order.scored[k - 1];
        const int cur = order.scored[k];
        group[cur] = group[prev] + (*score[prev] - *score[cur] > kScoreEpsilon ? 1 : 0);
    }
    std::sort(order.scored.begin(), order.scored.end(), [&](int a, int b) {
        if (group[a] != group[b])
            return group[a] < group[b];
        return tieBefore(combos[a], combos[b]);
    });
    for (std::size_t k = 0; k < order.scored.size(); ++k)
        order.position[order.scored[k]] = int(k);
    return order;
}

} // namespace

std::optional<int> dimensionScore(const Candidate &candidate, Dimension dimension)
{
    std::optional<int> value;
    switch (dimension) {
    case Dimension::AudienceOverlap:
        value = candidate.audienceOverlap;
        break;
    case Dimension::StrategicValue:
        value = candidate.strategicValue;
        break;
    case Dimension::EaseOfIntegration:
        value = candidate.easeOfIntegration;
        break;
    }
    // A value outside 1..5 is not a score; treating it as "not scored yet" keeps it out of
    // the formula instead of producing scores outside 0..100.
    if (value && !isValidScore(*value))
        return std::nullopt;
    return value;
}

bool ScoringWeights::isValid() const
{
    double total = 0.0;
    for (double w : values) {
        if (!std::isfinite(w) || w < 0.0)
            return false;
        total += w;
    }
    return total > 0.0 && std::isfinite(total);
}

std::array<double, kDimensionCount> ScoringWeights::normalised() const
{
    if (!isValid())
        return {};
    const double total = std::accumulate(values.begin(), values.end(), 0.0);
    std::array<double, kDimensionCount> result{};
    for (int k = 0; k < kDimensionCount; ++k)
        result[k] = 100.0 * values[k] / total;
    return result;
}

std::optional<double> candidateScore(const Candidate &candidate, const ScoringWeights &weights)
{
    if (!weights.isValid())
        return std::nullopt;
    return scoreFor(meanScores(candidate), weights.values);
}

Ranking::Ranking(const QList<Candidate> &candidates)
{
    const qsizetype n = candidates.size();
    m_keys.resize(n);
    std::vector<int> byName(n);
    std::iota(byName.begin(), byName.end(), 0);
    // The only string comparisons: once here. Most names are plain ASCII, where comparing
    // lower-cased bytes gives exactly QString::compare(..., Qt::CaseInsensitive) at a
    // fraction of the cost; other names take the Unicode-aware path.
    std::vector<std::string> ascii(n);
    std::vector<bool> isAscii(n, true);
    for (qsizetype i = 0; i < n; ++i) {
        const QString &name = candidates[i].name;
        std::string &lower = ascii[i];
        lower.reserve(std::size_t(name.size()));
        for (QChar ch : name) {
            const char16_t u = ch.unicode();
            if (u >= 0x80) {
                isAscii[i] = false;
                break;
            }
            lower.push_back(char(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u));
        }
    }
    // Equal names (same case too) keep list order, so the name order is a permutation and
    // identifies a candidate.
    std::sort(byName.begin(), byName.end(), [&](int a, int b) {
        const QString &na = candidates[a].name;
        const QString &nb = candidates[b].name;
        int c = isAscii[a] && isAscii[b] ? ascii[a].compare(ascii[b])
                                         : QString::compare(na, nb, Qt::CaseInsensitive);
        if (c == 0)
            c = QString::compare(na, nb, Qt::CaseSensitive);
        return c != 0 ? c < 0 : a < b;
    });
    for (qsizetype i = 0; i < n; ++i) {
        m_keys[i].combo = comboIndex(candidates[i]);
        m_keys[byName[i]].nameOrder = int(i);
    }
    m_comboMap.clear();
    m_wholeCombos = {};
}

// The candidate's combination, added to m_combos when new. A candidate scored by one person
// (the usual case) is looked up by its whole-number scores in a small table, not the map.
int Ranking::comboIndex(const Candidate &candidate)
{
    constexpr int kLevels = 6;
    const auto add = [this](const std::array<double, kDimensionCount> &scores) {
        const auto [it, added] = m_comboMap.try_emplace(scores, int(m_combos.size()));
        if (added)
            m_combos.push_back(scores);
        return it->second;
    };
    if (!candidate.ratings.isEmpty())
        return add(meanScores(candidate));
    int whole = 0;
    for (int k = 0; k < kDimensionCount; ++k)
        whole = whole * kLevels + dimensionScore(candidate, Dimension(k)).value_or(0);
    if (m_wholeCombos.empty())
        m_wholeCombos.assign(kLevels * kLevels * kLevels, -1);
    int &index = m_wholeCombos[std::size_t(whole)];
    if (index < 0)
        index = add(meanScores(candidate));
    return index;
}

QList<RankEntry> Ranking::rank(const ScoringWeights &weights) const
{
    const qsizetype n = m_keys.size();
    std::vector<int> byName(n);
    for (qsizetype i = 0; i < n; ++i)
        byName[m_keys[i].nameOrder] = int(i);
    const ComboOrder order = orderCombos(weights, m_combos);
    const auto combo = [this](qsizetype i) { return m_keys[i].combo; };

    // Counting sort by combination position (unscored all share the last bucket), fed in
    // name order so each bucket comes out sorted by name.
    std::vector<qsizetype> start(m_combos.size() + 2);
    for (qsizetype i = 0; i < n; ++i)
        ++start[order.position[combo(i)] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> sorted(n);
    for (int i : byName)
        sorted[start[order.position[combo(i)]]++] = i;

    QList<RankEntry> result(n);
    for (qsizetype k = 0; k < n; ++k) {
        RankEntry &entry = result[k];
        entry.index = sorted[k];
        entry.score = order.score[combo(sorted[k])];
        if (entry.score) {
            entry.rank = int(k + 1);
            entry.top3 = k < 3;
        }
    }
    return result;
}

namespace {

// The candidates of a ranking grouped by score combination, for top3Stability: how many
// have each combination, and the first three of them in name order (name order identifies
// a candidate).
struct ComboTally
{
    explicit ComboTally(const std::vector<Scores> &all)
        : combos(all), first(all.size()), count(all.size())
    {
    }
    const std::vector<Scores> &combos;
    std::vector<std::array<int, 3>> first;
    std::vector<int> count;
};

struct Member
{
    int combo;
    int nameOrder;
};
using Top3 = QVarLengthArray<Member, 3>;

Top3 top3At(const ComboTally &tally, const ScoringWeights &weights)
{
    Top3 top;
    const ComboOrder order = orderCombos(weights, tally.combos);
    for (int c : order.scored) {
        for (int k = 0; k < std::min(tally.count[c], 3) && top.size() < 3; ++k)
            top.push_back({c, tally.first[c][k]});
    }
    return top;
}

bool sameSet(const Top3 &a, const Top3 &b)
{
    if (a.size() != b.size())
        return false;
    return std::all_of(a.begin(), a.end(), [&](const Member &m) {
        return std::any_of(b.begin(), b.end(),
                           [&](const Member &x) { return x.nameOrder == m.nameOrder; });
    });
}

// The smallest transfer t < p_i from dimension i to j at which a candidate outside the top
// three clearly overtakes one inside; nullopt when none does.
std::optional<double> firstCrossing(const ComboTally &tally, const Top3 &top, const Weights &w,
                                    const Weights &p, int i, int j)
{
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    std::optional<double> best;
    for (int c = 0; c < int(tally.combos.size()); ++c) {
        const Scores &so = tally.combos[c];
        bool scored = tally.count[c] > 0;
        for (int k = 0; k < kDimensionCount; ++k)
            scored = scored && (so[k] > 0 || (p[k] == 0.0 && k != j));
        if (!scored)
            continue;
        // Candidates of one combination score alike at every t, so only whether one of
        // them is outside the top three matters.
        const auto inside =
            std::count_if(top.begin(), top.end(), [&](const Member &m) { return m.combo == c; });
        if (tally.count[c] <= inside)
            continue;
        for (const Member &m : top) {
            const Scores &sm = tally.combos[m.combo];
            // Change of the gap S_m − S_o per point moved, in quarters.
            const double rate = (sm[j] - sm[i]) - (so[j] - so[i]);
            if (rate >= 0)
                continue;
            // Gap at t = 0 from the raw weights (exact for whole-number weights).
            double gapSum = 0.0;
            for (int k = 0; k < kDimensionCount; ++k) {
                if (w[k] > 0.0)
                    gapSum += w[k] * (sm[k] - so[k]);
            }
            // Count the crossing only when the outside candidate is clearly ahead (beyond
            // ε) before all of p_i is moved; a crossing at p_i itself, where the tie-breaks
            // decide, is judged by the full transfer instead. Either way the answer is the
            // crossing point.
            const double gap = 25.0 * gapSum / total;
            if (gap + kScoreEpsilon < p[i] * -rate / 4.0) {
                const double t = std::max(0.0, 100.0 * gapSum / (total * -rate));
                if (!best || t < *best)
                    best = t;
            }
        }
    }
    return best;
}

} // namespace

// Along a transfer of t points from dimension i to j (normalised weights p, Σp = 100) a
// scored candidate's score is S(t) = S(0) + t·(s_j − s_i)/4, and who is scored does not
// change for 0 < t < p_i except that candidates lacking s_j drop out when p_j = 0. So for
// 0 < t < p_i the top three change first where a candidate outside overtakes one inside.
// Candidates with the same scores move together, so it is enough to try every combination
// with a candidate outside against the three inside: O(n) once, then O(combinations) per pair
// (at most 216 with one rater). At
// t = p_i dimension i stops counting and candidates lacking s_i may become scored: re-rank
// there.
std::optional<double> Ranking::top3Stability(const ScoringWeights &weights) const
{
    if (!weights.isValid() || m_keys.isEmpty())
        return std::nullopt;

    std::vector<int> byName(m_keys.size());
    for (qsizetype i = 0; i < m_keys.size(); ++i)
        byName[m_keys[i].nameOrder] = int(i);
    ComboTally tally(m_combos);
    for (int nameOrder = 0; nameOrder < int(byName.size()); ++nameOrder) {
        const int c = m_keys[byName[nameOrder]].combo;
        if (tally.count[c] < 3)
            tally.first[c][tally.count[c]] = nameOrder;
        ++tally.count[c];
    }

    const Top3 top = top3At(tally, weights);
    const Weights p = weights.normalised();
    std::optional<double> best;
    const auto consider = [&](std::optional<double> t) {
        if (t && (!best || *t < *best))
            best = t;
    };
    for (int i = 0; i < kDimensionCount; ++i) {
        if (!(p[i] > 0.0))
            continue; // nothing to give
        for (int j = 0; j < kDimensionCount; ++j) {
            if (j == i)
                continue;
            // A top candidate without s_j becomes unscored as soon as j starts to count.
            if (p[j] == 0.0 && std::any_of(top.begin(), top.end(), [&](const Member &m) {
                    return tally.combos[m.combo][j] == 0.0;
                }))
                return 0.0;
            consider(firstCrossing(tally, top, weights.values, p, i, j));
            // Full transfer: i stops counting, which may make candidates scored (or not).
            ScoringWeights shifted{p};
            shifted.values[j] = p[j] + p[i];
            shifted.values[i] = 0.0;
            if (!sameSet(top, top3At(tally, shifted)))
                consider(p[i]);
        }
    }
    if (!best)
        return std::nullopt;
    // Report without floating-point noise: 50/3 as 16.666667, 12.5 as 12.5.
    return std::round(*best * 1e6) / 1e6;
}

} // namespace pb::domain
