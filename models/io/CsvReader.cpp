#include "CsvReader.h"

#include <QByteArrayView>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace pb::io {

namespace {

constexpr char Quote = '"';

// A line end is LF or CR+LF. A lone CR is data: no spreadsheet we import from writes one as
// a line end, and treating it as data keeps line numbers equal to what editors show.
inline bool atLineEnd(const char *p, const char *end)
{
    return *p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n');
}

inline const char *pastLineEnd(const char *p)
{
    return p + (*p == '\r' ? 2 : 1);
}

// Excel writes ';' in locales whose decimal mark is a comma, so the separator is whichever
// of ',' and ';' occurs more often outside quotes on the header record; ties go to ','.
char detectSeparator(const char *p, const char *end)
{
    while (p < end && atLineEnd(p, end))
        p = pastLineEnd(p);
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    bool fieldStart = true;
    while (p < end && *p != '\n') {
        if (fieldStart && *p == Quote) {
            // Skip the quoted field; a doubled quote stays inside it.
            ++p;
            while (p < end && !(*p == Quote && (p + 1 == end || p[1] != Quote)))
                p += *p == Quote ? 2 : 1;
            if (p < end)
                ++p;
            fieldStart = false;
            continue;
        }
        commas += *p == ',';
        semicolons += *p == ';';
        fieldStart = *p == ',' || *p == ';';
        ++p;
    }
    return semicolons > commas ? ';' : ',';
}

// One linear pass over the UTF-8 bytes. Fields are cut out as byte ranges and decoded once
// each, which is what keeps a 100,000-row file well under the import's time budget.
// QString::fromUtf8 drops a U+FEFF at the start of a field as if it were a BOM; that suits
// us, as it is an invisible leftover (e.g. of exports pasted one after the other).
class Parser
{
public:
    // A null separator is detected from the header; any other usable one (ASCII, not a quote
    // or line end; e.g. a tab for pasted cells) is taken as given.
    Parser(const QByteArray &bytes, int maxProblems, QChar separator, CsvTable &table,
           const CsvReader::RowHandler *onRow = nullptr)
        : m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_maxProblems(std::max(maxProblems, 1))
        , m_onRow(onRow)
        , m_table(table)
        , m_sep(usable(separator) ? char(separator.unicode()) : '\0')
    {}

    void run()
    {
        if (QByteArrayView(m_p, m_end).startsWith("\xEF\xBB\xBF")) {
            m_table.hadBom = true;
            m_p += 3;
        }
        if (m_sep == '\0')
            m_sep = detectSeparator(m_p, m_end);
        m_table.separator = QChar::fromLatin1(m_sep);
        // Validating the whole buffer once is cheap; fields are checked one by one only
        // when it failed, to say on which line the bad bytes are.
        m_utf8Suspect = !QByteArrayView(m_p, m_end).isValidUtf8();
        if (!m_onRow)
            m_table.rows.reserve(std::count(m_p, m_end, '\n') + 1);

        bool haveHeader = false;
        while (m_p < m_end) {
            if (atLineEnd(m_p, m_end)) {
                m_p = pastLineEnd(m_p);
                ++m_line;
                continue;
            }
            const int line = m_line;
            if (!haveHeader) {
                readRecord(m_table.header, -1);
                haveHeader = true;
                continue;
            }
            QStringList fields;
            fields.reserve(m_table.header.size());
            readRecord(fields, m_table.header.size());
            // Short rows are what spreadsheets write when the last cells are empty.
            while (fields.size() < m_table.header.size())
                fields.append(QString());
            if (m_onRow)
                (*m_onRow)(CsvRow{line, std::move(fields)}, m_table);
            else
                m_table.rows.append(CsvRow{line, std::move(fields)});
        }
    }

private:
    static bool usable(QChar sep)
    {
        const char16_t c = sep.unicode();
        return c > 0 && c < 0x80 && c != u'"' && c != u'\n' && c != u'\r';
    }

    // Reads one record from a non-blank line and leaves m_p after its line end. With a
    // limit >= 0, field limit + 1 is reported where it starts, as the first surplus field.
    void readRecord(QStringList &fields, qsizetype limit)
    {
        int column = 0;
        qsizetype surplus = -1;
        for (;;) {
            ++column;
            if (column == limit + 1 && report(m_line, column, QString()))
                surplus = m_table.problems.size() - 1;
            const char *start = m_p;
            const int line = m_line;
            fields.append(m_p < m_end && *m_p == Quote ? readQuoted(column) : readPlain());
            if (m_utf8Suspect)
                checkUtf8(start, m_p, line, column);
            if (m_p < m_end && *m_p == m_sep) {
                ++m_p;
                continue;
            }
            break;
        }
        if (m_p < m_end) {
            m_p = pastLineEnd(m_p);
            ++m_line;
        }
        if (surplus >= 0) {
            m_table.problems[surplus].message =
                u"the row has %1 fields, the header has %2"_s.arg(fields.size()).arg(limit);
        }
    }

    QString readPlain()
    {
        const char *start = m_p;
        while (m_p < m_end && *m_p != m_sep && !atLineEnd(m_p, m_end))
            ++m_p;
        return QString::fromUtf8(start, m_p - start);
    }

    // m_p is on the opening quote. A field without doubled quotes or CR+LF is decoded straight
    // from the buffer; otherwise its pieces are copied into a scratch buffer first.
    //
    // CR+LF inside a quoted field becomes LF: a CRLF file writes every line break that way,
    // including those typed inside a cell (which are LF in Excel and Sheets), so the same
    // cell reads the same whichever line ends the file was saved with. A lone CR stays.
    QString readQuoted(int column)
    {
        const int openLine = m_line;
        const char *content = ++m_p;
        const char *copied = content;
        QByteArray copy;
        while (m_p < m_end) {
            if (*m_p == Quote) {
                if (m_p + 1 == m_end || m_p[1] != Quote)
                    break;
                copy.append(copied, m_p + 1 - copied); // keeps one of the two quotes
                m_p += 2;
                copied = m_p;
                continue;
            }
            if (*m_p == '\n') {
                ++m_line;
            } else if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n') {
                copy.append(copied, m_p - copied); // drops the CR; the LF is copied later
                copied = m_p + 1;
            }
            ++m_p;
        }
        const char *close = m_p;
        QString value;
        if (copied == content) {
            value = QString::fromUtf8(content, close - content);
        } else {
            copy.append(copied, close - copied);
            value = QString::fromUtf8(copy);
        }
        if (m_p == m_end) {
            report(openLine, column, u"unterminated quote"_s);
            return value;
        }
        ++m_p; // the closing quote
        if (m_p < m_end && *m_p != m_sep && !atLineEnd(m_p, m_end)) {
            // Kept in the value so that nothing of the file is silently lost.
            report(m_line, column, u"text after closing quote"_s);
            value += readPlain();
        }
        return value;
    }

    // Reports each physical line of the field [from, to) that holds bytes that are not UTF-8.
    // Separators, quotes and LF are ASCII and never part of a multi-byte sequence, so checking
    // field by field and line by line finds exactly the bad bytes of the whole buffer.
    void checkUtf8(const char *from, const char *to, int line, int column)
    {
        if (m_table.problems.size() >= m_maxProblems || QByteArrayView(from, to).isValidUtf8())
            return;
        while (from < to) {
            const auto *eol = static_cast<const char *>(std::memchr(from, '\n', to - from));
            const char *segmentEnd = eol ? eol : to;
            if (line != m_lastBadLine && !QByteArrayView(from, segmentEnd).isValidUtf8()) {
                m_lastBadLine = line;
                report(line, column, u"bytes that are not UTF-8"_s);
            }
            if (!eol)
                break;
            from = eol + 1;
            ++line;
        }
    }

    bool report(int line, int column, QString message)
    {
        if (m_table.problems.size() >= m_maxProblems)
            return false;
        m_table.problems.append(CsvProblem{line, column, std::move(message)});
        return true;
    }

    const char *m_p;
    const char *m_end;
    // At least one problem is always kept: with none the caller could not tell a bad file.
    const int m_maxProblems;
    const CsvReader::RowHandler *m_onRow;
    CsvTable &m_table;
    char m_sep;
    int m_line = 1;
    int m_lastBadLine = 0;
    bool m_utf8Suspect = false;
};

} // namespace

CsvTable CsvReader::read(const QByteArray &bytes, int maxProblems, QChar separator,
                         const RowHandler &onRow)
{
    CsvTable table;
    Parser(bytes, maxProblems, separator, table, &onRow).run();
    return table;
}

CsvTable CsvReader::read(const QByteArray &bytes, int maxProblems, QChar separator)
{
    CsvTable table;
    Parser(bytes, maxProblems, separator, table).run();
    return table;
}

QString trimmedField(QStringView field)
{
    const auto blank = [](QChar c) {
        return c.isSpace() || c.unicode() == 0xFEFF;
    };
    while (!field.isEmpty() && blank(field.front()))
        field = field.sliced(1);
    while (!field.isEmpty() && blank(field.back()))
        field.chop(1);
    return field.toString();
}

QString CsvWriter::escape(const QString &field, QChar separator)
{
    const bool quote = field.contains(separator) || field.contains(u'"') || field.contains(u'\r') ||
                       field.contains(u'\n') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!quote)
        return field;
    return u'"' + QString(field).replace(u'"', u"\"\""_s) + u'"';
}

QByteArray CsvWriter::row(const QStringList &fields) const
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += m_separator;
        line += escape(fields.at(i), m_separator);
    }
    // A record of one empty field would be an empty line, which readers skip as blank.
    if (fields.size() == 1 && fields.front().isEmpty())
        line = u"\"\""_s;
    line += u"\r\n"_s;
    return line.toUtf8();
}

} // namespace pb::io
