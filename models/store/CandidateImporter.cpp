#include "CandidateImporter.h"

#include "CandidateBinding.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using namespace pb::store::binding;

namespace pb::store {

CandidateImporter::CandidateImporter(Workbook &workbook)
    : m_workbook(workbook)
{
    if (m_error = workbook.checkWritable(); m_error) {
        m_ok = false;
        return;
    }
    SqliteDatabase &db = *workbook.m_db;
    {
        SqliteStatement names(db, u"SELECT id, name_key FROM candidates"_s);
        while (names.step())
            m_idByKey.insert(names.text(1), names.integer(0));
    }
    // A larger page cache for the length of the import keeps the name index in memory
    // instead of spilling pages mid-transaction; the default comes back afterwards.
    db.exec(u"PRAGMA cache_size = -16384"_s);
    m_transaction = std::make_unique<SqliteTransaction>(db);
    m_batchInsert = std::make_unique<SqliteStatement>(db, insertSql(kBatchRows));
    m_ok = m_transaction->isActive() && m_batchInsert->isValid();
}

CandidateImporter::~CandidateImporter()
{
    m_batchInsert.reset();
    m_transaction.reset(); // rolls back unless committed
    if (m_workbook.m_db->isOpen())
        m_workbook.m_db->exec(u"PRAGMA cache_size = -2000"_s);
}

bool CandidateImporter::flush()
{
    if (m_pending.isEmpty() || !m_ok)
        return m_ok;
    SqliteDatabase &db = *m_workbook.m_db;
    std::unique_ptr<SqliteStatement> tail;
    SqliteStatement *statement = m_batchInsert.get();
    if (m_pending.size() != kBatchRows) {
        tail = std::make_unique<SqliteStatement>(db, insertSql(int(m_pending.size())));
        statement = tail.get();
    }
    statement->reset();
    for (qsizetype row = 0; row < m_pending.size(); ++row)
        bindCandidate(*statement, m_pending.at(row), m_pendingKeys.at(row),
                      int(row) * kColumnCount);
    m_ok = statement->isValid() && statement->exec();
    if (m_ok) {
        // Rows of one INSERT get consecutive rowids; the last one is reported.
        const qint64 last = db.lastInsertId();
        for (qsizetype row = 0; row < m_pending.size(); ++row) {
            const qint64 id = last - m_pending.size() + 1 + row;
            m_added.append(id);
            m_idByKey.insert(m_pendingKeys.at(row), id);
        }
    }
    m_pending.clear();
    m_pendingKeys.clear();
    m_pendingKeySet.clear();
    return m_ok;
}

bool CandidateImporter::add(const CandidatePatch &patch)
{
    if (!m_ok)
        return false;
    const QString key = nameKey(patch.name);
    // A name met earlier in this import updates that row rather than adding it twice.
    if (m_pendingKeySet.contains(key) && !flush())
        return false;
    if (const auto found = m_idByKey.constFind(key); found != m_idByKey.cend()) {
        std::optional<Candidate> before = m_workbook.candidate(*found);
        if (!before)
            return m_ok = false;
        Candidate after = *before;
        patch.applyTo(after);
        if (after == *before) {
            ++m_unchanged;
            return true;
        }
        m_ok = m_workbook.writeCandidate(after, false, true);
        m_updatedBefore.append(*before);
        m_updatedIds.append(after.id);
        return m_ok;
    }
    Candidate added;
    patch.applyTo(added);
    added.name = patch.name.trimmed();
    m_pending.append(std::move(added));
    m_pendingKeys.append(key);
    m_pendingKeySet.insert(key);
    return m_pending.size() < kBatchRows || flush();
}

StoreError CandidateImporter::commit(ImportOutcome *outcome)
{
    *outcome = {};
    if (m_error)
        return m_error;
    flush();
    m_batchInsert.reset();
    if (!m_ok || !m_transaction->commit())
        return m_workbook.sqliteError(Workbook::tr("Importing candidates"));
    outcome->addedIds = m_added;
    outcome->updatedBefore = m_updatedBefore;
    outcome->unchanged = m_unchanged;
    WorkbookNotifier *notifier = m_workbook.notifier();
    if (!m_added.isEmpty())
        emit notifier->changed({Change::Entity::Candidate, Change::Kind::Inserted, m_added, {}});
    if (!m_updatedIds.isEmpty())
        emit notifier->changed(
            {Change::Entity::Candidate, Change::Kind::Updated, m_updatedIds, {}});
    return {};
}

} // namespace pb::store
