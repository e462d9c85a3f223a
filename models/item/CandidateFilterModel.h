#pragma once

#include "domain/CandidateField.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace pb::item {

class CandidateTableModel;

// Sorting and filtering of the candidate table. Sorting asks the source model's
// precomputed keys (never data()), so 100,000 rows sort in well under a second; filters
// read the candidates directly.
class CandidateFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CandidateFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // The candidate table filtered (the source model), or nullptr before one is set.
    CandidateTableModel *table() const { return m_table; }
    // Text anywhere in the name, website, owner, revenue theory or notes; or, written
    // "column:value" with a qualification column of the candidates CSV ("competes:yes",
    // "relative_size:much bigger", "territory:DACH"), that answer ("competes:" for not known).
    void setText(const QString &text);
    void setStructure(std::optional<domain::Structure> structure);
    void setStage(std::optional<domain::Stage> stage);
    void setOwner(const QString &owner); // empty = any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool fieldAccepts(const domain::Candidate &candidate) const;

private:
    CandidateTableModel *m_table = nullptr;
    QString m_text;
    std::optional<domain::CandidateField> m_field; // the column of "column:value"
    QString m_fieldValue;
    std::optional<domain::Structure> m_structure;
    std::optional<domain::Stage> m_stage;
    QString m_owner;
};

} // namespace pb::item
