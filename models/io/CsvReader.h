#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <span>

namespace pb::io {

// A problem that stops an import: where it is (physical line of the file, 1-based; the
// 1-based field number when it concerns one field, else 0) and what is wrong.
struct CsvProblem
{
    int line = 0;
    int column = 0;
    QString message;
};

// One record and the physical line on which it starts (records may span lines).
struct CsvRow
{
    int line = 0;
    QStringList fields;
    qsizetype end = 0; // offset just past the record in the file: how far reading has come
};

// One field as the file holds it, for readers that work on bytes: its text (quotes undone,
// a doubled quote as one, CRLF inside quotes as LF; UTF-8 as the file has it) and the bytes
// it was written as, quotes included.
struct CsvField
{
    QByteArrayView text;
    QByteArrayView raw;
    bool quoted = false;
};

// One record as fields of bytes, at least as many as the header has (short rows are padded
// with empty fields). The views are valid while the handler runs.
struct CsvRecord
{
    int line = 0;
    qsizetype end = 0; // offset just past the record in the file: how far reading has come
    std::span<const CsvField> fields;
};

struct CsvTable
{
    QChar separator = u',';
    bool hadBom = false;
    QStringList header;
    QList<CsvRow> rows;
    QList<CsvProblem> problems;
};

// Reads CSV as BD leads' spreadsheets write it: UTF-8 with or without BOM, LF or CRLF,
// comma or semicolon (detected from the header line), RFC 4180 quoting including
// separators, doubled quotes and line breaks inside quoted fields. Blank lines are
// skipped. Bytes that are not UTF-8, an unterminated quote, or a record with more fields
// than the header are problems (at most maxProblems are collected). A record with fewer
// fields than the header is padded with empty fields.
class CsvReader
{
public:
    // Streaming: each record goes to onRow as soon as it is read (with the table so far:
    // header, separator and problems), and table.rows stays empty. Large imports hold one
    // row at a time instead of the whole file. onRow returns false to stop reading.
    using RowHandler = std::function<bool(CsvRow &&row, const CsvTable &table)>;
    static CsvTable read(const QByteArray &bytes, int maxProblems, QChar separator,
                         const RowHandler &onRow);

    // separator: a null QChar detects comma or semicolon; paste passes '\t'.
    static CsvTable read(const QByteArray &bytes, int maxProblems = 20, QChar separator = QChar());

    // The fast path, for readers that look at a few fields of very many records (an overlap
    // list holds a million): the same rules and the same problems as read(), but each record
    // is handed over as byte ranges of the file and no QString is made except the header's.
    // onRecord returns false to stop reading.
    using RecordHandler = std::function<bool(const CsvRecord &record, const CsvTable &table)>;
    static CsvTable scan(const QByteArray &bytes, int maxProblems, QChar separator,
                         const RecordHandler &onRecord);
    // A field's text from the bytes it was written as (CsvField::raw of a field read without
    // problems), for a reader that kept only where a field stood in the file.
    static QByteArray fieldText(QByteArrayView raw);
    // How many LF bytes there are: at least the number of records, to reserve room for them
    // (several times faster than QByteArray::count on a large file).
    static qsizetype lineFeeds(QByteArrayView bytes);
};

// A field as a name: without surrounding white space or U+FEFF (a byte-order mark left
// over from pasted files, which QString::fromUtf8 drops only at the very start of a field,
// so a name that kept one after a space would lose it on its next import).
QString trimmedField(QStringView field);

// Writes RFC 4180 CSV: fields quoted only when they hold the separator, a quote, CR or LF
// (or start/end with a space); CRLF line ends.
class CsvWriter
{
public:
    explicit CsvWriter(QChar separator = u',')
        : m_separator(separator)
    {}
    static QString escape(const QString &field, QChar separator = u',');
    QByteArray row(const QStringList &fields) const;

private:
    QChar m_separator;
};

} // namespace pb::io
