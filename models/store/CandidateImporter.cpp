#include "CandidateImporter.h"

#include "CandidateBinding.h"
#include "History.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QSet>

#include <algorithm>
#include <utility>

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
            m_existing.insert(names.text(1), names.integer(0));
    }
    // A larger page cache for the length of the import keeps the name index in memory
    // instead of spilling pages mid-transaction; the default comes back afterwards. 32 MB
    // holds the index of a million names: a million-row import measured 3.4 s of SQLite's
    // own work with 16 MB, 2.6 s with 32 MB, 2.5 s with no index and one built after.
    db.exec(u"PRAGMA cache_size = -32768"_s);
    m_ok = workbook.prepareImportHistory();
    m_importId = workbook.m_nextImportId++;
    // One step of the history, of the kind that lists the added records as a count.
    if (const HistoryRecorder *history = workbook.m_history.get()) {
        const QString label = history->context().label;
        m_historyScope = std::make_unique<HistoryScope>(
            workbook, domain::HistoryKind::Import,
            label.isEmpty() ? Workbook::tr("Import candidates") : label);
    }
    m_transaction = std::make_unique<SqliteTransaction>(db);
    if (m_ok && m_transaction->isActive() && workbook.m_history)
        m_ok = workbook.m_history->suspendAdds(u"candidates"_s);
    m_batchInsert = std::make_unique<SqliteStatement>(db, insertSql(kBatchRows));
    m_shortBatchInsert =
        std::make_unique<SqliteStatement>(db, insertSql(kBatchRows, kFirstVersionColumns));
    m_keepBefore = std::make_unique<SqliteStatement>(
        db, u"INSERT INTO temp.import_before SELECT ?1, %1 FROM candidates WHERE id = ?2"_s.arg(
                Workbook::importColumns()));
    m_ok = m_ok && m_transaction->isActive() && m_batchInsert->isValid() &&
           m_shortBatchInsert->isValid() && m_keepBefore->isValid();
}

CandidateImporter::~CandidateImporter()
{
    m_batchInsert.reset();
    m_shortBatchInsert.reset();
    m_keepBefore.reset();
    m_transaction.reset(); // rolls back unless committed
    if (m_workbook.m_db->isOpen())
        m_workbook.m_db->exec(u"PRAGMA cache_size = -2000"_s);
}

PreparedCandidate CandidateImporter::prepare(CandidatePatch &&patch) const
{
    PreparedCandidate prepared;
    const QString key = nameKey(patch.name);
    if (const auto found = m_existing.constFind(key); found != m_existing.cend()) {
        prepared.existingId = *found;
        prepared.patch = std::move(patch);
        return prepared;
    }
    Candidate added = std::move(patch.values);
    added.name = patch.name.trimmed();
    prepared.row.encode(added, key);
    return prepared;
}

bool CandidateImporter::flush()
{
    if (m_pending.empty() || !m_ok)
        return m_ok;
    SqliteDatabase &db = *m_workbook.m_db;
    const qsizetype rows = qsizetype(m_pending.size());
    const int columns = std::all_of(m_pending.cbegin(), m_pending.cend(),
                                    [](const EncodedRow *row) {
                                        return row->columnsNeeded() == kFirstVersionColumns;
                                    })
                            ? kFirstVersionColumns
                            : kColumnCount;
    std::unique_ptr<SqliteStatement> tail;
    SqliteStatement *statement =
        columns == kColumnCount ? m_batchInsert.get() : m_shortBatchInsert.get();
    if (rows != kBatchRows) {
        tail = std::make_unique<SqliteStatement>(db, insertSql(int(rows), columns));
        statement = tail.get();
    }
    statement->reset();
    for (qsizetype row = 0; row < rows; ++row)
        m_pending[std::size_t(row)]->bindTo(*statement, int(row) * columns, columns);
    m_ok = statement->isValid() && statement->exec();
    if (m_ok) {
        // Rows of one INSERT get consecutive rowids; the last one is reported.
        const qint64 last = db.lastInsertId();
        for (qsizetype row = 0; row < rows; ++row)
            m_added.append(last - rows + 1 + row);
        m_written += rows;
    }
    m_pending.clear();
    return m_ok;
}

bool CandidateImporter::update(PreparedCandidate &row)
{
    std::optional<Candidate> before = m_workbook.candidate(row.existingId);
    if (!before)
        return m_ok = false;
    Candidate after = *before;
    row.patch.applyTo(after);
    ++m_written;
    if (after == *before) {
        ++m_unchanged;
        return true;
    }
    m_keepBefore->reset();
    m_keepBefore->bindInt(1, m_importId);
    m_keepBefore->bindInt(2, after.id);
    m_ok = m_keepBefore->exec() && m_workbook.writeCandidate(after, false, true);
    m_updated.append(after.id);
    return m_ok;
}

bool CandidateImporter::add(std::span<PreparedCandidate> rows)
{
    if (!m_single.empty() && !addSingles())
        return false;
    for (PreparedCandidate &row : rows) {
        if (!m_ok)
            return false;
        if (row.existingId != 0) {
            update(row);
            continue;
        }
        m_pending.push_back(&row.row);
        if (qsizetype(m_pending.size()) == kBatchRows)
            flush();
    }
    // The rows are the caller's: none may be left pending when it gets them back.
    return flush();
}

bool CandidateImporter::add(const CandidatePatch &patch)
{
    // Rows added one by one are gathered into full batches before they are written.
    m_single.push_back(prepare(CandidatePatch(patch)));
    return qsizetype(m_single.size()) < kBatchRows || addSingles();
}

bool CandidateImporter::addSingles()
{
    std::vector<PreparedCandidate> rows = std::exchange(m_single, {});
    return rows.empty() || add(rows);
}

bool CandidateImporter::applyRatings()
{
    if (m_ratings.isEmpty())
        return true;
    const QString first = m_workbook.firstRater();
    QSet<qint64> touched;
    QSet<qint64> kept(m_updated.cbegin(), m_updated.cend()); // before-images already kept
    for (const RatingPatch &patch : std::as_const(m_ratings)) {
        if (!applyRating(patch, first, touched, kept))
            return false;
    }
    // What the ratings are now, for redo.
    for (qint64 id : std::as_const(touched)) {
        if (!m_workbook.keepImportRatings(m_importId, id, false))
            return m_ok = false;
    }
    return true;
}

// One rater's row: the first rater's scores are the candidate's own (its before-image kept as
// any updated row's), anyone else's their rating (the ratings before kept for undo).
bool CandidateImporter::applyRating(const RatingPatch &patch, const QString &firstRater,
                                    QSet<qint64> &touched, QSet<qint64> &kept)
{
    const std::optional<qint64> id = m_workbook.candidateIdByName(patch.name);
    if (!id) {
        m_error = StoreError::make(
            StoreError::Code::InvalidValue,
            Workbook::tr("Line %1: no candidate named \"%2\" in the workbook or the file. A "
                         "row with a rater scores a candidate that has a row of its own.")
                .arg(patch.line)
                .arg(patch.name));
        return m_ok = false;
    }
    const std::optional<Candidate> before = m_workbook.candidate(*id);
    Candidate after = *before;
    const bool own = Ratings::sameRater(patch.rating.rater, firstRater);
    Rating mine = own ? Ratings::own(after) : Rating{patch.rating.rater.trimmed(), {}, {}, {}};
    auto theirs = std::find_if(after.ratings.begin(), after.ratings.end(), [&](const Rating &r) {
        return Ratings::sameRater(r.rater, patch.rating.rater);
    });
    if (!own && theirs != after.ratings.end())
        mine = *theirs;
    for (Dimension dimension : ScoringDimensions::all) {
        if (const auto score = Ratings::score(patch.rating, dimension))
            Ratings::setScore(mine, dimension, score);
    }
    if (own) {
        after.audienceOverlap = mine.audienceOverlap;
        after.strategicValue = mine.strategicValue;
        after.easeOfIntegration = mine.easeOfIntegration;
    } else if (theirs != after.ratings.end()) {
        *theirs = mine;
    } else {
        after.ratings.append(mine);
    }
    if (after == *before)
        return true;
    const bool added = std::binary_search(m_added.cbegin(), m_added.cend(), *id);
    if (!added && !kept.contains(*id)) {
        kept.insert(*id);
        m_keepBefore->reset();
        m_keepBefore->bindInt(1, m_importId);
        m_keepBefore->bindInt(2, *id);
        m_ok = m_keepBefore->exec();
        m_updated.append(*id);
    }
    if (!touched.contains(*id))
        m_ok = m_ok && m_workbook.keepImportRatings(m_importId, *id, true);
    touched.insert(*id);
    return m_ok = m_ok && m_workbook.writeCandidate(after, false, true) &&
                  m_workbook.writeRatings({after});
}

StoreError CandidateImporter::commit(ImportOutcome *outcome)
{
    *outcome = {};
    if (m_error)
        return m_error;
    addSingles();
    if (m_ok && !applyRatings())
        return m_error ? m_error : m_workbook.sqliteError(Workbook::tr("Importing ratings"));
    m_batchInsert.reset();
    m_shortBatchInsert.reset();
    m_keepBefore.reset();
    if (m_ok && !m_added.isEmpty()) {
        SqliteStatement count(*m_workbook.m_db, HistoryRecorder::countAddedSql());
        count.bindText(1, u"candidates"_s);
        count.bindInt(2, m_added.size());
        m_ok = count.exec();
    }
    if (m_ok && m_workbook.m_history)
        m_ok = m_workbook.m_history->resumeAdds(u"candidates"_s);
    if (!m_ok || !m_transaction->commit())
        return m_workbook.sqliteError(Workbook::tr("Importing candidates"));
    outcome->importId = m_importId;
    outcome->addedIds = m_added;
    outcome->updatedIds = m_updated;
    outcome->unchanged = m_unchanged;
    m_workbook.announceImport(*outcome, Change::Kind::Inserted);
    return {};
}

} // namespace pb::store
