#pragma once

#include "CollationKeys.h"
#include "domain/Candidate.h"
#include "domain/Scoring.h"

#include <QList>

#include <atomic>
#include <future>
#include <memory>
#include <thread>
#include <vector>

namespace pb::item {

// The sort keys of CandidateTableModel's columns: one number per row and column, in dense
// arrays, for its lessThan. Reading the candidates themselves for each of the ~2 million
// comparisons of a 100,000-row sort misses the cache on every one (a sort cost 300 ms).
// Numeric columns are built when first sorted (one pass over the rows); text columns by
// CollationKeys, the name, owner and website in a worker thread as soon as the candidates
// are loaded, so the first sort does not wait for 100,000 collation keys (the name also
// breaks ties in every column). For the column
// being sorted, each row's place in the view is worked out once from those keys, so the
// proxy's comparisons read one integer per row. The model applies each change of its
// rows here before the views hear of it; stopWorkers() comes first, as the worker reads
// a copy of the list that an edit would otherwise detach.
class CandidateSortKeys
{
public:
    CandidateSortKeys() = default;
    ~CandidateSortKeys();
    CandidateSortKeys(const CandidateSortKeys &) = delete;
    CandidateSortKeys &operator=(const CandidateSortKeys &) = delete;

    // After a load: drops every key and starts the worker on *candidates (the model's
    // list, read until the next reset).
    void reset(const QList<domain::Candidate> *candidates);
    // Waits for the worker to stop (before the rows change) ...
    void stopWorkers();
    // ... and starts it again for the text columns it had not finished.
    void startWorkers();
    void rowsChanged(const QList<int> &rows);
    void rowsAppended(int first);
    void rowRemoved(int row);
    // The ranking changed (each row's rank and score).
    void setRanks(const std::vector<domain::RankEntry> &ranks);

    // Whichever the order, rows without a value (unranked, unscored, unset, empty) come
    // last, and ties stay in rank order, then name order.
    bool lessThan(int column, int left, int right, Qt::SortOrder order) const;

private:
    static constexpr int kColumns = 64;
    // One thread keys the large text columns one after the other (one at a time keeps
    // the memory they need while building low); each column's keys come as they are done.
    struct Worker
    {
        std::shared_ptr<std::atomic_bool> cancel;
        std::thread thread;
        std::future<std::unique_ptr<CollationKeys>> keys[kColumns];
    };
    enum class Kind { Rank, Score, Number, Text };
    static Kind kindOf(int column);
    static QString textOf(const domain::Candidate &candidate, int column);
    static double numberOf(const domain::Candidate &candidate, int column);
    const std::vector<double> &keys(int column) const;
    void buildText(int column) const;
    void buildView(int column, Qt::SortOrder order) const;
    const std::vector<int> &tieOrder() const;
    void forgetOrders();
    qsizetype rows() const { return m_candidates ? m_candidates->size() : 0; }

    const QList<domain::Candidate> *m_candidates = nullptr;
    mutable std::vector<double> m_numbers[kColumns]; // empty until first needed
    mutable std::unique_ptr<CollationKeys> m_texts[kColumns];
    mutable Worker m_worker;
    std::vector<int> m_rank; // INT_MAX: unranked
    std::vector<double> m_rankKeys;
    std::vector<double> m_scoreKeys;
    mutable std::vector<int> m_byName; // rows in name order (empty: to be worked out)
    mutable std::vector<int> m_tie;    // tieOrder() (empty: to be worked out)
    // Each row's place in the view sorted by m_viewColumn in m_viewOrder (-1: none yet).
    mutable std::vector<int> m_viewPosition;
    mutable int m_viewColumn = -1;
    mutable Qt::SortOrder m_viewOrder = Qt::AscendingOrder;
};

} // namespace pb::item
