#pragma once

#include "domain/Raci.h"
#include "domain/RaciEdits.h"

#include <QAbstractTableModel>

namespace pb::store {
struct Change;
}

namespace pb::item {

class WorkbookEditor;

// One partnership's RACI grid as a table: activities are rows, parties are columns. Cells
// show R, A, C, I or A/R; problems found by domain::RaciRules are marked on the cell and
// the row or column header (colour and a warning sign, with the message as tooltip).
// Edits go through WorkbookEditor; the model follows the store's notifier.
class RaciGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { ProblemRole = Qt::UserRole + 1, SideRole };

    explicit RaciGridModel(WorkbookEditor *editor, QObject *parent = nullptr);

    void setCandidate(qint64 candidateId, const QString &partnerName);
    qint64 candidateId() const { return m_candidateId; }
    const domain::RaciGrid &grid() const { return m_grid; }
    const QList<domain::RaciProblem> &problems() const { return m_problems; }
    bool hasGrid() const { return m_hasGrid; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Applies an edit (see domain::RaciEdits) as one undo step; the reason when refused.
    QString apply(const domain::RaciGrid &after, const QString &stepName);

signals:
    void editRefused(const QString &message);
    // The grid or its problems changed (the problems panel and the per-party view follow).
    void gridChanged();

private:
    void reload();
    QList<domain::RaciProblem> check() const;
    void onChange(const store::Change &change);
    QStringList problemsAt(int activity, int party) const;

    WorkbookEditor *m_editor;
    qint64 m_candidateId = 0;
    QString m_partner;
    domain::RaciGrid m_grid;
    bool m_hasGrid = false;
    QList<domain::RaciProblem> m_problems;
};

} // namespace pb::item
