#pragma once

#include <QCollator>
#include <QLocale>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace pb::item {

// One text column in locale-aware order (QCollator: case-insensitive, numeric mode) as a
// number per row that sorts like its text: texts the collator finds equal share one, an
// empty text has none (NaN). CandidateSortKeys builds one per text column of the
// candidate table, the large ones off the UI thread, and keeps it up to date row by row:
// a new text takes a number between its neighbours', so an edit costs a binary search of
// collation keys, not a rebuild of 100,000 of them.
class CollationKeys
{
public:
    CollationKeys() = default;
    // Every row's key from its text; false (and nothing built) when *cancel turns true
    // on the way. Safe in a worker thread: it uses its own collator.
    bool build(const QLocale &locale, qsizetype rows,
               const std::function<QString(qsizetype)> &textOf,
               const std::atomic_bool *cancel = nullptr);

    qsizetype size() const { return qsizetype(m_rowKeys.size()); }
    const std::vector<double> &keys() const { return m_rowKeys; }
    void setText(qsizetype row, const QString &text);
    void append(const QString &text);
    void remove(qsizetype row);

private:
    double keyOf(const QString &text);
    void renumber();
    void setCollator(const QLocale &locale);

    QCollator m_collator;
    // One text for each distinct key, in collation order, and those keys (ascending).
    std::vector<QString> m_values;
    std::vector<double> m_valueKeys;
    std::vector<double> m_rowKeys;
};

} // namespace pb::item
