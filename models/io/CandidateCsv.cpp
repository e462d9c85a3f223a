#include "CandidateCsv.h"

#include "CsvFormatReader.h"
#include "FirstLines.h"
#include "FormulaGuard.h"
#include "TableLook.h"
#include "domain/QualificationFields.h"

#include <QHash>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

QList<CandidateField> CandidateCsv::importableFields()
{
    // The qualification judgment's columns follow, optional on import (issue 14).
    return QList<CandidateField>{CandidateField::Name,           CandidateField::Website,
                                 CandidateField::Structure,      CandidateField::AudienceOverlap,
                                 CandidateField::StrategicValue, CandidateField::EaseOfIntegration,
                                 CandidateField::Stage,          CandidateField::Owner,
                                 CandidateField::RevenueTheory,  CandidateField::Notes} +
           QualificationFields::all();
}

QStringList CandidateCsv::exportHeader(bool withRaters)
{
    QStringList header{u"rank"_s, u"score"_s};
    for (CandidateField field : importableFields()) {
        header.append(CandidateFields::columnName(field));
        if (withRaters && field == CandidateField::Name)
            header.append(raterColumn());
    }
    return header;
}

QString CandidateCsv::raterColumn()
{
    return u"rater"_s;
}

QString CandidateCsv::formatScore(const std::optional<double> &score)
{
    return score ? QString::number(*score, 'f', 1) : QString();
}

namespace {

using Sink = CandidateCsv::Sink;

// Checks a candidates table's header and then one row at a time, collecting the problems in
// the import result. Shared by the whole-table and the streaming parse.
class RowValidator : public CsvFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(CandidateCsv)
public:
    // sink: where valid rows go as long as no problem has been met; without one they are
    // kept in the result.
    RowValidator(const QString &label, CandidateCsvImport &result, const Sink *sink = nullptr)
        : CsvFormatReader(label, result.errors)
        , m_result(result)
        , m_sink(sink)
    {}

    // Maps the header's columns to fields; false (with errors) when it cannot be used.
    bool header(const QStringList &header) override
    {
        m_header = header;
        if (header.isEmpty()) {
            emptyTable(tr("a header row with at least a name column is required"));
            return false;
        }
        QHash<QString, CandidateField> byName;
        for (CandidateField field : CandidateCsv::importableFields())
            byName.insert(CandidateFields::columnName(field), field);
        QHash<CandidateField, int> seen;
        QStringList unknown;
        int nameColumn = -1;
        for (int i = 0; i < header.size(); ++i) {
            const QString key = headerKey(header.at(i));
            const auto found = byName.constFind(key);
            if (key == CandidateCsv::raterColumn() && m_raterColumn < 0) {
                m_raterColumn = i;
                m_columns.append(std::nullopt);
                continue;
            }
            if (found == byName.cend()) {
                m_columns.append(std::nullopt);
                // rank and score are computed; an exported file imports back silently.
                if (key != u"rank" && key != u"score")
                    unknown.append(header.at(i).trimmed());
                continue;
            }
            if (seen.contains(*found)) {
                error(headerLine(), header.at(i).trimmed(), i + 1,
                      tr("the column appears twice in the header (also column %1)")
                          .arg(seen.value(*found) + 1));
            }
            seen.insert(*found, i);
            m_columns.append(*found);
            if (*found == CandidateField::Name)
                nameColumn = i;
        }
        if (nameColumn < 0)
            error(headerLine(), u"name"_s, 0,
                  tr("the header has no name column (found: %1)").arg(header.join(u", "_s)));
        if (!unknown.isEmpty())
            m_result.warnings.append(
                tr("%1: ignored unknown columns: %2").arg(fileLabel(), unknown.join(u", "_s)));
        if (!errors().isEmpty())
            return false;
        m_nameColumn = nameColumn;
        m_nameLabel = header.at(nameColumn).trimmed();
        return true;
    }

    // The whole-table parse keeps the valid rows, or hands them on.
    void row(CsvRow &row) override
    {
        std::optional<CandidatePatch> patch = validate(row);
        if (!patch)
            return;
        if (!m_sink)
            m_result.patches.append(std::move(*patch));
        else if (m_result.errors.isEmpty() && !m_stopped)
            m_stopped = !(*m_sink)(std::move(*patch));
    }

    // Validates a row, taking its strings; nullopt (with errors) when it is invalid.
    std::optional<CandidatePatch> validate(CsvRow &row)
    {
        CandidatePatch patch;
        patch.line = row.line;
        patch.name = row.fields.value(m_nameColumn).trimmed();
        bool valid = true;
        for (int i = 0; i < m_columns.size() && i < row.fields.size(); ++i) {
            if (!m_columns.at(i) || i == m_nameColumn)
                continue;
            const CandidateField field = *m_columns.at(i);
            QString &cell = row.fields[i];
            if (QStringView(cell).trimmed().isEmpty())
                continue; // an empty cell leaves the stored value as it is
            if (QString why = CandidateFields::parseInto(patch.values, field, std::move(cell));
                !why.isEmpty()) {
                error(row.line, m_header.at(i).trimmed(), i + 1, why);
                valid = false;
                continue;
            }
            patch.provided |= CandidatePatch::bit(field);
        }
        const QString rater = row.fields.value(m_raterColumn).trimmed();
        row.fields = QStringList();
        if (patch.name.isEmpty()) {
            error(row.line, m_nameLabel, m_nameColumn + 1, tr("the name is empty"));
            return std::nullopt;
        }
        // A row with a rater: the scores are that rater's; its other cells, if any, are the
        // candidate's as on any row (an exported file names the first rater on its rows).
        if (!rater.isEmpty() && valid && !addRating(patch, rater))
            return std::nullopt;
        if (!rater.isEmpty() && patch.isEmpty())
            return std::nullopt;
        // The store's rule for unique names (not the formats' nameKey), so that the file's
        // duplicates are exactly those the store would refuse.
        if (const int earlier = m_firstLines.insert(domain::nameKey(patch.name), row.line)) {
            error(row.line, m_nameLabel, m_nameColumn + 1,
                  tr("\"%1\" appears twice in the file (also on %2)")
                      .arg(patch.name, lineName(earlier)));
            return std::nullopt;
        }
        if (!valid)
            return std::nullopt;
        return patch;
    }

private:
    // A row with a rater: their scores of the candidate, kept aside for the importer and
    // taken out of the row; false (with an error) for a second row of the same rater.
    bool addRating(CandidatePatch &patch, const QString &rater)
    {
        const QString key = domain::nameKey(patch.name) + u'\x1f' + domain::nameKey(rater);
        if (const int earlier = m_firstLines.insert(key, patch.line)) {
            error(patch.line, m_header.at(m_raterColumn).trimmed(), m_raterColumn + 1,
                  tr("\"%1\" rated by %2 appears twice in the file (also on %3)")
                      .arg(patch.name, rater, lineName(earlier)));
            return false;
        }
        m_result.ratings.append({patch.line, patch.name, Ratings::own(patch.values, rater)});
        for (Dimension dimension : ScoringDimensions::all) {
            const CandidateField field = ScoringDimensions::field(dimension);
            patch.provided &= ~CandidatePatch::bit(field);
            CandidateFields::setValue(patch.values, field, QVariant());
        }
        return true;
    }

    CandidateCsvImport &m_result;
    const Sink *m_sink;
    QStringList m_header;
    QList<std::optional<CandidateField>> m_columns;
    int m_nameColumn = -1;
    QString m_nameLabel;
    FirstLines m_firstLines; // name key (with a rater's: and the rater's) -> its first line
    int m_raterColumn = -1;
    bool m_stopped = false;
};

void finish(CandidateCsvImport &result)
{
    while (result.errors.size() > CandidateCsv::kMaxErrors)
        result.errors.removeLast();
    if (!result.errors.isEmpty()) {
        result.patches.clear();
        result.ratings.clear();
    }
}

} // namespace

CandidateCsvImport CandidateCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                                       QChar separator, const QString &sheetName)
{
    TableSource source = separator.isNull()
                             ? TableSource::read(bytes, fileLabel, sheetName)
                             : TableSource::fromCsv(bytes, fileLabel, separator, kMaxErrors);
    return parse(source);
}

CandidateCsvImport CandidateCsv::parse(TableSource &source)
{
    CandidateCsvImport result;
    result.patches.reserve(source.rows.size());
    // The table's strings move into the patches, so the import holds one copy of them.
    if (RowValidator(source.place.file, result).readAll(source))
        finish(result);
    return result;
}

CandidateCsvImport CandidateCsv::parse(TableSource &source, const Sink &sink)
{
    CandidateCsvImport result;
    RowValidator(source.place.file, result, &sink).readAll(source);
    finish(result);
    return result;
}

CandidateCsvImport CandidateCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                                       QChar separator, const Sink &sink,
                                       const std::function<void(qsizetype)> &readUpTo)
{
    CandidateCsvImport result;
    RowValidator validator(fileLabel, result);
    bool begun = false;
    bool usable = false;
    const auto header = [](QStringList names) {
        FormulaGuard::read(names);
        return names;
    };
    const CsvTable table =
        CsvReader::read(bytes, kMaxErrors, separator, [&](CsvRow &&row, const CsvTable &soFar) {
            if (!begun) {
                begun = true;
                usable = validator.header(header(soFar.header));
            }
            if (readUpTo)
                readUpTo(row.end);
            if (!usable || validator.full())
                return true;
            FormulaGuard::read(row.fields);
            std::optional<CandidatePatch> patch = validator.validate(row);
            // Once anything is wrong, rows are still checked (to report up to 20 problems)
            // but no longer handed on: the caller will roll back.
            if (patch && result.errors.isEmpty() && soFar.problems.isEmpty())
                return sink(std::move(*patch));
            return true;
        });
    if (!table.problems.isEmpty()) {
        // Problems of the file itself come first and alone, as in the whole-file parse.
        result.errors.clear();
        result.warnings.clear();
        validator.takeProblems(table);
    } else if (!begun) {
        validator.header(header(table.header)); // header only, or an empty file
    }
    finish(result);
    return result;
}

namespace {

TableCell cellOf(const QVariant &value)
{
    return value.typeId() == QMetaType::Int ? TableCell::ofNumber(value.toInt(), value.toString())
                                            : TableCell::ofText(value.toString());
}

// A colleague's rating as a row of its own: the name, the rater and the scores.
QList<TableCell> ratingRow(const Candidate &candidate, const Rating &rating)
{
    QList<TableCell> row{TableCell(), TableCell()}; // no rank, no score of its own
    Candidate scored;
    scored.audienceOverlap = rating.audienceOverlap;
    scored.strategicValue = rating.strategicValue;
    scored.easeOfIntegration = rating.easeOfIntegration;
    for (CandidateField field : CandidateCsv::importableFields()) {
        if (field == CandidateField::Name) {
            row << TableCell::ofText(candidate.name) << TableCell::ofText(rating.rater);
        } else if (ScoringDimensions::fromField(field)) {
            row << cellOf(CandidateFields::value(scored, field));
        } else {
            row << TableCell();
        }
    }
    return row;
}

} // namespace

void CandidateCsv::write(TableWriter &writer, const QList<Candidate> &candidates,
                         const QList<RankEntry> &ranking, const QString &firstRater)
{
    const bool withRaters = std::any_of(candidates.begin(), candidates.end(),
                                        [](const Candidate &c) { return !c.ratings.isEmpty(); });
    writer.setNumberFormat(1, u"0.0"_s);
    writer.setHeader(exportHeader(withRaters));
    const QList<CandidateField> fields = importableFields();
    QList<TableCell> row;
    for (const RankEntry &entry : ranking) {
        const Candidate &c = candidates.at(entry.index);
        row.clear();
        row.append(entry.rank > 0 ? TableCell::ofNumber(entry.rank, QString::number(entry.rank))
                                  : TableCell());
        // The score as shown everywhere: one decimal, in the cell as in the CSV.
        row.append(entry.score ? TableCell::ofNumber(std::round(*entry.score * 10) / 10,
                                                     formatScore(entry.score))
                               : TableCell());
        for (CandidateField field : fields) {
            row.append(cellOf(CandidateFields::value(c, field)));
            if (withRaters && field == CandidateField::Name)
                row.append(TableCell::ofText(c.ratings.isEmpty() ? QString() : firstRater));
        }
        const QColor fill = entry.top3 ? TableLook::topThree() : QColor();
        writer.addRow(row, fill);
        for (const Rating &rating : c.ratings)
            writer.addRow(ratingRow(c, rating), fill);
    }
}

QByteArray CandidateCsv::write(const QList<Candidate> &candidates, const QList<RankEntry> &ranking,
                               QChar separator, bool withBom, const QString &firstRater)
{
    CsvTableWriter writer(separator, withBom);
    write(writer, candidates, ranking, firstRater);
    return writer.take();
}

QString CandidateCsv::save(const QString &path, const QList<Candidate> &candidates,
                           const QList<RankEntry> &ranking, const QString &firstRater)
{
    return TableFile::save(path, tr("Candidates"), [&](TableWriter &writer) {
        write(writer, candidates, ranking, firstRater);
    });
}

} // namespace pb::io
