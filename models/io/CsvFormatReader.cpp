#include "CsvFormatReader.h"

using namespace Qt::StringLiterals;

namespace pb::io {

CsvFormatReader::CsvFormatReader(const QString &label, QStringList &errors)
    : m_errors(errors)
{
    m_place.file = label;
}

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
        m_errors.append(m_place.location(line, column, number) + u' ' + what);
}

void CsvFormatReader::emptyTable(const QString &required)
{
    const QString what = m_place.isSheet() ? tr("the sheet is empty") : tr("the file is empty");
    m_errors.append(m_place.location(m_headerLine, {}, 0) + u' ' + what + u"; "_s + required);
}

bool CsvFormatReader::mapColumns(const QStringList &header, const QStringList &names,
                                 const QList<int> &required, QList<int> &columns)
{
    const qsizetype before = m_errors.size();
    columns = QList<int>(names.size(), -1);
    for (int i = 0; i < header.size(); ++i) {
        const QString text = header.at(i).trimmed();
        const int column = int(names.indexOf(headerKey(text)));
        if (column < 0) {
            error(headerLine(), text, i + 1,
                  tr("unknown column; the columns are %1").arg(names.join(u", ")));
            continue;
        }
        if (columns[column] >= 0) {
            error(headerLine(), text, i + 1,
                  tr("the column appears twice (also column %1)").arg(columns[column] + 1));
            continue;
        }
        columns[column] = i;
    }
    QStringList wanted, missing;
    for (int column : required) {
        wanted.append(names.at(column));
        if (columns[column] < 0)
            missing.append(names.at(column));
    }
    if (!missing.isEmpty()) {
        const QString last = wanted.takeLast();
        error(headerLine(), {}, 0,
              tr("the header needs the columns %1 and %2; missing: %3")
                  .arg(wanted.join(u", "), last, missing.join(u", ")));
    }
    return m_errors.size() == before;
}

void CsvFormatReader::takeProblems(const CsvTable &table)
{
    for (const CsvProblem &problem : table.problems) {
        if (!full())
            m_errors.append(describe(m_place.file, table, problem));
    }
}

bool CsvFormatReader::readAll(TableSource &source)
{
    m_place = source.place;
    m_headerLine = source.headerLine;
    for (const QString &problem : std::as_const(source.problems)) {
        if (!full())
            m_errors.append(problem);
    }
    if (!m_errors.isEmpty() || !header(source.header))
        return false;
    for (CsvRow &record : source.rows) {
        if (full())
            break;
        row(record);
    }
    return true;
}

bool CsvFormatReader::readAll(const QByteArray &bytes, QChar separator)
{
    TableSource source = TableSource::fromCsv(bytes, m_place.file, separator, kMaxErrors);
    return readAll(source);
}

} // namespace pb::io
