#pragma once

#include "CandidateField.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace pb::domain {

// The rows of CandidateField that hold the qualification judgment (Competes … Territory):
// one table of column names, labels and kinds, and typed access to the values in a
// Candidate. CandidateFields reads it for these rows (so the table, the CSV, the detail pane
// and the CLI know them as any other field); the store binds the choices' stable ids.
class QualificationFields
{
    Q_DECLARE_TR_FUNCTIONS(QualificationFields)
public:
    enum class Kind {
        Choice, // one of a few stable ids ("yes", "partly", "much-bigger"); empty: not known
        Count,  // a whole number from 0, or not known
        Text,   // free text
    };

    static bool contains(CandidateField field)
    {
        return field >= CandidateField::Competes && field <= CandidateField::Territory;
    }
    // Every qualification field, in the order of CandidateField.
    static QList<CandidateField> all();
    // The vetting fields, and the structure chooser's.
    static QList<CandidateField> vettingFields();
    static QList<CandidateField> chooserFields();
    static Kind kind(CandidateField field);
    static QString columnName(CandidateField field);
    static QString displayName(CandidateField field);
    // A sentence for the detail pane's tooltip: what is asked and why.
    static QString question(CandidateField field);

    // Choice fields: the value as its enum's number (0 is not known), and its stable id.
    static int choice(const Candidate &candidate, CandidateField field);
    static void setChoice(Candidate &candidate, CandidateField field, int value);
    // The number of values, not known included.
    static int choiceCount(CandidateField field);
    static QString choiceId(CandidateField field, int value);
    static std::optional<int> choiceFromId(CandidateField field, const QString &text);
    // The value as people read it ("not known", "much bigger", "SMB").
    static QString choiceLabel(CandidateField field, int value);
    // The count, and the text fields, in a candidate; null for fields of another kind.
    static std::optional<int> *count(Candidate &candidate, CandidateField field);
    static QString *text(Candidate &candidate, CandidateField field);

    // Normalises a value (trims, parses "12", accepts "y"); returns why it is refused, or an
    // empty string. A choice becomes its id, a count an int or null.
    static QString validate(CandidateField field, QVariant &value);
};

} // namespace pb::domain
