// playbook-cli: the candidate verbs (candidates import/export, rank).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/Ratings.h"
#include "domain/Scoring.h"
#include "domain/WorkbookSettings.h"
#include "io/CandidateCsv.h"
#include "io/CandidateCsvPipeline.h"
#include "io/CsvReader.h"
#include "io/InputFile.h"
#include "item/RatingText.h"
#include "store/CandidateImporter.h"
#include "store/Workbook.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

namespace {

// --weights O,S,E: three non-negative numbers, at least one above zero.
std::optional<domain::ScoringWeights> parseWeights(const QString &text)
{
    const QStringList parts = text.split(u',');
    domain::ScoringWeights weights;
    bool ok = parts.size() == 3;
    for (int i = 0; ok && i < 3; ++i) {
        weights.values[i] = parts[i].trimmed().toDouble(&ok);
        ok = ok && std::isfinite(weights.values[i]) && weights.values[i] >= 0;
    }
    if (!ok || !weights.isValid())
        return std::nullopt;
    return weights;
}

// A dimension's score: the mean of its raters (the one score when one person rated).
QJsonValue score(const domain::Candidate &c, domain::Dimension dimension)
{
    const std::optional<double> mean = domain::Ratings::mean(c, dimension);
    return mean ? QJsonValue(*mean) : QJsonValue();
}

QJsonObject rankJson(const domain::Ranking &ranking, const QList<domain::Candidate> &candidates,
                     const QList<domain::RankEntry> &entries, const domain::ScoringWeights &weights)
{
    const auto shares = weights.normalised();
    const auto stability = ranking.top3Stability(weights);
    QJsonArray rows;
    for (const domain::RankEntry &entry : entries) {
        const domain::Candidate &c = candidates.at(entry.index);
        rows.append(
            QJsonObject{{u"rank"_s, entry.rank > 0 ? QJsonValue(entry.rank) : QJsonValue()},
                        {u"name"_s, c.name},
                        {u"score"_s, entry.score ? QJsonValue(std::round(*entry.score * 10) / 10)
                                                 : QJsonValue()},
                        {u"audience_overlap"_s, score(c, domain::Dimension::AudienceOverlap)},
                        {u"strategic_value"_s, score(c, domain::Dimension::StrategicValue)},
                        {u"ease_of_integration"_s, score(c, domain::Dimension::EaseOfIntegration)},
                        {u"structure"_s, domain::storedStructure(c).isEmpty()
                                             ? QJsonValue()
                                             : QJsonValue(domain::storedStructure(c))},
                        {u"stage"_s, domain::storedStage(c)}});
    }
    return {{u"weights"_s, QJsonObject{{u"audience_overlap"_s, shares[0]},
                                       {u"strategic_value"_s, shares[1]},
                                       {u"ease_of_integration"_s, shares[2]}}},
            {u"top3_stability"_s,
             stability ? QJsonValue(std::round(*stability * 100) / 100) : QJsonValue()},
            {u"candidates"_s, rows}};
}

QByteArray rankCsv(const QList<domain::Candidate> &candidates,
                   const QList<domain::RankEntry> &entries)
{
    io::CsvTableWriter writer(u',', false);
    writer.setHeader({u"rank"_s, u"name"_s, u"score"_s, u"audience_overlap"_s, u"strategic_value"_s,
                      u"ease_of_integration"_s, u"structure"_s, u"stage"_s});
    const auto number = [](const std::optional<double> &value, const QString &text) {
        return value ? io::TableCell::ofNumber(*value, text) : io::TableCell();
    };
    const auto score = [&number](const domain::Candidate &c, domain::Dimension dimension) {
        return number(domain::Ratings::mean(c, dimension), item::RatingText::mean(c, dimension));
    };
    for (const domain::RankEntry &entry : entries) {
        const domain::Candidate &c = candidates.at(entry.index);
        const std::optional<double> rank =
            entry.rank > 0 ? std::optional<double>(entry.rank) : std::nullopt;
        writer.addRow({number(rank, QString::number(entry.rank)), io::TableCell::ofText(c.name),
                       number(entry.score, io::CandidateCsv::formatScore(entry.score)),
                       score(c, domain::Dimension::AudienceOverlap),
                       score(c, domain::Dimension::StrategicValue),
                       score(c, domain::Dimension::EaseOfIntegration),
                       io::TableCell::ofText(domain::storedStructure(c)),
                       io::TableCell::ofText(domain::storedStage(c))});
    }
    return writer.take();
}

} // namespace

int Cli::runCandidatesImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add and update candidates from a CSV file or an .xlsx workbook. A name that "
           "matches a candidate updates its non-empty cells; a new name adds one. Any invalid "
           "row stops the import and nothing is changed."));
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"FILE"_s, tr("The CSV file, or an .xlsx workbook."));
    parser.addOption(sheetOption());
    if (const auto stop = parse(parser, u"candidates import"_s, arguments, 2))
        return *stop;
    const QString csvPath = parser.positionalArguments().at(1);

    io::InputFile file;
    if (!file.open(csvPath))
        return fail(tr("%1 cannot be read: %2.")
                        .arg(QDir::toNativeSeparators(csvPath), file.errorString()));
    const QByteArray &bytes = file.bytes();
    QString sheet;
    if (const auto stop = checkSheet(parser, csvPath, bytes, &sheet))
        return *stop;

    const OpenWorkbook opened = openForEditing(parser.positionalArguments().constFirst(), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    // Rows are validated and written as they are read, inside one transaction; any
    // invalid row means the importer is dropped uncommitted and the workbook is as it was.
    std::optional<store::CandidateImporter> importer(std::in_place, *opened.workbook);
    bool storeFailed = false;
    const io::CandidateCsvImport parsed =
        io::importCandidatesCsv(bytes, QDir::toNativeSeparators(csvPath), *importer, &storeFailed,
                                {.sheetName = sheet,
                                 .separator = {},
                                 .progress = {},
                                 .readUpTo = [&file](qsizetype offset) {
                                     file.releaseBefore(offset);
                                 }});
    for (const QString &warning : parsed.warnings)
        m_err << tr("warning: %1").arg(warning) << u"\n"_s;
    if (!parsed.errors.isEmpty()) {
        importer.reset();
        return refuseImport(parsed.errors);
    }
    store::ImportOutcome outcome;
    if (StoreError importError = importer->commit(&outcome); importError || storeFailed)
        return fail(importError.message,
                    importError.code == StoreError::Code::InvalidValue ? BadInput : CannotOpen);
    m_out << tr("added %1, updated %2").arg(outcome.addedIds.size()).arg(outcome.updatedIds.size())
          << u"\n"_s;
    return Success;
}

int Cli::runCandidatesExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write every candidate, ranked, as CSV (rank and score first), or as an .xlsx "
           "workbook when FILE ends in .xlsx (the top three highlighted). The file imports back "
           "to the same data."));
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"FILE"_s, tr("The .csv or .xlsx file to write, or - for stdout."),
                                 u"[FILE.csv|FILE.xlsx|-]"_s);
    const int positional = bareArgumentCount(arguments) == 1 ? 1 : 2;
    if (const auto stop = parse(parser, u"candidates export"_s, arguments, positional))
        return *stop;
    const OpenWorkbook opened = openReadOnly(parser.positionalArguments().constFirst(), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    const QList<domain::Candidate> candidates = opened.workbook->candidates();
    const domain::Ranking ranking(candidates);
    const auto weights = domain::WorkbookSettings::scoringWeights(opened.workbook->settings());
    const QString target = parser.positionalArguments().value(1, u"-"_s);
    const QList<domain::RankEntry> ranked = ranking.rank(weights);
    const QString firstRater = opened.workbook->firstRater();
    if (target == u"-")
        return writeExport(target,
                           io::CandidateCsv::write(candidates, ranked, u',', false, firstRater),
                           m_out, m_err);
    return saved(io::CandidateCsv::save(target, candidates, ranked, firstRater));
}

int Cli::runRank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Rank the candidates. CSV on stdout (unscored rows last, "
                                        "with empty rank and score), or JSON with --json."));
    const QCommandLineOption weightsOption(
        u"weights"_s,
        tr("What-if weights for audience overlap, strategic value, ease of integration "
           "(three non-negative numbers, not stored)."),
        u"O,S,E"_s);
    const QCommandLineOption topOption(u"top"_s, tr("Only the first N rows."), u"N"_s);
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    const QCommandLineOption asOption(
        u"as"_s,
        tr("Rank by one rater's scores alone, as NAME scored them (default: each dimension the "
           "mean of everyone who scored it)."),
        u"NAME"_s);
    parser.addOption(weightsOption);
    parser.addOption(topOption);
    parser.addOption(asOption);
    parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    if (const auto stop = parse(parser, u"rank"_s, arguments, 1))
        return *stop;

    std::optional<domain::ScoringWeights> whatIf;
    if (parser.isSet(weightsOption) && !(whatIf = parseWeights(parser.value(weightsOption))))
        return usageError(tr("--weights needs three non-negative numbers, at least one "
                             "above zero, such as 1,2,1."));
    qsizetype top = -1;
    if (parser.isSet(topOption)) {
        bool ok = false;
        top = parser.value(topOption).toLongLong(&ok);
        if (!ok || top < 0)
            return usageError(tr("--top needs a whole number of 0 or more."));
    }
    const OpenWorkbook opened = openReadOnly(parser.positionalArguments().constFirst(), m_err);
    if (!opened.workbook)
        return opened.exitCode;
    QList<domain::Candidate> candidates = opened.workbook->candidateSummaries();
    if (parser.isSet(asOption)) {
        const QString rater = parser.value(asOption);
        const QString first = opened.workbook->firstRater();
        const QStringList raters = domain::Ratings::raters(candidates, first);
        if (std::none_of(raters.begin(), raters.end(), [&](const QString &r) {
                return domain::Ratings::sameRater(r, rater);
            }))
            return fail(tr("Nobody named \"%1\" scored in this workbook; its raters are: %2.")
                            .arg(rater, raters.join(u", "_s)));
        for (domain::Candidate &c : candidates)
            c = domain::Ratings::asScoredBy(c, rater, first);
    }
    const domain::Ranking ranking(candidates);
    const domain::ScoringWeights weights =
        whatIf.value_or(domain::WorkbookSettings::scoringWeights(opened.workbook->settings()));
    QList<domain::RankEntry> entries = ranking.rank(weights);
    if (top >= 0 && top < entries.size())
        entries.resize(top);
    if (parser.isSet(json))
        printJson(m_out, rankJson(ranking, candidates, entries, weights));
    else
        m_out << QString::fromUtf8(rankCsv(candidates, entries));
    return Success;
}

} // namespace pb::cli
