#pragma once

#include "Finding.h"

#include <QCoreApplication>
#include <QString>

namespace pb::domain {

// A value in a workbook that this version never writes (a colleague's newer version, a
// damaged or hand-edited file): where it is, what is stored, and what is used instead.
// The store finds them when it reads; `check` reports them as workbook.invalid_value and
// the app in its notice bar. Such a value is shown as it is and never rewritten unless the
// user changes it.
struct InvalidValue
{
    QString table;  // "settings", "candidates"
    QString record; // the settings key, or the candidate's name (or "#id" when it has none)
    QString field;  // "value", or the column
    QString stored; // the value as stored, as text
    QString why;    // "not a number; the default (1) is used"

    // "candidates "Acme", stage: "exploded" is not a stage; …"
    QString describe() const;
    // The workbook.invalid_value finding, carrying table, record and field.
    Finding finding() const;

    friend bool operator==(const InvalidValue &, const InvalidValue &) = default;
};

} // namespace pb::domain
