#include "RatingText.h"

#include "domain/Ratings.h"

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

QString RatingText::mean(const Candidate &candidate, Dimension dimension)
{
    const std::optional<double> value = Ratings::mean(candidate, dimension);
    if (!value)
        return {};
    if (*value == std::floor(*value))
        return QString::number(int(*value));
    return QString::number(*value, 'f', 1);
}

QString RatingText::spread(const Candidate &candidate)
{
    const std::optional<int> widest = Ratings::widestSpread(candidate);
    if (!widest)
        return {};
    if (*widest >= Ratings::kDisagreement)
        return u"⚠ %1"_s.arg(*widest);
    return QString::number(*widest);
}

QString RatingText::raters(const Candidate &candidate, Dimension dimension,
                           const QString &firstRater)
{
    if (Ratings::raterCount(candidate) < 2)
        return {};
    QStringList parts;
    const auto add = [&](const QString &who, std::optional<int> score) {
        parts << u"%1 %2"_s.arg(raterName(who), score ? QString::number(*score) : u"–"_s);
    };
    add(firstRater, Ratings::score(Ratings::own(candidate), dimension));
    for (const Rating &rating : candidate.ratings)
        add(rating.rater, Ratings::score(rating, dimension));
    return tr("Mean of %1 raters: %2").arg(parts.size()).arg(parts.join(u", "_s));
}

QString RatingText::spreadTip(const Candidate &candidate)
{
    if (Ratings::disagree(candidate))
        return tr("The raters are %1 points or more apart on a dimension: talk it through "
                  "before you trust the rank")
            .arg(Ratings::kDisagreement);
    if (Ratings::widestSpread(candidate))
        return tr("How far apart the raters are on the dimension they differ most on");
    return {};
}

QString RatingText::raterName(const QString &rater)
{
    return rater.trimmed().isEmpty() ? tr("(first rater)") : rater.trimmed();
}

} // namespace pb::item
