#include "CandidateFilterModel.h"

#include "CandidateTableModel.h"
#include "domain/QualificationFields.h"

using namespace Qt::StringLiterals;
using pb::domain::CandidateField;
using pb::domain::CandidateFields;
using pb::domain::QualificationFields;

namespace pb::item {

CandidateFilterModel::CandidateFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CandidateFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (m_table)
        disconnect(m_table, nullptr, this, nullptr);
    m_table = qobject_cast<CandidateTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
    if (!m_table)
        return;
    // New ranks move rows in any sort (ties are in rank order). Re-sorting them row by row
    // as their dataChanged comes costs twice a whole sort (60 ms for 100,000 rows): hold
    // the dynamic sort while the ranks change and sort once after.
    connect(m_table, &CandidateTableModel::ranksAboutToChange, this,
            [this] { setDynamicSortFilter(false); });
    connect(m_table, &CandidateTableModel::rankingChanged, this, [this] {
        if (!dynamicSortFilter())
            setDynamicSortFilter(true);
    });
}

void CandidateFilterModel::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    m_field.reset();
    if (const qsizetype colon = m_text.indexOf(u':'); colon > 0) {
        QString column = m_text.left(colon).trimmed().toLower();
        column.replace(u' ', u'_').replace(u'-', u'_');
        for (CandidateField field : QualificationFields::all()) {
            if (CandidateFields::columnName(field) == column)
                m_field = field;
        }
        m_fieldValue = m_text.mid(colon + 1).trimmed();
    }
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
    if (m_field)
        return fieldAccepts(c);
    for (const QString *text : {&c.name, &c.website, &c.owner, &c.revenueTheory, &c.notes}) {
        if (text->contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool CandidateFilterModel::fieldAccepts(const domain::Candidate &candidate) const
{
    const QString stored = CandidateFields::value(candidate, *m_field).toString();
    if (m_fieldValue.isEmpty())
        return stored.isEmpty();
    switch (QualificationFields::kind(*m_field)) {
    case QualificationFields::Kind::Choice: {
        // "much bigger", "Much-Bigger" and "y" mean what they mean in the CSV.
        const auto choice = QualificationFields::choiceFromId(*m_field, m_fieldValue);
        return choice && *choice != 0 && stored == QualificationFields::choiceId(*m_field, *choice);
    }
    case QualificationFields::Kind::Count:
        return stored == m_fieldValue;
    case QualificationFields::Kind::Text:
        break;
    }
    return stored.contains(m_fieldValue, Qt::CaseInsensitive);
}

bool CandidateFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_table)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_table->lessThan(left.column(), left.row(), right.row(), sortOrder());
}

} // namespace pb::item
