#include "CollationKeys.h"

#include <QCollatorSortKey>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace pb::item {

namespace {
// Room between neighbouring keys, so that new texts fit between them: a double holds
// integers exactly up to 2^53, which leaves 20 halvings at each place for 100 million
// distinct texts.
constexpr double kGap = double(1 << 20);
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
} // namespace

void CollationKeys::setCollator(const QLocale &locale)
{
    m_collator = QCollator(locale);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
}

bool CollationKeys::build(const QLocale &locale, qsizetype rows,
                          const std::function<QString(qsizetype)> &textOf,
                          const std::atomic_bool *cancel)
{
    const auto cancelled = [cancel] {
        return cancel && cancel->load(std::memory_order_relaxed);
    };
    setCollator(locale);
    // Distinct texts first: an owner or a qualification answer repeats on thousands of
    // rows, and a collation key costs a microsecond.
    QHash<QString, int> idOf;
    std::vector<QString> distinct;
    std::vector<int> rowIds(std::size_t(rows), -1);
    for (qsizetype row = 0; row < rows; ++row) {
        if ((row & 1023) == 0 && cancelled())
            return false;
        const QString text = textOf(row);
        if (text.isEmpty())
            continue;
        auto it = idOf.find(text);
        if (it == idOf.end()) {
            it = idOf.insert(text, int(distinct.size()));
            distinct.push_back(text);
        }
        rowIds[std::size_t(row)] = *it;
    }
    idOf = {};
    std::vector<QCollatorSortKey> sortKeys;
    sortKeys.reserve(distinct.size());
    for (const QString &text : distinct) {
        if ((sortKeys.size() & 1023) == 0 && cancelled())
            return false;
        sortKeys.push_back(m_collator.sortKey(text));
    }
    std::vector<int> order(distinct.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return sortKeys[std::size_t(a)].compare(sortKeys[std::size_t(b)]) < 0;
    });
    if (cancelled())
        return false;
    std::vector<double> keyOfId(distinct.size());
    m_values.clear();
    m_valueKeys.clear();
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto id = std::size_t(order[i]);
        const bool tie = i > 0 && sortKeys[id].compare(sortKeys[std::size_t(order[i - 1])]) == 0;
        if (!tie) {
            m_values.push_back(distinct[id]);
            m_valueKeys.push_back(double(m_valueKeys.size()) * kGap);
        }
        keyOfId[id] = m_valueKeys.back();
    }
    m_rowKeys.resize(std::size_t(rows));
    for (std::size_t row = 0; row < rowIds.size(); ++row)
        m_rowKeys[row] = rowIds[row] < 0 ? kNone : keyOfId[std::size_t(rowIds[row])];
    return true;
}

void CollationKeys::setText(qsizetype row, const QString &text)
{
    m_rowKeys[std::size_t(row)] = keyOf(text);
}

void CollationKeys::append(const QString &text)
{
    m_rowKeys.push_back(keyOf(text));
}

void CollationKeys::remove(qsizetype row)
{
    // The text's key stays among the values: a later text equal to it finds it.
    m_rowKeys.erase(m_rowKeys.begin() + row);
}

// The key of a text: the one of an equal text (for the collator) when there is one, else a
// new one between its neighbours'. Binary search with collation keys (compare() may
// disagree with sort keys in the C locale); the values keep no keys, to keep memory low.
double CollationKeys::keyOf(const QString &text)
{
    if (text.isEmpty())
        return kNone;
    const QCollatorSortKey key = m_collator.sortKey(text);
    std::size_t low = 0, high = m_values.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        const int c = m_collator.sortKey(m_values[middle]).compare(key);
        if (c == 0)
            return m_valueKeys[middle];
        if (c < 0)
            low = middle + 1;
        else
            high = middle;
    }
    const double below =
        low > 0 ? m_valueKeys[low - 1] : (m_values.empty() ? 0 : m_valueKeys.front() - 2 * kGap);
    const double above = low < m_values.size() ? m_valueKeys[low] : below + 2 * kGap;
    const double between = below + (above - below) / 2;
    if (!(between > below && between < above)) {
        renumber();
        return keyOf(text);
    }
    m_values.insert(m_values.begin() + std::ptrdiff_t(low), text);
    m_valueKeys.insert(m_valueKeys.begin() + std::ptrdiff_t(low), between);
    return between;
}

// Even room between all keys again (rare: many new texts at one place), in the same order.
void CollationKeys::renumber()
{
    const std::vector<double> old = m_valueKeys;
    for (std::size_t i = 0; i < m_valueKeys.size(); ++i)
        m_valueKeys[i] = double(i) * kGap;
    for (double &key : m_rowKeys) {
        if (std::isnan(key))
            continue;
        const auto at = std::lower_bound(old.begin(), old.end(), key);
        key = m_valueKeys[std::size_t(at - old.begin())];
    }
}

} // namespace pb::item
