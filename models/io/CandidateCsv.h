#pragma once

#include "CsvFormatReader.h"
#include "domain/CandidateField.h"
#include "domain/Scoring.h"

#include <QCoreApplication>

#include <functional>

namespace pb::io {

// The result of reading a candidates CSV: the rows to import, or the problems that stop it.
struct CandidateCsvImport : CsvImportErrors
{
    QList<domain::CandidatePatch> patches;
    // Unknown columns, named once; they do not stop the import.
    QStringList warnings;
};

// The candidates CSV format (README, "Candidates CSV"): header names ignore case, and
// spaces, hyphens and underscores are the same; name is required; scores are whole
// numbers 1-5 or empty; structure and stage accept aliases. Used by the GUI, the CLI and
// paste (tab-separated text).
class CandidateCsv
{
    Q_DECLARE_TR_FUNCTIONS(CandidateCsv)
public:
    static constexpr int kMaxErrors = CsvFormatReader::kMaxErrors;

    // separator: a null QChar detects comma or semicolon from the header; paste gives '\t'.
    static CandidateCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                                    QChar separator = QChar());
    // Streaming: each valid row goes to sink as soon as it is read, as long as no problem
    // has been met; patches stays empty. When errors is not empty afterwards, the caller
    // must undo what sink did (the store's import runs in one transaction for that).
    static CandidateCsvImport parse(const QByteArray &bytes, const QString &fileLabel,
                                    QChar separator,
                                    const std::function<void(domain::CandidatePatch &&)> &sink);
    // Exported columns: rank and score, then every importable column.
    static QStringList exportHeader();
    static QList<domain::CandidateField> importableFields();
    // In rank order; withBom for files that spreadsheets open.
    static QByteArray write(const QList<domain::Candidate> &candidates,
                            const QList<domain::RankEntry> &ranking, QChar separator = u',',
                            bool withBom = true);
    // "62.5": one decimal, the way scores are shown everywhere.
    static QString formatScore(const std::optional<double> &score);
};

} // namespace pb::io
