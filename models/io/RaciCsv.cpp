#include "RaciCsv.h"

#include "CsvReader.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// FILE:LINE: column "NAME": — or column N: when the column has no usable name, or no
// column at all; the same shape as the candidates CSV so both imports read alike.
QString location(const QString &file, int line, const QString &column, int number = 0)
{
    QString text = u"%1:%2:"_s.arg(file).arg(line);
    if (!column.isEmpty())
        text += u" column \"%1\":"_s.arg(column);
    else if (number > 0)
        text += u" column %1:"_s.arg(number);
    return text;
}

// Names are compared the way people read them: "Sales lead" and " sales LEAD " are one.
QString nameKey(const QString &name)
{
    return trimmedField(name).toCaseFolded();
}

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

class Parser
{
    Q_DECLARE_TR_FUNCTIONS(RaciCsv)
public:
    Parser(const QString &label, RaciCsvImport &result)
        : m_label(label)
        , m_errors(result.errors)
        , m_grid(result.grid)
    {}

    bool full() const { return m_errors.size() >= RaciCsv::kMaxErrors; }

    void error(int line, const QString &column, int number, const QString &what)
    {
        if (!full())
            m_errors.append(location(m_label, line, column, number) + u' ' + what);
    }

    void takeProblems(const CsvTable &table)
    {
        for (const CsvProblem &problem : table.problems) {
            const bool named = problem.column >= 1 && problem.column <= table.header.size();
            const QString column =
                named ? table.header.at(problem.column - 1).trimmed() : QString();
            error(problem.line, column, problem.column, problem.message);
        }
    }

    // Reads the parties from the header; false when the rows cannot be read at all.
    bool header(const QStringList &header)
    {
        m_header = header;
        if (header.isEmpty()) {
            m_errors.append(tr("%1:1: the file is empty; a header row starting with activity "
                               "is required")
                                .arg(m_label));
            return false;
        }
        const QString first = trimmedField(header.first());
        const bool activityFirst = first.compare(u"activity"_s, Qt::CaseInsensitive) == 0;
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

    void row(const CsvRow &row)
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
        if (m_errors.isEmpty()) {
            m_grid.activities.append(activity);
            m_grid.cells.append(cells);
        }
    }

private:
    QString m_label;
    QStringList &m_errors;
    RaciGrid &m_grid;
    QStringList m_header;
    QString m_activityLabel;
    QHash<QString, int> m_lineByActivity;
};

} // namespace

RaciCsvImport RaciCsv::parse(const QByteArray &bytes, const QString &fileLabel)
{
    RaciCsvImport result;
    const CsvTable table = CsvReader::read(bytes, kMaxErrors);
    Parser parser(fileLabel, result);
    // Problems of the file itself come first and alone: past a broken quote or bad bytes
    // the cells are not what the author meant, so judging them would only mislead.
    parser.takeProblems(table);
    if (result.errors.isEmpty() && parser.header(table.header)) {
        for (const CsvRow &row : table.rows) {
            if (parser.full())
                break;
            parser.row(row);
        }
    }
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
