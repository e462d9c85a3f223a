#pragma once

#include "domain/Candidate.h"
#include "domain/CandidateField.h"

#include <QHash>
#include <QWidget>

class QGridLayout;

namespace pb::ui {

// The vetting and fit answers of one candidate (DOMAIN.md §2), one editor per
// QualificationFields::vettingFields() row and the territory: do they compete, their
// programme, customers and size, their motivations, the champion's incentive, and for a
// much bigger or exploratory partner the three things the first meeting must show. Part of
// CandidateDetailPane, which writes what is committed through the editor.
class VettingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit VettingPanel(QWidget *parent = nullptr);

    // Shows a candidate's answers; an editor being typed in keeps its text.
    void show(const domain::Candidate &candidate, bool readOnly);
    // The editor of a field (tests drive them).
    QWidget *editor(domain::CandidateField field) const { return m_editors.value(field); }
    // Commits what was typed in a line and not yet committed.
    void commitPending();

signals:
    void committed(domain::CandidateField field, const QVariant &value);

private:
    QWidget *createEditor(domain::CandidateField field);

    QGridLayout *m_grid;
    QHash<domain::CandidateField, QWidget *> m_editors;
};

} // namespace pb::ui
