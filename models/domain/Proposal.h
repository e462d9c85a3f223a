#pragma once

#include "Candidate.h"
#include "KpiRules.h"
#include "ProposalField.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>
#include <optional>

namespace pb::domain {

// One partnership's proposal as stored: the user's text and the commercial terms
// (DOMAIN.md sections 3 and 6), one value per field kept with the proposal
// (ProposalStorage::Proposal). Values are held by field, not by member, so that a new field
// is a row of ProposalFieldTable and nothing here; each is normalised to its field's type,
// so that two proposals are equal when their values are. Amounts are in the workbook's
// currency; exclusivity with no value is not stated, 0 is none, and open-ended is the
// named value "open-ended" (a trap, and only ever what the user chose).
class Proposal
{
public:
    // Every field at its table's initial value.
    Proposal();

    QVariant value(ProposalField field) const { return m_values[std::size_t(field)]; }
    void setValue(ProposalField field, const QVariant &value);

    // Typed reads, for the rules and the page: text, a number (Percent, Money), a whole
    // number (Days, Months), a yes/no; a named value ("open-ended") is no number, and
    // namedValue() gives it ("" for none).
    QString text(ProposalField field) const { return value(field).toString(); }
    std::optional<double> number(ProposalField field) const;
    std::optional<int> count(ProposalField field) const;
    QString namedValue(ProposalField field) const;
    bool isYes(ProposalField field) const { return value(field).toBool(); }

    friend bool operator==(const Proposal &, const Proposal &) = default;

private:
    // Indexed by field; the slots of fields kept elsewhere (structure, pilot) stay empty.
    std::array<QVariant, kProposalFieldCount> m_values;
};

// Everything `playbook-cli terms` can set: the proposal, with the partnership's structure
// and pilot, which live with the candidate and the KPI tracker.
struct ProposalFields
{
    Structure structure = Structure::Unset;
    Pilot pilot;
    Proposal proposal;

    // A field's value wherever it is kept (ProposalFieldTable::spec(field).storage).
    QVariant value(ProposalField field) const;
    void setValue(ProposalField field, const QVariant &value);

    friend bool operator==(const ProposalFields &, const ProposalFields &) = default;
};

// The fields as text, the way `terms KEY=VALUE` reads and prints them; the form and the
// sample workbook use the same.
class ProposalTerms
{
    Q_DECLARE_TR_FUNCTIONS(ProposalTerms)
public:
    // The keys of `terms KEY=VALUE`, in the order `terms` prints them.
    static const QStringList &keys();
    // The value of a field as `terms` prints it ("" when not set; "open-ended" for open
    // exclusivity; "yes"/"no"). An unknown key gives "".
    static QString value(const ProposalFields &fields, ProposalField field);
    static QString value(const ProposalFields &fields, const QString &key);
    // Sets one field from text; an empty string on success, otherwise what is wrong (and
    // nothing changed). An empty value clears an optional number (not stated).
    static QString set(ProposalFields &fields, ProposalField field, const QString &text);
    static QString set(ProposalFields &fields, const QString &key, const QString &text);
};

} // namespace pb::domain
