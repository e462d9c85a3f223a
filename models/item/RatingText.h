#pragma once

#include "domain/Candidate.h"
#include "domain/ScoringDimension.h"

#include <QCoreApplication>
#include <QString>

namespace pb::item {

// Several raters' scores as the candidate table, its tooltips and the detail pane show them.
class RatingText
{
    Q_DECLARE_TR_FUNCTIONS(RatingText)
public:
    // The mean as people read it: "4" for a whole number (one rater looks as before), "3.5"
    // or "3.7" otherwise; empty when nobody scored the dimension.
    static QString mean(const domain::Candidate &candidate, domain::Dimension dimension);
    // "⚠ 2" when the raters are two points or more apart (marked as the table marks what
    // needs a look), "1" when less, empty with fewer than two scores on every dimension.
    static QString spread(const domain::Candidate &candidate);
    // Who gave which score, for a tooltip: "Mean of 3 raters: Ana 4, Maya 3, Tom 4"; empty
    // with fewer than two raters. firstRater names the candidate's own scores.
    static QString raters(const domain::Candidate &candidate, domain::Dimension dimension,
                          const QString &firstRater);
    // How the spread column explains itself.
    static QString spreadTip(const domain::Candidate &candidate);
    // The first rater's name as shown: "(first rater)" while nobody is named.
    static QString raterName(const QString &rater);
};

} // namespace pb::item
