#pragma once

#include "WorkbookCommand.h"
#include "store/Workbook.h"

namespace pb::item {

// "Field X of candidate Y changed from A to B" (Tiled's ChangeValue): typing into the same
// field again merges; ending where it began drops the step.
class ChangeCandidateFieldCommand : public WorkbookCommand
{
public:
    ChangeCandidateFieldCommand(store::Workbook *workbook, qint64 id, domain::CandidateField field,
                                QVariant before, QVariant after, ErrorHandler onError);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_id;
    domain::CandidateField m_field;
    QVariant m_before;
    QVariant m_after;
};

// Candidates added (undo removes them) or removed (undo puts them back with their ids).
class AddRemoveCandidatesCommand : public WorkbookCommand
{
public:
    enum class Kind { Add, Remove };
    AddRemoveCandidatesCommand(store::Workbook *workbook, Kind kind,
                               QList<domain::Candidate> candidates, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    store::StoreError add();
    store::StoreError remove();
    QList<qint64> ids() const;

    Kind m_kind;
    QList<domain::Candidate> m_candidates;
};

// A whole import (or paste) as one step: undo removes what it added and restores what it
// updated.
class ImportCandidatesCommand : public WorkbookCommand
{
public:
    ImportCandidatesCommand(store::Workbook *workbook, QList<domain::CandidatePatch> patches,
                            store::ImportOutcome outcome, const QString &text,
                            ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    QList<domain::CandidatePatch> m_patches;
    store::ImportOutcome m_outcome;
};

} // namespace pb::item
