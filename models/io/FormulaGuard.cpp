#include "FormulaGuard.h"

namespace pb::io {

namespace {

constexpr QChar kQuote = u'\'';

// Whether text, from position from on, is quotes (any number) and then a formula start.
bool quotesThenFormula(QStringView text, qsizetype from)
{
    while (from < text.size() && text[from] == kQuote)
        ++from;
    return FormulaGuard::startsFormula(text.mid(from));
}

} // namespace

bool FormulaGuard::startsFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

QString FormulaGuard::forCsv(const QString &text)
{
    return quotesThenFormula(text, 0) ? kQuote + text : text;
}

QString FormulaGuard::forSheet(const QString &text)
{
    return text.startsWith(kQuote) && quotesThenFormula(text, 1) ? kQuote + text : text;
}

QString FormulaGuard::read(const QString &text)
{
    return text.startsWith(kQuote) && quotesThenFormula(text, 1) ? text.mid(1) : text;
}

void FormulaGuard::read(QStringList &cells)
{
    for (QString &cell : cells) {
        // Most cells do not start with a quote: no copy of the list or the cell for them.
        if (cell.startsWith(kQuote) && quotesThenFormula(cell, 1))
            cell.remove(0, 1);
    }
}

} // namespace pb::io
