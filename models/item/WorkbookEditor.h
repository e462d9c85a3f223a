#pragma once

#include "CommandId.h"
#include "domain/CandidateField.h"
#include "domain/History.h"
#include "domain/Proposal.h"
#include "domain/Raci.h"
#include "domain/WorkbookSettings.h"
#include "io/CandidateCsvPipeline.h"
#include "store/Workbook.h"

#include <QObject>

class QUndoStack;

namespace pb::store {
class Workbook;
}

namespace pb::item {

// The one door for edits (Subsurface's command facade): the UI and tests call edit
// functions here and never build undo commands or touch the stack themselves. Each edit is
// written through the store first; only a successful edit becomes an undo step.
class WorkbookEditor : public QObject
{
    Q_OBJECT
public:
    explicit WorkbookEditor(store::Workbook *workbook, QObject *parent = nullptr);
    ~WorkbookEditor() override;

    store::Workbook *workbook() const { return m_workbook; }
    QUndoStack *undoStack() const { return m_stack; }

    // Returns an empty string on success, otherwise why nothing changed.
    QString changeSettings(const domain::SettingValues &changes);

    // A score (audience overlap, strategic value, ease of integration) is the scoring rater's:
    // the candidate's own when they are the workbook's first rater (Workbook::firstRater),
    // else their rating beside it.
    QString changeCandidateField(qint64 id, domain::CandidateField field, const QVariant &value);
    // Whose scores the edits set: the app's user (the history's author) unless another
    // rater is chosen ("rank as Maya scored it", to enter her scores).
    QString scoringRater() const;
    void setScoringRater(const QString &rater) { m_scoringRater = rater.trimmed(); }
    // Puts back the value a change in the history replaced, as a new step that Undo takes
    // back; refused (the reason) when a later step changed the same field, or for a record
    // added or removed (Undo takes those back). Any field of any record the history follows.
    QString revertChange(const domain::HistoryStep &step, const domain::HistoryChange &change);
    // Several fields of one candidate as one undo step named stepName (the structure
    // chooser's answers with the structure); the fields that do not change are left out.
    QString changeCandidateFields(qint64 id, const domain::CandidateValues &values,
                                  const QString &stepName);
    // Adds a candidate with a free name like "New candidate 2"; its id in *id.
    QString addCandidate(qint64 *id);
    QString removeCandidates(const QList<qint64> &ids);
    // Writes a candidate's RACI grid as one undo step named stepName; nothing happens when
    // the grid is unchanged.
    QString changeRaciGrid(qint64 candidateId, domain::RaciGrid after, const QString &stepName);

    // KPI tracker edits, each one undo step. changeKpis writes the definitions and values
    // whole (new KPIs get ids); changeKpiValues sets or clears cells.
    QString changeKpis(qint64 candidateId, QList<domain::KpiSeries> after, const QString &stepName);
    QString changeKpiValues(qint64 candidateId, const QList<domain::KpiValueEdit> &edits,
                            const QString &stepName);
    QString changePilot(qint64 candidateId, const domain::Pilot &pilot);
    // A change on the Proposal area: terms, structure, pilot and text, as one undo step.
    QString changeProposal(qint64 candidateId, const domain::ProposalFields &before,
                           const domain::ProposalFields &after, const QString &stepName);
    // Records an audience-overlap measurement on a candidate and sets its audience-overlap
    // score, as one undo step.
    QString recordOverlap(qint64 candidateId, const domain::OverlapEvidence &evidence, int score);
    // Replaces (or with empty bytes removes) a picture kept in the workbook, such as the logo.
    QString changeImage(const QString &name, const QByteArray &bytes, const QString &stepName);
    // The programme's numbers: a partnership's costs and the programme's monthly totals, set
    // or cleared cell by cell, each call one undo step.
    QString changeCosts(qint64 candidateId, const QList<domain::CostEdit> &edits,
                        const QString &stepName);
    QString changeProgrammeInputs(const QList<domain::ProgrammeInputEdit> &edits,
                                  const QString &stepName);
    QString recordReview(qint64 candidateId, domain::Review review);
    QString removeReview(qint64 candidateId, qint64 reviewId);

    // The lifecycle (issue 15). A review that decides to scale, pause or end moves the
    // candidate to its stage (Retrospective::stageAfter) through changeCandidateField, and
    // review and stage are one undo step; continue records the review alone.
    QString recordRetrospective(qint64 candidateId, const domain::Review &review);
    // Writes a checklist's stored items whole, as one undo step named stepName.
    QString changeChecklist(qint64 candidateId, domain::ChecklistKind kind,
                            const QList<domain::ChecklistItem> &after, const QString &stepName);

    // One undo step for the whole import; *outcome says what was added and updated.
    QString importCandidates(const QList<domain::CandidatePatch> &patches, const QString &stepName,
                             store::ImportOutcome *outcome,
                             const std::function<void(qsizetype, qsizetype)> &progress = {});
    // Streams a candidates file into the workbook (io::importCandidatesCsv, the CLI's
    // pipeline) and records it as one undo step named by stepName(outcome). Nothing is
    // written when the file has problems (the result's errors), the import is cancelled
    // (options.progress) or the store fails (*storeError says why).
    io::CandidateCsvImport
    importCandidatesFile(const QByteArray &bytes, const QString &label,
                         const io::CandidateImportOptions &options,
                         const std::function<QString(const store::ImportOutcome &)> &stepName,
                         store::ImportOutcome *outcome, QString *storeError);

    // Merges a colleague's copy (Workbook::merge): one undo step when it wrote something.
    // Returns the store's message on failure; *report says what changed, or which
    // conflicts are still open (then nothing was written).
    QString mergeFrom(const QString &otherPath, const domain::MergeOptions &options,
                      domain::MergeReport *report);

private:
    QString changeOwnField(qint64 id, domain::CandidateField field, const QVariant &value);
    QString changeRating(qint64 id, const QString &rater, domain::Dimension dimension,
                         const QVariant &value);
    QString revertRecordField(const domain::HistoryChange &change, const QString &label);
    // Records an import already committed as one undo step. Undo and redo go through the
    // store by the import's id, without its rows in memory.
    void recordImport(const store::ImportOutcome &outcome, const QString &stepName);

signals:
    // An undo or redo could not be written; the message says why.
    void editFailed(const QString &message);
    // An edit (not an undo or redo) moved a candidate to another stage: the areas offer what
    // follows, such as the exit checklist after pausing or ending.
    void stageChanged(qint64 candidateId, pb::domain::Stage stage);

private:
    std::function<void(const QString &)> errorHandler();
    // Pushes the step "text: before -> after" (a ChangeValueCommand), which write() puts
    // into the store on undo and redo. The edit is already written, so nothing is written
    // now.
    template<typename T, typename Write>
    void push(const QString &text, T before, T after, Write write, MergeKey merge = {});

    using CellKey = QPair<QDate, int>;
    using CellValues = QHash<CellKey, std::optional<double>>;
    template<typename Edit, typename Write>
    QString changeCells(CellValues current, const QList<Edit> &edits,
                        std::optional<double> Edit::*value, Write write, const QString &stepName);

    store::Workbook *m_workbook;
    QUndoStack *m_stack;
    QString m_scoringRater;
};

} // namespace pb::item
