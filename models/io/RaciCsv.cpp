#include "RaciCsv.h"

#include "CsvFormatReader.h"
#include "TableLook.h"

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
            emptyTable(tr("a header row starting with activity is required"));
            return false;
        }
        const QString first = trimmedField(header.first());
        const bool activityFirst = headerKey(first) == u"activity";
        if (!activityFirst)
            error(headerLine(), first, 1, tr("the header must start with an activity column"));
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
                error(headerLine(), text, i + 1, tr("the party name is empty"));
                continue;
            }
            // The same name may sit on both sides ("Sales" ours and the partner's).
            const QString key =
                (party.side == RaciSide::Partner ? u"p:"_s : u"o:"_s) + nameKey(party.name);
            if (const auto earlier = columnByKey.constFind(key); earlier != columnByKey.cend()) {
                error(
                    headerLine(), text, i + 1,
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
                  tr("\"%1\" appears twice in the file (also on %2)")
                      .arg(activity.name, lineName(*earlier)));
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

RaciCsvImport RaciCsv::parse(const QByteArray &bytes, const QString &fileLabel,
                             const QString &sheetName)
{
    TableSource source = TableSource::read(bytes, fileLabel, sheetName, kMaxErrors);
    return parse(source);
}

RaciCsvImport RaciCsv::parse(TableSource &source)
{
    RaciCsvImport result;
    Parser(source.place.file, result).readAll(source);
    if (!result.errors.isEmpty())
        result.grid = RaciGrid(); // all or nothing
    return result;
}

void RaciCsv::write(TableWriter &writer, const RaciGrid &grid)
{
    QStringList header{u"activity"_s};
    for (const RaciParty &party : grid.parties)
        header.append(party.side == RaciSide::Partner ? u"partner:"_s + party.name : party.name);
    writer.setHeader(header);
    QList<TableCell> row;
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        row = {TableCell::ofText(grid.activities.at(a).name)};
        for (qsizetype p = 0; p < grid.parties.size(); ++p) {
            TableCell cell = TableCell::ofText(raciRoleText(grid.cell(a, p)));
            // The partner's side tinted as in the app's grid.
            if (grid.parties.at(p).side == RaciSide::Partner)
                cell.fill = TableLook::partnerSide();
            row.append(cell);
        }
        writer.addRow(row);
    }
}

QByteArray RaciCsv::write(const RaciGrid &grid, bool withBom)
{
    CsvTableWriter writer(u',', withBom);
    write(writer, grid);
    return writer.take();
}

QString RaciCsv::save(const QString &path, const RaciGrid &grid)
{
    return TableFile::save(path, tr("RACI"), [&](TableWriter &writer) { write(writer, grid); });
}

} // namespace pb::io
