#include "Proposal.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

QString numberText(const std::optional<double> &value)
{
    return value ? kpiNumberText(*value) : QString();
}

QString intText(const std::optional<int> &value)
{
    return value ? QString::number(*value) : QString();
}

// A non-negative number: "12.5", "12.5%", "$1,200". Percentages are at most 100.
QString parseAmount(const QString &text, std::optional<double> &slot, bool percent)
{
    if (text.trimmed().isEmpty()) {
        slot.reset();
        return {};
    }
    QString why;
    const auto number = parseKpiNumber(text, &why);
    if (!number)
        return ProposalTerms::tr("\"%1\" is not a number: %2").arg(text, why);
    if (*number < 0)
        return ProposalTerms::tr("\"%1\" must not be negative").arg(text);
    if (percent && *number > 100)
        return ProposalTerms::tr("\"%1\" is more than 100 %").arg(text);
    slot = *number;
    return {};
}

// Whole days or months, 0 to limit.
QString parseCount(const QString &text, std::optional<int> &slot, int limit)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        slot.reset();
        return {};
    }
    bool ok = false;
    const int number = trimmed.toInt(&ok);
    if (!ok || number < 0 || number > limit)
        return ProposalTerms::tr("\"%1\" is not a whole number from 0 to %2").arg(text).arg(limit);
    slot = number;
    return {};
}

} // namespace

const QStringList &ProposalTerms::keys()
{
    static const QStringList list = {
        u"structure"_s,
        u"rev_share_pct"_s,
        u"referral_fee"_s,
        u"reseller_margin_pct"_s,
        u"mdf_budget"_s,
        u"exclusivity_months"_s,
        u"deal_registration_days"_s,
        u"term_months"_s,
        u"notice_days"_s,
        u"payment_terms"_s,
        u"first_year_cap"_s,
        u"pilot_days"_s,
        u"pilot_start"_s,
        u"title"_s,
        u"hypothesis"_s,
        u"our_contacts"_s,
        u"partner_contacts"_s,
        u"notes"_s,
    };
    return list;
}

QString ProposalTerms::value(const ProposalFields &fields, const QString &key)
{
    const CommercialTerms &terms = fields.proposal.terms;
    const ProposalText &text = fields.proposal.text;
    if (key == u"structure")
        return structureId(fields.structure);
    if (key == u"rev_share_pct")
        return numberText(terms.revSharePercent);
    if (key == u"referral_fee")
        return numberText(terms.referralFee);
    if (key == u"reseller_margin_pct")
        return numberText(terms.resellerMarginPercent);
    if (key == u"mdf_budget")
        return numberText(terms.mdfBudget);
    if (key == u"exclusivity_months")
        return terms.exclusivityMonths ? QString::number(*terms.exclusivityMonths)
                                       : u"open-ended"_s;
    if (key == u"deal_registration_days")
        return intText(terms.dealRegistrationDays);
    if (key == u"term_months")
        return intText(terms.termMonths);
    if (key == u"notice_days")
        return intText(terms.noticeDays);
    if (key == u"payment_terms")
        return terms.paymentTerms;
    if (key == u"first_year_cap")
        return terms.firstYearCap ? u"yes"_s : u"no"_s;
    if (key == u"pilot_days")
        return QString::number(fields.pilot.days);
    if (key == u"pilot_start")
        return fields.pilot.start.isValid() ? fields.pilot.start.toString(Qt::ISODate) : QString();
    if (key == u"title")
        return text.title;
    if (key == u"hypothesis")
        return text.hypothesis;
    if (key == u"our_contacts")
        return text.ourContacts;
    if (key == u"partner_contacts")
        return text.partnerContacts;
    if (key == u"notes")
        return text.notes;
    return {};
}

QString ProposalTerms::set(ProposalFields &fields, const QString &key, const QString &text)
{
    CommercialTerms &terms = fields.proposal.terms;
    ProposalText &words = fields.proposal.text;
    const QString trimmed = text.trimmed();
    if (key == u"structure") {
        const auto structure = structureFromId(trimmed);
        if (!structure)
            return tr("\"%1\" is not a structure: use referral, reseller, integration, "
                      "co-marketing or joint-venture")
                .arg(text);
        fields.structure = *structure;
        return {};
    }
    if (key == u"rev_share_pct")
        return parseAmount(text, terms.revSharePercent, true);
    if (key == u"referral_fee")
        return parseAmount(text, terms.referralFee, false);
    if (key == u"reseller_margin_pct")
        return parseAmount(text, terms.resellerMarginPercent, true);
    if (key == u"mdf_budget")
        return parseAmount(text, terms.mdfBudget, false);
    if (key == u"exclusivity_months") {
        if (trimmed.compare(u"open-ended"_s, Qt::CaseInsensitive) == 0) {
            terms.exclusivityMonths.reset();
            return {};
        }
        return parseCount(text, terms.exclusivityMonths, 1200);
    }
    if (key == u"deal_registration_days")
        return parseCount(text, terms.dealRegistrationDays, 3650);
    if (key == u"term_months")
        return parseCount(text, terms.termMonths, 1200);
    if (key == u"notice_days")
        return parseCount(text, terms.noticeDays, 3650);
    if (key == u"payment_terms") {
        terms.paymentTerms = trimmed;
        return {};
    }
    if (key == u"first_year_cap") {
        const QString answer = trimmed.toLower();
        if (answer == u"yes" || answer == u"true" || answer == u"1")
            terms.firstYearCap = true;
        else if (answer == u"no" || answer == u"false" || answer == u"0" || answer.isEmpty())
            terms.firstYearCap = false;
        else
            return tr("\"%1\" is not yes or no").arg(text);
        return {};
    }
    if (key == u"pilot_days") {
        std::optional<int> days;
        if (const QString error = parseCount(text, days, 3650); !error.isEmpty())
            return error;
        if (!days || *days < 1)
            return tr("a pilot lasts at least one day");
        fields.pilot.days = *days;
        return {};
    }
    if (key == u"pilot_start") {
        if (trimmed.isEmpty()) {
            fields.pilot.start = QDate();
            return {};
        }
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid() || trimmed.size() != 10)
            return tr("\"%1\" is not a date (YYYY-MM-DD)").arg(text);
        fields.pilot.start = date;
        return {};
    }
    QString *slot = key == u"title"              ? &words.title
                    : key == u"hypothesis"       ? &words.hypothesis
                    : key == u"our_contacts"     ? &words.ourContacts
                    : key == u"partner_contacts" ? &words.partnerContacts
                    : key == u"notes"            ? &words.notes
                                                 : nullptr;
    if (!slot)
        return tr("unknown key \"%1\"; the keys are %2").arg(key, keys().join(u", "));
    *slot = trimmed;
    return {};
}

ProposalRules::Range ProposalRules::revShareRange(Structure structure)
{
    switch (structure) {
    case Structure::Referral:
        return {5, 20};
    case Structure::Reseller:
        return {15, 35};
    case Structure::Integration:
        return {0, 30}; // often no fee; sometimes a 70/30 split
    case Structure::CoMarketing:
        return {0, 10}; // rarely any direct money
    case Structure::JointVenture:
        return {0, 50}; // a profit split, often 50/50
    case Structure::Unset:
        break;
    }
    return {0, 100};
}

Findings ProposalRules::check(const ProposalFields &fields, const ProposalContext &context)
{
    Findings findings;
    const QLocale locale;
    const auto add = [&](const QString &code, Finding::Severity severity, const QString &field,
                         const QString &message) {
        Finding finding;
        finding.code = code;
        finding.severity = severity;
        finding.subject = field;
        finding.message = message;
        finding.partner = context.partner;
        findings.append(finding);
    };
    const CommercialTerms &terms = fields.proposal.terms;
    const QString &partner = context.partner;
    const auto percent = [&locale](double value) {
        return locale.toString(value, 'f', std::abs(value - std::round(value)) < 1e-9 ? 0 : 1) +
               u" %"_s;
    };

    if (!terms.exclusivityMonths) {
        add(u"terms.exclusivity_open_ended"_s, Finding::Severity::Warning, u"exclusivity_months"_s,
            tr("%1: exclusivity has no end date; keep it time-bound (12–18 months) and gated "
               "on milestones.")
                .arg(partner));
    } else if (*terms.exclusivityMonths > 18) {
        add(u"terms.exclusivity_long"_s, Finding::Severity::Warning, u"exclusivity_months"_s,
            tr("%1: exclusivity for %2 months is longer than the usual 12–18 months.")
                .arg(partner)
                .arg(*terms.exclusivityMonths));
    }

    if (terms.revSharePercent && fields.structure != Structure::Unset) {
        const Range range = revShareRange(fields.structure);
        if (*terms.revSharePercent < range.low || *terms.revSharePercent > range.high) {
            add(u"terms.rev_share_out_of_range"_s, Finding::Severity::Warning, u"rev_share_pct"_s,
                tr("%1: a revenue share of %2 is outside the usual %3–%4 for a %5 partnership.")
                    .arg(partner, percent(*terms.revSharePercent), percent(range.low),
                         percent(range.high), structureId(fields.structure)));
        }
    }
    if (terms.resellerMarginPercent &&
        (*terms.resellerMarginPercent < 30 || *terms.resellerMarginPercent > 50)) {
        add(u"terms.rev_share_out_of_range"_s, Finding::Severity::Warning, u"reseller_margin_pct"_s,
            tr("%1: a reseller margin of %2 is outside the usual 30–50 %.")
                .arg(partner, percent(*terms.resellerMarginPercent)));
    }
    if (terms.referralFee && (*terms.referralFee < 200 || *terms.referralFee > 10000)) {
        add(u"terms.rev_share_out_of_range"_s, Finding::Severity::Warning, u"referral_fee"_s,
            tr("%1: a referral fee of %2 per lead is outside the usual 200–2,000 (up to "
               "10,000 for enterprise deals).")
                .arg(partner, locale.toString(*terms.referralFee, 'f', 0)));
    }

    // Channel economics: reseller deals need healthy gross margins.
    const bool channel =
        fields.structure == Structure::Reseller || terms.resellerMarginPercent.has_value();
    if (channel) {
        if (context.grossMarginPercent < 50) {
            add(u"terms.margin_breaks_unit_economics"_s, Finding::Severity::Error,
                u"reseller_margin_pct"_s,
                tr("%1: with a gross margin of %2, a reseller deal does not work (channel "
                   "economics need 50 % at the very least, 60 % to be healthy).")
                    .arg(partner, percent(context.grossMarginPercent)));
        } else if (context.grossMarginPercent < 60) {
            add(u"terms.margin_breaks_unit_economics"_s, Finding::Severity::Warning,
                u"reseller_margin_pct"_s,
                tr("%1: with a gross margin of %2, channel economics are fragile (below 60 %).")
                    .arg(partner, percent(context.grossMarginPercent)));
        } else if (terms.resellerMarginPercent && *terms.resellerMarginPercent >= 30 &&
                   context.cacPaybackMonths >= 14) {
            add(u"terms.margin_breaks_unit_economics"_s, Finding::Severity::Warning,
                u"reseller_margin_pct"_s,
                tr("%1: a %2 reseller margin on top of a %3-month CAC payback is structurally "
                   "unprofitable.")
                    .arg(partner, percent(*terms.resellerMarginPercent))
                    .arg(context.cacPaybackMonths));
        }
    }

    if (fields.pilot.days > 90) {
        add(u"terms.pilot_long"_s, Finding::Severity::Warning, u"pilot_days"_s,
            tr("%1: a pilot of %2 days is longer than 90; a short pilot with clear success "
               "metrics decides faster.")
                .arg(partner)
                .arg(fields.pilot.days));
    }
    if (context.kpiCount == 0) {
        add(u"proposal.no_metrics"_s, Finding::Severity::Warning, u"metrics"_s,
            tr("%1: the proposal has no success metrics; agree three to five KPIs in the KPIs "
               "area.")
                .arg(partner));
    }
    if (context.raci) {
        for (const RaciProblem &problem : RaciRules::check(*context.raci, partner)) {
            if (problem.finding.code == u"raci.no_accountable")
                findings.append(problem.finding);
        }
    }
    return findings;
}

} // namespace pb::domain

namespace pb::domain {

QString ProposalBuilder::structureName(Structure structure)
{
    switch (structure) {
    case Structure::Referral:
        return tr("Referral");
    case Structure::Reseller:
        return tr("Reseller");
    case Structure::Integration:
        return tr("Integration");
    case Structure::CoMarketing:
        return tr("Co-marketing");
    case Structure::JointVenture:
        return tr("Joint venture");
    case Structure::Unset:
        break;
    }
    return tr("Structure not chosen yet");
}

QString ProposalBuilder::structureSummary(Structure structure)
{
    switch (structure) {
    case Structure::Referral:
        return tr("the partner spots and refers opportunities; we close and deliver");
    case Structure::Reseller:
        return tr("the partner sells, and often delivers, in its territory");
    case Structure::Integration:
        return tr("our products connect for the customers we share");
    case Structure::CoMarketing:
        return tr("joint content, webinars and events into each other's audience");
    case Structure::JointVenture:
        return tr("a joint offering built and owned together");
    case Structure::Unset:
        break;
    }
    return {};
}

ProposalContent ProposalBuilder::build(const ProposalSources &sources)
{
    ProposalContent page;
    const QLocale locale;
    const Candidate &candidate = sources.candidate;
    const ProposalText &text = sources.proposal.text;
    const CommercialTerms &terms = sources.proposal.terms;
    const auto money = [&](double value) {
        return formatKpiValue(value, KpiUnit::Currency, sources.currency, locale);
    };
    const auto percent = [&](double value) {
        return formatKpiValue(value, KpiUnit::Percent, sources.currency, locale);
    };
    const auto longDate = [&](const QDate &date) {
        return locale.toString(date, u"d MMMM yyyy"_s);
    };

    page.company = sources.company;
    page.partner = candidate.name;
    page.title = text.title.isEmpty() ? tr("Partnership proposal") : text.title;
    page.date = longDate(sources.today);
    page.structure = structureName(candidate.structure);
    if (const QString summary = structureSummary(candidate.structure); !summary.isEmpty())
        page.structure += u" — "_s + summary;
    const auto dimension = [](const std::optional<int> &value) {
        return value ? QString::number(*value) : u"–"_s;
    };
    page.score = (sources.score ? tr("Fit score %1 of 100").arg(qRound(*sources.score))
                                : tr("Not fully scored yet")) +
                 tr(": audience overlap %1, strategic value %2, ease of integration %3 (of 5)")
                     .arg(dimension(candidate.audienceOverlap), dimension(candidate.strategicValue),
                          dimension(candidate.easeOfIntegration));
    page.hypothesis = text.hypothesis.isEmpty() ? candidate.revenueTheory : text.hypothesis;

    // The joint motion: per activity, who is Accountable on each side (else Responsible).
    if (sources.raci) {
        const RaciGrid &grid = *sources.raci;
        for (qsizetype a = 0; a < grid.activities.size(); ++a) {
            QStringList leads[2];
            QStringList doers[2];
            for (qsizetype p = 0; p < grid.parties.size(); ++p) {
                const int side = grid.parties.at(p).side == RaciSide::Ours ? 0 : 1;
                const RaciRole role = grid.cell(a, p);
                if (isAccountable(role))
                    leads[side].append(grid.parties.at(p).name);
                else if (role == RaciRole::Responsible)
                    doers[side].append(grid.parties.at(p).name);
            }
            const auto who = [&](int side) {
                const QStringList &names = leads[side].isEmpty() ? doers[side] : leads[side];
                return names.isEmpty() ? u"—"_s : names.join(u", "_s);
            };
            page.motion.append({grid.activities.at(a).name, who(0), who(1)});
        }
    }

    for (const KpiSeries &series : sources.kpis.kpis) {
        const KpiDefinition &kpi = series.definition;
        // Targets are per period: a month unless the KPI is recorded by day.
        const bool monthly = std::all_of(series.values.cbegin(), series.values.cend(),
                                         [](const KpiValue &v) { return v.period.isMonth(); });
        QString target =
            kpi.target ? (monthly ? tr("%1 a month, %2") : tr("%1 per period, %2"))
                             .arg(formatKpiValue(*kpi.target, kpi.unit, sources.currency, locale),
                                  kpiDirectionDisplayName(kpi.direction).toLower())
                       : tr("target to agree");
        if (kpi.baseline)
            target += tr(" (baseline %1)")
                          .arg(formatKpiValue(*kpi.baseline, kpi.unit, sources.currency, locale));
        page.metrics.append({kpi.name, target, {}});
    }
    page.cadence = tr("Reviewed together monthly for the first three months of the pilot, "
                      "quarterly after that; each review decides to continue, scale, pause or "
                      "end.");
    const Pilot &pilot = sources.kpis.pilot;
    if (pilot.start.isValid()) {
        page.pilot = tr("A %1-day pilot from %2 to %3, ending with a joint review of the "
                        "metrics above.")
                         .arg(pilot.days)
                         .arg(longDate(pilot.start), longDate(pilot.start.addDays(pilot.days)));
    } else {
        page.pilot = tr("A %1-day pilot from the date we both sign, ending with a joint review "
                        "of the metrics above.")
                         .arg(pilot.days);
    }

    // Commercial terms, only those agreed.
    const auto addTerm = [&page](const QString &label, const QString &value) {
        if (!value.isEmpty())
            page.terms.append({label, value, {}});
    };
    if (terms.revSharePercent)
        addTerm(tr("Revenue share"),
                percent(*terms.revSharePercent) +
                    (terms.firstYearCap ? tr(" of first-year revenue") : QString()));
    if (terms.referralFee)
        addTerm(tr("Referral fee"), tr("%1 per converted lead").arg(money(*terms.referralFee)));
    if (terms.resellerMarginPercent)
        addTerm(tr("Reseller margin"), percent(*terms.resellerMarginPercent));
    if (terms.mdfBudget)
        addTerm(tr("Co-marketing budget"), money(*terms.mdfBudget));
    addTerm(tr("Exclusivity"),
            !terms.exclusivityMonths ? tr("Exclusive, with no end date")
            : *terms.exclusivityMonths == 0
                ? tr("None")
                : tr("%1 months, gated on the success metrics").arg(*terms.exclusivityMonths));
    if (terms.dealRegistrationDays)
        addTerm(tr("Deal registration"),
                tr("A registered deal is protected for %1 days").arg(*terms.dealRegistrationDays));
    if (terms.termMonths || terms.noticeDays) {
        QStringList parts;
        if (terms.termMonths)
            parts << tr("%1 months").arg(*terms.termMonths);
        if (terms.noticeDays)
            parts << tr("either side may end it with %1 days' notice").arg(*terms.noticeDays);
        addTerm(tr("Term and exit"), parts.join(u"; "_s));
    }
    addTerm(tr("Payment terms"), terms.paymentTerms);

    page.notes = text.notes;
    page.ourContacts = text.ourContacts;
    page.partnerContacts =
        text.partnerContacts.isEmpty() ? candidate.champion : text.partnerContacts;
    return page;
}

} // namespace pb::domain
