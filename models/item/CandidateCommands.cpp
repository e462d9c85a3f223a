#include "CandidateCommands.h"

#include "CommandId.h"

#include <QCoreApplication>

using namespace pb::domain;

namespace pb::item {

static QString tr(const char *text)
{
    return QCoreApplication::translate("Commands", text);
}

ChangeCandidateFieldCommand::ChangeCandidateFieldCommand(store::Workbook *workbook, qint64 id,
                                                         CandidateField field, QVariant before,
                                                         QVariant after, ErrorHandler onError)
    : WorkbookCommand(workbook, tr("Change %1").arg(CandidateFields::displayName(field).toLower()),
                      std::move(onError))
    , m_id(id)
    , m_field(field)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

int ChangeCandidateFieldCommand::id() const
{
    return int(CommandId::ChangeCandidateField);
}

bool ChangeCandidateFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeCandidateFieldCommand *>(other);
    if (next->workbook() != workbook() || next->m_id != m_id || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

store::StoreError ChangeCandidateFieldCommand::applyUndo()
{
    return workbook()->setCandidateField(m_id, m_field, m_before);
}

store::StoreError ChangeCandidateFieldCommand::applyRedo()
{
    return workbook()->setCandidateField(m_id, m_field, m_after);
}

AddRemoveCandidatesCommand::AddRemoveCandidatesCommand(store::Workbook *workbook, Kind kind,
                                                       QList<Candidate> candidates,
                                                       ErrorHandler onError)
    : WorkbookCommand(workbook,
                      kind == Kind::Add
                          ? (candidates.size() == 1 ? tr("Add candidate") : tr("Add candidates"))
                          : (candidates.size() == 1
                                 ? tr("Delete candidate")
                                 : tr("Delete %1 candidates").arg(candidates.size())),
                      std::move(onError))
    , m_kind(kind)
    , m_candidates(std::move(candidates))
{}

QList<qint64> AddRemoveCandidatesCommand::ids() const
{
    QList<qint64> result;
    for (const Candidate &c : m_candidates)
        result.append(c.id);
    return result;
}

store::StoreError AddRemoveCandidatesCommand::add()
{
    return workbook()->restoreCandidates(m_candidates);
}

store::StoreError AddRemoveCandidatesCommand::remove()
{
    return workbook()->removeCandidates(ids());
}

store::StoreError AddRemoveCandidatesCommand::applyUndo()
{
    return m_kind == Kind::Add ? remove() : add();
}

store::StoreError AddRemoveCandidatesCommand::applyRedo()
{
    return m_kind == Kind::Add ? add() : remove();
}

ImportCandidatesCommand::ImportCandidatesCommand(store::Workbook *workbook,
                                                 QList<CandidatePatch> patches,
                                                 store::ImportOutcome outcome, const QString &text,
                                                 ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_patches(std::move(patches))
    , m_outcome(std::move(outcome))
{}

store::StoreError ImportCandidatesCommand::applyUndo()
{
    return workbook()->revertImport(m_outcome);
}

store::StoreError ImportCandidatesCommand::applyRedo()
{
    return workbook()->importCandidates(m_patches, &m_outcome);
}

} // namespace pb::item
