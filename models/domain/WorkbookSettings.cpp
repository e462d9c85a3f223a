#include "WorkbookSettings.h"

#include "Overlap.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

#define N(text) QT_TRANSLATE_NOOP("WorkbookSettings", text)

using T = SettingType;
using K = SettingKey;

// The table: one row per key, in the order the dialog and `settings` show them.
const SettingSpec kSpecs[] = {
    {K::Title, u"title", T::Text, N("&Title"), N("Shown on the proposal and in the window."),
     u"Partnership programme"_s, 0, 0, 1, true},
    {K::Owner, u"owner", T::Text, N("&Owner"), N("Who runs this partner programme."), QString(), 0,
     0, 1, false, N("Who runs this partner programme")},
    {K::Currency, u"currency", T::Currency, N("&Currency"),
     N("Three-letter ISO 4217 code used for revenue, fees and the thresholds."), u"USD"_s},
    {K::WeightAudienceOverlap, u"weight.audience_overlap", T::Weight, nullptr, "", 1.0, 100, 1,
     0.5},
    {K::WeightStrategicValue, u"weight.strategic_value", T::Weight, nullptr, "", 1.0, 100, 1, 0.5},
    {K::WeightEaseOfIntegration, u"weight.ease_of_integration", T::Weight, nullptr, "", 1.0, 100, 1,
     0.5},
    {K::KpiAtRiskPercent, u"kpi.at_risk_percent", T::Percent, N("KPI at-&risk band"),
     N("A KPI that misses its target by less than this is at risk; by more, off track."), 20.0,
     100},
    {K::KpiSunsetRevenuePerMonth, u"kpi.sunset_revenue_per_month", T::Money,
     N("S&unset under (revenue a month)"),
     N("Partner revenue per month under this, six months after a pilot started, marks the "
       "partnership as a candidate for sunset."),
     5000.0, 1e9, 0, 500},
    {K::ReferralFeeMin, u"terms.referral_fee_min", T::Money, N("Referral fee per lead, mi&n"),
     N("A referral fee per converted lead below this is flagged on the proposal."), 200.0, 1e9, 0,
     50},
    {K::ReferralFeeMax, u"terms.referral_fee_max", T::Money, N("Referral fee per lead, ma&x"),
     N("A referral fee per converted lead above this is flagged (about 2,000 is usual, up to "
       "10,000 for enterprise deals, in dollars)."),
     10000.0, 1e9, 0, 500},
    {K::Company, u"company", T::Text, N("Our co&mpany"),
     N("Our company's name on proposals (empty: the title)."), QString(), 0, 0, 1, false,
     N("Our company's name on proposals (empty: the title)")},
    {K::GrossMarginPercent, u"economics.gross_margin_percent", T::Percent, N("&Gross margin"),
     N("Our gross margin: below 60 % reseller deals are flagged, below 50 % strongly."), 75.0, 100},
    {K::CacPaybackMonths, u"economics.cac_payback_months", T::Months, N("CAC pa&yback"),
     N("Months to earn back the cost of acquiring a customer: a partner's cut of 30 % on a "
       "14-month payback is flagged."),
     12.0, 120},
    {K::PreProductMarketFit, u"stage.pre_product_market_fit", T::YesNo,
     N("Before product-market &fit"),
     N("Our own stage: before product-market fit, every partnership is flagged as a possible "
       "polite distraction."),
     u"no"_s},
    {K::OverlapThresholds, u"overlap.score_thresholds", T::Thresholds,
     N("Overlap score ste&ps (%)"),
     N("Shares of our accounts, in percent, at which a measured audience overlap scores 2, 3, "
       "4 and 5 (below the first it scores 1)."),
     u"2,5,10,20"_s},
    {K::HourlyRate, u"programme.hourly_rate", T::Money, N("&Hourly rate (time costs)"),
     N("What an hour of our time on a partnership costs: the partnership P&L turns the hours "
       "entered as time costs into money at this rate."),
     100.0, 1e6, 0, 5},
    {K::FirstRater, u"scores.first_rater", T::Text, N("F&irst rater"),
     N("Whose the candidates' own scores are (empty: whoever created the workbook). "
       "Colleagues who score the same candidates in their copy add their ratings beside them, "
       "and each score becomes the mean of its raters."),
     u""_s, 0, 0, 1, false, N("Empty: whoever created the workbook")},
};

#undef N

bool isNumber(SettingType type)
{
    return type == T::Weight || type == T::Percent || type == T::Money || type == T::Months;
}

// A number given as a number, or as text the way people type it ("5,000", "12.5").
std::optional<double> numberOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return parseKpiNumber(value.toString());
    bool ok = false;
    const double number = value.toDouble(&ok);
    return ok && std::isfinite(number) ? std::optional(number) : std::nullopt;
}

QString validateNumber(const SettingSpec &row, QVariant &value)
{
    const QString name = WorkbookSettings::displayName(row.key);
    const auto number = numberOf(value);
    if (!number)
        return WorkbookSettings::tr("%1 must be a number.").arg(name);
    if (*number < 0)
        return WorkbookSettings::tr("%1 must not be negative.").arg(name);
    if (row.maximum > 0 && *number > row.maximum)
        return WorkbookSettings::tr("%1 must be between 0 and %2.")
            .arg(name, QLocale().toString(row.maximum, 'f', 0));
    value = *number;
    return {};
}

} // namespace

std::span<const SettingSpec> WorkbookSettings::specs()
{
    return kSpecs;
}

const SettingSpec &WorkbookSettings::spec(SettingKey key)
{
    const auto row = std::find_if(std::begin(kSpecs), std::end(kSpecs),
                                  [key](const SettingSpec &s) { return s.key == key; });
    Q_ASSERT(row != std::end(kSpecs));
    return *row;
}

QList<SettingKey> WorkbookSettings::allKeys()
{
    QList<SettingKey> keys;
    for (const SettingSpec &row : kSpecs)
        keys.append(row.key);
    return keys;
}

QString WorkbookSettings::storageKey(SettingKey key)
{
    return QString::fromUtf16(spec(key).storage);
}

std::optional<SettingKey> WorkbookSettings::keyFromStorage(const QString &storageKey)
{
    for (const SettingSpec &row : kSpecs) {
        if (storageKey == QStringView(row.storage))
            return row.key;
    }
    return std::nullopt;
}

QVariant WorkbookSettings::defaultValue(SettingKey key)
{
    return spec(key).defaultValue;
}

QString WorkbookSettings::displayName(SettingKey key)
{
    if (const auto dimension = ScoringDimensions::fromWeightKey(key))
        return ScoringDimensions::weightName(*dimension);
    return tr(spec(key).label).remove(u'&');
}

QString WorkbookSettings::formLabel(SettingKey key)
{
    if (const auto dimension = ScoringDimensions::fromWeightKey(key))
        return ScoringDimensions::formLabel(*dimension);
    return tr(spec(key).label) + u':';
}

QString WorkbookSettings::tooltip(SettingKey key)
{
    if (const auto dimension = ScoringDimensions::fromWeightKey(key))
        return ScoringDimensions::weightTip(*dimension);
    return tr(spec(key).tooltip);
}

QString WorkbookSettings::placeholder(SettingKey key)
{
    const char *text = spec(key).placeholder;
    return *text ? tr(text) : QString();
}

QString WorkbookSettings::unit(SettingKey key, const QString &currency)
{
    switch (spec(key).type) {
    case T::Money:
        return currency;
    case T::Percent:
        return u"%"_s;
    case T::Months:
        return tr("months");
    default:
        return {};
    }
}

QString WorkbookSettings::validate(SettingKey key, QVariant &value)
{
    const SettingSpec &row = spec(key);
    if (isNumber(row.type))
        return validateNumber(row, value);
    QString text = value.toString().trimmed();
    switch (row.type) {
    case T::Thresholds: {
        QString why;
        const auto thresholds = OverlapScoring::parseThresholds(text, &why);
        if (!thresholds)
            return tr("%1: %2.").arg(displayName(key), why);
        value = OverlapScoring::thresholdsText(*thresholds);
        return {};
    }
    case T::YesNo: {
        const QString answer = text.toLower();
        if (answer == u"yes" || answer == u"y" || answer == u"true" || answer == u"1")
            text = u"yes"_s;
        else if (answer == u"no" || answer == u"n" || answer == u"false" || answer == u"0")
            text = u"no"_s;
        else
            return tr("%1 must be yes or no.").arg(displayName(key));
        break;
    }
    case T::Currency:
        text = text.toUpper();
        if (text.size() != 3 || !std::all_of(text.cbegin(), text.cend(),
                                             [](QChar c) { return c >= u'A' && c <= u'Z'; }))
            return tr("The currency must be a three-letter ISO 4217 code such as USD or EUR.");
        break;
    default:
        if (row.required && text.isEmpty())
            return key == SettingKey::Title ? tr("The workbook title must not be empty.")
                                            : tr("%1 must not be empty.").arg(displayName(key));
        break;
    }
    value = text;
    return {};
}

QString WorkbookSettings::validateTogether(const SettingValues &current,
                                           const SettingValues &changes)
{
    const auto merged = [&](SettingKey key) {
        return changes.value(key, current.value(key, defaultValue(key))).toDouble();
    };
    double sum = 0;
    for (Dimension dimension : ScoringDimensions::all)
        sum += merged(ScoringDimensions::weightKey(dimension));
    if (!(sum > 0))
        return tr("At least one scoring weight must be greater than zero.");
    if (merged(SettingKey::ReferralFeeMin) > merged(SettingKey::ReferralFeeMax))
        return tr("The usual referral fee's minimum must not be above its maximum.");
    return {};
}

QString WorkbookSettings::text(SettingKey key, const QVariant &value)
{
    if (isNumber(spec(key).type))
        return kpiNumberText(value.toDouble());
    return value.toString();
}

bool WorkbookSettings::isYes(const SettingValues &values, SettingKey key)
{
    return values.value(key, defaultValue(key)).toString() == u"yes";
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
    const auto value = [&values](SettingKey key) {
        return values.value(key, defaultValue(key));
    };
    KpiThresholds thresholds;
    thresholds.atRiskPercent = value(SettingKey::KpiAtRiskPercent).toDouble();
    thresholds.sunsetRevenuePerMonth = value(SettingKey::KpiSunsetRevenuePerMonth).toDouble();
    thresholds.currency = value(SettingKey::Currency).toString();
    return thresholds;
}

} // namespace pb::domain
