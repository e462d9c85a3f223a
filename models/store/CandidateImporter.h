#pragma once

#include "StoreError.h"
#include "domain/CandidateField.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace pb::store {

class SqliteStatement;
class SqliteTransaction;
class Workbook;
struct ImportOutcome;

// Adds and updates candidates in one transaction, a row at a time, so a 100,000-row CSV
// can be streamed into the workbook without holding it in memory. New rows are written in
// multi-row INSERT batches. Nothing is visible until commit(); destroying the importer
// without committing rolls everything back, leaving the workbook as it was.
class CandidateImporter
{
public:
    explicit CandidateImporter(Workbook &workbook);
    ~CandidateImporter();
    CandidateImporter(const CandidateImporter &) = delete;
    CandidateImporter &operator=(const CandidateImporter &) = delete;

    // False once the store failed (the error comes with commit()).
    bool add(const domain::CandidatePatch &patch);
    StoreError commit(ImportOutcome *outcome);

private:
    bool flush();

    Workbook &m_workbook;
    StoreError m_error;
    std::unique_ptr<SqliteTransaction> m_transaction;
    std::unique_ptr<SqliteStatement> m_batchInsert;
    QHash<QString, qint64> m_idByKey;
    QList<domain::Candidate> m_pending;
    QStringList m_pendingKeys;
    QSet<QString> m_pendingKeySet;
    QList<qint64> m_added;
    QList<domain::Candidate> m_updatedBefore;
    QList<qint64> m_updatedIds;
    int m_unchanged = 0;
    bool m_ok = true;
};

} // namespace pb::store
