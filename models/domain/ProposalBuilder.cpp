#include "ProposalBuilder.h"

#include "QualificationFields.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

QString longDate(const QDate &date)
{
    return QLocale().toString(date, u"d MMMM yyyy"_s);
}

// The score line: the fit score and its three dimensions.
QString scoreLine(const Candidate &candidate, const std::optional<double> &score)
{
    const auto dimension = [](const std::optional<int> &value) {
        return value ? QString::number(*value) : u"–"_s;
    };
    return (score ? ProposalBuilder::tr("Fit score %1 of 100").arg(qRound(*score))
                  : ProposalBuilder::tr("Not fully scored yet")) +
           ProposalBuilder::tr(": audience overlap %1, strategic value %2, ease of integration "
                               "%3 (of 5)")
               .arg(dimension(candidate.audienceOverlap), dimension(candidate.strategicValue),
                    dimension(candidate.easeOfIntegration));
}

// The vetting facts that make the case, in one sentence; empty when none is recorded.
QString vettingLine(const Vetting &v)
{
    QStringList facts;
    if (v.competes == Competes::No)
        facts << ProposalBuilder::tr("adjacent, not competing");
    const QString base =
        v.customerBase == CustomerBase::Unknown
            ? QString()
            : QualificationFields::choiceLabel(CandidateField::CustomerBase, int(v.customerBase));
    if (v.icpMatch == IcpMatch::Yes)
        facts << (base.isEmpty() ? ProposalBuilder::tr("their customers match ours")
                                 : ProposalBuilder::tr("their %1 customers match ours").arg(base));
    if (v.partnerProgramme == YesNo::Yes)
        facts << (!v.integrationPartners ? ProposalBuilder::tr("a partner programme")
                  : *v.integrationPartners == 1
                      ? ProposalBuilder::tr("a partner programme with 1 integration partner")
                      : ProposalBuilder::tr("a partner programme with %1 integration partners")
                            .arg(*v.integrationPartners));
    if (v.canSell == YesNo::Yes)
        facts << ProposalBuilder::tr("a team that sells");
    if (!v.motivations.trimmed().isEmpty())
        facts << ProposalBuilder::tr("for them: %1").arg(v.motivations.trimmed());
    if (facts.isEmpty())
        return {};
    QString line = facts.join(ProposalBuilder::tr("; "));
    line[0] = line[0].toUpper();
    return line + u'.';
}

// The joint motion: per activity, who is Accountable on each side (else Responsible).
QList<ProposalContent::Row> motionRows(const RaciGrid &grid)
{
    QList<ProposalContent::Row> rows;
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
        rows.append({grid.activities.at(a).name, who(0), who(1)});
    }
    return rows;
}

// How often an amount or a count is counted: a month, or the KPI's own period when it is
// recorded by day.
QString perPeriod(const KpiSeries &series)
{
    switch (const int days = KpiRules::dayPeriod(series)) {
    case 0:
        return ProposalBuilder::tr("a month");
    case 1:
        return ProposalBuilder::tr("a day");
    case 7:
        return ProposalBuilder::tr("a week");
    default:
        return ProposalBuilder::tr("every %1 days").arg(days);
    }
}

// A KPI's target in words that fit its unit: counts and amounts are per period ("at least
// 12 a month", "at least $15,000 a month"), a rate, a score, a number of days or an average
// deal size is not ("at least 20 %", "a score of at least 70", "at most 45 days").
QString targetText(const KpiSeries &series, const QString &currency)
{
    const KpiDefinition &kpi = series.definition;
    const QString value = formatKpiValue(*kpi.target, kpi.unit, currency, QLocale());
    const bool higher = kpi.direction == KpiDirection::HigherIsBetter;
    switch (kpi.unit) {
    case KpiUnit::Count:
    case KpiUnit::Currency:
        // An average deal size is an amount per deal, not per month.
        if (kpi.metric == KpiMetric::AverageDealSize)
            break;
        return (higher ? ProposalBuilder::tr("at least %1 %2")
                       : ProposalBuilder::tr("at most %1 %2"))
            .arg(value, perPeriod(series));
    case KpiUnit::Score:
        return higher ? ProposalBuilder::tr("a score of at least %1").arg(value)
                      : ProposalBuilder::tr("a score of at most %1").arg(value);
    case KpiUnit::Percent:
    case KpiUnit::Days:
        break;
    }
    return higher ? ProposalBuilder::tr("at least %1").arg(value)
                  : ProposalBuilder::tr("at most %1").arg(value);
}

// The success metrics: each KPI with its target and its baseline.
QList<ProposalContent::Row> metricRows(const QList<KpiSeries> &kpis, const QString &currency)
{
    const QLocale locale;
    QList<ProposalContent::Row> rows;
    for (const KpiSeries &series : kpis) {
        const KpiDefinition &kpi = series.definition;
        QString target =
            kpi.target ? targetText(series, currency) : ProposalBuilder::tr("target to agree");
        if (kpi.baseline)
            target += ProposalBuilder::tr(" (baseline %1)")
                          .arg(formatKpiValue(*kpi.baseline, kpi.unit, currency, locale));
        rows.append({kpi.name, target, {}});
    }
    return rows;
}

QString pilotLine(const Pilot &pilot)
{
    if (!pilot.start.isValid())
        return ProposalBuilder::tr("A %1-day pilot from the date we both sign, ending with a "
                                   "joint review of the metrics above.")
            .arg(pilot.days);
    return ProposalBuilder::tr("A %1-day pilot from %2 to %3, ending with a joint review of the "
                               "metrics above.")
        .arg(pilot.days)
        .arg(longDate(pilot.start), longDate(pilot.start.addDays(pilot.days)));
}

// A value as the page writes it: amounts in the workbook's currency, percentages with %.
QString pageValue(ProposalFieldType type, const QVariant &value, const QString &currency)
{
    switch (type) {
    case ProposalFieldType::Money:
        return formatKpiValue(value.toDouble(), KpiUnit::Currency, currency, QLocale());
    case ProposalFieldType::Percent:
        return formatKpiValue(value.toDouble(), KpiUnit::Percent, currency, QLocale());
    case ProposalFieldType::Days:
    case ProposalFieldType::Months:
        return QString::number(value.toInt());
    case ProposalFieldType::Date:
        return longDate(value.toDate());
    case ProposalFieldType::YesNo:
        return value.toBool() ? ProposalBuilder::tr("Yes") : ProposalBuilder::tr("No");
    case ProposalFieldType::Text:
    case ProposalFieldType::Structure:
    case ProposalFieldType::Choice:
        break;
    }
    return value.toString();
}

// Whether a term was agreed: it has a value, and a yes/no is yes.
bool isAgreed(ProposalFieldType type, const QVariant &value)
{
    if (type == ProposalFieldType::YesNo)
        return value.toBool();
    return value.isValid() && !value.toString().isEmpty();
}

// The terms the page words as a whole: revenue share with its first-year cap, exclusivity
// (none, months, or open-ended, with its gate) and the term with its notice.
std::optional<QString> composedTerm(ProposalField field, const Proposal &terms,
                                    const QString &currency)
{
    switch (field) {
    case ProposalField::RevSharePercent: {
        const auto share = terms.number(field);
        if (!share)
            return QString();
        return pageValue(ProposalFieldType::Percent, *share, currency) +
               (terms.isYes(ProposalField::FirstYearCap)
                    ? ProposalBuilder::tr(" of first-year revenue")
                    : QString());
    }
    case ProposalField::ExclusivityMonths: {
        // Not stated prints nothing; the gate only when the user recorded one.
        const bool gated = terms.isYes(ProposalField::ExclusivityGated);
        if (!terms.namedValue(field).isEmpty())
            return gated ? ProposalBuilder::tr("Exclusive with no end date, while the success "
                                               "metrics are met")
                         : ProposalBuilder::tr("Exclusive, with no end date");
        const auto months = terms.count(field);
        if (!months)
            return QString();
        if (*months == 0)
            return ProposalBuilder::tr("None");
        return gated ? ProposalBuilder::tr("%1 months, gated on the success metrics").arg(*months)
                     : ProposalBuilder::tr("%1 months").arg(*months);
    }
    case ProposalField::TermMonths: {
        QStringList parts;
        if (const auto months = terms.count(ProposalField::TermMonths))
            parts << ProposalBuilder::tr("%1 months").arg(*months);
        if (const auto notice = terms.count(ProposalField::NoticeDays))
            parts
                << ProposalBuilder::tr("either side may end it with %1 days' notice").arg(*notice);
        return parts.join(u"; "_s);
    }
    default:
        return std::nullopt;
    }
}

// Commercial terms, only those agreed, in the order `terms` lists them.
QList<ProposalContent::Row> termRows(const Proposal &terms, Structure structure,
                                     const QString &currency)
{
    QList<ProposalContent::Row> rows;
    for (ProposalField field : ProposalFieldTable::fields()) {
        const ProposalFieldSpec &spec = ProposalFieldTable::spec(field);
        if (!spec.termLabel || !ProposalFieldTable::isShownFor(field, structure))
            continue;
        QString text;
        if (const auto composed = composedTerm(field, terms, currency)) {
            text = *composed;
        } else if (const QVariant value = terms.value(field); isAgreed(spec.type, value)) {
            text = pageValue(spec.type, value, currency);
            if (spec.termPhrase)
                text = ProposalFieldTable::tr(spec.termPhrase).arg(text);
        }
        if (!text.isEmpty())
            rows.append({ProposalFieldTable::tr(spec.termLabel), text, {}});
    }
    return rows;
}

} // namespace

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

QString ProposalBuilder::essentialsLine(const QList<ChecklistRow> &contract)
{
    const ChecklistProgress progress = Checklists::progress(contract);
    if (progress.settled == 0)
        return {};
    if (progress.settled == progress.total)
        return tr("All %1 contract essentials are agreed.").arg(progress.total);
    // Three names at most: the line stays one line on the page.
    constexpr qsizetype kNamed = 3;
    QStringList named;
    for (const ChecklistRow &row : contract) {
        if (Checklists::isSettled(row.item.status) && named.size() < kNamed)
            named << Checklists::label(*row.spec);
    }
    const qsizetype more = progress.settled - named.size();
    const QString names = more > 0 ? tr("%1 and %2 more").arg(named.join(u", "_s)).arg(more)
                                   : named.join(u", "_s);
    return tr("Agreed: %1 (%2 of %3 contract essentials).")
        .arg(names)
        .arg(progress.settled)
        .arg(progress.total);
}

ProposalContent ProposalBuilder::build(const ProposalSources &sources)
{
    ProposalContent page;
    const Candidate &candidate = sources.candidate;
    const Proposal &proposal = sources.proposal;
    page.company = sources.company;
    page.partner = candidate.name;
    const QString title = proposal.text(ProposalField::Title);
    page.title = title.isEmpty() ? tr("Partnership proposal") : title;
    page.date = longDate(sources.today);
    page.structure = structureName(candidate.structure);
    if (const QString summary = structureSummary(candidate.structure); !summary.isEmpty())
        page.structure += u" — "_s + summary;
    page.score = scoreLine(candidate, sources.score);
    // "Why this partner": the score, then what vetting found.
    if (const QString vetting = vettingLine(candidate.vetting); !vetting.isEmpty())
        page.score += u". "_s + vetting;
    const QString hypothesis = proposal.text(ProposalField::Hypothesis);
    page.hypothesis = hypothesis.isEmpty() ? candidate.revenueTheory : hypothesis;
    if (sources.raci)
        page.motion = motionRows(*sources.raci);
    page.metrics = metricRows(sources.kpis.kpis, sources.currency);
    page.cadence = tr("Reviewed together monthly for the first three months of the pilot, "
                      "quarterly after that; each review decides to continue, scale, pause or "
                      "end.");
    page.pilot = pilotLine(sources.kpis.pilot);
    page.terms = termRows(proposal, candidate.structure, sources.currency);
    page.essentials = essentialsLine(
        Checklists::rows(ChecklistKind::Contract, candidate.structure, sources.contract, proposal));
    page.notes = proposal.text(ProposalField::Notes);
    page.ourContacts = proposal.text(ProposalField::OurContacts);
    const QString partnerContacts = proposal.text(ProposalField::PartnerContacts);
    page.partnerContacts = partnerContacts.isEmpty() ? candidate.champion : partnerContacts;
    return page;
}

} // namespace pb::domain
