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

namespace {
// A candidate's ratings as one JSON array of [rater, audience, strategic, ease], over the
// ratings table (the caller adds the WHERE).
QString ratingsJsonSql()
{
    return u"SELECT json_group_array(json_array(rater, audience_overlap, strategic_value, "
           u"ease_of_integration)) FROM ratings"_s;
}
} // namespace

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

// The statements of an import's rating rows, prepared once for all of them.
struct CandidateImporter::RatingStatements
{
    explicit RatingStatements(SqliteDatabase &db)
        : find(db, u"SELECT id FROM candidates WHERE name_key = ?"_s)
        , keep(db, u"INSERT OR IGNORE INTO temp.import_ratings(import_id, candidate_id, before) "
                   u"VALUES (?1, ?2, (%1 WHERE candidate_id = ?2))"_s.arg(ratingsJsonSql()))
        , upsert(db, u"INSERT INTO ratings(candidate_id, rater, audience_overlap, "
                     u"strategic_value, ease_of_integration) VALUES (?1, ?2, ?3, ?4, ?5) "
                     u"ON CONFLICT(candidate_id, rater) DO UPDATE SET "
                     u"audience_overlap = coalesce(?3, audience_overlap), "
                     u"strategic_value = coalesce(?4, strategic_value), "
                     u"ease_of_integration = coalesce(?5, ease_of_integration)"_s)
    {
        SqliteStatement raters(db, u"SELECT DISTINCT rater FROM ratings"_s);
        while (raters.step())
            spelling.insert(nameKey(raters.text(0)), raters.text(0));
    }
    bool isValid() const { return find.isValid() && keep.isValid() && upsert.isValid(); }

    SqliteStatement find;
    SqliteStatement keep;
    SqliteStatement upsert;
    QHash<QString, QString> spelling; // a rater's name key -> the name as stored
};

bool CandidateImporter::applyRatings()
{
    if (m_ratings.isEmpty())
        return true;
    SqliteDatabase &db = *m_workbook.m_db;
    RatingStatements statements(db);
    const QString first = m_workbook.firstRater();
    QSet<qint64> kept(m_updated.cbegin(), m_updated.cend()); // before-images already kept
    m_ok = m_ok && statements.isValid();
    for (qsizetype i = 0; m_ok && i < m_ratings.size(); ++i)
        m_ok = applyRating(m_ratings.at(i), first, statements, kept);
    if (!m_ok)
        return false;
    // What the ratings are now, for redo: one statement for every candidate the rows touched.
    SqliteStatement after(db, u"UPDATE temp.import_ratings SET after = (%1 WHERE candidate_id = "
                              u"import_ratings.candidate_id) WHERE import_id = ?"_s.arg(
                                  ratingsJsonSql()));
    after.bindInt(1, m_importId);
    return m_ok = after.exec();
}

// One rater's row: the first rater's scores are the candidate's own (its before-image kept as
// any updated row's), anyone else's their rating (the ratings before kept for undo).
bool CandidateImporter::applyRating(const RatingPatch &patch, const QString &firstRater,
                                    RatingStatements &statements, QSet<qint64> &kept)
{
    statements.find.reset();
    statements.find.bindText(1, nameKey(patch.name));
    if (!statements.find.step()) {
        m_error = StoreError::make(
            StoreError::Code::InvalidValue,
            Workbook::tr("Line %1: no candidate named \"%2\" in the workbook or the file. A "
                         "row with a rater scores a candidate that has a row of its own.")
                .arg(patch.line)
                .arg(patch.name));
        return false;
    }
    const qint64 id = statements.find.integer(0);
    if (Ratings::sameRater(patch.rating.rater, firstRater))
        return applyOwnScores(id, patch.rating, kept);
    if (!keepBefore(id, kept))
        return false;
    statements.keep.reset();
    statements.keep.bindInt(1, m_importId);
    statements.keep.bindInt(2, id);
    const QString key = nameKey(patch.rating.rater);
    const QString rater = statements.spelling.value(key, patch.rating.rater.trimmed());
    statements.spelling.insert(key, rater);
    SqliteStatement &upsert = statements.upsert;
    upsert.reset();
    upsert.bindInt(1, id);
    upsert.bindText(2, rater);
    int column = 3;
    for (Dimension dimension : ScoringDimensions::all) {
        if (const auto score = Ratings::score(patch.rating, dimension))
            upsert.bindInt(column++, *score);
        else
            upsert.bindNull(column++);
    }
    return statements.keep.exec() && upsert.exec();
}

// The first rater's row: the provided scores become the candidate's own.
bool CandidateImporter::applyOwnScores(qint64 id, const Rating &scores, QSet<qint64> &kept)
{
    const std::optional<Candidate> before = m_workbook.candidate(id);
    if (!before)
        return false;
    Candidate after = *before;
    for (Dimension dimension : ScoringDimensions::all) {
        if (const auto score = Ratings::score(scores, dimension))
            CandidateFields::setValue(after, ScoringDimensions::field(dimension), *score);
    }
    if (after == *before)
        return true;
    return keepBefore(id, kept) && m_workbook.writeCandidate(after, false, true);
}

// A candidate a rating row changes counts as updated by the import: its row's before-image is
// kept once (unless the import added it), so undo and redo and the listeners know of it.
bool CandidateImporter::keepBefore(qint64 id, QSet<qint64> &kept)
{
    if (kept.contains(id) || std::binary_search(m_added.cbegin(), m_added.cend(), id))
        return true;
    kept.insert(id);
    m_keepBefore->reset();
    m_keepBefore->bindInt(1, m_importId);
    m_keepBefore->bindInt(2, id);
    m_updated.append(id);
    return m_keepBefore->exec();
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
