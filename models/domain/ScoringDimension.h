#pragma once

#include "CandidateField.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace pb::domain {

enum class SettingKey; // WorkbookSettings.h

// The three scoring dimensions, in the order used by weights and CSV columns.
enum class Dimension { AudienceOverlap = 0, StrategicValue = 1, EaseOfIntegration = 2 };
inline constexpr int kDimensionCount = 3;

// One table of facts per scoring dimension, as CandidateFields has for candidate fields:
// the candidate field that holds its score, the workbook setting that holds its weight,
// and the words people see for it. The settings rules, the sample workbook, the weights
// panel and the properties dialog all read it instead of keeping their own key lists.
class ScoringDimensions
{
    Q_DECLARE_TR_FUNCTIONS(ScoringDimensions)
public:
    static constexpr std::array<Dimension, kDimensionCount> all{
        Dimension::AudienceOverlap, Dimension::StrategicValue, Dimension::EaseOfIntegration};

    static CandidateField field(Dimension dimension);
    // The dimension whose score the candidate field holds; nullopt for any other field.
    static std::optional<Dimension> fromField(CandidateField field);
    static SettingKey weightKey(Dimension dimension);
    // The dimension whose weight the setting holds; nullopt for any other setting.
    static std::optional<Dimension> fromWeightKey(SettingKey key);
    // "Audience overlap": the name of the candidate field.
    static QString label(Dimension dimension);
    // "&Audience overlap:": the label of its weight in a form, with a mnemonic.
    static QString formLabel(Dimension dimension);
    // "Audience overlap weight": the weight setting in messages.
    static QString weightName(Dimension dimension);
    // What the weight decides, for tooltips.
    static QString weightTip(Dimension dimension);
};

} // namespace pb::domain
