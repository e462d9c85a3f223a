#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QVariant>

#include <optional>

namespace pb::domain {

// What made a step of a workbook's history: an edit, the undo or redo of one, an import, a
// merge of a colleague's copy, the revert of an earlier change.
enum class HistoryKind { Edit, Undo, Redo, Import, Merge, Revert };
QString historyKindId(HistoryKind kind); // "edit", "undo", … as the file and the CLI name it
std::optional<HistoryKind> historyKindFromId(const QString &id);
QString historyKindDisplayName(HistoryKind kind);

// What a change did to its record: added it, changed one field, removed it.
enum class HistoryOp { Add, Change, Remove };
QString historyOpId(HistoryOp op); // "add", "change", "remove"
std::optional<HistoryOp> historyOpFromId(const QString &id);

// One change to one record. The record is named by keys that stay the same in every copy of
// the workbook (its 128-bit id, or for a record that belongs to others — a RACI cell, a KPI
// value, a checklist item — their ids and its own natural key), never by a row number of
// this file. owner is the id of the candidate the record belongs to (empty for the
// workbook's settings and the programme's own figures). field is the column that changed;
// for an added or removed record it is empty and before/after hold its name. The records an
// import added are counted, not listed: one Add with an empty record, after = how many.
struct HistoryChange
{
    QString entity; // the table: "candidates", "raci_cells", …
    QByteArray record;
    QByteArray owner;
    QString recordName; // the key's own text: "2026-03" for a KPI value, "" for a candidate
    QString field;
    HistoryOp op = HistoryOp::Change;
    QVariant before;
    QVariant after;
};

// One step: everything one edit (one undo step) changed, when and by whom. id is random and
// the same in every copy, so two copies can tell which steps they share.
struct HistoryStep
{
    qint64 seq = 0; // its place in this file's history, oldest first
    QByteArray id;
    QDateTime madeAt; // UTC
    QString author;
    HistoryKind kind = HistoryKind::Edit;
    QString label;  // the undo step's text: "Change stage", "Import candidates.csv"
    QString origin; // for a merge, the other file and its author
    QList<HistoryChange> changes;
};

// Which steps to read: made at or after since (when valid), touching the candidate whose id is
// owner (when not empty), at most limit (newest first; 0 for all), older than the step
// beforeSeq (when not 0: the next page).
struct HistoryQuery
{
    QDateTime since;
    QByteArray owner;
    qsizetype limit = 0;
    qint64 beforeSeq = 0;
};

// What the history calls a table's records and their fields, for people: "Candidate",
// "RACI cell"; a candidate's field by its label, another field by its column in words.
QString historyEntityDisplayName(const QString &entity);
QString historyFieldDisplayName(const QString &entity, const QString &field);

// The name a user is known by in the history until they set one in the preferences: the
// account's login name, or "unknown".
QString systemUserName();
// Who wrote the sample workbook's steps: not a person, so never its first rater.
QString sampleAuthor();

} // namespace pb::domain
