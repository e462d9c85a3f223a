#pragma once

#include "domain/CandidateField.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace pb::item {
class WorkbookEditor;
}
namespace pb::store {
struct Change;
}

namespace pb::ui {

class FittingTextEdit;
class VettingPanel;

// The selected candidate's qualification record: revenue theory, the three questions of
// the qualification call, the readiness checklist, the structure (and the Choose Structure
// dialog), vetting and fit, and notes, with the playbook's stage gates and the
// qualification judgment's findings shown as warnings (never blocks). Each field is saved when it
// loses focus; text fields are as tall as their text, so long answers are read whole.
class CandidateDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit CandidateDetailPane(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    void setCandidate(qint64 id);
    qint64 candidateId() const { return m_id; }
    QString warningText() const;
    // Saves whatever was typed and not yet saved (fields save when they lose focus).
    void commitPending();
    // Opens "Measure audience overlap…" for the candidate shown.
    void measureOverlap();
    QLabel *overlapLabel() const { return m_overlap; }
    // Opens "Choose Structure…" for the candidate shown; what it answers is written as one
    // undo step.
    void chooseStructure();
    VettingPanel *vettingPanel() const { return m_vetting; }
    QLabel *structureLabel() const { return m_structure; }
    // What ended partnerships of the same structure (and this one) wrote down at their exit.
    QLabel *learningsLabel() const { return m_learnings; }

signals:
    void editRefused(const QString &message);

private:
    QWidget *createReadinessChecklist();
    QWidget *createOverlapEvidence();
    QWidget *createStructureRow();
    void showFindings(const domain::Candidate &candidate);
    void refresh();
    void showLearnings(const domain::Candidate &candidate);
    void onChange(const store::Change &change);
    void commit(domain::CandidateField field, const QVariant &value);
    QList<std::pair<FittingTextEdit *, domain::CandidateField>> textFields() const;

    item::WorkbookEditor *m_editor;
    qint64 m_id = 0;
    QLabel *m_title;
    QLabel *m_warnings;
    FittingTextEdit *m_revenueTheory;
    FittingTextEdit *m_customer;
    FittingTextEdit *m_pain;
    FittingTextEdit *m_champion;
    QComboBox *m_readiness[domain::kReadinessItems];
    FittingTextEdit *m_notes;
    QLabel *m_overlap;
    QLabel *m_learnings;
    QPushButton *m_measureOverlap;
    QLabel *m_structure;
    QPushButton *m_chooseStructure;
    VettingPanel *m_vetting;
    QWidget *m_form;
};

} // namespace pb::ui
