#include "CsvFormatReader.h"

using namespace Qt::StringLiterals;

namespace pb::io {

CsvFormatReader::CsvFormatReader(const QString &label, QStringList &errors)
    : m_label(label)
    , m_errors(errors)
{}

QString CsvFormatReader::location(const QString &file, int line, const QString &column, int number)
{
    QString text = u"%1:%2:"_s.arg(file).arg(line);
    if (!column.isEmpty())
        text += u" column \"%1\":"_s.arg(column);
    else if (number > 0)
        text += u" column %1:"_s.arg(number);
    return text;
}

QString CsvFormatReader::describe(const QString &file, const CsvTable &table,
                                  const CsvProblem &problem)
{
    const bool named = problem.column >= 1 && problem.column <= table.header.size();
    const QString column = named ? table.header.at(problem.column - 1).trimmed() : QString();
    return location(file, problem.line, column, problem.column) + u' ' + problem.message;
}

QString CsvFormatReader::headerKey(QStringView name)
{
    QString key;
    key.reserve(name.size());
    bool gap = false;
    for (QChar c : name.trimmed().toString().toLower()) {
        if (c == u' ' || c == u'-' || c == u'_') {
            gap = true;
            continue;
        }
        if (gap && !key.isEmpty())
            key += u'_';
        gap = false;
        key += c;
    }
    return key;
}

QString CsvFormatReader::nameKey(QStringView name)
{
    return trimmedField(name).toCaseFolded();
}

void CsvFormatReader::error(int line, const QString &column, int number, const QString &what)
{
    if (!full())
        m_errors.append(location(m_label, line, column, number) + u' ' + what);
}

void CsvFormatReader::takeProblems(const CsvTable &table)
{
    for (const CsvProblem &problem : table.problems) {
        if (!full())
            m_errors.append(describe(m_label, table, problem));
    }
}

bool CsvFormatReader::readAll(const QByteArray &bytes, QChar separator)
{
    CsvTable table = CsvReader::read(bytes, kMaxErrors, separator);
    takeProblems(table);
    if (!m_errors.isEmpty() || !header(table.header))
        return false;
    for (CsvRow &record : table.rows) {
        if (full())
            break;
        row(record);
    }
    return true;
}

} // namespace pb::io
