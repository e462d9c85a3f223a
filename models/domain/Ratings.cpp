#include "Ratings.h"

#include <QCollator>
#include <QSet>

#include <algorithm>

namespace pb::domain {

namespace {

std::optional<int> Rating::*fieldOf(Dimension dimension)
{
    switch (dimension) {
    case Dimension::AudienceOverlap:
        return &Rating::audienceOverlap;
    case Dimension::StrategicValue:
        return &Rating::strategicValue;
    case Dimension::EaseOfIntegration:
        return &Rating::easeOfIntegration;
    }
    return &Rating::audienceOverlap;
}

// Calls f with every score given to the dimension: the candidate's own, then each rating's.
template <typename F>
void forEachScore(const Candidate &candidate, Dimension dimension, F f)
{
    if (const auto own = Ratings::score(Ratings::own(candidate), dimension))
        f(*own);
    for (const Rating &rating : candidate.ratings) {
        if (const auto value = Ratings::score(rating, dimension))
            f(*value);
    }
}

bool hasAnyScore(const Rating &rating)
{
    return std::any_of(ScoringDimensions::all.begin(), ScoringDimensions::all.end(),
                       [&](Dimension d) { return Ratings::score(rating, d).has_value(); });
}

} // namespace

std::optional<int> Ratings::score(const Rating &rating, Dimension dimension)
{
    const std::optional<int> value = rating.*fieldOf(dimension);
    return value && isValidScore(*value) ? value : std::nullopt;
}

void Ratings::setScore(Rating &rating, Dimension dimension, std::optional<int> score)
{
    rating.*fieldOf(dimension) = score;
}

Rating Ratings::own(const Candidate &candidate, const QString &rater)
{
    return {rater, candidate.audienceOverlap, candidate.strategicValue,
            candidate.easeOfIntegration};
}

std::optional<double> Ratings::mean(const Candidate &candidate, Dimension dimension)
{
    int sum = 0;
    int count = 0;
    forEachScore(candidate, dimension, [&](int value) {
        sum += value;
        ++count;
    });
    if (count == 0)
        return std::nullopt;
    return double(sum) / count;
}

std::optional<int> Ratings::spread(const Candidate &candidate, Dimension dimension)
{
    int low = 6;
    int high = 0;
    int count = 0;
    forEachScore(candidate, dimension, [&](int value) {
        low = std::min(low, value);
        high = std::max(high, value);
        ++count;
    });
    if (count < 2)
        return std::nullopt;
    return high - low;
}

std::optional<int> Ratings::widestSpread(const Candidate &candidate)
{
    std::optional<int> widest;
    for (Dimension dimension : ScoringDimensions::all) {
        if (const auto value = spread(candidate, dimension); value && (!widest || *value > *widest))
            widest = value;
    }
    return widest;
}

int Ratings::raterCount(const Candidate &candidate)
{
    int count = hasAnyScore(own(candidate)) ? 1 : 0;
    for (const Rating &rating : candidate.ratings)
        count += hasAnyScore(rating) ? 1 : 0;
    return count;
}

bool Ratings::disagree(const Candidate &candidate)
{
    const std::optional<int> widest = widestSpread(candidate);
    return widest && *widest >= kDisagreement;
}

QStringList Ratings::raters(const QList<Candidate> &candidates, const QString &firstRater)
{
    QStringList others;
    QSet<QString> seen{nameKey(firstRater)};
    for (const Candidate &candidate : candidates) {
        for (const Rating &rating : candidate.ratings) {
            const QString key = nameKey(rating.rater);
            if (!seen.contains(key)) {
                seen.insert(key);
                others.append(rating.rater.trimmed());
            }
        }
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(others.begin(), others.end(), collator);
    others.prepend(firstRater.trimmed());
    return others;
}

Candidate Ratings::asScoredBy(const Candidate &candidate, const QString &rater,
                              const QString &firstRater)
{
    Candidate result = candidate;
    result.ratings.clear();
    if (sameRater(rater, firstRater))
        return result;
    Rating theirs;
    for (const Rating &rating : candidate.ratings) {
        if (sameRater(rating.rater, rater))
            theirs = rating;
    }
    result.audienceOverlap = theirs.audienceOverlap;
    result.strategicValue = theirs.strategicValue;
    result.easeOfIntegration = theirs.easeOfIntegration;
    return result;
}

bool Ratings::sameRater(const QString &a, const QString &b)
{
    return nameKey(a) == nameKey(b);
}

} // namespace pb::domain
