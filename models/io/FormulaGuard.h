#pragma once

#include <QString>
#include <QStringList>

namespace pb::io {

// The one rule against formula injection (ARCHITECTURE.md): text that starts with = + - @, a
// tab or a carriage return would run as a formula when a spreadsheet opens an exported file,
// so every CSV and XLSX writer and every import reader goes through here.
// - CSV: such text is written with a leading ', which spreadsheets show as text.
// - XLSX: a string cell is text already; nothing is added.
// - Reading either: exactly one leading ' is dropped when what follows is one of those
//   characters (after any further quotes). So that text which itself starts that way (a name
//   typed as '=x) comes back as it was, both writers give it one more ' (''=x).
// Numbers are not text: a writer passes number cells (-5 in a numeric column) as they are.
class FormulaGuard
{
public:
    // Whether a spreadsheet would take text starting so as a formula.
    static bool startsFormula(QStringView text);
    // A text cell of a CSV file.
    static QString forCsv(const QString &text);
    // A string cell of an XLSX sheet.
    static QString forSheet(const QString &text);
    // A text cell as an import reads it: the exported text back.
    static QString read(const QString &text);
    static void read(QStringList &cells);
};

} // namespace pb::io
