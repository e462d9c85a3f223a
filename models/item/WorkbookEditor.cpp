#include "WorkbookEditor.h"

#include "ChangeValueCommand.h"
#include "domain/Ratings.h"
#include "domain/Retrospective.h"
#include "store/CandidateImporter.h"
#include "store/Workbook.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopeGuard>
#include <QUndoStack>

using pb::store::Workbook;

namespace pb::item {

namespace {

// The step names of candidate and settings edits keep their own translation context.
QString commandText(const char *text)
{
    return QCoreApplication::translate("Commands", text);
}

QString settingsText(const domain::SettingValues &values)
{
    if (values.size() == 1)
        return commandText("Change %1")
            .arg(domain::WorkbookSettings::displayName(values.firstKey()).toLower());
    return commandText("Change workbook settings");
}

QString candidatesText(bool added, qsizetype count)
{
    if (added)
        return count == 1 ? commandText("Add candidate") : commandText("Add candidates");
    return count == 1 ? commandText("Delete candidate")
                      : commandText("Delete %1 candidates").arg(count);
}

// Whether these candidates are in the workbook: undo of an addition removes them, undo of a
// removal puts them back with their ids.
auto candidatesPresence(const QList<domain::Candidate> &candidates)
{
    return [candidates](Workbook &workbook, bool present) {
        if (present)
            return workbook.restoreCandidates(candidates);
        QList<qint64> ids;
        for (const domain::Candidate &c : candidates)
            ids.append(c.id);
        return workbook.removeCandidates(ids);
    };
}

// Whether a review is recorded; it keeps its id both ways.
auto reviewPresence(qint64 candidateId, const domain::Review &review)
{
    return [candidateId, review](Workbook &workbook, bool recorded) {
        domain::Review copy = review;
        return recorded ? workbook.addReview(candidateId, copy)
                        : workbook.removeReview(candidateId, review.id);
    };
}

QList<domain::ChecklistItem> sortedByKey(QList<domain::ChecklistItem> items)
{
    std::sort(items.begin(), items.end(),
              [](const domain::ChecklistItem &a, const domain::ChecklistItem &b) {
                  return a.key < b.key;
              });
    return items;
}

// An audience-overlap measurement and the score it set, written in one transaction.
struct OverlapState
{
    std::optional<domain::OverlapEvidence> evidence;
    std::optional<int> score;
    friend bool operator==(const OverlapState &, const OverlapState &) = default;
};

int cellColumn(const domain::CostEdit &edit)
{
    return int(edit.category);
}

int cellColumn(const domain::ProgrammeInputEdit &edit)
{
    return int(edit.field);
}

} // namespace

template<typename T, typename Write>
void WorkbookEditor::push(const QString &text, T before, T after, Write write, MergeKey merge)
{
    m_stack->push(new ChangeValueCommand<T>(m_workbook, text, std::move(before), std::move(after),
                                            std::move(write), std::move(merge), errorHandler()));
}

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
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, settingsText(changes));
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
    QVariantList keys;
    for (domain::SettingKey key : after.keys())
        keys.append(int(key));
    push(settingsText(after), before, after, &Workbook::setSettings,
         {CommandId::ChangeSettings, keys});
    return {};
}

std::function<void(const QString &)> WorkbookEditor::errorHandler()
{
    return [this](const QString &message) {
        emit editFailed(message);
    };
}

QString WorkbookEditor::scoringRater() const
{
    return m_scoringRater.isEmpty() ? m_workbook->author() : m_scoringRater;
}

QString WorkbookEditor::changeCandidateField(qint64 id, domain::CandidateField field,
                                             const QVariant &value)
{
    const auto dimension = domain::ScoringDimensions::fromField(field);
    if (!dimension)
        return changeOwnField(id, field, value);
    const QString rater = scoringRater();
    if (domain::Ratings::sameRater(rater, m_workbook->firstRater()))
        return changeOwnField(id, field, value);
    return changeRating(id, rater, *dimension, value);
}

QString WorkbookEditor::changeRating(qint64 id, const QString &rater, domain::Dimension dimension,
                                     const QVariant &value)
{
    const domain::CandidateField field = domain::ScoringDimensions::field(dimension);
    const auto scoreOf = [&](const std::optional<domain::Candidate> &candidate) -> QVariant {
        for (const domain::Rating &rating : candidate ? candidate->ratings : QList<domain::Rating>{}) {
            if (domain::Ratings::sameRater(rating.rater, rater)) {
                const auto score = domain::Ratings::score(rating, dimension);
                return score ? QVariant(*score) : QVariant();
            }
        }
        return {};
    };
    const std::optional<domain::Candidate> current = m_workbook->candidate(id);
    if (!current)
        return tr("That candidate no longer exists.");
    const QVariant before = scoreOf(current);
    if (store::StoreError error = m_workbook->setRatingScore(id, rater, dimension, value); error)
        return error.message;
    const QVariant after = scoreOf(m_workbook->candidate(id));
    if (after == before)
        return {};
    const QString text = commandText("Change %1 (%2)")
                             .arg(domain::CandidateFields::displayName(field).toLower(), rater);
    push(text, before, after,
         [id, rater, dimension](Workbook &workbook, const QVariant &stored) {
             return workbook.setRatingScore(id, rater, dimension, stored);
         },
         {CommandId::ChangeRating, QVariantList{id, int(field), rater}});
    return {};
}

QString WorkbookEditor::changeOwnField(qint64 id, domain::CandidateField field,
                                       const QVariant &value)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, commandText("Change %1").arg(domain::CandidateFields::displayName(field).toLower()));
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
    push(commandText("Change %1").arg(domain::CandidateFields::displayName(field).toLower()),
         before, after,
         [id, field](Workbook &workbook, const QVariant &stored) {
             return workbook.setCandidateField(id, field, stored);
         },
         {CommandId::ChangeCandidateField, QVariantList{id, int(field)}});
    if (field == domain::CandidateField::Stage && updated)
        emit stageChanged(id, updated->stage);
    return {};
}

QString WorkbookEditor::revertChange(const domain::HistoryStep &step,
                                     const domain::HistoryChange &change)
{
    using domain::HistoryOp;
    const QString what = domain::historyFieldDisplayName(change.entity, change.field);
    if (change.op != HistoryOp::Change)
        return tr("Only a changed value can be reverted; use Undo to take back an addition "
                  "or a removal.");
    if (m_workbook->changedAfter(step.seq, change))
        return tr("A later change touched the same %1: revert that one first, or set the "
                  "value by hand.")
            .arg(what.toLower());
    const QString label = tr("Revert %1").arg(what.toLower());
    const store::HistoryScope revert(*m_workbook, domain::HistoryKind::Revert, label);
    // One undo step of its own, never merged into the edit before it.
    m_stack->beginMacro(label);
    const auto done = qScopeGuard([this] { m_stack->endMacro(); });
    if (change.entity == u"settings") {
        const auto key = domain::WorkbookSettings::keyFromStorage(QString::fromUtf8(change.record));
        if (key)
            return changeSettings({{*key, change.before}});
    } else if (change.entity == u"candidates") {
        const auto id = m_workbook->candidateIdByUid(change.record);
        std::optional<domain::Candidate> candidate = id ? m_workbook->candidate(*id) : std::nullopt;
        if (!candidate)
            return tr("That candidate is no longer in the workbook.");
        for (int f = 0; f < domain::kCandidateFieldCount; ++f) {
            const auto field = domain::CandidateField(f);
            if (domain::CandidateFields::columnName(field) != change.field)
                continue;
            if (QString why = domain::CandidateFields::parseInto(*candidate, field,
                                                                 change.before.toString());
                !why.isEmpty())
                return why;
            return changeCandidateField(*id, field,
                                        domain::CandidateFields::value(*candidate, field));
        }
    }
    return revertRecordField(change, label);
}

// Any other record the history follows (a KPI's target, a RACI cell, a checklist item, a
// term, a cost …): its field is set back by its lasting key, one undo step.
QString WorkbookEditor::revertRecordField(const domain::HistoryChange &change,
                                          const QString &label)
{
    const auto write = [entity = change.entity, record = change.record,
                        field = change.field](Workbook &workbook, const QVariant &value) {
        return workbook.setRecordField(entity, record, field, value);
    };
    if (const store::StoreError error = write(*m_workbook, change.before))
        return error.message;
    push(label, change.after, change.before, write);
    return {};
}

QString WorkbookEditor::changeCandidateFields(qint64 id, const domain::CandidateValues &values,
                                              const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    const std::optional<domain::Candidate> current = m_workbook->candidate(id);
    if (!current)
        return tr("That candidate no longer exists.");
    const auto valuesOf = [&values](const domain::Candidate &candidate) {
        domain::CandidateValues stored;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            stored.insert(it.key(), domain::CandidateFields::value(candidate, it.key()));
        return stored;
    };
    domain::CandidateValues before = valuesOf(*current);
    if (store::StoreError error = m_workbook->setCandidateFields(id, values); error)
        return error.message;
    const std::optional<domain::Candidate> updated = m_workbook->candidate(id);
    domain::CandidateValues after = updated ? valuesOf(*updated) : values;
    // What the store kept, and only what changed: undo and redo replay exact values.
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (before.value(it.key()) == after.value(it.key())) {
            before.remove(it.key());
            after.remove(it.key());
        }
    }
    if (after.isEmpty())
        return {};
    push(stepName, before, after, [id](Workbook &workbook, const domain::CandidateValues &stored) {
        return workbook.setCandidateFields(id, stored);
    });
    return {};
}

QString WorkbookEditor::addCandidate(qint64 *id)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, candidatesText(true, 1));
    QString name = tr("New candidate");
    for (int n = 2; m_workbook->isCandidateNameTaken(name); ++n)
        name = tr("New candidate %1").arg(n);
    QList<domain::Candidate> added(1);
    added[0].name = name;
    if (store::StoreError error = m_workbook->insertCandidates(added); error)
        return error.message;
    if (id)
        *id = added[0].id;
    push(candidatesText(true, added.size()), false, true, candidatesPresence(added));
    return {};
}

QString WorkbookEditor::removeCandidates(const QList<qint64> &ids)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, candidatesText(false, ids.size()));
    QList<domain::Candidate> removed;
    for (qint64 id : ids) {
        if (auto c = m_workbook->candidate(id))
            removed.append(*c);
    }
    if (removed.isEmpty())
        return {};
    if (store::StoreError error = m_workbook->removeCandidates(ids); error)
        return error.message;
    push(candidatesText(false, removed.size()), true, false, candidatesPresence(removed));
    return {};
}

QString WorkbookEditor::importCandidates(const QList<domain::CandidatePatch> &patches,
                                         const QString &stepName, store::ImportOutcome *outcome,
                                         const std::function<void(qsizetype, qsizetype)> &progress)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Import, stepName);
    store::ImportOutcome result;
    if (store::StoreError error = m_workbook->importCandidates(patches, &result, progress); error)
        return error.message;
    if (outcome)
        *outcome = result;
    recordImport(result, stepName);
    return {};
}

io::CandidateCsvImport WorkbookEditor::importCandidatesFile(
    const QByteArray &bytes, const QString &label, const io::CandidateImportOptions &options,
    const std::function<QString(const store::ImportOutcome &)> &stepName,
    store::ImportOutcome *outcome, QString *storeError)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Import,
                                   tr("Import %1").arg(label));
    // Dropped without a commit (problems, cancelled, a store error), the importer rolls back.
    store::CandidateImporter importer(*m_workbook);
    bool storeFailed = false;
    io::CandidateCsvImport result =
        io::importCandidatesCsv(bytes, label, importer, &storeFailed, options);
    if (!result.errors.isEmpty() || result.cancelled)
        return result;
    if (store::StoreError error = importer.commit(outcome); error || storeFailed) {
        *storeError = error ? error.message : tr("The workbook could not be written.");
        return result;
    }
    recordImport(*outcome, stepName(*outcome));
    return result;
}

void WorkbookEditor::recordImport(const store::ImportOutcome &outcome, const QString &stepName)
{
    if (outcome.addedIds.isEmpty() && outcome.updatedIds.isEmpty())
        return;
    push(stepName, false, true, [outcome](Workbook &workbook, bool imported) {
        return imported ? workbook.reapplyImport(outcome) : workbook.revertImport(outcome);
    });
}

QString WorkbookEditor::mergeFrom(const QString &otherPath, const domain::MergeOptions &options,
                                  domain::MergeReport *report)
{
    qint64 mergeId = 0;
    if (const store::StoreError error = m_workbook->merge(otherPath, options, report, &mergeId))
        return error.message;
    if (!report->applied || (report->changes.isEmpty() && report->theirSteps == 0))
        return {};
    push(tr("Merge changes from %1").arg(QFileInfo(otherPath).fileName()), false, true,
         [mergeId](Workbook &workbook, bool merged) {
             return merged ? workbook.redoMerge(mergeId) : workbook.undoMerge(mergeId);
         });
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
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    const domain::RaciGrid before = withoutIds(m_workbook->raciGrid(candidateId));
    after = withoutIds(after);
    if (after == before && m_workbook->hasRaciGrid(candidateId))
        return {};
    domain::RaciGrid written = after;
    if (store::StoreError error = m_workbook->replaceRaciGrid(candidateId, written); error)
        return error.message;
    push(stepName, before, after, [candidateId](Workbook &workbook, domain::RaciGrid grid) {
        return workbook.replaceRaciGrid(candidateId, grid);
    });
    return {};
}

QString WorkbookEditor::changeKpis(qint64 candidateId, QList<domain::KpiSeries> after,
                                   const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    const QList<domain::KpiSeries> before = m_workbook->partnershipKpis(candidateId).kpis;
    if (after == before)
        return {};
    if (store::StoreError error = m_workbook->replaceKpis(candidateId, after); error)
        return error.message;
    push(stepName, before, after, [candidateId](Workbook &workbook, QList<domain::KpiSeries> kpis) {
        return workbook.replaceKpis(candidateId, kpis);
    });
    return {};
}

QString WorkbookEditor::changeKpiValues(qint64 candidateId,
                                        const QList<domain::KpiValueEdit> &edits,
                                        const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
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
    push(stepName, before, after,
         [candidateId](Workbook &workbook, const QList<domain::KpiValueEdit> &values) {
             return workbook.setKpiValues(candidateId, values);
         });
    return {};
}

// The cells' current values (by month and column), the edits to make and how to write them:
// no-ops are dropped, the rest written, and one undo step pushed whose undo restores the cells
// in reverse order, so that a cell edited twice ends as it began.
template<typename Edit, typename Write>
QString WorkbookEditor::changeCells(CellValues current, const QList<Edit> &edits,
                                    std::optional<double> Edit::*value, Write write,
                                    const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    QList<Edit> before, after;
    for (const Edit &edit : edits) {
        const CellKey key{edit.month, cellColumn(edit)};
        const std::optional<double> old = current.value(key);
        if (old == edit.*value)
            continue;
        Edit undo = edit;
        undo.*value = old;
        before.append(undo);
        after.append(edit);
        current.insert(key, edit.*value);
    }
    if (after.isEmpty())
        return {};
    if (store::StoreError error = write(*m_workbook, after); error)
        return error.message;
    std::reverse(before.begin(), before.end());
    push(stepName, before, after, write);
    return {};
}

QString WorkbookEditor::changeCosts(qint64 candidateId, const QList<domain::CostEdit> &edits,
                                    const QString &stepName)
{
    CellValues current;
    for (const domain::CostEntry &cost : m_workbook->costs(candidateId))
        current.insert({cost.month, int(cost.category)}, cost.amount);
    return changeCells(
        current, edits, &domain::CostEdit::amount,
        [candidateId](Workbook &workbook, const QList<domain::CostEdit> &costs) {
            return workbook.setCosts(candidateId, costs);
        },
        stepName);
}

QString WorkbookEditor::changeProgrammeInputs(const QList<domain::ProgrammeInputEdit> &edits,
                                              const QString &stepName)
{
    CellValues current;
    for (const domain::ProgrammeInput &input : m_workbook->programmeInputs()) {
        current.insert({input.month, int(domain::ProgrammeInputField::Pipeline)}, input.pipeline);
        current.insert({input.month, int(domain::ProgrammeInputField::NewArr)}, input.newArr);
    }
    return changeCells(
        current, edits, &domain::ProgrammeInputEdit::value,
        [](Workbook &workbook, const QList<domain::ProgrammeInputEdit> &inputs) {
            return workbook.setProgrammeInputs(inputs);
        },
        stepName);
}

QString WorkbookEditor::changePilot(qint64 candidateId, const domain::Pilot &pilot)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, tr("Change pilot"));
    const domain::Pilot before = m_workbook->partnershipKpis(candidateId).pilot;
    if (before == pilot)
        return {};
    if (store::StoreError error = m_workbook->setPilot(candidateId, pilot); error)
        return error.message;
    push(tr("Change pilot"), before, pilot,
         [candidateId](Workbook &workbook, const domain::Pilot &value) {
             return workbook.setPilot(candidateId, value);
         });
    return {};
}

QString WorkbookEditor::changeProposal(qint64 candidateId, const domain::ProposalFields &before,
                                       const domain::ProposalFields &after, const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    if (before == after)
        return {};
    if (store::StoreError error = m_workbook->setProposalFields(candidateId, after); error)
        return error.message;
    push(stepName, before, after,
         [candidateId](Workbook &workbook, const domain::ProposalFields &fields) {
             return workbook.setProposalFields(candidateId, fields);
         });
    return {};
}

QString WorkbookEditor::recordOverlap(qint64 candidateId, const domain::OverlapEvidence &evidence,
                                      int score)
{
    const auto candidate = m_workbook->candidate(candidateId);
    if (!candidate)
        return tr("The candidate no longer exists.");
    OverlapState before{m_workbook->overlapEvidence(candidateId), candidate->audienceOverlap};
    OverlapState after{evidence, score};
    if (store::StoreError error =
            m_workbook->setOverlapEvidence(candidateId, after.evidence, after.score);
        error)
        return error.message;
    push(tr("Record audience overlap of %1").arg(candidate->name), before, after,
         [candidateId](Workbook &workbook, const OverlapState &state) {
             return workbook.setOverlapEvidence(candidateId, state.evidence, state.score);
         });
    return {};
}

QString WorkbookEditor::changeImage(const QString &name, const QByteArray &bytes,
                                    const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    const QByteArray before = m_workbook->image(name);
    if (before == bytes)
        return {};
    if (store::StoreError error = m_workbook->setImage(name, bytes); error)
        return error.message;
    push(stepName, before, bytes, [name](Workbook &workbook, const QByteArray &value) {
        return workbook.setImage(name, value);
    });
    return {};
}

QString WorkbookEditor::recordReview(qint64 candidateId, domain::Review review)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, tr("Record review"));
    review.id = 0;
    if (store::StoreError error = m_workbook->addReview(candidateId, review); error)
        return error.message;
    push(tr("Record review"), false, true, reviewPresence(candidateId, review));
    return {};
}

QString WorkbookEditor::removeReview(qint64 candidateId, qint64 reviewId)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, tr("Remove review"));
    const domain::PartnershipKpis current = m_workbook->partnershipKpis(candidateId);
    const auto it = std::find_if(current.reviews.cbegin(), current.reviews.cend(),
                                 [reviewId](const domain::Review &r) { return r.id == reviewId; });
    if (it == current.reviews.cend())
        return tr("That review is no longer in the workbook.");
    if (store::StoreError error = m_workbook->removeReview(candidateId, reviewId); error)
        return error.message;
    push(tr("Remove review"), true, false, reviewPresence(candidateId, *it));
    return {};
}

QString WorkbookEditor::recordRetrospective(qint64 candidateId, const domain::Review &review)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, tr("Record retrospective"));
    const auto candidate = m_workbook->candidate(candidateId);
    if (!candidate)
        return tr("That candidate no longer exists.");
    const auto stage = domain::Retrospective::stageAfter(review.decision);
    if (!stage || *stage == candidate->stage)
        return recordReview(candidateId, review);
    domain::Review recorded = review;
    recorded.id = 0;
    if (store::StoreError error = m_workbook->addReview(candidateId, recorded); error)
        return error.message;
    // One step for the decision: the review and the stage it moves the candidate to. The
    // stage goes through changeCandidateField, like every other stage change.
    m_stack->beginMacro(tr("Record retrospective: %1")
                            .arg(domain::reviewDecisionDisplayName(review.decision).toLower()));
    push(tr("Record review"), false, true, reviewPresence(candidateId, recorded));
    const QString error =
        changeCandidateField(candidateId, domain::CandidateField::Stage, domain::stageId(*stage));
    m_stack->endMacro();
    if (!error.isEmpty()) {
        // All or nothing: the half-made step leaves the stack (an obsolete step is dropped
        // without being undone), and the review the workbook.
        const_cast<QUndoCommand *>(m_stack->command(m_stack->index() - 1))->setObsolete(true);
        m_stack->undo();
        m_workbook->removeReview(candidateId, recorded.id);
    }
    return error;
}

QString WorkbookEditor::changeChecklist(qint64 candidateId, domain::ChecklistKind kind,
                                        const QList<domain::ChecklistItem> &after,
                                        const QString &stepName)
{
    const store::HistoryScope step(*m_workbook, domain::HistoryKind::Edit, stepName);
    const QList<domain::ChecklistItem> before = m_workbook->checklist(candidateId, kind);
    if (sortedByKey(before) == sortedByKey(after))
        return {};
    if (store::StoreError error = m_workbook->replaceChecklist(candidateId, kind, after); error)
        return error.message;
    push(stepName, before, m_workbook->checklist(candidateId, kind),
         [candidateId, kind](Workbook &workbook, const QList<domain::ChecklistItem> &items) {
             return workbook.replaceChecklist(candidateId, kind, items);
         });
    return {};
}

} // namespace pb::item
