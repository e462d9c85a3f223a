#include "PartnershipKpis.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pb::domain {

QString reviewDecisionId(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Continue:
        return u"continue"_s;
    case ReviewDecision::Scale:
        return u"scale"_s;
    case ReviewDecision::Pause:
        return u"pause"_s;
    case ReviewDecision::End:
        return u"end"_s;
    }
    return {};
}

std::optional<ReviewDecision> reviewDecisionFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    for (ReviewDecision decision : {ReviewDecision::Continue, ReviewDecision::Scale,
                                    ReviewDecision::Pause, ReviewDecision::End}) {
        if (id == reviewDecisionId(decision))
            return decision;
    }
    return std::nullopt;
}

QString reviewDecisionDisplayName(ReviewDecision decision)
{
    // The translation context stays "KpiRules", where these names were first written.
    switch (decision) {
    case ReviewDecision::Continue:
        return QCoreApplication::translate("KpiRules", "Continue");
    case ReviewDecision::Scale:
        return QCoreApplication::translate("KpiRules", "Scale");
    case ReviewDecision::Pause:
        return QCoreApplication::translate("KpiRules", "Pause");
    case ReviewDecision::End:
        return QCoreApplication::translate("KpiRules", "End");
    }
    return {};
}

} // namespace pb::domain
