#include "XlsxReader.h"

#include "ZipArchive.h"
#include "domain/Kpi.h"

#include <QBuffer>
#include <QDate>
#include <QHash>
#include <QXmlStreamReader>

#include <cmath>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace pb::io {

namespace {

// An .xlsx file is a zip archive; an encrypted one (and an old .xls) is an OLE container.
constexpr char kZipMagic[] = "PK\x03\x04";
constexpr char kOleMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// OOXML writes characters that XML cannot hold (control characters such as CR) as _xHHHH_,
// and a literal "_x" that would read as such as _x005F_x…; this undoes both.
QString unescaped(QString text)
{
    if (!text.contains(u"_x"))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool ok = false;
        const uint code = i + 7 <= text.size() && text.at(i) == u'_' && text.at(i + 1) == u'x' &&
                                  text.at(i + 6) == u'_'
                              ? QStringView(text).mid(i + 2, 4).toUInt(&ok, 16)
                              : 0;
        if (ok) {
            out.append(QChar(char16_t(code)));
            i += 6;
        } else {
            out.append(text.at(i));
        }
    }
    return out;
}

// A QXmlStreamReader over bytes in memory. Given the QByteArray itself, QXmlStreamReader
// decodes all of it into a QString at once (120 MB more for the sheet of 100,000 candidates);
// through a device it decodes as it reads.
class XmlReader : public QXmlStreamReader
{
public:
    explicit XmlReader(const QByteArray &bytes)
    {
        m_buffer.setData(bytes);
        m_buffer.open(QIODevice::ReadOnly);
        setDevice(&m_buffer);
    }

private:
    QBuffer m_buffer;
};

QString xmlError(const QString &part, const QXmlStreamReader &xml)
{
    return XlsxReader::tr("is damaged: %1 line %2: %3")
        .arg(part)
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

// The relationship id → part path table of xl/workbook.xml.
QHash<QString, QString> relationships(const QByteArray &xmlBytes)
{
    QHash<QString, QString> targets;
    XmlReader xml(xmlBytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        QString target = xml.attributes().value("Target"_L1).toString();
        // Targets are relative to xl/, or absolute within the package.
        target = target.startsWith(u'/') ? target.mid(1) : u"xl/"_s + target;
        targets.insert(xml.attributes().value("Id"_L1).toString(), target);
    }
    return targets;
}

struct SheetEntry
{
    QString name;
    QString relationId;
};

struct WorkbookPart
{
    QList<SheetEntry> sheets;
    bool date1904 = false;
};

WorkbookPart workbookPart(const QByteArray &bytes, QString *error)
{
    WorkbookPart part;
    XmlReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"sheet") {
            QString id;
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.name() == u"id")
                    id = attribute.value().toString();
            }
            part.sheets.append(SheetEntry{attributes.value("name"_L1).toString(), id});
        } else if (xml.name() == u"workbookPr") {
            const auto value = attributes.value("date1904"_L1);
            part.date1904 = value == u"1" || value == u"true";
        }
    }
    if (xml.hasError())
        *error = xmlError(u"xl/workbook.xml"_s, xml);
    return part;
}

// What a cell's number format shows: a number; a day; a month (a year and a month but no
// day, as XlsxWriter writes KPI periods), so that a month reads back as YYYY-MM; or a
// percentage (12.5% is stored as 0.125), so that it reads back as people typed it.
enum class Shown : char { Number, Day, Month, Percent };

// The built-in date and percent formats, or a format code with a day, month or year, or a
// percent sign, outside quoted text and [colour]/[locale] brackets.
Shown shownBy(int id, const QString &code)
{
    if (id == 17)
        return Shown::Month; // mmm-yy
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
        (id >= 50 && id <= 58))
        return Shown::Day;
    if (id == 9 || id == 10)
        return Shown::Percent;
    bool quoted = false;
    bool bracket = false;
    bool day = false, month = false, year = false, percent = false;
    for (QChar c : code) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'[')
            bracket = true;
        else if (!quoted && c == u']')
            bracket = false;
        else if (!quoted && !bracket) {
            const QChar lower = c.toLower();
            day = day || lower == u'd';
            month = month || lower == u'm';
            year = year || lower == u'y';
            percent = percent || c == u'%';
        }
    }
    if (year && month && !day)
        return Shown::Month;
    if (day || month || year)
        return Shown::Day;
    return percent ? Shown::Percent : Shown::Number;
}

// Per cell style (the s attribute), what it shows.
std::vector<Shown> stylesShown(const QByteArray &bytes, QString *error)
{
    QHash<int, QString> customFormats;
    std::vector<Shown> dates;
    XmlReader xml(bytes);
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == u"cellXfs")
            inCellXfs = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == u"numFmt") {
            customFormats.insert(attributes.value("numFmtId"_L1).toInt(),
                                 attributes.value("formatCode"_L1).toString());
        } else if (xml.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (inCellXfs && xml.name() == u"xf") {
            const int id = attributes.value("numFmtId"_L1).toInt();
            dates.push_back(shownBy(id, customFormats.value(id)));
        }
    }
    if (xml.hasError())
        *error = xmlError(u"xl/styles.xml"_s, xml);
    return dates;
}

QStringList sharedStrings(const QByteArray &bytes, QString *error)
{
    QStringList strings;
    XmlReader xml(bytes);
    QString current;
    int phonetic = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"si")
                current.clear();
            else if (xml.name() == u"rPh")
                ++phonetic;
            else if (xml.name() == u"t" && phonetic == 0)
                current += xml.readElementText();
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == u"si")
                strings.append(unescaped(current));
            else if (xml.name() == u"rPh")
                --phonetic;
        }
    }
    if (xml.hasError())
        *error = xmlError(u"xl/sharedStrings.xml"_s, xml);
    return strings;
}

// Column index (0-based) of a cell reference such as "AB12"; -1 when it has none.
int columnOf(QStringView reference)
{
    int column = 0;
    int letters = 0;
    for (QChar c : reference) {
        if (c < u'A' || c > u'Z')
            break;
        column = column * 26 + (c.unicode() - u'A' + 1);
        ++letters;
    }
    return letters == 0 || letters > 3 ? -1 : column - 1;
}

// The shortest text that reads back as the same number, without an exponent ("15000000",
// not "1.5E+07", which the import formats do not read): as KPI values are written.
QString numberText(double value)
{
    return domain::kpiNumberText(value);
}

QString percentText(double value)
{
    // 15 digits, as a spreadsheet shows it: 0.07 * 100 is 7.000000000000001.
    const QString text = QString::number(value * 100, 'g', 15);
    return (text.contains(u'e') ? numberText(value * 100) : text) + u'%';
}

QString dateText(double serial, Shown kind, bool date1904)
{
    // Excel's 1900 system counts a 29 February 1900 that never was: serials from 61 on are
    // days since 30 December 1899.
    const QDate epoch =
        date1904 ? QDate(1904, 1, 1) : (serial >= 61 ? QDate(1899, 12, 30) : QDate(1899, 12, 31));
    const QDate date = epoch.addDays(qint64(std::floor(serial)));
    if (!date.isValid())
        return numberText(serial);
    return kind == Shown::Month ? date.toString(u"yyyy-MM") : date.toString(Qt::ISODate);
}

struct CellContext
{
    const QStringList &strings;
    const std::vector<Shown> &dates;
    bool date1904;
};

// The text of the <c> element the reader stands on (with its attributes); leaves it at the
// element's end.
QString cellText(QXmlStreamReader &xml, const QXmlStreamAttributes &attributes,
                 const CellContext &context)
{
    const QStringView type = attributes.value("t"_L1);
    const int style = attributes.value("s"_L1).toInt();
    QString value;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"v") {
            value = xml.readElementText();
        } else if (xml.name() == u"is") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"t")
                    value += xml.readElementText();
                else if (xml.name() == u"r") {
                    while (xml.readNextStartElement())
                        xml.name() == u"t" ? void(value += xml.readElementText())
                                           : xml.skipCurrentElement();
                } else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement(); // <f>: the cached <v> is what counts
        }
    }
    if (type == u"s") {
        const qsizetype index = value.toLongLong();
        return index >= 0 && index < context.strings.size() ? context.strings.at(index) : QString();
    }
    if (type == u"b")
        return value == u"1" ? u"yes"_s : u"no"_s;
    if (type == u"inlineStr" || type == u"str")
        return unescaped(value);
    if (type == u"e" || value.isEmpty())
        return value;
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok)
        return value;
    const Shown shown =
        style >= 0 && size_t(style) < context.dates.size() ? context.dates[style] : Shown::Number;
    switch (shown) {
    case Shown::Number:
        return numberText(number);
    case Shown::Percent:
        return percentText(number);
    case Shown::Day:
    case Shown::Month:
        break;
    }
    return dateText(number, shown, context.date1904);
}

// The cells of the <row> element the reader stands on.
QStringList rowCells(QXmlStreamReader &xml, const CellContext &context)
{
    QStringList cells;
    while (xml.readNextStartElement()) {
        if (xml.name() != u"c") {
            xml.skipCurrentElement();
            continue;
        }
        // Taken once a cell: each attributes() is a copy of the list.
        const QXmlStreamAttributes attributes = xml.attributes();
        const int column = columnOf(attributes.value("r"_L1));
        const int at = column < 0 ? int(cells.size()) : column;
        QString text = cellText(xml, attributes, context);
        if (at >= cells.size())
            cells.resize(at + 1);
        cells[at] = std::move(text);
    }
    while (!cells.isEmpty() && cells.last().isEmpty())
        cells.removeLast();
    return cells;
}

void readRows(const QByteArray &bytes, const QString &part, const CellContext &context,
              SheetTable *table)
{
    XmlReader xml(bytes);
    int nextRow = 1;
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"row")
            continue;
        const int row = xml.attributes().hasAttribute("r"_L1)
                            ? xml.attributes().value("r"_L1).toInt()
                            : nextRow;
        nextRow = row + 1;
        QStringList cells = rowCells(xml, context);
        if (cells.isEmpty())
            continue;
        if (table->header.isEmpty()) {
            table->header = std::move(cells);
            table->headerRow = row;
        } else {
            table->rows.append({row, std::move(cells)});
        }
    }
    if (xml.hasError())
        table->error = xmlError(part, xml);
}

QString containerProblem(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArray(kOleMagic, 8)))
        return XlsxReader::tr("is password-protected, or an old Excel 97–2003 file (.xls): "
                              "save it as an .xlsx workbook without a password");
    return XlsxReader::tr("is not an XLSX workbook (not a zip archive)");
}

std::optional<SheetEntry> chooseSheet(const QList<SheetEntry> &sheets, const QString &wanted,
                                      QString *error)
{
    if (sheets.isEmpty()) {
        *error = XlsxReader::tr("has no sheet");
        return std::nullopt;
    }
    if (wanted.isEmpty())
        return sheets.first();
    QStringList names;
    for (const SheetEntry &sheet : sheets) {
        if (sheet.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return sheet;
        names.append(sheet.name);
    }
    *error = XlsxReader::tr("has no sheet named \"%1\" (its sheets: %2)")
                 .arg(wanted, names.join(u", "_s));
    return std::nullopt;
}

// Reads the optional parts the cells refer to: shared strings and styles.
bool readSupport(ZipArchive &parts, QStringList *strings, std::vector<Shown> *dates, QString *error)
{
    if (parts.contains(u"xl/sharedStrings.xml"_s)) {
        const auto bytes = parts.read(u"xl/sharedStrings.xml"_s, error);
        if (!bytes)
            return false;
        *strings = sharedStrings(*bytes, error);
    }
    if (error->isEmpty() && parts.contains(u"xl/styles.xml"_s)) {
        const auto bytes = parts.read(u"xl/styles.xml"_s, error);
        if (!bytes)
            return false;
        *dates = stylesShown(*bytes, error);
    }
    return error->isEmpty();
}

} // namespace

bool XlsxReader::looksLikeXlsx(const QByteArray &bytes)
{
    return bytes.startsWith(kZipMagic) || bytes.startsWith(QByteArray(kOleMagic, 8));
}

QString XlsxReader::cellName(int column, int row)
{
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters + QString::number(row);
}

SheetTable XlsxReader::read(const QByteArray &bytes, const QString &sheetName)
{
    SheetTable table;
    ZipArchive parts(bytes);
    if (!bytes.startsWith(kZipMagic) || !parts.isOpen()) {
        table.error = containerProblem(bytes);
        return table;
    }
    if (parts.anyEncrypted()) {
        table.error = tr("is password-protected: save it without a password");
        return table;
    }
    if (parts.contains(u"xl/vbaProject.bin"_s)) {
        table.error = tr("is a macro-enabled workbook: save it as an .xlsx workbook without "
                         "macros");
        return table;
    }
    if (!parts.contains(u"xl/workbook.xml"_s)) {
        table.error = tr("is not an XLSX workbook (it has no xl/workbook.xml)");
        return table;
    }
    QString error;
    const auto workbookBytes = parts.read(u"xl/workbook.xml"_s, &error);
    const auto relationBytes =
        workbookBytes ? parts.read(u"xl/_rels/workbook.xml.rels"_s, &error) : std::nullopt;
    const WorkbookPart workbook =
        relationBytes ? workbookPart(*workbookBytes, &error) : WorkbookPart();
    const auto sheet =
        error.isEmpty() ? chooseSheet(workbook.sheets, sheetName, &error) : std::nullopt;
    if (!sheet) {
        table.error = error;
        return table;
    }
    QStringList strings;
    std::vector<Shown> dates;
    const QString part = relationships(*relationBytes).value(sheet->relationId);
    const auto sheetBytes =
        readSupport(parts, &strings, &dates, &error) ? parts.read(part, &error) : std::nullopt;
    if (!sheetBytes) {
        table.error = error;
        return table;
    }
    table.sheet = sheet->name;
    readRows(*sheetBytes, part, CellContext{strings, dates, workbook.date1904}, &table);
    if (!table.error.isEmpty()) {
        table.header.clear();
        table.rows.clear();
    }
    return table;
}

} // namespace pb::io
