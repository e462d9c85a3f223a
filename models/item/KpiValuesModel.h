#pragma once

#include "domain/KpiRules.h"

#include <QAbstractTableModel>

namespace pb::item {

class KpiTracker;

// The entry grid: one row per period (oldest first), one column per KPI. Typing a number
// sets the value, clearing the cell removes it; each edit and each paste is one undo step.
// Values show formatted by unit; the edit text is the plain number. A period the user
// added stays as an empty row until values are typed into it.
class KpiValuesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // domain::KpiStatus of the value against the target
        PeriodRole,                    // the period as text
    };

    explicit KpiValuesModel(KpiTracker *tracker, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    domain::KpiPeriod period(int row) const { return m_periods.value(row); }
    int rowOf(const domain::KpiPeriod &period) const;
    // Adds an empty row for a period (no-op when it is there); its row.
    int addPeriod(const domain::KpiPeriod &period);
    // The period after the last one: next month, or next week for daily periods, or this
    // month when there is none.
    domain::KpiPeriod suggestedNextPeriod(const QDate &today) const;

    // Pastes tab-separated rows (from a spreadsheet) with topLeft as the first cell; rows
    // beyond the last period continue with the following periods. All or nothing: the
    // first bad cell refuses the paste, naming it. Empty cells clear values.
    QString paste(const QModelIndex &topLeft, const QString &text);
    // Copies the cells of the rectangle as tab-separated plain numbers.
    QString copy(const QModelIndexList &indexes) const;
    // Clears the cells (one undo step).
    QString clear(const QModelIndexList &indexes);

signals:
    void editRefused(const QString &message);

private:
    void follow();
    QString write(const QList<domain::KpiValueEdit> &edits, const QString &stepName);
    domain::KpiPeriod periodAfter(const domain::KpiPeriod &period) const;

    KpiTracker *m_tracker;
    QList<domain::KpiPeriod> m_periods;
};

} // namespace pb::item
