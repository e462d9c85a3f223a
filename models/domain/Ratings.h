#pragma once

#include "Candidate.h"
#include "ScoringDimension.h"

#include <QStringList>

#include <optional>

namespace pb::domain {

// One row of a candidates file that names a rater: that rater's scores of the named
// candidate (a score left empty stays as it is). The first rater's update the candidate's
// own scores; anyone else's, their rating.
struct RatingPatch
{
    int line = 0;
    QString name;
    Rating rating;
};

// Several raters (issue 17): a candidate's score per dimension is the mean of its raters'
// — the candidate's own score (the workbook's first rater's) and each Rating — and
// everything downstream (the formula, the ranking) takes that mean unchanged. A candidate
// scored by one person has whole-number means equal to its scores, so it looks and ranks
// exactly as before there were raters.
class Ratings
{
public:
    // The score a rating (or, with the candidate's own fields, the first rater) gives one
    // dimension; nullopt when not scored or not a valid 1–5 score.
    static std::optional<int> score(const Rating &rating, Dimension dimension);
    static void setScore(Rating &rating, Dimension dimension, std::optional<int> score);
    // The candidate's own scores as a Rating of the given rater.
    static Rating own(const Candidate &candidate, const QString &rater = {});

    // The mean of the raters who scored the dimension; nullopt when none did.
    static std::optional<double> mean(const Candidate &candidate, Dimension dimension);
    // Highest minus lowest score given to the dimension; nullopt with fewer than two.
    static std::optional<int> spread(const Candidate &candidate, Dimension dimension);
    // The widest spread over the three dimensions; nullopt when no dimension has two scores.
    static std::optional<int> widestSpread(const Candidate &candidate);
    // How many people rated the candidate (the first rater counts when any own score is set).
    static int raterCount(const Candidate &candidate);
    // Raters two points or more apart on some dimension: marked for discussion.
    static constexpr int kDisagreement = 2;
    static bool disagree(const Candidate &candidate);

    // Every rater named in the candidates, firstRater first, the others in name order.
    static QStringList raters(const QList<Candidate> &candidates, const QString &firstRater);
    // The candidate as `rater` alone scored it ("rank as Maya scored it"): its own scores are
    // that rater's, and no other rating counts. A rater who did not score it leaves it
    // unscored. firstRater names whose the candidate's own scores are.
    static Candidate asScoredBy(const Candidate &candidate, const QString &rater,
                                const QString &firstRater);
    // The same rater: names compare without surrounding spaces or case.
    static bool sameRater(const QString &a, const QString &b);
};

} // namespace pb::domain
