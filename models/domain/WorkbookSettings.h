#pragma once

#include "KpiRules.h"
#include "Scoring.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QVariant>

#include <span>

namespace pb::domain {

// The settings kept inside a workbook (they travel with the file), as typed keys with one
// table (WorkbookSettings::specs()) of storage names, labels, types, ranges and defaults:
// the store, the Workbook Properties dialog and `playbook-cli settings` all read it. Later
// capabilities add keys here.
enum class SettingKey {
    Title,
    Owner,
    Currency,
    WeightAudienceOverlap,
    WeightStrategicValue,
    WeightEaseOfIntegration,
    KpiAtRiskPercent,
    KpiSunsetRevenuePerMonth,
    ReferralFeeMin, // the usual referral fee per converted lead, in the workbook's currency
    ReferralFeeMax,
    Company,             // our company's name, for the proposal ("" uses the title)
    GrossMarginPercent,  // ours, for the channel-economics check on reseller terms
    CacPaybackMonths,    // ours, likewise
    OverlapThresholds,   // share of our accounts → audience-overlap score: "2,5,10,20"
    PreProductMarketFit, // our own stage: "yes" while we are before product-market fit
    HourlyRate,          // what an hour of our time costs, for the partnership P&L
    FirstRater,          // whose the candidates' own scores are; others' are ratings (Ratings.h)
};

using SettingValues = QMap<SettingKey, QVariant>;

// What a setting's value is, which decides how it is checked and edited.
enum class SettingType {
    Text,       // free text, trimmed
    Currency,   // an ISO 4217 code, upper case
    Weight,     // a scoring weight: a number from 0 to the maximum
    Percent,    // 0 to 100
    Money,      // an amount in the workbook's currency
    Months,     // a number of months
    Thresholds, // the audience-overlap score steps
    YesNo,      // "yes" or "no"
};

// One row of the table.
struct SettingSpec
{
    SettingKey key;
    const char16_t *storage; // the name in the file and on the command line; never changes
    SettingType type;
    const char *label;   // context "WorkbookSettings"; null: the scoring dimension's name
    const char *tooltip; // the dialog's help (empty for the weights: ScoringDimensions)
    QVariant defaultValue;
    double maximum = 0;           // numbers: 0 to this (0: no maximum)
    int decimals = 0;             // the dialog's precision
    double step = 1;              // the dialog's step
    bool required = false;        // text that must not be empty
    const char *placeholder = ""; // the dialog's empty text field
};

class WorkbookSettings
{
    Q_DECLARE_TR_FUNCTIONS(WorkbookSettings)
public:
    // Every row, in the order the dialog and `settings` show them.
    static std::span<const SettingSpec> specs();
    static const SettingSpec &spec(SettingKey key);
    static QList<SettingKey> allKeys();
    // The name under which the value is stored in the file; never changes once released.
    static QString storageKey(SettingKey key);
    static std::optional<SettingKey> keyFromStorage(const QString &storageKey);
    static QVariant defaultValue(SettingKey key);
    // The label people see, without the dialog's mnemonic ("Gross margin").
    static QString displayName(SettingKey key);
    // The label with its mnemonic, for the dialog ("&Gross margin:").
    static QString formLabel(SettingKey key);
    static QString tooltip(SettingKey key);
    static QString placeholder(SettingKey key);
    // The unit a value is printed with: the currency for amounts, "%", "months", or "".
    static QString unit(SettingKey key, const QString &currency);
    // Converts to the key's type (numbers may be given as text: "5,000", "12.5"); an empty
    // string when the value is acceptable, otherwise a sentence saying what is wrong.
    static QString validate(SettingKey key, QVariant &value);
    // Rules that span keys (the weights, the referral-fee range), merged over the current
    // values.
    static QString validateTogether(const SettingValues &current, const SettingValues &changes);
    // A value as `settings` prints it and reads it back.
    static QString text(SettingKey key, const QVariant &value);
    // The scoring weights held in a workbook's settings, and the settings that hold them.
    static ScoringWeights scoringWeights(const SettingValues &values);
    static SettingValues fromScoringWeights(const ScoringWeights &weights);
    // The KPI thresholds held in a workbook's settings.
    static KpiThresholds kpiThresholds(const SettingValues &values);
    // The audience-overlap score thresholds held in a workbook's settings.
    static QList<double> overlapThresholds(const SettingValues &values);
    // A yes/no setting held in a workbook's settings.
    static bool isYes(const SettingValues &values, SettingKey key);
};

} // namespace pb::domain
