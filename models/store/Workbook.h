#pragma once

#include "StoreError.h"
#include "WorkbookNotifier.h"
#include "domain/History.h"
#include "domain/Merge.h"
#include "domain/Candidate.h"
#include "domain/CandidateField.h"
#include "domain/ScoringDimension.h"
#include "domain/Checklist.h"
#include "domain/InvalidValue.h"
#include "domain/Kpi.h"
#include "domain/KpiRules.h"
#include "domain/Overlap.h"
#include "domain/Pnl.h"
#include "domain/ProgrammeHealth.h"
#include "domain/Proposal.h"
#include "domain/Raci.h"
#include "domain/WorkbookSettings.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>

class QFileInfo;

namespace pb::store {

class SqliteDatabase;
class WorkbookLock;
class HistoryRecorder;
class HistoryScope;

struct OpenOptions
{
    // View only: no lock is taken and nothing is written.
    bool readOnly = false;
    // The GUI's choice: when the file or its folder cannot be written, open read-only and
    // say why (readOnlyReason) instead of refusing.
    bool readOnlyIfUnwritable = false;
    // Take over a lock held by someone else, after the user was warned.
    bool breakLock = false;
};

// What an import did. Undo and redo go by importId: the rows themselves stay in the store
// (the updated rows' before-images in a temporary table of this session), not in memory.
struct ImportOutcome
{
    qint64 importId = 0;
    QList<qint64> addedIds;
    QList<qint64> updatedIds;
    int unchanged = 0;
};

struct WorkbookCounts
{
    qint64 candidates = 0;
    qint64 partnerships = 0;
    qint64 kpis = 0;
};

// One open workbook file: the only object that reads or writes it. Every edit is its own
// committed transaction; every change is announced through notifier(). Opening checks the
// file before anything can modify it (see ARCHITECTURE.md, "The workbook file").
class Workbook
{
    Q_DECLARE_TR_FUNCTIONS(Workbook)
public:
    static std::unique_ptr<Workbook> open(const QString &path, const OpenOptions &options,
                                          StoreError *error);
    // Creates a new workbook; never overwrites an existing file. Opened for editing.
    static std::unique_ptr<Workbook> create(const QString &path, const QString &title,
                                            StoreError *error);
    // Writes a workbook at an older schema version (tests of the upgrade path use it).
    static StoreError createAtVersion(const QString &path, int version, const QString &title);
    static QString fileExtension() { return QStringLiteral("playbook"); }

    ~Workbook();
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    QString path() const { return m_path; }
    QString displayName() const;
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    // Set when opening rolled back an unfinished change that a crash left (a hot journal).
    bool recoveredFromCrash() const { return m_recovered; }
    int schemaVersion() const;
    // The file format version of the file on disk (before any in-memory upgrade).
    int fileSchemaVersion() const { return m_fileVersion; }
    // Set when the file was upgraded on open: from which version, and where the backup is.
    int upgradedFromVersion() const { return m_upgradedFrom; }
    QString upgradeBackupPath() const { return m_backupPath; }
    // SQLite's locking is unreliable on some network file systems: the UI warns.
    bool isOnNetworkDrive() const;
    WorkbookNotifier *notifier() const { return m_notifier.get(); }

    // Settings kept in the file. A stored value the rules refuse (a weight of "abc", all
    // weights zero) reads as the default and is listed by invalidValues(); it stays in the
    // file until that setting is changed.
    QVariant setting(domain::SettingKey key) const;
    domain::SettingValues settings() const;
    StoreError setSettings(const domain::SettingValues &changes);

    // Values in the file this version never writes: settings the rules refuse, candidates
    // with an empty name or a stage or structure it does not know. Reported by `check` and
    // the notice bar; each is shown as it is and kept until the user changes it.
    QList<domain::InvalidValue> invalidValues() const;
    // What an upgrade on open changed in the meaning of the file's values, one sentence
    // each (empty when the file was not upgraded, or nothing changed).
    QStringList upgradeNotes() const { return m_upgradeNotes; }

    // Candidates, partnerships, KPIs (the capabilities grow these).
    StoreError insertCandidates(QList<domain::Candidate> &candidates);
    QList<domain::Candidate> candidates() const;
    // Only id, name, structure, scores and stage: what ranking and the rank listing need,
    // read several times faster than whole candidates.
    QList<domain::Candidate> candidateSummaries() const;
    std::optional<domain::Candidate> candidate(qint64 id) const;
    bool isCandidateNameTaken(const QString &name) const;
    // One field of one candidate, validated by domain::CandidateFields.
    StoreError setCandidateField(qint64 id, domain::CandidateField field, const QVariant &value);
    // Several fields of one candidate in one transaction (the structure chooser's answers
    // and the structure); nothing is written when one value is refused.
    StoreError setCandidateFields(qint64 id, const domain::CandidateValues &values);
    // Writes whole candidates back by id (undo of an import or an edit of many fields).
    StoreError updateCandidates(const QList<domain::Candidate> &candidates);
    // Refuses candidates that have a partnership (its RACI and KPIs would go with it).
    StoreError removeCandidates(const QList<qint64> &ids);
    // Puts removed candidates back with their ids (undo of a removal).
    StoreError restoreCandidates(const QList<domain::Candidate> &candidates);
    // Adds and updates in one transaction: all or nothing. progress(done, total) is called
    // every few hundred rows.
    StoreError importCandidates(const QList<domain::CandidatePatch> &patches,
                                ImportOutcome *outcome,
                                const std::function<void(qsizetype, qsizetype)> &progress = {});
    // Undoes an import (importCandidates or a CandidateImporter) of this session: removes
    // its rows and puts the updated ones back as they were, keeping what it wrote for redo.
    StoreError revertImport(const ImportOutcome &outcome);
    // Redoes a reverted import: the same rows with the same ids.
    StoreError reapplyImport(const ImportOutcome &outcome);
    StoreError addPartnership(qint64 candidateId, const QDate &pilotStart, int pilotDays,
                              QList<domain::KpiDefinition> &kpis, qint64 *partnershipId);
    WorkbookCounts counts() const;

    // RACI grids, one per partnership, addressed by the candidate. A grid is written whole,
    // in one transaction (it is small), which also serves every edit's undo.
    bool hasRaciGrid(qint64 candidateId) const;
    domain::RaciGrid raciGrid(qint64 candidateId) const;
    // Replaces the candidate's grid (creating its partnership when needed); fills the ids.
    StoreError replaceRaciGrid(qint64 candidateId, domain::RaciGrid &grid);
    // Candidate ids that have a grid; that have a partnership.
    QList<qint64> candidatesWithRaciGrid() const;
    QList<qint64> candidatesWithPartnership() const;
    // Candidates in pilot or scaled: how many partnerships are running (the founder-led
    // rule of the RACI checks).
    qsizetype activePartnershipCount() const;
    std::optional<qint64> candidateIdByName(const QString &name) const;

    // Several raters (WorkbookRatings.cpp). Whose the candidates' own scores are: the setting
    // scores.first_rater when set, else the workbook's first author in its history (the same
    // in every copy), else the app's user.
    QString firstRater() const;
    // Sets or clears one score of `rater` for a candidate: the candidate's own score when the
    // rater is the first rater, else the rater's rating (added when new, removed when it has
    // no score left). Names match without case or surrounding spaces.
    StoreError setRatingScore(qint64 candidateId, const QString &rater,
                              domain::Dimension dimension, const QVariant &value);

    // The KPI tracker of a partnership, addressed by the candidate: pilot, KPIs with their
    // values, reviews. Empty (and partner unnamed) when the candidate has no partnership.
    domain::PartnershipKpis partnershipKpis(qint64 candidateId) const;
    // Every partnership's tracker, for `check` and the portfolio view.
    QList<domain::PartnershipKpis> allPartnershipKpis() const;
    // Replaces the KPI definitions and all their values (creating the partnership when
    // needed), in one transaction. Keeps the ids given (undo restores exactly), fills new
    // ones. Values of KPIs no longer listed go with them.
    StoreError replaceKpis(qint64 candidateId, QList<domain::KpiSeries> &kpis);
    // Sets or clears single values, all or nothing: the entry grid's edits and pastes.
    StoreError setKpiValues(qint64 candidateId, const QList<domain::KpiValueEdit> &edits);
    StoreError setPilot(qint64 candidateId, const domain::Pilot &pilot);
    // Records a review; keeps review.id when set (undo of a removal), else fills it.
    StoreError addReview(qint64 candidateId, domain::Review &review);
    StoreError removeReview(qint64 candidateId, qint64 reviewId);

    // The one-page proposal of a partnership, addressed by the candidate: the user's text
    // and the commercial terms; the defaults when none is stored yet.
    domain::Proposal proposal(qint64 candidateId) const;
    // Stores everything `terms` sets in one transaction: the candidate's structure, the
    // pilot and the proposal.
    StoreError setProposalFields(qint64 candidateId, const domain::ProposalFields &fields);
    // A picture kept in the workbook, such as "logo" for the proposal: image bytes (PNG),
    // empty when there is none. Setting empty bytes removes it.
    QByteArray image(const QString &name) const;
    StoreError setImage(const QString &name, const QByteArray &bytes);

    // The evidence behind a candidate's audience-overlap score, if it was measured.
    std::optional<domain::OverlapEvidence> overlapEvidence(qint64 candidateId) const;
    // Records (or with nullopt removes) the evidence and sets the audience-overlap score
    // (nullopt: not scored) in one transaction.
    StoreError setOverlapEvidence(qint64 candidateId,
                                  const std::optional<domain::OverlapEvidence> &evidence,
                                  std::optional<int> audienceOverlap);

    // The programme (WorkbookProgramme.cpp). When each candidate entered its current stage:
    // the store records every stage change (a trigger, so that no write path can miss it); a
    // candidate that has not moved since counts from its creation.
    QHash<qint64, QDate> stageSince() const;
    // Records that candidates entered their current stage on these dates (the sample, or a
    // history brought from elsewhere); a later recorded change still counts.
    StoreError backdateStages(const QHash<qint64, QDate> &since);
    // The costs entered for a partnership, addressed by the candidate (time in hours), by
    // month and category; and every partnership's, by candidate id.
    QList<domain::CostEntry> costs(qint64 candidateId) const;
    QHash<qint64, QList<domain::CostEntry>> allCosts() const;
    // Sets or clears single costs, all or nothing, creating the partnership when needed: the
    // costs grid's edits and pastes, and imports.
    StoreError setCosts(qint64 candidateId, const QList<domain::CostEdit> &edits);
    // The programme's monthly totals (new pipeline, new ARR), by month.
    QList<domain::ProgrammeInput> programmeInputs() const;
    StoreError setProgrammeInputs(const QList<domain::ProgrammeInputEdit> &edits);
    // The checklists of a partnership (contract essentials, enablement kit, exit), addressed
    // by the candidate: the items stored, by their keys; an item not stored is at its
    // initial status. A list is written whole, in one transaction (creating the partnership
    // when needed), which also serves every edit's undo. Refuses a key the kind does not
    // have, or a status it does not allow, and changes nothing then.
    QList<domain::ChecklistItem> checklist(qint64 candidateId, domain::ChecklistKind kind) const;
    StoreError replaceChecklist(qint64 candidateId, domain::ChecklistKind kind,
                                const QList<domain::ChecklistItem> &items);
    // Every learnings_written note, with its partner's name, structure and stage, for the
    // next partner of the same structure (the Candidates area's detail pane).
    QList<domain::Learning> learnings() const;

    // A consistent snapshot at target (SQLite backup API into a temporary file in the
    // target folder, checked, then renamed into place).
    StoreError saveCopy(const QString &target) const;

    // The history (schema step 11; WorkbookHistory.cpp). Every write is one step, made by
    // author() (the user's name, or the account's), described by the innermost live
    // HistoryScope; steps that changed nothing are not kept.
    void setAuthor(const QString &author);
    QString author() const;
    // The workbook's identity, the same in every copy (16 bytes; empty before step 11).
    QByteArray lineage() const;
    // Newest first, with their changes (only those of query.owner, when given).
    QList<domain::HistoryStep> history(const domain::HistoryQuery &query = {}) const;
    qint64 historyStepCount() const;
    // The newest step joins the one before it (an undo step that took in the next edit).
    StoreError joinLastHistorySteps();
    // The lasting id of a candidate, and the names of candidates (present and removed, as
    // the history last named them) by id: what the history's owners refer to.
    QByteArray candidateUid(qint64 id) const;
    std::optional<qint64> candidateIdByUid(const QByteArray &uid) const;
    // Whether a step after seq changed the same field of the same record (or added or removed
    // the record): then the change can no longer be reverted on its own.
    bool changedAfter(qint64 seq, const domain::HistoryChange &change) const;
    QHash<QByteArray, QString> candidateNamesByUid() const;
    // Sets one field of one record named as the history names it (its lasting key): what
    // Revert This Change writes for records without an editor of their own here (KPIs, RACI
    // cells, checklist items, terms, costs, reviews …). Refuses a table the history does not
    // follow, a key column, and a record no longer there; the file's checks refuse a value.
    StoreError setRecordField(const QString &entity, const QByteArray &record,
                              const QString &field, const QVariant &value);
    // Merges a colleague's copy of this workbook (WorkbookMerge.cpp; Merger.h says how).
    // Refuses the workbook itself, a workbook of another lineage, one from before the history
    // (format 11) and one opening would refuse. With options.dryRun, or a conflict the
    // options leave open, nothing is written and the report says what would change.
    // *mergeId names the merge for undoMerge and redoMerge (this session only).
    StoreError merge(const QString &otherPath, const domain::MergeOptions &options,
                     domain::MergeReport *report, qint64 *mergeId = nullptr);
    StoreError undoMerge(qint64 mergeId);
    StoreError redoMerge(qint64 mergeId);
    // PRAGMA integrity_check: empty when the file is sound.
    QStringList integrityProblems() const;

    // A path as messages show it: native separators, in quotes.
    static QString quoted(const QString &path);

private:
    friend class CandidateImporter;
    friend class HistoryScope;
    Workbook();
    StoreError checkWritable() const;
    StoreError sqliteError(const QString &action) const;
    // The steps of open() after the header was checked (WorkbookOpen.cpp), in order.
    StoreError recoverFromCrash(const QString &path, const QFileInfo &info);
    StoreError chooseAccess(const QString &path, const QFileInfo &info, const OpenOptions &options);
    StoreError openConnection(const QString &path);
    StoreError checkSchema(const QString &path);
    StoreError upgrade(int fromVersion);
    bool loadSettings();
    // Candidates with an empty name, or a stage or structure this version does not know.
    QList<domain::InvalidValue> invalidCandidateValues() const;
    StoreError checkNameFree(const QString &name, qint64 exceptId) const;
    // Before an edit of one field: the workbook can be written, the value is one the field
    // takes (normalised in place) and the candidate exists (read into current).
    StoreError prepareFieldEdit(qint64 id, domain::CandidateField field, QVariant &value,
                                std::optional<domain::Candidate> &current) const;
    QList<domain::Candidate> readCandidates(const QString &where) const;
    // Fills in each candidate's ratings (the list is in id order).
    void attachRatings(QList<domain::Candidate> &candidates) const;
    // Inside the caller's transaction: the candidates' ratings as given (undo, restore).
    bool writeRatings(const QList<domain::Candidate> &candidates);
    // An import's rating rows, for its undo and redo: puts back the ratings the importer
    // kept in temp.import_ratings, as they were before the import or after it.
    bool putBackImportRatings(qint64 importId, bool before);
    bool writeCandidate(const domain::Candidate &candidate, bool insert, bool keepId);
    // Inside the caller's transaction: whole candidates by id (inserted to put them back, or
    // updated); deleting by id. False at the first failure.
    bool writeCandidates(const QList<domain::Candidate> &candidates, bool insert);
    bool deleteCandidates(const QList<qint64> &ids);
    // The temporary tables (not in the file) that keep imports' rows for undo and redo.
    bool prepareImportHistory();
    // Every column of a candidate row, the id first: what the import history keeps.
    static QString importColumns();
    // Copies an import's current rows (added and updated) into temp.import_after.
    bool keepImportedRows(const ImportOutcome &outcome);
    // Tells the listeners about an import's rows: the added ones as added (Inserted or
    // Removed), the updated ones as updated.
    void announceImport(const ImportOutcome &outcome, Change::Kind added) const;
    // The merge's steps (WorkbookMerge.cpp): a checked copy of the other file, and putting
    // back the tables as a merge left them or found them, telling every listener.
    StoreError copyForMerge(const QString &otherPath, const QString &folder, QString *copy);
    StoreError putBackMerge(qint64 mergeId, bool redo);
    void announceRecordsOf(const QList<qint64> &candidateIds);
    QList<qint64> ownersOfCurrentStep() const;
    // updateCandidates and restoreCandidates: one transaction, one announcement.
    StoreError putCandidates(const QList<domain::Candidate> &candidates, bool insert,
                             const char *action);

    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<WorkbookLock> m_lock;
    std::unique_ptr<WorkbookNotifier> m_notifier;
    std::unique_ptr<HistoryRecorder> m_history; // null when read-only
    QString m_path;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    bool m_recovered = false;
    int m_upgradedFrom = 0;
    int m_fileVersion = 0;
    QString m_backupPath;
    domain::SettingValues m_settings;
    QList<domain::InvalidValue> m_invalidSettings;
    QStringList m_upgradeNotes;
    qint64 m_nextImportId = 1;
    qint64 m_nextMergeId = 1;
};

// Describes the steps written while it lives: what kind (an edit, an undo, an import …), with
// which label ("Change stage") and origin (the other file of a merge). Scopes nest; the
// previous description comes back when one ends.
class HistoryScope
{
public:
    HistoryScope(Workbook &workbook, domain::HistoryKind kind, const QString &label,
                 const QString &origin = {});
    ~HistoryScope();
    HistoryScope(const HistoryScope &) = delete;
    HistoryScope &operator=(const HistoryScope &) = delete;

private:
    Workbook &m_workbook;
    domain::HistoryKind m_kind;
    QString m_label;
    QString m_origin;
};

} // namespace pb::store
