#include "CandidateSortKeys.h"

#include "CandidateTableModel.h"
#include "domain/CandidateField.h"
#include "domain/Ratings.h"

#include <climits>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <limits>
#include <numeric>

using namespace pb::domain;

namespace pb::item {

namespace {
using Model = CandidateTableModel;
static_assert(Model::ColumnCount <= 64, "CandidateSortKeys holds 64 columns");
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
// The text columns keyed by the worker, in this order: the name (every row has its own,
// and it breaks ties in every column), the owner (shown), the website (hidden at first).
// Hidden qualification answers are keyed when first sorted.
constexpr int kWorkerColumns[] = {Model::NameColumn, Model::OwnerColumn, Model::WebsiteColumn};

// A thread's malloc arena keeps what it freed: the worker's collation keys (some 15 MB
// for 100,000 names) would stay in the process's resident memory.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
} // namespace

CandidateSortKeys::~CandidateSortKeys()
{
    stopWorkers();
}

void CandidateSortKeys::forgetOrders()
{
    m_viewColumn = -1;
    m_tie.clear();
    m_byName.clear();
}

CandidateSortKeys::Kind CandidateSortKeys::kindOf(int column)
{
    switch (column) {
    case Model::RankColumn:
        return Kind::Rank;
    case Model::ScoreColumn:
        return Kind::Score;
    case Model::AudienceOverlapColumn:
    case Model::StrategicValueColumn:
    case Model::EaseOfIntegrationColumn:
    case Model::SpreadColumn:
    case Model::StructureColumn:
    case Model::StageColumn:
        return Kind::Number;
    default:
        return Kind::Text;
    }
}

QString CandidateSortKeys::textOf(const Candidate &candidate, int column)
{
    const auto field = Model::fieldOf(column);
    return field ? CandidateFields::value(candidate, *field).toString() : QString();
}

double CandidateSortKeys::numberOf(const Candidate &c, int column)
{
    // Scores sort by the raters' mean (the one score when one person rated).
    const auto mean = [&c](Dimension dimension) {
        return Ratings::mean(c, dimension).value_or(kNone);
    };
    switch (column) {
    case Model::AudienceOverlapColumn:
        return mean(Dimension::AudienceOverlap);
    case Model::StrategicValueColumn:
        return mean(Dimension::StrategicValue);
    case Model::EaseOfIntegrationColumn:
        return mean(Dimension::EaseOfIntegration);
    case Model::SpreadColumn: {
        const std::optional<int> spread = Ratings::widestSpread(c);
        return spread ? double(*spread) : kNone;
    }
    case Model::StructureColumn:
        return c.structure == Structure::Unset ? kNone : double(int(c.structure));
    case Model::StageColumn:
        return double(int(c.stage));
    default:
        return kNone;
    }
}

void CandidateSortKeys::reset(const QList<Candidate> *candidates)
{
    stopWorkers();
    m_candidates = candidates;
    forgetOrders();
    for (int column = 0; column < Model::ColumnCount; ++column) {
        m_numbers[column].clear();
        m_texts[column].reset();
    }
    m_rank.assign(std::size_t(rows()), INT_MAX);
    m_rankKeys.assign(std::size_t(rows()), kNone);
    m_scoreKeys.assign(std::size_t(rows()), kNone);
    startWorkers();
}

void CandidateSortKeys::stopWorkers()
{
    if (!m_worker.thread.joinable())
        return;
    m_worker.cancel->store(true);
    m_worker.thread.join();
    // Keys the worker finished stay (they are for the rows as they are).
    for (int column = 0; column < kColumns; ++column) {
        if (!m_worker.keys[column].valid())
            continue;
        std::unique_ptr<CollationKeys> keys = m_worker.keys[column].get();
        if (keys && keys->size() == rows())
            m_texts[column] = std::move(keys);
    }
    m_worker = {};
}

void CandidateSortKeys::startWorkers()
{
    // A few rows are keyed at once when first needed; the worker is for large tables.
    if (rows() < 2000 || m_worker.thread.joinable())
        return;
    std::vector<std::pair<int, std::promise<std::unique_ptr<CollationKeys>>>> jobs;
    for (int column : kWorkerColumns) {
        if (m_texts[column])
            continue;
        jobs.emplace_back(column, std::promise<std::unique_ptr<CollationKeys>>());
        m_worker.keys[column] = jobs.back().second.get_future();
    }
    if (jobs.empty())
        return;
    m_worker.cancel = std::make_shared<std::atomic_bool>(false);
    // A copy of the list (shared, not copied) and of the locale: the worker reads nothing
    // the UI thread changes.
    m_worker.thread = std::thread([candidates = *m_candidates, jobs = std::move(jobs),
                                   cancel = m_worker.cancel, locale = QLocale()]() mutable {
        for (auto &[column, promise] : jobs) {
            auto keys = std::make_unique<CollationKeys>();
            const auto text = [&, column = column](qsizetype row) {
                return textOf(candidates.at(row), column);
            };
            if (!keys->build(locale, candidates.size(), text, cancel.get()))
                keys.reset();
            promise.set_value(std::move(keys));
        }
        releaseFreedMemory();
    });
}

void CandidateSortKeys::rowsChanged(const QList<int> &changed)
{
    forgetOrders();
    for (int column = 0; column < Model::ColumnCount; ++column) {
        for (int row : changed) {
            const Candidate &c = m_candidates->at(row);
            if (m_texts[column])
                m_texts[column]->setText(row, textOf(c, column));
            else if (!m_numbers[column].empty())
                m_numbers[column][std::size_t(row)] = numberOf(c, column);
        }
    }
}

void CandidateSortKeys::rowsAppended(int first)
{
    forgetOrders();
    for (int row = first; row < rows(); ++row) {
        const Candidate &c = m_candidates->at(row);
        for (int column = 0; column < Model::ColumnCount; ++column) {
            if (m_texts[column])
                m_texts[column]->append(textOf(c, column));
            else if (!m_numbers[column].empty())
                m_numbers[column].push_back(numberOf(c, column));
        }
        m_rank.push_back(INT_MAX);
        m_rankKeys.push_back(kNone);
        m_scoreKeys.push_back(kNone);
    }
}

void CandidateSortKeys::rowRemoved(int row)
{
    forgetOrders();
    for (int column = 0; column < Model::ColumnCount; ++column) {
        if (m_texts[column])
            m_texts[column]->remove(row);
        else if (!m_numbers[column].empty())
            m_numbers[column].erase(m_numbers[column].begin() + row);
    }
    m_rank.erase(m_rank.begin() + row);
    m_rankKeys.erase(m_rankKeys.begin() + row);
    m_scoreKeys.erase(m_scoreKeys.begin() + row);
}

void CandidateSortKeys::setRanks(const std::vector<RankEntry> &ranks)
{
    m_viewColumn = -1;
    m_tie.clear();
    m_rank.resize(ranks.size());
    m_rankKeys.resize(ranks.size());
    m_scoreKeys.resize(ranks.size());
    for (std::size_t row = 0; row < ranks.size(); ++row) {
        const RankEntry &entry = ranks[row];
        m_rank[row] = entry.rank > 0 ? entry.rank : INT_MAX;
        m_rankKeys[row] = entry.rank > 0 ? double(entry.rank) : kNone;
        m_scoreKeys[row] = entry.score.value_or(kNone);
    }
}

// A text column's keys: the worker's when it has one (waiting for it to finish if need
// be), else built here.
void CandidateSortKeys::buildText(int column) const
{
    if (auto &keys = m_worker.keys[column]; keys.valid()) {
        m_texts[column] = keys.get();
        if (m_texts[column] && m_texts[column]->size() == rows())
            return;
    }
    m_texts[column] = std::make_unique<CollationKeys>();
    m_texts[column]->build(QLocale(), rows(), [this, column](qsizetype row) {
        return textOf(m_candidates->at(row), column);
    });
}

const std::vector<double> &CandidateSortKeys::keys(int column) const
{
    switch (kindOf(column)) {
    case Kind::Rank:
        return m_rankKeys;
    case Kind::Score:
        return m_scoreKeys;
    case Kind::Number: {
        std::vector<double> &numbers = m_numbers[column];
        if (numbers.size() != std::size_t(rows())) {
            numbers.resize(std::size_t(rows()));
            for (qsizetype row = 0; row < rows(); ++row)
                numbers[std::size_t(row)] = numberOf(m_candidates->at(row), column);
        }
        return numbers;
    }
    case Kind::Text:
        break;
    }
    if (!m_texts[column])
        buildText(column);
    return m_texts[column]->keys();
}

// Each row's place in rank order, the unranked rows after the ranked ones by name (equal
// names sharing one): how ties are broken in every column. After a weight change only the
// ranks are new, so this costs a pass over the rows, not a sort.
const std::vector<int> &CandidateSortKeys::tieOrder() const
{
    if (m_tie.size() == std::size_t(rows()))
        return m_tie;
    const std::vector<double> &names = keys(Model::NameColumn);
    if (m_byName.size() != names.size()) {
        m_byName.resize(names.size());
        std::iota(m_byName.begin(), m_byName.end(), 0);
        std::stable_sort(m_byName.begin(), m_byName.end(), [&names](int a, int b) {
            const double x = names[std::size_t(a)], y = names[std::size_t(b)];
            return std::isnan(y) ? !std::isnan(x) : x < y; // no name last
        });
    }
    m_tie.assign(names.size(), 0);
    int ranked = 0;
    for (std::size_t row = 0; row < names.size(); ++row) {
        if (m_rank[row] != INT_MAX) {
            m_tie[row] = m_rank[row] - 1; // ranks are 1, 2, 3 ... without gaps
            ++ranked;
        }
    }
    int place = ranked, previous = -1;
    for (int row : m_byName) {
        if (m_rank[std::size_t(row)] != INT_MAX)
            continue;
        const double name = names[std::size_t(row)];
        const bool tie =
            previous >= 0 && (name == names[std::size_t(previous)] ||
                              (std::isnan(name) && std::isnan(names[std::size_t(previous)])));
        m_tie[std::size_t(row)] = tie ? m_tie[std::size_t(previous)] : place;
        previous = row;
        ++place;
    }
    return m_tie;
}

// The rows in the order a view sorted by this column shows them, as each row's place
// (ties share one). Sorting compact entries here costs a few milliseconds; the proxy's own
// sort then compares two integers instead of reading arrays at random.
void CandidateSortKeys::buildView(int column, Qt::SortOrder order) const
{
    const std::vector<int> &ties = tieOrder();
    const bool ascending = order == Qt::AscendingOrder;
    m_viewColumn = column;
    m_viewOrder = order;
    if (column == Model::RankColumn) {
        // Rank order is the tie order; reversed, the ranked rows turn round and the
        // unranked stay last.
        m_viewPosition = ties;
        if (!ascending) {
            const auto ranked = std::count_if(m_rank.begin(), m_rank.end(),
                                              [](int rank) { return rank != INT_MAX; });
            for (std::size_t row = 0; row < ties.size(); ++row) {
                if (m_rank[row] != INT_MAX)
                    m_viewPosition[row] = int(ranked) - m_rank[row];
            }
        }
        return;
    }
    struct Entry
    {
        double key;
        int tie;
        int row;
    };
    const std::vector<double> &values = keys(column);
    std::vector<Entry> entries(values.size());
    for (std::size_t row = 0; row < entries.size(); ++row)
        entries[row] = {values[row], ties[row], int(row)};
    // Rows without a value last, whichever the order; ties in rank order, then by name.
    const auto before = [ascending](const Entry &a, const Entry &b) {
        const bool hasA = !std::isnan(a.key), hasB = !std::isnan(b.key);
        if (hasA != hasB)
            return hasA;
        if (hasA && a.key != b.key)
            return ascending ? a.key < b.key : b.key < a.key;
        return a.tie < b.tie;
    };
    std::sort(entries.begin(), entries.end(), before);
    m_viewPosition.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool tie = i > 0 && !before(entries[i - 1], entries[i]);
        m_viewPosition[std::size_t(entries[i].row)] =
            tie ? m_viewPosition[std::size_t(entries[i - 1].row)] : int(i);
    }
}

bool CandidateSortKeys::lessThan(int column, int left, int right, Qt::SortOrder order) const
{
    if (m_viewColumn != column || m_viewOrder != order ||
        m_viewPosition.size() != std::size_t(rows()))
        buildView(column, order);
    const int a = m_viewPosition[std::size_t(left)], b = m_viewPosition[std::size_t(right)];
    // Descending, the proxy asks lessThan(right, left).
    return order == Qt::AscendingOrder ? a < b : b < a;
}

} // namespace pb::item
