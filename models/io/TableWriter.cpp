#include "TableWriter.h"

#include "CsvReader.h"
#include "FormulaGuard.h"
#include "SafeFile.h"
#include "XlsxWriter.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pb::io {

CsvTableWriter::CsvTableWriter(QChar separator, bool withBom)
    : m_separator(separator)
    , m_writer(separator)
{
    if (withBom)
        m_bytes = QByteArray("\xEF\xBB\xBF");
}

void CsvTableWriter::setHeader(const QStringList &names)
{
    // The reader takes the separator from the header: a semicolon in a name (a RACI party)
    // is quoted, or it could turn a comma file into a semicolon one.
    QStringList fields;
    fields.reserve(names.size());
    for (const QString &name : names) {
        const QString text = FormulaGuard::forCsv(name);
        const QString escaped = CsvWriter::escape(text, m_separator);
        fields.append(escaped == text && text.contains(u';') ? CsvWriter::escape(text, u';')
                                                             : escaped);
    }
    if (fields.size() == 1 && fields.front().isEmpty())
        fields.front() = u"\"\""_s;
    m_bytes += (fields.join(m_separator) + u"\r\n"_s).toUtf8();
}

void CsvTableWriter::addRow(const QList<TableCell> &cells, const QColor &)
{
    QStringList fields;
    fields.reserve(cells.size());
    for (const TableCell &cell : cells)
        fields.append(cell.kind == TableCell::Kind::Text ? FormulaGuard::forCsv(cell.text)
                                                         : cell.text);
    m_bytes += m_writer.row(fields);
}

bool TableFile::isXlsx(const QString &path)
{
    return QFileInfo(path).suffix().compare(u"xlsx"_s, Qt::CaseInsensitive) == 0;
}

QString TableFile::save(const QString &path, const QString &sheetName, const Write &write)
{
    if (!isXlsx(path))
        return SafeFile::write(path, csv(write));
    XlsxWriter writer(sheetName);
    write(writer);
    return writer.save(path);
}

QByteArray TableFile::csv(const Write &write, bool withBom)
{
    CsvTableWriter writer(u',', withBom);
    write(writer);
    return writer.take();
}

} // namespace pb::io
