#include "RaciCsv.h"

#include "CsvFormatReader.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// `partner:NAME`, also typed "Partner: NAME" or "PARTNER : NAME".
const QRegularExpression &partnerPrefix()
{
    static const QRegularExpression re(u"^partner\\s*:"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// CsvWriter's row, except that a field holding a semicolon is quoted too. The reader takes
// the separator from whichever of ',' and ';' is more frequent in the header outside
// quotes, and party names are free text: "partner:EMEA;APAC" unquoted could turn a
// comma file into a semicolon one.
QByteArray writeRow(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields) {
        QString text = CsvWriter::escape(field, u',');
        if (text == field && field.contains(u';'))
            text = CsvWriter::escape(field, u';');
        escaped.append(text);
    }
    if (escaped.size() == 1 && escaped.front().isEmpty())
        escaped.front() = u"\"\""_s; // a lone empty field would read as a blank line
    return (escaped.join(u',') + u"\r\n"_s).toUtf8();
}

class Parser : public CsvFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(RaciCsv)
public:
    Parser(const QString &label, RaciCsvImport &result)
        : CsvFormatReader(label, result.errors)
        , m_grid(result.grid)
    {}

protected:
    // Reads the parties from the header.
    bool header(const QStringList &header) override
    {
        m_header = header;
        if (header.isEmpty()) {
            errors().append(tr("%1:1: the file is empty; a header row starting with activity "
                               "is required")
                                .arg(fileLabel()));
            return false;
        }
        const QString first = trimmedField(header.first());
        const bool activityFirst = headerKey(first) == u"activity";
        if (!activityFirst)
            error(1, first, 1, tr("the header must start with an activity column"));
        QHash<QString, int> columnByKey;
        for (int i = 1; i < header.size(); ++i) {
            const QString text = trimmedField(header.at(i));
            RaciParty party;
            party.name = text;
            if (const auto match = partnerPrefix().match(text); match.hasMatch()) {
                party.side = RaciSide::Partner;
                party.name = trimmedField(text.mid(match.capturedLength()));
            }
            if (party.name.isEmpty()) {
                error(1, text, i + 1, tr("the party name is empty"));
                continue;
            }
            // The same name may sit on both sides ("Sales" ours and the partner's).
            const QString key =
                (party.side == RaciSide::Partner ? u"p:"_s : u"o:"_s) + nameKey(party.name);
            if (const auto earlier = columnByKey.constFind(key); earlier != columnByKey.cend()) {
                error(
                    1, text, i + 1,
                    tr("the party appears twice in the header (also column %1)").arg(*earlier + 1));
                continue;
            }
            columnByKey.insert(key, i);
            m_grid.parties.append(party);
        }
        m_activityLabel = first;
        return activityFirst;
    }

    void row(CsvRow &row) override
    {
        RaciActivity activity;
        activity.name = trimmedField(row.fields.value(0));
        if (activity.name.isEmpty()) {
            error(row.line, m_activityLabel, 1, tr("the activity name is empty"));
        } else if (const auto earlier = m_lineByActivity.constFind(nameKey(activity.name));
                   earlier != m_lineByActivity.cend()) {
            error(row.line, m_activityLabel, 1,
                  tr("\"%1\" appears twice in the file (also on line %2)")
                      .arg(activity.name)
                      .arg(*earlier));
        } else {
            m_lineByActivity.insert(nameKey(activity.name), row.line);
        }
        QList<RaciRole> cells;
        cells.reserve(m_header.size() - 1);
        for (int i = 1; i < m_header.size(); ++i) {
            const QString cell = row.fields.value(i).trimmed();
            if (const auto role = raciRoleFromText(cell)) {
                cells.append(*role);
                continue;
            }
            error(
                row.line, m_header.at(i).trimmed(), i + 1,
                tr("\"%1\" is not a RACI value: use R, A, C, I, A/R or leave it empty").arg(cell));
        }
        // Once anything is wrong the grid is dropped, so there is no point in building it.
        if (errors().isEmpty()) {
            m_grid.activities.append(activity);
            m_grid.cells.append(cells);
        }
    }

private:
    RaciGrid &m_grid;
    QStringList m_header;
    QString m_activityLabel;
    QHash<QString, int> m_lineByActivity;
};

} // namespace

RaciCsvImport RaciCsv::parse(const QByteArray &bytes, const QString &fileLabel)
{
    RaciCsvImport result;
    Parser(fileLabel, result).readAll(bytes);
    if (!result.errors.isEmpty())
        result.grid = RaciGrid(); // all or nothing
    return result;
}

QByteArray RaciCsv::write(const RaciGrid &grid, bool withBom)
{
    QByteArray bytes = withBom ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    QStringList header{u"activity"_s};
    for (const RaciParty &party : grid.parties)
        header.append(party.side == RaciSide::Partner ? u"partner:"_s + party.name : party.name);
    bytes += writeRow(header);
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        QStringList row{grid.activities.at(a).name};
        for (qsizetype p = 0; p < grid.parties.size(); ++p)
            row.append(raciRoleText(grid.cell(a, p)));
        bytes += writeRow(row);
    }
    return bytes;
}

} // namespace pb::io
