#pragma once

#include "Candidate.h"

#include <QCoreApplication>
#include <QList>
#include <QVariant>

#include <optional>
#include <span>

namespace pb::domain {

// Every field of a proposal that `playbook-cli terms KEY=VALUE` reads and writes. The
// enum's order is the order `terms` prints them in (a contract); the table's order
// (ProposalFieldTable::rows) is the form's.
enum class ProposalField {
    Structure,
    RevSharePercent,
    ReferralFee,
    ResellerMarginPercent,
    MdfBudget,
    ExclusivityMonths,
    ExclusivityGated,
    DealRegistrationDays,
    TermMonths,
    NoticeDays,
    PaymentTerms,
    FirstYearCap,
    PilotDays,
    PilotStart,
    Title,
    Hypothesis,
    OurContacts,
    PartnerContacts,
    Notes,
    // The contract's traps (issue 15), after the fields `terms` printed before them.
    MfnClause,
    RenewalTied,
    RenewalArrThreshold,
    WrittenAgreementRefused,
};
inline constexpr int kProposalFieldCount = int(ProposalField::WrittenAgreementRefused) + 1;

// What a value is, which is also its unit. Values are held as QVariant: Text and Choice a
// QString, Percent and Money a double, Days and Months an int (or, for a row with choices,
// the id of a named value such as "open-ended"), YesNo a bool, Date a QDate, Structure its
// id ("reseller"); an invalid QVariant is "no value" (not stated).
enum class ProposalFieldType {
    Text,      // free text, kept trimmed
    Percent,   // 0 to 100
    Money,     // an amount in the workbook's currency
    Days,      // whole days
    Months,    // whole months
    YesNo,     // yes or no; never empty
    Date,      // YYYY-MM-DD
    Structure, // the candidate's partnership structure
    Choice,    // one of the row's choices, by id
};

// The form's groups, in the order it shows them.
enum class ProposalSection { Page, StructureAndPilot, Terms };

// Where a value is stored: the proposal's own column (named by its key), or a record the
// proposal shares with another area.
enum class ProposalStorage {
    Proposal,  // proposals.<key>
    Candidate, // the candidate's structure (Candidates area)
    Pilot,     // the partnership's pilot (KPIs area)
};

// One allowed value of a Choice field, or a named value a number field accepts besides
// numbers (exclusivity: "open-ended").
struct ProposalChoice
{
    const char16_t *id; // what `terms` reads and prints, and what is stored
    const char *label;  // what the form shows (translated in ProposalFieldTable's context)
};

// The accepted range of a number; a minimum above 0 makes the field required.
struct ProposalRange
{
    double minimum = 0;
    double maximum = 0; // 0: no maximum
};

// Structures a field is shown for, one bit per Structure value: a reseller-only field has
// structures = 1 << int(Structure::Reseller). With no structure chosen, every field shows.
using StructureSet = quint8;
inline constexpr StructureSet kAllStructures = 0x3f;

// One row of the table: everything the domain, the store, the form, the page and the CLI
// know about a field. Strings are translated where they are shown (context
// "ProposalFieldTable"). Adding a field is one row here, its enum value above, and, for a
// field stored with the proposal, a migration that adds the column named by its key.
struct ProposalFieldSpec
{
    ProposalField field;
    const char16_t *key; // `terms` key and proposals column: a file and CLI contract
    ProposalFieldType type;
    ProposalSection section;
    const char *label;            // the form's label
    const char *placeholder = ""; // shown in the empty editor
    const char *tooltip = "";
    ProposalRange range = {};      // Percent, Money, Days, Months
    const char *belowMinimum = ""; // the message for a required number missing or too small
    QVariant initial = {};         // a new proposal's value
    int lines = 1;                 // Text: lines shown by the form's editor
    ProposalStorage storage = ProposalStorage::Proposal;
    StructureSet structures = kAllStructures; // shown in the form and on the page for these
    const char *termLabel = nullptr;          // a row of the page's "Commercial terms"
    const char *termPhrase = nullptr;         // its text, %1 the value (default: the value)
    std::span<const ProposalChoice> choices = {};
};

// The table and what reads it: parsing and printing `terms` values, the keys, the labels.
class ProposalFieldTable
{
    Q_DECLARE_TR_FUNCTIONS(ProposalFieldTable)
public:
    // Every row, in the form's order (grouped by section).
    static std::span<const ProposalFieldSpec> rows();
    static const ProposalFieldSpec &spec(ProposalField field);
    // Every field in the enum's order: the order `terms` prints.
    static const QList<ProposalField> &fields();
    // The fields kept in the proposals table, in the enum's order.
    static const QList<ProposalField> &storedWithProposal();
    static QString key(ProposalField field);
    static std::optional<ProposalField> fromKey(const QString &key);
    // Translated texts of a row.
    static QString label(ProposalField field);
    static QString placeholder(ProposalField field);
    static QString tooltip(ProposalField field);
    static QString sectionTitle(ProposalSection section);
    // The choices of a Structure or Choice field, or the named values of a number field,
    // as (id, translated label), "not chosen" first for a structure.
    static QList<std::pair<QString, QString>> choices(ProposalField field);
    static bool isShownFor(ProposalField field, Structure structure);

    // Reads a value as typed: an empty string on success (value set, normalised), else
    // what is wrong with it, value untouched. An empty text clears an optional value.
    static QString parse(ProposalField field, const QString &text, QVariant &value);
    // A value as `terms` prints it ("" for no value; a named value by its id).
    static QString format(ProposalField field, const QVariant &value);
    // Whether a number field holds one of its named values ("open-ended") rather than a
    // number.
    static bool isNamedValue(ProposalField field, const QVariant &value);
    // A value converted to the type the field holds (an invalid QVariant stays one).
    static QVariant normalised(ProposalField field, const QVariant &value);
};

} // namespace pb::domain
