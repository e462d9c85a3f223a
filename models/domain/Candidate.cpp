#include "Candidate.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

QString structureId(Structure structure)
{
    switch (structure) {
    case Structure::Unset:
        return {};
    case Structure::Referral:
        return u"referral"_s;
    case Structure::Reseller:
        return u"reseller"_s;
    case Structure::Integration:
        return u"integration"_s;
    case Structure::CoMarketing:
        return u"co-marketing"_s;
    case Structure::JointVenture:
        return u"joint-venture"_s;
    }
    return {};
}

std::optional<Structure> structureFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id.isEmpty())
        return Structure::Unset;
    if (id == u"referral")
        return Structure::Referral;
    if (id == u"reseller" || id == u"distribution" || id == u"channel")
        return Structure::Reseller;
    if (id == u"integration" || id == u"technology")
        return Structure::Integration;
    // Only the aliases the README documents: a guess such as "strategic" (easily mistaken
    // for the strategic-value column) must stop an import, not pick a structure.
    if (id == u"co-marketing")
        return Structure::CoMarketing;
    if (id == u"joint-venture" || id == u"jv")
        return Structure::JointVenture;
    return std::nullopt;
}

QString stageId(Stage stage)
{
    switch (stage) {
    case Stage::Sourced:
        return u"sourced"_s;
    case Stage::Qualified:
        return u"qualified"_s;
    case Stage::Proposed:
        return u"proposed"_s;
    case Stage::Pilot:
        return u"pilot"_s;
    case Stage::Scaled:
        return u"scaled"_s;
    case Stage::Paused:
        return u"paused"_s;
    case Stage::Ended:
        return u"ended"_s;
    }
    return {};
}

std::optional<Stage> stageFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    for (Stage stage : {Stage::Sourced, Stage::Qualified, Stage::Proposed, Stage::Pilot,
                        Stage::Scaled, Stage::Paused, Stage::Ended}) {
        if (id == stageId(stage))
            return stage;
    }
    return std::nullopt;
}

QString storedStage(const Candidate &candidate)
{
    return candidate.unknownStage.isEmpty() ? stageId(candidate.stage) : candidate.unknownStage;
}

QString storedStructure(const Candidate &candidate)
{
    return candidate.unknownStructure.isEmpty() ? structureId(candidate.structure)
                                                : candidate.unknownStructure;
}

bool isActiveStage(Stage stage)
{
    return stage == Stage::Pilot || stage == Stage::Scaled;
}

bool isClosedStage(Stage stage)
{
    return stage == Stage::Paused || stage == Stage::Ended;
}

QString nameKey(const QString &name)
{
    // Most names are ASCII: lower-casing them directly is many times faster than full
    // Unicode case folding, and gives the same key.
    const QStringView trimmed = QStringView(name).trimmed();
    QString key(trimmed.size(), Qt::Uninitialized);
    QChar *out = key.data();
    for (QChar c : trimmed) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            return trimmed.toString().toCaseFolded();
        *out++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
    }
    return key;
}

bool isValidScore(int score)
{
    return score >= 1 && score <= 5;
}

} // namespace pb::domain
