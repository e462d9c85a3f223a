#include "ScoringDimension.h"

#include "WorkbookSettings.h"

namespace pb::domain {

namespace {
struct Spec
{
    Dimension dimension;
    CandidateField field;
    SettingKey weightKey;
    const char *formLabel;
    const char *weightName;
    const char *weightTip;
};

constexpr Spec kSpecs[kDimensionCount] = {
    {Dimension::AudienceOverlap, CandidateField::AudienceOverlap, SettingKey::WeightAudienceOverlap,
     QT_TRANSLATE_NOOP("ScoringDimensions", "&Audience overlap:"),
     QT_TRANSLATE_NOOP("ScoringDimensions", "Audience overlap weight"),
     QT_TRANSLATE_NOOP("ScoringDimensions",
                       "How much audience overlap counts: do they sell to our customer profile?")},
    {Dimension::StrategicValue, CandidateField::StrategicValue, SettingKey::WeightStrategicValue,
     QT_TRANSLATE_NOOP("ScoringDimensions", "&Strategic value:"),
     QT_TRANSLATE_NOOP("ScoringDimensions", "Strategic value weight"),
     QT_TRANSLATE_NOOP("ScoringDimensions", "How much strategic value counts: reach, reputation, "
                                            "channel, go-to-market maturity")},
    {Dimension::EaseOfIntegration, CandidateField::EaseOfIntegration,
     SettingKey::WeightEaseOfIntegration,
     QT_TRANSLATE_NOOP("ScoringDimensions", "&Ease of integration:"),
     QT_TRANSLATE_NOOP("ScoringDimensions", "Ease of integration weight"),
     QT_TRANSLATE_NOOP("ScoringDimensions",
                       "How much ease of integration counts: technical and operational effort")},
};

// The table is indexed by the enum: row k must describe Dimension(k).
constexpr bool inEnumOrder()
{
    for (int k = 0; k < kDimensionCount; ++k) {
        if (kSpecs[k].dimension != Dimension(k) || ScoringDimensions::all[k] != Dimension(k))
            return false;
    }
    return true;
}
static_assert(inEnumOrder());

const Spec &spec(Dimension dimension)
{
    return kSpecs[int(dimension)];
}
} // namespace

CandidateField ScoringDimensions::field(Dimension dimension)
{
    return spec(dimension).field;
}

SettingKey ScoringDimensions::weightKey(Dimension dimension)
{
    return spec(dimension).weightKey;
}

std::optional<Dimension> ScoringDimensions::fromField(CandidateField field)
{
    for (const Spec &row : kSpecs) {
        if (row.field == field)
            return row.dimension;
    }
    return std::nullopt;
}

std::optional<Dimension> ScoringDimensions::fromWeightKey(SettingKey key)
{
    for (const Spec &row : kSpecs) {
        if (row.weightKey == key)
            return row.dimension;
    }
    return std::nullopt;
}

QString ScoringDimensions::label(Dimension dimension)
{
    return CandidateFields::displayName(field(dimension));
}

QString ScoringDimensions::formLabel(Dimension dimension)
{
    return tr(spec(dimension).formLabel);
}

QString ScoringDimensions::weightName(Dimension dimension)
{
    return tr(spec(dimension).weightName);
}

QString ScoringDimensions::weightTip(Dimension dimension)
{
    return tr(spec(dimension).weightTip);
}

} // namespace pb::domain
