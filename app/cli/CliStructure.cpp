// playbook-cli: the structure chooser of one candidate (structure).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/QualificationFields.h"
#include "domain/StructureChooser.h"
#include "store/Workbook.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

// The chooser's stored answers by column name; unknown ones as null.
QJsonObject answersJson(const Candidate &candidate)
{
    QJsonObject answers;
    for (CandidateField field : QualificationFields::chooserFields()) {
        const QString id = CandidateFields::value(candidate, field).toString();
        answers.insert(CandidateFields::columnName(field), id.isEmpty() ? QJsonValue() : id);
    }
    return answers;
}

QJsonArray matrixJson()
{
    // Stable keys for scripts, in the order of matrixRowNames().
    static const QStringList keys{u"commitment"_s, u"investment"_s, u"money"_s,
                                  u"control"_s,    u"speed"_s,      u"risk"_s};
    QJsonArray matrix;
    for (const MatrixColumn &column : StructureChooser::matrix()) {
        QJsonObject object{{u"structure"_s, structureId(column.structure)}};
        const QStringList values = StructureChooser::matrixValues(column);
        for (int i = 0; i < keys.size(); ++i)
            object.insert(keys.at(i), values.at(i));
        matrix.append(object);
    }
    return matrix;
}

void printMatrix(QTextStream &out)
{
    const auto columns = StructureChooser::matrix();
    const QStringList rows = StructureChooser::matrixRowNames();
    // Each column as wide as its longest value, two spaces apart.
    QList<QStringList> cells{rows};
    cells.front().prepend(QString());
    for (const MatrixColumn &column : columns)
        cells << (QStringList{structureId(column.structure)} +
                  StructureChooser::matrixValues(column));
    QList<qsizetype> widths;
    for (const QStringList &column : std::as_const(cells))
        widths << std::ranges::max(column, {}, &QString::size).size() + 2;
    for (int row = 0; row <= rows.size(); ++row) {
        QString line;
        for (int c = 0; c < cells.size(); ++c)
            line += cells.at(c).at(row).leftJustified(widths.at(c));
        while (line.endsWith(u' '))
            line.chop(1);
        out << line << u"\n"_s;
    }
}

void printList(QTextStream &out, const QString &title, const QStringList &items)
{
    if (items.isEmpty())
        return;
    out << title << u"\n"_s;
    for (const QString &item : items)
        out << u"  - "_s << item << u"\n"_s;
}

} // namespace

int Cli::runStructure(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show the structure chooser for a candidate: the decision matrix, the answers stored "
           "on the candidate (set them in the app or through the candidates CSV), the structure "
           "the practice recommends and why."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"CANDIDATE"_s, tr("The candidate's name (any case)."));
    if (const auto stop = parse(parser, u"structure"_s, arguments, 2))
        return *stop;

    const QStringList args = parser.positionalArguments();
    const PartnerWorkbook opened = openPartner(args.at(0), args.at(1), OpenMode::ReadOnly, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    const std::optional<Candidate> candidate = opened.workbook->candidate(opened.candidateId);
    if (!candidate)
        return BadInput;
    const StructureRecommendation recommendation = StructureChooser::recommend(candidate->chooser);
    const QString current = storedStructure(*candidate);
    if (parser.isSet(json)) {
        printJson(m_out,
                  {{u"candidate"_s, candidate->name},
                   {u"structure"_s, current.isEmpty() ? QJsonValue() : current},
                   {u"answers"_s, answersJson(*candidate)},
                   {u"matrix"_s, matrixJson()},
                   {u"recommended"_s, structureId(recommendation.structure)},
                   {u"reasons"_s, QJsonArray::fromStringList(recommendation.reasons)},
                   {u"would_change"_s, QJsonArray::fromStringList(recommendation.wouldChange)}});
        return Success;
    }
    m_out << tr("candidate: %1").arg(candidate->name) << u"\n"_s
          << tr("structure: %1").arg(current.isEmpty() ? tr("not named") : current) << u"\n\n"_s;
    printMatrix(m_out);
    m_out << u"\n"_s << tr("answers:") << u"\n"_s;
    for (CandidateField field : QualificationFields::chooserFields()) {
        const QString id = CandidateFields::value(*candidate, field).toString();
        m_out << u"  "_s << CandidateFields::columnName(field).leftJustified(20) << u"= "_s
              << (id.isEmpty() ? tr("(not known)") : id) << u"\n"_s;
    }
    m_out << u"\n"_s << tr("recommended: %1").arg(structureId(recommendation.structure)) << u"\n"_s;
    printList(m_out, tr("reasons:"), recommendation.reasons);
    printList(m_out, tr("what would change it:"), recommendation.wouldChange);
    return Success;
}

} // namespace pb::cli
