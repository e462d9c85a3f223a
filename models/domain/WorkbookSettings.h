#pragma once

#include "KpiRules.h"
#include "Scoring.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QVariant>

namespace pb::domain {

// The settings kept inside a workbook (they travel with the file), as typed keys with one
// table of defaults and the rules a value must follow. Later capabilities add keys here.
enum class SettingKey {
    Title,
    Owner,
    Currency,
    WeightAudienceOverlap,
    WeightStrategicValue,
    WeightEaseOfIntegration,
    KpiAtRiskPercent,
    KpiSunsetRevenuePerMonth,
    Company,            // our company's name, for the proposal ("" uses the title)
    GrossMarginPercent, // ours, for the channel-economics check on reseller terms
    CacPaybackMonths,   // ours, likewise
    OverlapThresholds,  // share of our accounts → audience-overlap score: "2,5,10,20"
};

using SettingValues = QMap<SettingKey, QVariant>;

class WorkbookSettings
{
    Q_DECLARE_TR_FUNCTIONS(WorkbookSettings)
public:
    static QList<SettingKey> allKeys();
    // The name under which the value is stored in the file; never changes once released.
    static QString storageKey(SettingKey key);
    static std::optional<SettingKey> keyFromStorage(const QString &storageKey);
    static QVariant defaultValue(SettingKey key);
    static QString displayName(SettingKey key);
    // Converts to the key's type; an empty string when the value is acceptable, otherwise
    // a sentence saying what is wrong.
    static QString validate(SettingKey key, QVariant &value);
    // Rules that span keys: the weights, merged over the current values.
    static QString validateTogether(const SettingValues &current, const SettingValues &changes);
    // The scoring weights held in a workbook's settings, and the settings that hold them.
    static ScoringWeights scoringWeights(const SettingValues &values);
    static SettingValues fromScoringWeights(const ScoringWeights &weights);
    // The KPI thresholds held in a workbook's settings.
    static KpiThresholds kpiThresholds(const SettingValues &values);
    // The audience-overlap score thresholds held in a workbook's settings.
    static QList<double> overlapThresholds(const SettingValues &values);
};

} // namespace pb::domain
