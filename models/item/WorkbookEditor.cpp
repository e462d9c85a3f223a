#include "WorkbookEditor.h"

#include "CandidateCommands.h"
#include "ChangeSettingsCommand.h"
#include "KpiCommands.h"
#include "OverlapCommand.h"
#include "ProposalCommand.h"
#include "RaciCommands.h"
#include "store/Workbook.h"

#include <QUndoStack>

namespace pb::item {

WorkbookEditor::WorkbookEditor(store::Workbook *workbook, QObject *parent)
    : QObject(parent)
    , m_workbook(workbook)
    , m_stack(new QUndoStack(this))
{
    // Everything is committed the moment it is made, so the stack is always "clean".
    m_stack->setUndoLimit(500);
}

WorkbookEditor::~WorkbookEditor() = default;

QString WorkbookEditor::changeSettings(const domain::SettingValues &changes)
{
    domain::SettingValues before;
    domain::SettingValues after;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QVariant current = m_workbook->setting(it.key());
        if (current != it.value()) {
            before.insert(it.key(), current);
            after.insert(it.key(), it.value());
        }
    }
    if (after.isEmpty())
        return {};
    if (store::StoreError error = m_workbook->setSettings(after); error)
        return error.message;
    // Store what the store kept (trimmed, upper-cased), so undo/redo replay exact values.
    for (auto it = after.begin(); it != after.end(); ++it)
        it.value() = m_workbook->setting(it.key());
    m_stack->push(new ChangeSettingsCommand(m_workbook, before, after, errorHandler()));
    return {};
}

std::function<void(const QString &)> WorkbookEditor::errorHandler()
{
    return [this](const QString &message) {
        emit editFailed(message);
    };
}

QString WorkbookEditor::changeCandidateField(qint64 id, domain::CandidateField field,
                                             const QVariant &value)
{
    const std::optional<domain::Candidate> current = m_workbook->candidate(id);
    if (!current)
        return tr("That candidate no longer exists.");
    const QVariant before = domain::CandidateFields::value(*current, field);
    if (store::StoreError error = m_workbook->setCandidateField(id, field, value); error)
        return error.message;
    const std::optional<domain::Candidate> updated = m_workbook->candidate(id);
    const QVariant after = updated ? domain::CandidateFields::value(*updated, field) : value;
    if (after == before)
        return {};
    m_stack->push(
        new ChangeCandidateFieldCommand(m_workbook, id, field, before, after, errorHandler()));
    return {};
}

QString WorkbookEditor::addCandidate(qint64 *id)
{
    QString name = tr("New candidate");
    for (int n = 2; m_workbook->isCandidateNameTaken(name); ++n)
        name = tr("New candidate %1").arg(n);
    QList<domain::Candidate> added(1);
    added[0].name = name;
    if (store::StoreError error = m_workbook->insertCandidates(added); error)
        return error.message;
    if (id)
        *id = added[0].id;
    m_stack->push(new AddRemoveCandidatesCommand(m_workbook, AddRemoveCandidatesCommand::Kind::Add,
                                                 added, errorHandler()));
    return {};
}

QString WorkbookEditor::removeCandidates(const QList<qint64> &ids)
{
    QList<domain::Candidate> removed;
    for (qint64 id : ids) {
        if (auto c = m_workbook->candidate(id))
            removed.append(*c);
    }
    if (removed.isEmpty())
        return {};
    if (store::StoreError error = m_workbook->removeCandidates(ids); error)
        return error.message;
    m_stack->push(new AddRemoveCandidatesCommand(
        m_workbook, AddRemoveCandidatesCommand::Kind::Remove, removed, errorHandler()));
    return {};
}

QString WorkbookEditor::importCandidates(const QList<domain::CandidatePatch> &patches,
                                         const QString &stepName, store::ImportOutcome *outcome,
                                         const std::function<void(qsizetype, qsizetype)> &progress)
{
    store::ImportOutcome result;
    if (store::StoreError error = m_workbook->importCandidates(patches, &result, progress); error)
        return error.message;
    if (outcome)
        *outcome = result;
    if (result.addedIds.isEmpty() && result.updatedBefore.isEmpty())
        return {};
    m_stack->push(
        new ImportCandidatesCommand(m_workbook, patches, result, stepName, errorHandler()));
    return {};
}

static domain::RaciGrid withoutIds(domain::RaciGrid grid)
{
    for (auto &party : grid.parties)
        party.id = 0;
    for (auto &activity : grid.activities)
        activity.id = 0;
    grid.normalise();
    return grid;
}

QString WorkbookEditor::changeRaciGrid(qint64 candidateId, domain::RaciGrid after,
                                       const QString &stepName)
{
    const domain::RaciGrid before = withoutIds(m_workbook->raciGrid(candidateId));
    after = withoutIds(after);
    if (after == before && m_workbook->hasRaciGrid(candidateId))
        return {};
    domain::RaciGrid written = after;
    if (store::StoreError error = m_workbook->replaceRaciGrid(candidateId, written); error)
        return error.message;
    m_stack->push(new ReplaceRaciGridCommand(m_workbook, candidateId, before, after, stepName,
                                             errorHandler()));
    return {};
}

QString WorkbookEditor::changeKpis(qint64 candidateId, QList<domain::KpiSeries> after,
                                   const QString &stepName)
{
    const QList<domain::KpiSeries> before = m_workbook->partnershipKpis(candidateId).kpis;
    if (after == before)
        return {};
    if (store::StoreError error = m_workbook->replaceKpis(candidateId, after); error)
        return error.message;
    m_stack->push(
        new ReplaceKpisCommand(m_workbook, candidateId, before, after, stepName, errorHandler()));
    return {};
}

QString WorkbookEditor::changeKpiValues(qint64 candidateId,
                                        const QList<domain::KpiValueEdit> &edits,
                                        const QString &stepName)
{
    const domain::PartnershipKpis current = m_workbook->partnershipKpis(candidateId);
    QList<domain::KpiValueEdit> before;
    QList<domain::KpiValueEdit> after;
    for (const domain::KpiValueEdit &edit : edits) {
        const auto series = std::find_if(
            current.kpis.cbegin(), current.kpis.cend(),
            [&edit](const domain::KpiSeries &s) { return s.definition.id == edit.kpiId; });
        if (series == current.kpis.cend())
            return tr("The KPI was removed; the value was not saved.");
        const std::optional<double> old = series->valueAt(edit.period);
        if (old == edit.value)
            continue;
        before.append({edit.kpiId, edit.period, old});
        after.append(edit);
    }
    if (after.isEmpty())
        return {};
    if (store::StoreError error = m_workbook->setKpiValues(candidateId, after); error)
        return error.message;
    // Undo restores the cells in reverse order, so a cell edited twice ends as it began.
    std::reverse(before.begin(), before.end());
    m_stack->push(
        new SetKpiValuesCommand(m_workbook, candidateId, before, after, stepName, errorHandler()));
    return {};
}

QString WorkbookEditor::changePilot(qint64 candidateId, const domain::Pilot &pilot)
{
    const domain::Pilot before = m_workbook->partnershipKpis(candidateId).pilot;
    if (before == pilot)
        return {};
    if (store::StoreError error = m_workbook->setPilot(candidateId, pilot); error)
        return error.message;
    m_stack->push(new SetPilotCommand(m_workbook, candidateId, before, pilot, tr("Change pilot"),
                                      errorHandler()));
    return {};
}

QString WorkbookEditor::changeProposal(qint64 candidateId, const domain::ProposalFields &before,
                                       const domain::ProposalFields &after, const QString &stepName)
{
    if (before == after)
        return {};
    if (store::StoreError error = m_workbook->setProposalFields(candidateId, after); error)
        return error.message;
    m_stack->push(
        new ProposalCommand(m_workbook, candidateId, before, after, stepName, errorHandler()));
    return {};
}

QString WorkbookEditor::recordOverlap(qint64 candidateId, const domain::OverlapEvidence &evidence,
                                      int score)
{
    const auto candidate = m_workbook->candidate(candidateId);
    if (!candidate)
        return tr("The candidate no longer exists.");
    OverlapCommand::State before{m_workbook->overlapEvidence(candidateId),
                                 candidate->audienceOverlap};
    OverlapCommand::State after{evidence, score};
    if (store::StoreError error =
            m_workbook->setOverlapEvidence(candidateId, after.evidence, after.score);
        error)
        return error.message;
    m_stack->push(new OverlapCommand(m_workbook, candidateId, before, after,
                                     tr("Record audience overlap of %1").arg(candidate->name),
                                     errorHandler()));
    return {};
}

QString WorkbookEditor::changeImage(const QString &name, const QByteArray &bytes,
                                    const QString &stepName)
{
    const QByteArray before = m_workbook->image(name);
    if (before == bytes)
        return {};
    if (store::StoreError error = m_workbook->setImage(name, bytes); error)
        return error.message;
    m_stack->push(new SetImageCommand(m_workbook, name, before, bytes, stepName, errorHandler()));
    return {};
}

QString WorkbookEditor::recordReview(qint64 candidateId, domain::Review review)
{
    review.id = 0;
    if (store::StoreError error = m_workbook->addReview(candidateId, review); error)
        return error.message;
    m_stack->push(new ReviewCommand(m_workbook, candidateId, review, true, tr("Record review"),
                                    errorHandler()));
    return {};
}

QString WorkbookEditor::removeReview(qint64 candidateId, qint64 reviewId)
{
    const domain::PartnershipKpis current = m_workbook->partnershipKpis(candidateId);
    const auto it = std::find_if(current.reviews.cbegin(), current.reviews.cend(),
                                 [reviewId](const domain::Review &r) { return r.id == reviewId; });
    if (it == current.reviews.cend())
        return tr("That review is no longer in the workbook.");
    if (store::StoreError error = m_workbook->removeReview(candidateId, reviewId); error)
        return error.message;
    m_stack->push(new ReviewCommand(m_workbook, candidateId, *it, false, tr("Remove review"),
                                    errorHandler()));
    return {};
}

} // namespace pb::item
