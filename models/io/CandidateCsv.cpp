#include "CandidateCsv.h"

#include "CsvReader.h"

#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// "Audience overlap", "audience-overlap" and "AUDIENCE_OVERLAP" are one column.
QString normaliseHeader(const QString &text) {
    QString key;
    key.reserve(text.size());
    bool gap = false;
    for (QChar c : text.trimmed().toLower()) {
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

// FILE:LINE: column "NAME": — or column N: past the header, or no column at all.
QString location(const QString &file, int line, const QString &column, int number = 0) {
    QString text = u"%1:%2:"_s.arg(file).arg(line);
    if (!column.isEmpty())
        text += u" column \"%1\":"_s.arg(column);
    else if (number > 0)
        text += u" column %1:"_s.arg(number);
    return text;
}

} // namespace

QList<CandidateField> CandidateCsv::importableFields() {
    return {CandidateField::Name,           CandidateField::Website,
            CandidateField::Structure,      CandidateField::AudienceOverlap,
            CandidateField::StrategicValue, CandidateField::EaseOfIntegration,
            CandidateField::Stage,          CandidateField::Owner,
            CandidateField::RevenueTheory,  CandidateField::Notes};
}

QStringList CandidateCsv::exportHeader() {
    QStringList header{u"rank"_s, u"score"_s};
    for (CandidateField field : importableFields())
        header.append(CandidateFields::columnName(field));
    return header;
}

QString CandidateCsv::formatScore(const std::optional<double> &score) {
    return score ? QString::number(*score, 'f', 1) : QString();
}

CandidateCsvImport CandidateCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                                       QChar separator) {
    CandidateCsvImport result;
    const CsvTable table = CsvReader::read(bytes, kMaxErrors, separator);
    for (const CsvProblem &problem : table.problems) {
        const bool named = problem.column >= 1 && problem.column <= table.header.size();
        const QString column = named ? table.header.at(problem.column - 1).trimmed() : QString();
        result.errors.append(location(fileLabel, problem.line, column, problem.column) + u' ' +
                             problem.message);
    }
    if (!result.errors.isEmpty())
        return result;
    if (table.header.isEmpty()) {
        result.errors.append(tr("%1:1: the file is empty; a header row with at least a name "
                                "column is required")
                                 .arg(fileLabel));
        return result;
    }

    // Map header columns to fields.
    QHash<QString, CandidateField> byName;
    for (CandidateField field : importableFields())
        byName.insert(CandidateFields::columnName(field), field);
    QList<std::optional<CandidateField>> columns;
    QHash<CandidateField, int> seen;
    QStringList unknown;
    int nameColumn = -1;
    for (int i = 0; i < table.header.size(); ++i) {
        const QString key = normaliseHeader(table.header.at(i));
        const auto found = byName.constFind(key);
        if (found == byName.cend()) {
            columns.append(std::nullopt);
            // rank and score are computed; an exported file imports back without warnings.
            if (key != u"rank" && key != u"score")
                unknown.append(table.header.at(i).trimmed());
            continue;
        }
        if (seen.contains(*found)) {
            result.errors.append(location(fileLabel, 1, table.header.at(i).trimmed()) +
                                 tr(" the column appears twice in the header (also column %1)")
                                     .arg(seen.value(*found) + 1));
        }
        seen.insert(*found, i);
        columns.append(*found);
        if (*found == CandidateField::Name)
            nameColumn = i;
    }
    if (nameColumn < 0) {
        result.errors.append(
            location(fileLabel, 1, u"name"_s) +
            tr(" the header has no name column (found: %1)").arg(table.header.join(u", "_s)));
    }
    if (!unknown.isEmpty())
        result.warnings.append(
            tr("%1: ignored unknown columns: %2").arg(fileLabel, unknown.join(u", "_s)));
    if (!result.errors.isEmpty())
        return result;

    QHash<QString, int> lineByName;
    result.patches.reserve(table.rows.size());
    for (const CsvRow &row : table.rows) {
        if (result.errors.size() >= kMaxErrors)
            break;
        CandidatePatch patch;
        patch.line = row.line;
        for (int i = 0; i < columns.size() && i < row.fields.size(); ++i) {
            if (!columns.at(i))
                continue;
            const CandidateField field = *columns.at(i);
            const QString cell = row.fields.at(i);
            if (field == CandidateField::Name) {
                patch.name = cell.trimmed();
                continue;
            }
            if (cell.trimmed().isEmpty())
                continue; // an empty cell leaves the stored value as it is
            QVariant value = cell;
            if (QString why = CandidateFields::validate(field, value); !why.isEmpty()) {
                result.errors.append(location(fileLabel, row.line, table.header.at(i).trimmed()) +
                                     u' ' + why);
                continue;
            }
            patch.values.insert(field, value);
        }
        const QString nameLabel = table.header.at(nameColumn).trimmed();
        if (patch.name.isEmpty()) {
            result.errors.append(location(fileLabel, row.line, nameLabel) + u' ' +
                                 tr("the name is empty"));
            continue;
        }
        const QString key = nameKey(patch.name);
        if (const auto earlier = lineByName.constFind(key); earlier != lineByName.cend()) {
            result.errors.append(location(fileLabel, row.line, nameLabel) + u' ' +
                                 tr("\"%1\" appears twice in the file (also on line %2)")
                                     .arg(patch.name)
                                     .arg(*earlier));
            continue;
        }
        lineByName.insert(key, row.line);
        result.patches.append(std::move(patch));
    }
    while (result.errors.size() > kMaxErrors)
        result.errors.removeLast();
    if (!result.errors.isEmpty())
        result.patches.clear();
    return result;
}

QByteArray CandidateCsv::write(const QList<Candidate> &candidates, const QList<RankEntry> &ranking,
                               QChar separator, bool withBom) {
    const CsvWriter writer(separator);
    QByteArray bytes = withBom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    bytes += writer.row(exportHeader());
    const QList<CandidateField> fields = importableFields();
    for (const RankEntry &entry : ranking) {
        const Candidate &c = candidates.at(entry.index);
        QStringList row{entry.rank > 0 ? QString::number(entry.rank) : QString(),
                        formatScore(entry.score)};
        for (CandidateField field : fields)
            row.append(CandidateFields::value(c, field).toString());
        bytes += writer.row(row);
    }
    return bytes;
}

} // namespace pb::io
