#include "Kpi.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {
const QList<KpiMetric> &allMetrics()
{
    static const QList<KpiMetric> metrics = {KpiMetric::Referrals,
                                             KpiMetric::ConversionRate,
                                             KpiMetric::AverageDealSize,
                                             KpiMetric::TimeToClose,
                                             KpiMetric::PartnerSatisfaction,
                                             KpiMetric::PartnerRevenue,
                                             KpiMetric::PartnerPipeline,
                                             KpiMetric::IntegrationActivation,
                                             KpiMetric::IntegrationChurnReduction,
                                             KpiMetric::JointWins};
    return metrics;
}

QString simplifiedName(const QString &name)
{
    QString key;
    for (QChar c : name.toCaseFolded()) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}
} // namespace

QString kpiUnitId(KpiUnit unit)
{
    switch (unit) {
    case KpiUnit::Count:
        return u"count"_s;
    case KpiUnit::Percent:
        return u"percent"_s;
    case KpiUnit::Currency:
        return u"currency"_s;
    case KpiUnit::Days:
        return u"days"_s;
    case KpiUnit::Score:
        return u"score"_s;
    }
    return {};
}

std::optional<KpiUnit> kpiUnitFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    for (KpiUnit unit :
         {KpiUnit::Count, KpiUnit::Percent, KpiUnit::Currency, KpiUnit::Days, KpiUnit::Score}) {
        if (id == kpiUnitId(unit))
            return unit;
    }
    return std::nullopt;
}

QString kpiDirectionId(KpiDirection direction)
{
    return direction == KpiDirection::HigherIsBetter ? u"higher"_s : u"lower"_s;
}

std::optional<KpiDirection> kpiDirectionFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id == u"higher")
        return KpiDirection::HigherIsBetter;
    if (id == u"lower")
        return KpiDirection::LowerIsBetter;
    return std::nullopt;
}

QString kpiMetricId(KpiMetric metric)
{
    switch (metric) {
    case KpiMetric::Custom:
        return {};
    case KpiMetric::Referrals:
        return u"referrals"_s;
    case KpiMetric::ConversionRate:
        return u"conversion_rate"_s;
    case KpiMetric::AverageDealSize:
        return u"average_deal_size"_s;
    case KpiMetric::TimeToClose:
        return u"time_to_close"_s;
    case KpiMetric::PartnerSatisfaction:
        return u"partner_satisfaction"_s;
    case KpiMetric::PartnerRevenue:
        return u"partner_revenue"_s;
    case KpiMetric::PartnerPipeline:
        return u"partner_pipeline"_s;
    case KpiMetric::IntegrationActivation:
        return u"integration_activation"_s;
    case KpiMetric::IntegrationChurnReduction:
        return u"integration_churn_reduction"_s;
    case KpiMetric::JointWins:
        return u"joint_wins"_s;
    }
    return {};
}

std::optional<KpiMetric> kpiMetricFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id.isEmpty() || id == u"custom")
        return KpiMetric::Custom;
    for (KpiMetric metric : allMetrics()) {
        if (id == kpiMetricId(metric))
            return metric;
    }
    return std::nullopt;
}

KpiMetric kpiMetricForName(const QString &name)
{
    static const QList<QPair<QString, KpiMetric>> names = {
        {u"referrals"_s, KpiMetric::Referrals},
        {u"partnerreferrals"_s, KpiMetric::Referrals},
        {u"numberofreferrals"_s, KpiMetric::Referrals},
        {u"deals"_s, KpiMetric::Referrals},
        {u"partnersourceddeals"_s, KpiMetric::Referrals},
        {u"partnerdeals"_s, KpiMetric::Referrals},
        {u"conversionrate"_s, KpiMetric::ConversionRate},
        {u"averagedealsize"_s, KpiMetric::AverageDealSize},
        {u"avgdealsize"_s, KpiMetric::AverageDealSize},
        {u"timetoclose"_s, KpiMetric::TimeToClose},
        {u"partnersatisfaction"_s, KpiMetric::PartnerSatisfaction},
        {u"partnernps"_s, KpiMetric::PartnerSatisfaction},
        {u"partnersourcedrevenue"_s, KpiMetric::PartnerRevenue},
        {u"partnerrevenue"_s, KpiMetric::PartnerRevenue},
        {u"partnersourcedarr"_s, KpiMetric::PartnerRevenue},
        {u"partnerarr"_s, KpiMetric::PartnerRevenue},
        {u"partnersourcedpipeline"_s, KpiMetric::PartnerPipeline},
        {u"partnerpipeline"_s, KpiMetric::PartnerPipeline},
        {u"integrationactivation"_s, KpiMetric::IntegrationActivation},
        {u"integrationactivationrate"_s, KpiMetric::IntegrationActivation},
        {u"integrationactivation30days"_s, KpiMetric::IntegrationActivation},
        {u"integrationchurnreduction"_s, KpiMetric::IntegrationChurnReduction},
        {u"integrationuserschurnreduction"_s, KpiMetric::IntegrationChurnReduction},
        {u"jointwins"_s, KpiMetric::JointWins},
        {u"jointdealswon"_s, KpiMetric::JointWins},
    };
    const QString key = simplifiedName(name);
    for (const auto &[known, metric] : names) {
        if (key == known)
            return metric;
    }
    return KpiMetric::Custom;
}

QString kpiUnitDisplayName(KpiUnit unit)
{
    switch (unit) {
    case KpiUnit::Count:
        return QCoreApplication::translate("Kpi", "Count");
    case KpiUnit::Percent:
        return QCoreApplication::translate("Kpi", "Percent");
    case KpiUnit::Currency:
        return QCoreApplication::translate("Kpi", "Currency");
    case KpiUnit::Days:
        return QCoreApplication::translate("Kpi", "Days");
    case KpiUnit::Score:
        return QCoreApplication::translate("Kpi", "Score");
    }
    return {};
}

QString kpiDirectionDisplayName(KpiDirection direction)
{
    return direction == KpiDirection::HigherIsBetter
               ? QCoreApplication::translate("Kpi", "Higher is better")
               : QCoreApplication::translate("Kpi", "Lower is better");
}

QList<KpiDefinition> commonKpis()
{
    auto kpi = [](const char *name, KpiUnit unit, KpiDirection direction, double target,
                  KpiMetric metric) {
        KpiDefinition definition;
        definition.name = QCoreApplication::translate("Kpi", name);
        definition.unit = unit;
        definition.direction = direction;
        definition.target = target;
        definition.metric = metric;
        return definition;
    };
    using enum KpiUnit;
    const auto higher = KpiDirection::HigherIsBetter;
    return {
        kpi(QT_TRANSLATE_NOOP("Kpi", "Referrals"), Count, higher, 10, KpiMetric::Referrals),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Conversion rate"), Percent, higher, 20,
            KpiMetric::ConversionRate),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Average deal size"), Currency, higher, 10000,
            KpiMetric::AverageDealSize),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Time to close"), Days, KpiDirection::LowerIsBetter, 45,
            KpiMetric::TimeToClose),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Partner satisfaction"), Score, higher, 70,
            KpiMetric::PartnerSatisfaction),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Partner-sourced revenue"), Currency, higher, 15000,
            KpiMetric::PartnerRevenue),
        // The programme's measures (DOMAIN.md §5): the partner share of pipeline needs each
        // partnership's pipeline; an integration tells a distribution story when 15–25 % of
        // new customers switch it on within 30 days, its users churn 30–50 % less, and deals
        // are won together. The targets are the low ends of those ranges.
        kpi(QT_TRANSLATE_NOOP("Kpi", "Partner-sourced pipeline"), Currency, higher, 50000,
            KpiMetric::PartnerPipeline),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Integration activation (30 days)"), Percent, higher, 15,
            KpiMetric::IntegrationActivation),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Integration users' churn reduction"), Percent, higher, 30,
            KpiMetric::IntegrationChurnReduction),
        kpi(QT_TRANSLATE_NOOP("Kpi", "Joint wins"), Count, higher, 1, KpiMetric::JointWins),
    };
}

KpiPeriod KpiPeriod::month(int year, int month)
{
    KpiPeriod period;
    period.m_date = QDate(year, month, 1);
    period.m_month = true;
    return period;
}

KpiPeriod KpiPeriod::day(const QDate &date)
{
    KpiPeriod period;
    period.m_date = date;
    return period;
}

std::optional<KpiPeriod> KpiPeriod::parse(QStringView text, QString *why)
{
    auto fail = [why](const QString &reason) -> std::optional<KpiPeriod> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    text = text.trimmed();
    auto digits = [&text](qsizetype from, qsizetype count) {
        if (from + count > text.size())
            return -1;
        int number = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            number = number * 10 + int(c - u'0');
        }
        return number;
    };
    const bool shapeMonth = text.size() == 7 && text.at(4) == u'-';
    const bool shapeDay = text.size() == 10 && text.at(4) == u'-' && text.at(7) == u'-';
    const int year = digits(0, 4);
    const int month = digits(5, 2);
    const int day = shapeDay ? digits(8, 2) : 0;
    if ((!shapeMonth && !shapeDay) || year < 0 || month < 0 || day < 0) {
        return fail(QCoreApplication::translate(
                        "Kpi", "\"%1\" is not a period; write a month as YYYY-MM or a day as "
                               "YYYY-MM-DD")
                        .arg(text.left(40).toString()));
    }
    if (year < 1900 || year > 2999)
        return fail(QCoreApplication::translate("Kpi", "year %1 is out of range").arg(year));
    if (month < 1 || month > 12)
        return fail(QCoreApplication::translate("Kpi", "month %1 does not exist").arg(month));
    if (shapeMonth)
        return KpiPeriod::month(year, month);
    const QDate date(year, month, day);
    if (!date.isValid())
        return fail(QCoreApplication::translate("Kpi", "%1 is not a date in the calendar")
                        .arg(text.toString()));
    return KpiPeriod::day(date);
}

QString KpiPeriod::toString() const
{
    if (!isValid())
        return {};
    return m_month ? m_date.toString(u"yyyy-MM") : m_date.toString(Qt::ISODate);
}

std::optional<double> KpiSeries::valueAt(const KpiPeriod &period) const
{
    const auto it =
        std::lower_bound(values.cbegin(), values.cend(), period,
                         [](const KpiValue &v, const KpiPeriod &p) { return v.period < p; });
    if (it != values.cend() && it->period == period)
        return it->value;
    return std::nullopt;
}

void KpiSeries::setValue(const KpiPeriod &period, std::optional<double> value)
{
    auto it = std::lower_bound(values.begin(), values.end(), period,
                               [](const KpiValue &v, const KpiPeriod &p) { return v.period < p; });
    const bool present = it != values.end() && it->period == period;
    if (!value) {
        if (present)
            values.erase(it);
    } else if (present) {
        it->value = *value;
    } else {
        values.insert(it, KpiValue{period, *value});
    }
}

std::optional<double> parseKpiNumber(QStringView text, QString *why)
{
    auto fail = [why, text](const QString &reason) -> std::optional<double> {
        if (why)
            *why = reason.arg(text.trimmed().left(40).toString());
        return std::nullopt;
    };
    QStringView body = text.trimmed();
    if (body.isEmpty()) {
        // No "%1" in this message: going through fail() would warn "Argument missing".
        if (why)
            *why = QCoreApplication::translate("Kpi", "the value is empty");
        return std::nullopt;
    }
    bool negative = false;
    if (body.startsWith(u'-') || body.startsWith(u'\u2212')) {
        negative = true;
        body = body.mid(1).trimmed();
    }
    // One currency sign in front, or a percent sign behind, is decoration.
    static const QStringView signs[] = {u"$", u"€", u"£", u"¥", u"USD", u"EUR", u"GBP"};
    for (QStringView sign : signs) {
        if (body.startsWith(sign)) {
            body = body.mid(sign.size()).trimmed();
            break;
        }
    }
    if (body.endsWith(u'%'))
        body = body.chopped(1).trimmed();
    if (!negative && body.startsWith(u'-')) {
        negative = true;
        body = body.mid(1);
    }
    QByteArray plain;
    plain.reserve(body.size());
    qsizetype digitsSinceSeparator = -1; // -1: no thousands separator seen yet
    bool seenPoint = false;
    bool seenDigit = false;
    for (QChar c : body) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            plain.append(char(u));
            seenDigit = true;
            if (digitsSinceSeparator >= 0 && !seenPoint)
                ++digitsSinceSeparator;
        } else if (u == u',' && !seenPoint) {
            if (!seenDigit || (digitsSinceSeparator >= 0 && digitsSinceSeparator != 3))
                return fail(QCoreApplication::translate(
                    "Kpi", "\"%1\" is not a number (use '.' for decimals, ',' only between "
                           "thousands)"));
            digitsSinceSeparator = 0;
        } else if (u == u'.' && !seenPoint) {
            if (digitsSinceSeparator >= 0 && digitsSinceSeparator != 3)
                return fail(QCoreApplication::translate(
                    "Kpi", "\"%1\" is not a number (use '.' for decimals, ',' only between "
                           "thousands)"));
            seenPoint = true;
            plain.append('.');
        } else {
            return fail(QCoreApplication::translate("Kpi", "\"%1\" is not a number"));
        }
    }
    if (digitsSinceSeparator >= 0 && !seenPoint && digitsSinceSeparator != 3)
        return fail(QCoreApplication::translate(
            "Kpi", "\"%1\" is not a number (use '.' for decimals, ',' only between thousands)"));
    if (!seenDigit)
        return fail(QCoreApplication::translate("Kpi", "\"%1\" is not a number"));
    double number = 0;
    const auto [end, error] =
        std::from_chars(plain.constData(), plain.constData() + plain.size(), number);
    if (error != std::errc() || end != plain.constData() + plain.size() || !std::isfinite(number))
        return fail(QCoreApplication::translate("Kpi", "\"%1\" is not a number"));
    return negative ? -number : number;
}

QString kpiNumberText(double value)
{
    // Shortest exact form, in fixed notation: "15000000", never "1.5e+07", which
    // parseKpiNumber (and many spreadsheets' CSV import) would not read back. Found by
    // fuzz_kpicsv.
    char buffer[400];
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc())
        return QString::number(value, 'g', 17);
    return QString::fromLatin1(buffer, end - buffer);
}

QString kpiUnitLabel(KpiUnit unit, const QString &currency)
{
    switch (unit) {
    case KpiUnit::Count:
        return QCoreApplication::translate("Kpi", "count");
    case KpiUnit::Percent:
        return u"%"_s;
    case KpiUnit::Currency:
        return currency;
    case KpiUnit::Days:
        return QCoreApplication::translate("Kpi", "days");
    case KpiUnit::Score:
        return QCoreApplication::translate("Kpi", "score");
    }
    return {};
}

QString formatKpiValue(double value, KpiUnit unit, const QString &currency, const QLocale &locale)
{
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    switch (unit) {
    case KpiUnit::Currency: {
        const QString amount = locale.toString(value, 'f', whole ? 0 : 2);
        // QLocale::toCurrencyString would use the locale's currency, not the workbook's.
        static const QHash<QString, QString> symbols = {
            {u"USD"_s, u"$"_s},   {u"EUR"_s, u"€"_s},  {u"GBP"_s, u"£"_s},    {u"JPY"_s, u"¥"_s},
            {u"CAD"_s, u"CA$"_s}, {u"AUD"_s, u"A$"_s}, {u"CHF"_s, u"CHF "_s},
        };
        const QString symbol = symbols.value(currency, currency + u' ');
        return value < 0 ? u"\u2212"_s + symbol + amount.mid(1) : symbol + amount;
    }
    case KpiUnit::Percent:
        return locale.toString(value, 'f', whole ? 0 : 1) + u" %"_s;
    case KpiUnit::Days:
        return QCoreApplication::translate("Kpi", "%1 days")
            .arg(locale.toString(value, 'f', whole ? 0 : 1));
    case KpiUnit::Count:
    case KpiUnit::Score:
        return locale.toString(value, 'f', whole ? 0 : 2);
    }
    return {};
}

} // namespace pb::domain
