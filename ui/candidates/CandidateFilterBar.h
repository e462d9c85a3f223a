#pragma once

#include "domain/Candidate.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace pb::item {
class CandidateFilterModel;
class CandidateTableModel;
} // namespace pb::item

namespace pb::ui {

// Above the candidate table: filter by text, structure, stage and owner, and how many
// candidates there are (scored) or are shown. It drives the table's filter model
// directly, and reads the candidates from the table that model filters (set before).
// CandidatesPage refreshes the owners after imports and clears the filters to show a
// candidate they hide.
class CandidateFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit CandidateFilterBar(item::CandidateFilterModel *proxy, QWidget *parent = nullptr);

    // Offers the candidates' owners, sorted (about the first 200 distinct ones).
    void updateOwners();
    void updateCount();
    void clearFilters();
    void clearText();
    void focusText();

private:
    void addStructures();
    void addStages();

    item::CandidateTableModel *m_model;
    item::CandidateFilterModel *m_proxy;
    QLineEdit *m_text;
    QComboBox *m_structure;
    QComboBox *m_stage;
    QComboBox *m_owner;
    QLabel *m_count;
};

} // namespace pb::ui
