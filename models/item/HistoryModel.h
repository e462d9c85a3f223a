#pragma once

#include "domain/History.h"

#include <QAbstractItemModel>
#include <QHash>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// The workbook's history as a tree for the History panel: the steps newest first, each with
// its changes as children. Steps are read a page at a time as the view scrolls (fetchMore),
// so a history of 100,000 steps shows at once; the model reads again from the top when the
// store announces a change (while live) or the candidate filter changes.
class HistoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // What holds a step's author and a change's values as well ("Change stage — Maya",
    // "Acme · Stage: sourced → pilot"), for a narrow panel; Author, Before and After hold
    // them alone.
    enum Column { When, Author, What, Before, After, ColumnCount };
    static constexpr qsizetype kPageSize = 200;

    explicit HistoryModel(store::Workbook *workbook, QObject *parent = nullptr);

    // Only the steps touching this candidate (its lasting id; empty: all).
    void setOwner(const QByteArray &owner);
    QByteArray owner() const { return m_owner; }
    // While not live (the panel hidden) announcements only mark the model stale.
    void setLive(bool live);
    void reload();

    // The step a row shows, and for a change's row the change (null for a step's row).
    const domain::HistoryStep *step(const QModelIndex &index) const;
    const domain::HistoryChange *change(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QVariant stepData(const domain::HistoryStep &step, int column, int role) const;
    QVariant changeData(const domain::HistoryChange &change, int column, int role) const;
    QString ownerName(const QByteArray &owner) const;

    store::Workbook *m_workbook;
    QByteArray m_owner;
    QList<domain::HistoryStep> m_steps;
    QHash<QByteArray, QString> m_names;
    bool m_atEnd = false;
    bool m_live = true;
    bool m_stale = false;
    bool m_namesStale = true; // a candidate changed since the names were read
};

} // namespace pb::item
