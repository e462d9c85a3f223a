#include "ProposalField.h"

#include "Kpi.h"
#include "ProposalBuilder.h"
#include "ProposalRules.h"

#include <algorithm>
#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

#define N(text) QT_TRANSLATE_NOOP("ProposalFieldTable", text)

using F = ProposalField;
using T = ProposalFieldType;
using S = ProposalSection;

// Exclusivity with no end date is a value the user chooses, never what an empty field
// means (empty: not stated).
const ProposalChoice kExclusivityChoices[] = {{u"open-ended", N("open-ended")}};

// The table. Its order is the form's; `terms` prints in the enum's order.
const ProposalFieldSpec kRows[] = {
    {.field = F::Title,
     .key = u"title",
     .type = T::Text,
     .section = S::Page,
     .label = N("Title"),
     .placeholder = N("Partnership proposal"),
     .tooltip = N("The line under the partner's name")},
    {.field = F::Hypothesis,
     .key = u"hypothesis",
     .type = T::Text,
     .section = S::Page,
     .label = N("Hypothesis"),
     .placeholder = N("What we do together, and who benefits (empty: the candidate's revenue "
                      "theory)"),
     .tooltip = N("The partnership hypothesis: the first thing the partner reads"),
     .lines = 5},
    {.field = F::OurContacts,
     .key = u"our_contacts",
     .type = T::Text,
     .section = S::Page,
     .label = N("Our contacts"),
     .placeholder = N("Name, role, e-mail")},
    {.field = F::PartnerContacts,
     .key = u"partner_contacts",
     .type = T::Text,
     .section = S::Page,
     .label = N("Their contacts"),
     .placeholder = N("Empty: the candidate's champion")},
    {.field = F::Notes,
     .key = u"notes",
     .type = T::Text,
     .section = S::Page,
     .label = N("Notes"),
     .tooltip = N("Shown under the commercial terms"),
     .lines = 3},

    {.field = F::Structure,
     .key = u"structure",
     .type = T::Structure,
     .section = S::StructureAndPilot,
     .label = N("Structure"),
     .tooltip = N("The same structure as on the Candidates area"),
     .storage = ProposalStorage::Candidate},
    {.field = F::PilotDays,
     .key = u"pilot_days",
     .type = T::Days,
     .section = S::StructureAndPilot,
     .label = N("Pilot (days)"),
     .placeholder = "90",
     .tooltip = N("Also on the KPIs area; 90 days or less decides faster"),
     .range = {1, 3650},
     .belowMinimum = N("a pilot lasts at least one day"),
     .storage = ProposalStorage::Pilot},
    {.field = F::PilotStart,
     .key = u"pilot_start",
     .type = T::Date,
     .section = S::StructureAndPilot,
     .label = N("Pilot start"),
     .placeholder = N("YYYY-MM-DD; empty: when both sign"),
     .storage = ProposalStorage::Pilot},

    {.field = F::RevSharePercent,
     .key = u"rev_share_pct",
     .type = T::Percent,
     .section = S::Terms,
     .label = N("Revenue share (%)"),
     .range = {0, 100},
     .termLabel = N("Revenue share")},
    {.field = F::FirstYearCap,
     .key = u"first_year_cap",
     .type = T::YesNo,
     .section = S::Terms,
     .label = N("First year only"),
     .tooltip = N("Revenue share is normally paid on first-year revenue only, unless the "
                  "partner does renewal work")},
    {.field = F::ReferralFee,
     .key = u"referral_fee",
     .type = T::Money,
     .section = S::Terms,
     .label = N("Referral fee per lead"),
     .termLabel = N("Referral fee"),
     .termPhrase = N("%1 per converted lead")},
    {.field = F::ResellerMarginPercent,
     .key = u"reseller_margin_pct",
     .type = T::Percent,
     .section = S::Terms,
     .label = N("Reseller margin (%)"),
     .range = {0, 100},
     .termLabel = N("Reseller margin")},
    {.field = F::MdfBudget,
     .key = u"mdf_budget",
     .type = T::Money,
     .section = S::Terms,
     .label = N("Co-marketing budget"),
     .termLabel = N("Co-marketing budget")},
    {.field = F::ExclusivityMonths,
     .key = u"exclusivity_months",
     .type = T::Months,
     .section = S::Terms,
     .label = N("Exclusivity (months)"),
     .placeholder = N("not stated"),
     .tooltip = N("Months of exclusivity, 0 for none, or open-ended (no end date: the most "
                  "expensive mistake); empty: not stated, nothing is printed"),
     .range = {0, 1200},
     .initial = 0,
     .termLabel = N("Exclusivity"),
     .choices = kExclusivityChoices},
    {.field = F::ExclusivityGated,
     .key = u"exclusivity_gated",
     .type = T::YesNo,
     .section = S::Terms,
     .label = N("Gated on the metrics"),
     .tooltip = N("Exclusivity lasts only while the success metrics are met; the proposal "
                  "says so only when this is ticked")},
    {.field = F::DealRegistrationDays,
     .key = u"deal_registration_days",
     .type = T::Days,
     .section = S::Terms,
     .label = N("Deal registration (days)"),
     .tooltip = N("How long a registered deal is protected from direct sales (about 90 "
                  "days is usual)"),
     .range = {0, 3650},
     .termLabel = N("Deal registration"),
     .termPhrase = N("A registered deal is protected for %1 days")},
    {.field = F::TermMonths,
     .key = u"term_months",
     .type = T::Months,
     .section = S::Terms,
     .label = N("Term (months)"),
     .range = {0, 1200},
     .termLabel = N("Term and exit")},
    {.field = F::NoticeDays,
     .key = u"notice_days",
     .type = T::Days,
     .section = S::Terms,
     .label = N("Notice (days)"),
     .tooltip = N("About 30 days is usual"),
     .range = {0, 3650}},
    {.field = F::PaymentTerms,
     .key = u"payment_terms",
     .type = T::Text,
     .section = S::Terms,
     .label = N("Payment terms"),
     .placeholder = N("Net 30"),
     .termLabel = N("Payment terms")},
    // The contract's traps (DOMAIN.md §3, §7): each a warning when it is set the wrong way.
    {.field = F::MfnClause,
     .key = u"mfn_clause",
     .type = T::YesNo,
     .section = S::Terms,
     .label = N("Most-favoured-nation clause"),
     .tooltip = N("The partner asks for terms at least as good as anyone else's: it binds "
                  "every later deal to this one (a trap)")},
    {.field = F::RenewalTied,
     .key = u"renewal_tied",
     .type = T::YesNo,
     .section = S::Terms,
     .label = N("Renewal tied to ARR"),
     .tooltip = N("Renews each year only if the partnership reached the ARR threshold below: "
                  "keeps it honest")},
    {.field = F::RenewalArrThreshold,
     .key = u"renewal_arr_threshold",
     .type = T::Money,
     .section = S::Terms,
     .label = N("Renewal ARR threshold"),
     .placeholder = "50000",
     .tooltip = N("The ARR the partnership must reach for the term to renew (\"renews "
                  "annually only if 50k+ ARR was achieved\"), in the workbook's currency"),
     .initial = ProposalRules::kRenewalArrThreshold},
    {.field = F::WrittenAgreementRefused,
     .key = u"written_agreement_refused",
     .type = T::YesNo,
     .section = S::Terms,
     .label = N("Partner refuses a written agreement"),
     .tooltip = N("A partner who will not sign a written agreement is a red flag")},
};
static_assert(std::size(kRows) == std::size_t(kProposalFieldCount), "one row per ProposalField");

std::span<const ProposalFieldSpec> table()
{
    return kRows;
}

#undef N

QString translated(const char *text)
{
    return *text ? ProposalFieldTable::tr(text) : QString();
}

QString parseAmount(const ProposalFieldSpec &row, const QString &text, QVariant &value)
{
    if (text.trimmed().isEmpty()) {
        value = QVariant();
        return {};
    }
    QString why;
    const auto number = parseKpiNumber(text, &why);
    if (!number)
        return ProposalFieldTable::tr("\"%1\" is not a number: %2").arg(text, why);
    if (*number < 0)
        return ProposalFieldTable::tr("\"%1\" must not be negative").arg(text);
    if (row.range.maximum > 0 && *number > row.range.maximum) {
        const QString unit = row.type == ProposalFieldType::Percent ? u" %"_s : QString();
        return ProposalFieldTable::tr("\"%1\" is more than %2")
            .arg(text, kpiNumberText(row.range.maximum) + unit);
    }
    value = *number;
    return {};
}

// Whole days or months, from 0 to the row's maximum.
QString parseCount(const ProposalFieldSpec &row, const QString &text, QVariant &value)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        value = QVariant();
        return {};
    }
    const int limit =
        row.range.maximum > 0 ? int(row.range.maximum) : std::numeric_limits<int>::max();
    bool ok = false;
    const int number = trimmed.toInt(&ok);
    if (!ok || number < 0 || number > limit)
        return ProposalFieldTable::tr("\"%1\" is not a whole number from 0 to %2")
            .arg(text)
            .arg(limit);
    value = number;
    return {};
}

// A required number (its minimum is above 0) that is missing or too small.
QString checkMinimum(const ProposalFieldSpec &row, const QString &text, const QVariant &value)
{
    if (row.range.minimum <= 0 || (value.isValid() && value.toDouble() >= row.range.minimum))
        return {};
    if (*row.belowMinimum)
        return translated(row.belowMinimum);
    return ProposalFieldTable::tr("\"%1\" is less than %2")
        .arg(text, kpiNumberText(row.range.minimum));
}

QString parseYesNo(const QString &text, QVariant &value)
{
    const QString answer = text.trimmed().toLower();
    if (answer == u"yes" || answer == u"true" || answer == u"1")
        value = true;
    else if (answer == u"no" || answer == u"false" || answer == u"0" || answer.isEmpty())
        value = false;
    else
        return ProposalFieldTable::tr("\"%1\" is not yes or no").arg(text);
    return {};
}

QString parseDate(const QString &text, QVariant &value)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        value = QVariant();
        return {};
    }
    const QDate date = QDate::fromString(trimmed, Qt::ISODate);
    if (!date.isValid() || trimmed.size() != 10)
        return ProposalFieldTable::tr("\"%1\" is not a date (YYYY-MM-DD)").arg(text);
    value = date;
    return {};
}

// One of the row's choices, by id or by its translated label: the choice's id.
std::optional<QString> matchChoice(const ProposalFieldSpec &row, const QString &text)
{
    const QString trimmed = text.trimmed();
    for (const ProposalChoice &choice : row.choices) {
        const QString id = QString::fromUtf16(choice.id);
        if (trimmed.compare(id, Qt::CaseInsensitive) == 0 ||
            trimmed.compare(translated(choice.label), Qt::CaseInsensitive) == 0)
            return id;
    }
    return std::nullopt;
}

QString parseChoice(const ProposalFieldSpec &row, const QString &text, QVariant &value)
{
    if (const auto id = matchChoice(row, text)) {
        value = *id;
        return {};
    }
    QStringList ids;
    for (const ProposalChoice &choice : row.choices)
        ids << QString::fromUtf16(choice.id);
    return ProposalFieldTable::tr("\"%1\" is not one of %2").arg(text, ids.join(u", "_s));
}

QString parseStructure(const QString &text, QVariant &value)
{
    const auto structure = structureFromId(text.trimmed());
    if (!structure)
        return ProposalFieldTable::tr("\"%1\" is not a structure: use referral, reseller, "
                                      "integration, co-marketing or joint-venture")
            .arg(text);
    value = structureId(*structure);
    return {};
}

} // namespace

std::span<const ProposalFieldSpec> ProposalFieldTable::rows()
{
    return table();
}

const ProposalFieldSpec &ProposalFieldTable::spec(ProposalField field)
{
    // The rows by field, so that every field has exactly one row.
    static const std::array<const ProposalFieldSpec *, kProposalFieldCount> index = [] {
        std::array<const ProposalFieldSpec *, kProposalFieldCount> byField{};
        for (const ProposalFieldSpec &row : table()) {
            Q_ASSERT(!byField[std::size_t(row.field)]);
            byField[std::size_t(row.field)] = &row;
        }
        return byField;
    }();
    return *index[std::size_t(field)];
}

const QList<ProposalField> &ProposalFieldTable::fields()
{
    static const QList<ProposalField> list = [] {
        QList<ProposalField> all;
        for (int f = 0; f < kProposalFieldCount; ++f)
            all.append(ProposalField(f));
        return all;
    }();
    return list;
}

const QList<ProposalField> &ProposalFieldTable::storedWithProposal()
{
    static const QList<ProposalField> list = [] {
        QList<ProposalField> stored;
        for (ProposalField field : fields()) {
            if (spec(field).storage == ProposalStorage::Proposal)
                stored.append(field);
        }
        return stored;
    }();
    return list;
}

QString ProposalFieldTable::key(ProposalField field)
{
    return QString::fromUtf16(spec(field).key);
}

std::optional<ProposalField> ProposalFieldTable::fromKey(const QString &key)
{
    for (const ProposalFieldSpec &row : table()) {
        if (key == QStringView(row.key))
            return row.field;
    }
    return std::nullopt;
}

QString ProposalFieldTable::label(ProposalField field)
{
    return translated(spec(field).label);
}

QString ProposalFieldTable::placeholder(ProposalField field)
{
    return translated(spec(field).placeholder);
}

QString ProposalFieldTable::tooltip(ProposalField field)
{
    return translated(spec(field).tooltip);
}

QString ProposalFieldTable::sectionTitle(ProposalSection section)
{
    switch (section) {
    case ProposalSection::Page:
        return tr("The page");
    case ProposalSection::StructureAndPilot:
        return tr("Structure and pilot");
    case ProposalSection::Terms:
        return tr("Commercial terms");
    }
    return {};
}

QList<std::pair<QString, QString>> ProposalFieldTable::choices(ProposalField field)
{
    QList<std::pair<QString, QString>> list;
    const ProposalFieldSpec &row = spec(field);
    if (row.type == ProposalFieldType::Structure) {
        list.append({QString(), tr("Not chosen")});
        for (Structure s : {Structure::Referral, Structure::Reseller, Structure::Integration,
                            Structure::CoMarketing, Structure::JointVenture})
            list.append({structureId(s), ProposalBuilder::structureName(s)});
    }
    for (const ProposalChoice &choice : row.choices)
        list.append({QString::fromUtf16(choice.id), translated(choice.label)});
    return list;
}

bool ProposalFieldTable::isShownFor(ProposalField field, Structure structure)
{
    return structure == Structure::Unset || (spec(field).structures & (1u << int(structure)));
}

QString ProposalFieldTable::parse(ProposalField field, const QString &text, QVariant &value)
{
    const ProposalFieldSpec &row = spec(field);
    if (row.type != ProposalFieldType::Choice) {
        // A number field's named values ("open-ended").
        if (const auto id = matchChoice(row, text)) {
            value = *id;
            return {};
        }
    }
    QVariant parsed;
    QString why;
    switch (row.type) {
    case ProposalFieldType::Text:
        parsed = text.trimmed();
        break;
    case ProposalFieldType::Percent:
    case ProposalFieldType::Money:
        why = parseAmount(row, text, parsed);
        break;
    case ProposalFieldType::Days:
    case ProposalFieldType::Months:
        why = parseCount(row, text, parsed);
        break;
    case ProposalFieldType::YesNo:
        why = parseYesNo(text, parsed);
        break;
    case ProposalFieldType::Date:
        why = parseDate(text, parsed);
        break;
    case ProposalFieldType::Structure:
        why = parseStructure(text, parsed);
        break;
    case ProposalFieldType::Choice:
        why = parseChoice(row, text, parsed);
        break;
    }
    if (why.isEmpty())
        why = checkMinimum(row, text, parsed);
    if (why.isEmpty())
        value = parsed;
    return why;
}

QString ProposalFieldTable::format(ProposalField field, const QVariant &value)
{
    const ProposalFieldSpec &row = spec(field);
    if (!value.isValid())
        return {};
    if (isNamedValue(field, value))
        return value.toString();
    switch (row.type) {
    case ProposalFieldType::Percent:
    case ProposalFieldType::Money:
        return kpiNumberText(value.toDouble());
    case ProposalFieldType::Days:
    case ProposalFieldType::Months:
        return QString::number(value.toInt());
    case ProposalFieldType::YesNo:
        return value.toBool() ? u"yes"_s : u"no"_s;
    case ProposalFieldType::Date:
        return value.toDate().toString(Qt::ISODate);
    case ProposalFieldType::Text:
    case ProposalFieldType::Structure:
    case ProposalFieldType::Choice:
        break;
    }
    return value.toString();
}

bool ProposalFieldTable::isNamedValue(ProposalField field, const QVariant &value)
{
    const ProposalFieldSpec &row = spec(field);
    if (row.type == ProposalFieldType::Choice || row.choices.empty() ||
        value.typeId() != QMetaType::QString)
        return false;
    return std::any_of(row.choices.begin(), row.choices.end(), [&value](const ProposalChoice &c) {
        return value.toString() == QStringView(c.id);
    });
}

QVariant ProposalFieldTable::normalised(ProposalField field, const QVariant &value)
{
    if (isNamedValue(field, value))
        return value;
    switch (spec(field).type) {
    case ProposalFieldType::Text:
    case ProposalFieldType::Structure:
    case ProposalFieldType::Choice:
        return value.toString();
    case ProposalFieldType::YesNo:
        return value.toBool();
    case ProposalFieldType::Percent:
    case ProposalFieldType::Money:
        return value.isValid() ? QVariant(value.toDouble()) : QVariant();
    case ProposalFieldType::Days:
    case ProposalFieldType::Months:
        return value.isValid() ? QVariant(value.toInt()) : QVariant();
    case ProposalFieldType::Date:
        return value.toDate().isValid() ? QVariant(value.toDate()) : QVariant();
    }
    return value;
}

} // namespace pb::domain
