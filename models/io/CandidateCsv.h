#pragma once

#include "CsvFormatReader.h"
#include "TableWriter.h"
#include "domain/CandidateField.h"
#include "domain/Ratings.h"
#include "domain/Scoring.h"

#include <QCoreApplication>

#include <functional>

namespace pb::io {

// The result of reading a candidates CSV: the rows to import, or the problems that stop it.
struct CandidateCsvImport : CsvImportErrors
{
    QList<domain::CandidatePatch> patches;
    // The scores of rows with a rater (the optional rater column): that rater's scores of a
    // candidate. The importer writes them after the candidates; the rest of such a row is
    // read as any row's.
    QList<domain::RatingPatch> ratings;
    // Unknown columns, named once; they do not stop the import.
    QStringList warnings;
    // The import was stopped by its caller (CandidateImportOptions::progress): not committed.
    bool cancelled = false;
};

// The candidates table format (README, "Candidates CSV"), as a CSV file or a sheet of an
// .xlsx workbook: header names ignore case, and spaces, hyphens and underscores are the same;
// name is required; scores are whole numbers 1-5 or empty; structure and stage accept
// aliases. Used by the GUI, the CLI and paste (tab-separated text).
class CandidateCsv
{
    Q_DECLARE_TR_FUNCTIONS(CandidateCsv)
public:
    static constexpr int kMaxErrors = CsvFormatReader::kMaxErrors;
    // Takes one valid row; returns false to stop reading (a streamed file) or handing rows on.
    using Sink = std::function<bool(domain::CandidatePatch &&)>;

    // separator: a null QChar detects comma or semicolon from the header, or reads a
    // workbook (by its name or first bytes; sheetName or the first sheet); paste gives '\t'.
    static CandidateCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                                    QChar separator = QChar(), const QString &sheetName = {});
    // A table read whole (TableSource::read), taking its strings.
    static CandidateCsvImport parse(TableSource &source);
    // The same, each valid row handed to sink as long as no problem has been met (patches
    // stays empty); with errors afterwards, the caller undoes what sink did.
    static CandidateCsvImport parse(TableSource &source, const Sink &sink);
    // Streaming: each valid row goes to sink as soon as it is read, as long as no problem
    // has been met; patches stays empty. When errors is not empty afterwards, the caller
    // must undo what sink did (the store's import runs in one transaction for that).
    // readUpTo, when given, hears after each record how far into bytes reading has come.
    static CandidateCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                                    QChar separator, const Sink &sink,
                                    const std::function<void(qsizetype)> &readUpTo = {});
    // Exported columns: rank and score, then every importable column; with several raters,
    // the rater column after the name.
    static QStringList exportHeader(bool withRaters = false);
    // The optional column that names whose scores a row holds.
    static QString raterColumn();
    static QList<domain::CandidateField> importableFields();
    // In rank order: rank and score as numbers, scores as numbers, the rest text; the top
    // three rows filled (in a sheet).
    // With several raters, each candidate's row names the first rater and each colleague's
    // rating follows as a row of its own (name, rater, scores).
    static void write(TableWriter &writer, const QList<domain::Candidate> &candidates,
                      const QList<domain::RankEntry> &ranking, const QString &firstRater = {});
    // CSV; withBom for files that spreadsheets open.
    static QByteArray write(const QList<domain::Candidate> &candidates,
                            const QList<domain::RankEntry> &ranking, QChar separator = u',',
                            bool withBom = true, const QString &firstRater = {});
    // To a file, .xlsx or CSV by its extension (TableFile); an empty string on success.
    static QString save(const QString &path, const QList<domain::Candidate> &candidates,
                        const QList<domain::RankEntry> &ranking, const QString &firstRater = {});
    // "62.5": one decimal, the way scores are shown everywhere.
    static QString formatScore(const std::optional<double> &score);
};

} // namespace pb::io
