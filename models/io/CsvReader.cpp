#include "CsvReader.h"

#include <QByteArrayView>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

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

// Appends the text of a quoted field's content [from, to) (between its quotes): a doubled
// quote gives one quote, CR+LF gives LF. Used where a field's text is not a plain range of the
// file, which is rare, so the parser's fast path never comes here.
void appendQuotedText(const char *from, const char *to, QByteArray &out)
{
    while (from < to) {
        const char *stop = from;
        while (stop < to && *stop != Quote && !(*stop == '\r' && stop + 1 < to && stop[1] == '\n'))
            ++stop;
        out.append(from, stop - from);
        if (stop == to)
            break;
        if (*stop == Quote)
            out.append(Quote);                  // the first of two: the second is skipped
        from = stop + (*stop == Quote ? 2 : 1); // a CR is dropped; its LF is copied next
    }
}

// One linear pass over the UTF-8 bytes. Fields are cut out as byte ranges; read() decodes
// each once, which is what keeps a 100,000-row file well under the import's time budget, and
// scan() hands the ranges over as they are.
// QString::fromUtf8 drops a U+FEFF at the start of a field as if it were a BOM; that suits
// us, as it is an invisible leftover (e.g. of exports pasted one after the other).
class Parser
{
public:
    // A null separator is detected from the header; any other usable one (ASCII, not a quote
    // or line end; e.g. a tab for pasted cells) is taken as given.
    Parser(const QByteArray &bytes, int maxProblems, QChar separator, CsvTable &table)
        : m_begin(bytes.constData())
        , m_p(bytes.constData())
        , m_end(bytes.constData() + bytes.size())
        , m_maxProblems(std::max(maxProblems, 1))
        , m_table(table)
        , m_sep(usable(separator) ? char(separator.unicode()) : '\0')
    {}

    // Reads the header into the table, then each record into m_pieces, calling
    // onRecord(line) after each; it returns false to stop.
    template<typename OnRecord> void run(OnRecord &&onRecord)
    {
        if (QByteArrayView(m_p, m_end).startsWith("\xEF\xBB\xBF")) {
            m_table.hadBom = true;
            m_p += 3;
        }
        if (m_sep == '\0')
            m_sep = detectSeparator(m_p, m_end);
        m_table.separator = QChar::fromLatin1(m_sep);
        m_stops.fill(false);
        for (const char stop : {m_sep, '\n', '\r'})
            m_stops[uchar(stop)] = true;
        // Validating the buffer in large chunks is cheap; fields are checked one by one only
        // when a chunk failed, to say on which line the bad bytes are.
        m_checkedTo = m_p;

        bool haveHeader = false;
        while (m_p < m_end) {
            if (atLineEnd(m_p, m_end)) {
                m_p = pastLineEnd(m_p);
                ++m_line;
                continue;
            }
            const int line = m_line;
            if (!haveHeader) {
                readRecord(-1);
                m_table.header = strings();
                haveHeader = true;
                continue;
            }
            readRecord(m_table.header.size());
            // Short rows are what spreadsheets write when the last cells are empty.
            m_pieces.resize(std::max<size_t>(m_pieces.size(), size_t(m_table.header.size())));
            if (!onRecord(line))
                return;
        }
    }

    qsizetype offset() const { return m_p - m_begin; }

    // The fields of the record just read, decoded.
    QStringList strings() const
    {
        QStringList fields;
        fields.reserve(qsizetype(m_pieces.size()));
        for (const Piece &piece : m_pieces)
            fields.append(piece.isNull() ? QString() : QString::fromUtf8(text(piece)));
        return fields;
    }

    // The fields of the record just read, as byte ranges.
    std::span<const CsvField> fields()
    {
        m_fields.resize(m_pieces.size());
        for (size_t i = 0; i < m_pieces.size(); ++i) {
            const Piece &piece = m_pieces[i];
            m_fields[i] =
                piece.isNull()
                    ? CsvField()
                    : CsvField{text(piece), QByteArrayView(piece.raw, piece.rawEnd), piece.quoted};
        }
        return m_fields;
    }

private:
    // A field while its record is read: where it was written, and its text, either a range
    // of the file or (when unquoting changed it) one of m_scratch, which may still grow.
    struct Piece
    {
        const char *raw = nullptr;
        const char *rawEnd = nullptr;
        const char *text = nullptr;
        qsizetype textSize = 0;
        qsizetype scratchAt = -1;
        bool quoted = false;

        bool isNull() const { return raw == nullptr; } // padding for a short row
    };

    QByteArrayView text(const Piece &piece) const
    {
        return piece.scratchAt >= 0
                   ? QByteArrayView(m_scratch).sliced(piece.scratchAt, piece.textSize)
                   : QByteArrayView(piece.text, piece.textSize);
    }

    static bool usable(QChar sep)
    {
        const char16_t c = sep.unicode();
        return c > 0 && c < 0x80 && c != u'"' && c != u'\n' && c != u'\r';
    }

    // Reads one record from a non-blank line and leaves m_p after its line end. With a
    // limit >= 0, field limit + 1 is reported where it starts, as the first surplus field.
    void readRecord(qsizetype limit)
    {
        m_pieces.clear();
        if (!m_scratch.isEmpty())
            m_scratch.resize(0); // keeps its capacity (on an empty one it would allocate)
        int column = 0;
        qsizetype surplus = -1;
        for (;;) {
            ++column;
            if (column == limit + 1 && report(m_line, column, QString()))
                surplus = m_table.problems.size() - 1;
            const char *start = m_p;
            const int line = m_line;
            m_pieces.push_back(m_p < m_end && *m_p == Quote ? readQuoted(column) : readPlain());
            checkAhead(m_p);
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
                u"the row has %1 fields, the header has %2"_s.arg(m_pieces.size()).arg(limit);
        }
    }

    // To the next separator or line end: the loop most bytes of a file go through, so one
    // test per byte (a table of the three bytes that can stop it) before the exact one.
    void skipPlain()
    {
        for (;;) {
            while (m_p < m_end && !m_stops[uchar(*m_p)])
                ++m_p;
            if (m_p == m_end || *m_p == m_sep || atLineEnd(m_p, m_end))
                return;
            ++m_p; // a lone CR is data
        }
    }

    Piece readPlain()
    {
        const char *start = m_p;
        skipPlain();
        return Piece{start, m_p, start, m_p - start, -1, false};
    }

    // m_p is on the opening quote. A field without doubled quotes or CR+LF is its range of
    // the file; otherwise its text is unquoted into m_scratch.
    //
    // CR+LF inside a quoted field becomes LF: a CRLF file writes every line break that way,
    // including those typed inside a cell (which are LF in Excel and Sheets), so the same
    // cell reads the same whichever line ends the file was saved with. A lone CR stays.
    Piece readQuoted(int column)
    {
        const int openLine = m_line;
        Piece piece;
        piece.raw = m_p;
        piece.quoted = true;
        const char *content = ++m_p;
        bool unquote = false;
        while (m_p < m_end) {
            if (*m_p == Quote) {
                if (m_p + 1 == m_end || m_p[1] != Quote)
                    break;
                unquote = true;
                m_p += 2;
                continue;
            }
            if (*m_p == '\n')
                ++m_line;
            else if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
                unquote = true;
            ++m_p;
        }
        piece.text = content;
        piece.textSize = m_p - content;
        if (unquote)
            toScratch(piece, [&](QByteArray &out) { appendQuotedText(content, m_p, out); });
        if (m_p == m_end) {
            report(openLine, column, u"unterminated quote"_s);
            piece.rawEnd = m_p;
            return piece;
        }
        ++m_p; // the closing quote
        if (m_p < m_end && *m_p != m_sep && !atLineEnd(m_p, m_end)) {
            // Kept in the value so that nothing of the file is silently lost.
            report(m_line, column, u"text after closing quote"_s);
            const char *rest = m_p;
            skipPlain();
            if (piece.scratchAt < 0)
                toScratch(piece, [&](QByteArray &out) { out.append(content, piece.textSize); });
            m_scratch.append(rest, m_p - rest);
            piece.textSize += m_p - rest;
        }
        piece.rawEnd = m_p;
        return piece;
    }

    template<typename Append> void toScratch(Piece &piece, Append &&append)
    {
        piece.scratchAt = m_scratch.size();
        append(m_scratch);
        piece.textSize = m_scratch.size() - piece.scratchAt;
    }

    // Validates UTF-8 ahead of reading, a few megabytes at a time, up to a line end (ASCII,
    // never inside a multi-byte sequence): a streamed file is then touched once and in
    // order, not all at the start. Once a chunk fails, every later field is checked.
    void checkAhead(const char *upTo)
    {
        constexpr qsizetype kChunk = 4 * 1024 * 1024;
        while (m_checkedTo < upTo) {
            const char *to = m_end;
            if (m_end - m_checkedTo > kChunk) {
                const auto *eol = static_cast<const char *>(
                    std::memchr(m_checkedTo + kChunk, '\n', m_end - m_checkedTo - kChunk));
                to = eol ? eol + 1 : m_end;
            }
            if (!QByteArrayView(m_checkedTo, to).isValidUtf8())
                m_utf8Suspect = true;
            m_checkedTo = to;
        }
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

    const char *const m_begin;
    const char *m_p;
    const char *const m_end;
    // At least one problem is always kept: with none the caller could not tell a bad file.
    const int m_maxProblems;
    CsvTable &m_table;
    char m_sep;
    std::array<bool, 256> m_stops; // the separator, LF and CR
    int m_line = 1;
    int m_lastBadLine = 0;
    bool m_utf8Suspect = false;
    const char *m_checkedTo = nullptr; // UTF-8 validated up to here (checkAhead)
    // The record being read; kept between records so that reading allocates only at first.
    std::vector<Piece> m_pieces;
    std::vector<CsvField> m_fields;
    QByteArray m_scratch;
};

} // namespace

CsvTable CsvReader::read(const QByteArray &bytes, int maxProblems, QChar separator,
                         const RowHandler &onRow)
{
    CsvTable table;
    Parser parser(bytes, maxProblems, separator, table);
    parser.run([&](int line) {
        return onRow(CsvRow{line, parser.strings(), parser.offset()}, table);
    });
    return table;
}

CsvTable CsvReader::read(const QByteArray &bytes, int maxProblems, QChar separator)
{
    CsvTable table;
    table.rows.reserve(lineFeeds(bytes) + 1);
    Parser parser(bytes, maxProblems, separator, table);
    parser.run([&](int line) {
        table.rows.append(CsvRow{line, parser.strings(), parser.offset()});
        return true;
    });
    return table;
}

CsvTable CsvReader::scan(const QByteArray &bytes, int maxProblems, QChar separator,
                         const RecordHandler &onRecord)
{
    CsvTable table;
    Parser parser(bytes, maxProblems, separator, table);
    parser.run([&](int line) {
        return onRecord(CsvRecord{line, parser.offset(), parser.fields()}, table);
    });
    return table;
}

QByteArray CsvReader::fieldText(QByteArrayView raw)
{
    if (raw.size() < 2 || raw.front() != Quote || raw.back() != Quote)
        return raw.toByteArray();
    QByteArray text;
    appendQuotedText(raw.data() + 1, raw.data() + raw.size() - 1, text);
    return text;
}

qsizetype CsvReader::lineFeeds(QByteArrayView bytes)
{
    qsizetype count = 0;
    const char *end = bytes.data() + bytes.size();
    for (const char *p = bytes.data(); p < end; ++p, ++count) {
        p = static_cast<const char *>(std::memchr(p, '\n', end - p));
        if (!p)
            break;
    }
    return count;
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
