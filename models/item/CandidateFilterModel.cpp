#include "CandidateFilterModel.h"

#include "CandidateTableModel.h"

namespace pb::item {

CandidateFilterModel::CandidateFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CandidateFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_table = qobject_cast<CandidateTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void CandidateFilterModel::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void CandidateFilterModel::setStructure(std::optional<domain::Structure> structure)
{
    m_structure = structure;
    invalidateRowsFilter();
}

void CandidateFilterModel::setStage(std::optional<domain::Stage> stage)
{
    m_stage = stage;
    invalidateRowsFilter();
}

void CandidateFilterModel::setOwner(const QString &owner)
{
    m_owner = owner;
    invalidateRowsFilter();
}

bool CandidateFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_table)
        return true;
    const domain::Candidate &c = m_table->candidateAt(sourceRow);
    if (m_structure && c.structure != *m_structure)
        return false;
    if (m_stage && c.stage != *m_stage)
        return false;
    if (!m_owner.isEmpty() && c.owner.compare(m_owner, Qt::CaseInsensitive) != 0)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString *text : {&c.name, &c.website, &c.owner, &c.revenueTheory, &c.notes}) {
        if (text->contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool CandidateFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_table)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_table->lessThan(left.column(), left.row(), right.row(), sortOrder());
}

} // namespace pb::item
