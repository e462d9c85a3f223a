#include "WorkbookSettings.h"

#include "Overlap.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {
struct Spec
{
    SettingKey key;
    const char16_t *storage;
    QVariant defaultValue;
};

const QList<Spec> &specs()
{
    static const QList<Spec> table = {
        {SettingKey::Title, u"title", u"Partnership programme"_s},
        {SettingKey::Owner, u"owner", QString()},
        {SettingKey::Currency, u"currency", u"USD"_s},
        {SettingKey::WeightAudienceOverlap, u"weight.audience_overlap", 1.0},
        {SettingKey::WeightStrategicValue, u"weight.strategic_value", 1.0},
        {SettingKey::WeightEaseOfIntegration, u"weight.ease_of_integration", 1.0},
        {SettingKey::KpiAtRiskPercent, u"kpi.at_risk_percent", 20.0},
        {SettingKey::KpiSunsetRevenuePerMonth, u"kpi.sunset_revenue_per_month", 5000.0},
        {SettingKey::Company, u"company", QString()},
        {SettingKey::GrossMarginPercent, u"economics.gross_margin_percent", 75.0},
        {SettingKey::CacPaybackMonths, u"economics.cac_payback_months", 12.0},
        {SettingKey::OverlapThresholds, u"overlap.score_thresholds", u"2,5,10,20"_s},
    };
    return table;
}

bool isWeight(SettingKey key)
{
    return ScoringDimensions::fromWeightKey(key).has_value();
}
} // namespace

QList<SettingKey> WorkbookSettings::allKeys()
{
    QList<SettingKey> keys;
    for (const Spec &spec : specs())
        keys.append(spec.key);
    return keys;
}

QString WorkbookSettings::storageKey(SettingKey key)
{
    for (const Spec &spec : specs()) {
        if (spec.key == key)
            return QString::fromUtf16(spec.storage);
    }
    return {};
}

std::optional<SettingKey> WorkbookSettings::keyFromStorage(const QString &storageKey)
{
    for (const Spec &spec : specs()) {
        if (storageKey == QStringView(spec.storage))
            return spec.key;
    }
    return std::nullopt;
}

QVariant WorkbookSettings::defaultValue(SettingKey key)
{
    for (const Spec &spec : specs()) {
        if (spec.key == key)
            return spec.defaultValue;
    }
    return {};
}

QString WorkbookSettings::displayName(SettingKey key)
{
    switch (key) {
    case SettingKey::Title:
        return tr("Title");
    case SettingKey::Owner:
        return tr("Owner");
    case SettingKey::Currency:
        return tr("Currency");
    case SettingKey::WeightAudienceOverlap:
    case SettingKey::WeightStrategicValue:
    case SettingKey::WeightEaseOfIntegration:
        return ScoringDimensions::weightName(*ScoringDimensions::fromWeightKey(key));
    case SettingKey::KpiAtRiskPercent:
        return tr("KPI at-risk band (%)");
    case SettingKey::KpiSunsetRevenuePerMonth:
        return tr("Sunset threshold (partner revenue per month)");
    case SettingKey::Company:
        return tr("Our company");
    case SettingKey::GrossMarginPercent:
        return tr("Gross margin (%)");
    case SettingKey::CacPaybackMonths:
        return tr("CAC payback (months)");
    case SettingKey::OverlapThresholds:
        return tr("Audience overlap score thresholds (%)");
    }
    return {};
}

QString WorkbookSettings::validate(SettingKey key, QVariant &value)
{
    if (isWeight(key)) {
        bool ok = false;
        const double weight = value.toDouble(&ok);
        if (!ok || !std::isfinite(weight))
            return tr("%1 must be a number.").arg(displayName(key));
        if (weight < 0)
            return tr("%1 must not be negative.").arg(displayName(key));
        value = weight;
        return {};
    }
    if (key == SettingKey::KpiAtRiskPercent || key == SettingKey::KpiSunsetRevenuePerMonth ||
        key == SettingKey::GrossMarginPercent || key == SettingKey::CacPaybackMonths) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return tr("%1 must be a number.").arg(displayName(key));
        const bool percent =
            key == SettingKey::KpiAtRiskPercent || key == SettingKey::GrossMarginPercent;
        if (number < 0 || (percent && number > 100))
            return percent ? tr("%1 must be between 0 and 100.").arg(displayName(key))
                           : tr("%1 must not be negative.").arg(displayName(key));
        value = number;
        return {};
    }
    QString text = value.toString().trimmed();
    if (key == SettingKey::OverlapThresholds) {
        QString why;
        const auto thresholds = OverlapScoring::parseThresholds(text, &why);
        if (!thresholds)
            return tr("%1: %2.").arg(displayName(key), why);
        value = OverlapScoring::thresholdsText(*thresholds);
        return {};
    }
    switch (key) {
    case SettingKey::Title:
        if (text.isEmpty())
            return tr("The workbook title must not be empty.");
        break;
    case SettingKey::Currency:
        text = text.toUpper();
        if (text.size() != 3 || !std::all_of(text.cbegin(), text.cend(),
                                             [](QChar c) { return c >= u'A' && c <= u'Z'; }))
            return tr("The currency must be a three-letter ISO 4217 code such as USD or EUR.");
        break;
    default:
        break;
    }
    value = text;
    return {};
}

QString WorkbookSettings::validateTogether(const SettingValues &current,
                                           const SettingValues &changes)
{
    double sum = 0;
    for (Dimension dimension : ScoringDimensions::all) {
        const SettingKey key = ScoringDimensions::weightKey(dimension);
        sum += changes.value(key, current.value(key, defaultValue(key))).toDouble();
    }
    if (!(sum > 0))
        return tr("At least one scoring weight must be greater than zero.");
    return {};
}

QList<double> WorkbookSettings::overlapThresholds(const SettingValues &values)
{
    return OverlapScoring::parseThresholds(values
                                               .value(SettingKey::OverlapThresholds,
                                                      defaultValue(SettingKey::OverlapThresholds))
                                               .toString())
        .value_or(OverlapScoring::defaultThresholds());
}

ScoringWeights WorkbookSettings::scoringWeights(const SettingValues &values)
{
    ScoringWeights weights;
    for (Dimension dimension : ScoringDimensions::all) {
        const SettingKey key = ScoringDimensions::weightKey(dimension);
        weights.values[int(dimension)] = values.value(key, defaultValue(key)).toDouble();
    }
    return weights;
}

SettingValues WorkbookSettings::fromScoringWeights(const ScoringWeights &weights)
{
    SettingValues values;
    for (Dimension dimension : ScoringDimensions::all)
        values.insert(ScoringDimensions::weightKey(dimension), weights[dimension]);
    return values;
}

KpiThresholds WorkbookSettings::kpiThresholds(const SettingValues &values)
{
    KpiThresholds thresholds;
    thresholds.atRiskPercent =
        values.value(SettingKey::KpiAtRiskPercent, defaultValue(SettingKey::KpiAtRiskPercent))
            .toDouble();
    thresholds.sunsetRevenuePerMonth =
        values
            .value(SettingKey::KpiSunsetRevenuePerMonth,
                   defaultValue(SettingKey::KpiSunsetRevenuePerMonth))
            .toDouble();
    thresholds.currency =
        values.value(SettingKey::Currency, defaultValue(SettingKey::Currency)).toString();
    return thresholds;
}

} // namespace pb::domain
