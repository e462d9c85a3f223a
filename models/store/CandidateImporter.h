#pragma once

#include "EncodedRow.h"
#include "StoreError.h"
#include "domain/CandidateField.h"
#include "domain/Ratings.h"

#include <QHash>
#include <QSet>

#include <memory>
#include <span>
#include <vector>

namespace pb::store {

class SqliteStatement;
class SqliteTransaction;
class Workbook;
class HistoryScope;
struct ImportOutcome;

// One row of an import made ready for the store: a new candidate's columns already encoded,
// or the patch of an existing candidate it updates.
struct PreparedCandidate
{
    qint64 existingId = 0;        // the candidate the row updates, or 0 for a new one
    domain::CandidatePatch patch; // updates only
    binding::EncodedRow row;      // new candidates only
};

// Adds and updates candidates in one transaction, a row at a time, so a 100,000-row CSV
// can be streamed into the workbook without holding it in memory. New rows are written in
// multi-row INSERT batches; an updated row's before-image goes to a temporary table under
// the import's own id, which is what undo and redo use (Workbook::revertImport,
// reapplyImport), so neither keeps the rows in memory. Nothing is visible until commit();
// destroying the importer without committing rolls everything back, leaving the workbook
// byte for byte as it was.
//
// Names must be unique within one import (the readers refuse a file's duplicates; the
// table's unique name index refuses any that slip through).
class CandidateImporter
{
public:
    explicit CandidateImporter(Workbook &workbook);
    ~CandidateImporter();
    CandidateImporter(const CandidateImporter &) = delete;
    CandidateImporter &operator=(const CandidateImporter &) = delete;

    // Safe on another thread while add() runs: it reads only the names the workbook had
    // when the import began. The reading thread prepares, the writing thread adds.
    PreparedCandidate prepare(domain::CandidatePatch &&patch) const;
    // Writes rows in order; they are bound where they are, not copied. False once the
    // store failed (the error comes with commit()).
    bool add(std::span<PreparedCandidate> rows);
    bool add(const domain::CandidatePatch &patch);
    // Rows with a rater, written at commit, after every candidate row: each names a
    // candidate of the workbook or of the file, or the import stops with the row's line.
    void addRatings(QList<domain::RatingPatch> ratings) { m_ratings = std::move(ratings); }
    StoreError commit(ImportOutcome *outcome);
    qsizetype rowsWritten() const { return m_written; }

private:
    bool flush();
    bool update(PreparedCandidate &row);
    bool addSingles();
    struct RatingStatements;
    bool applyRatings();
    bool applyRating(const domain::RatingPatch &patch, const QString &firstRater,
                     RatingStatements &statements, QSet<qint64> &kept);
    bool applyOwnScores(qint64 id, const domain::Rating &scores, QSet<qint64> &kept);
    bool keepBefore(qint64 id, QSet<qint64> &kept);

    Workbook &m_workbook;
    StoreError m_error;
    qint64 m_importId = 0;
    std::unique_ptr<HistoryScope> m_historyScope;
    std::unique_ptr<SqliteTransaction> m_transaction;
    // Full batches: every column, or the first version's only (EncodedRow::columnsNeeded).
    std::unique_ptr<SqliteStatement> m_batchInsert;
    std::unique_ptr<SqliteStatement> m_shortBatchInsert;
    std::unique_ptr<SqliteStatement> m_keepBefore;
    QHash<QString, qint64> m_existing;                  // name key -> id, read once at the start
    std::vector<const binding::EncodedRow *> m_pending; // new rows of the current add()
    std::vector<PreparedCandidate> m_single;            // rows added one by one, not written yet
    QList<qint64> m_added;
    QList<qint64> m_updated;
    QList<domain::RatingPatch> m_ratings;
    int m_unchanged = 0;
    qsizetype m_written = 0;
    bool m_ok = true;
};

} // namespace pb::store
