#pragma once

#include "domain/KpiRules.h"

#include <QAbstractTableModel>

namespace pb::item {

class KpiTracker;

// The KPIs of one partnership, one per row: what each measures and its target (editable,
// each edit one undo step) and where it stands (latest value, status, trend; read-only).
class KpiListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Measures,
        Unit,
        Direction,
        Target,
        Baseline,
        Latest,
        Status,
        Trend,
        ColumnCount
    };
    enum Role {
        StatusRole = Qt::UserRole + 1, // domain::KpiStatus as int
        KpiIdRole,
        ChoicesRole, // the display names a combo box offers, for Measures, Unit, Direction
    };

    explicit KpiListModel(KpiTracker *tracker, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Adds a KPI at the end (a free name is chosen when the name is taken); its row.
    int addKpi(domain::KpiDefinition definition, QString *error = nullptr);
    // Removes the KPIs in these rows, with their values, as one undo step.
    QString removeKpis(QList<int> rows);
    // Moves a KPI up (-1) or down (+1).
    QString moveKpi(int row, int delta);

    static QStringList choices(Column column);

signals:
    void editRefused(const QString &message);

private:
    QString write(QList<domain::KpiSeries> after, const QString &stepName);

    KpiTracker *m_tracker;
};

} // namespace pb::item
