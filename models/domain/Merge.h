#pragma once

#include "History.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace pb::domain {

// Merging a colleague's copy of a workbook (issue 17): a three-way merge by record and field
// since the two copies parted. The base of a field is its value before the other side's first
// change to it (the history says so); what each side changed since parting is what its own
// steps — those the other copy does not have — changed.
enum class MergeSide { Ours, Theirs };
QString mergeSideId(MergeSide side); // "ours", "theirs"
std::optional<MergeSide> mergeSideFromId(const QString &id);

// Why a change cannot be applied on its own.
enum class MergeConflictKind {
    ChangedOnBoth,            // the same field changed to different values
    RemovedByUsChangedByThem, // we removed a record they edited
    ChangedByUsRemovedByThem, // they removed a record we edited
    AddedOnBoth,              // both added a record under the same name (a candidate)
};
QString mergeConflictKindId(MergeConflictKind kind); // "changed-on-both", …
QString mergeConflictKindText(MergeConflictKind kind); // for people

struct MergeConflict
{
    MergeConflictKind kind = MergeConflictKind::ChangedOnBoth;
    QString entity;      // the table, as in the history
    QByteArray record;   // its lasting key
    QByteArray owner;    // the candidate it belongs to (empty for the workbook's own)
    QString ownerName;   // that candidate's name, or the record's when it is a candidate
    QString field;       // empty for a whole record
    QVariant base;       // the value before either changed it (null when not known)
    QVariant ours;
    QVariant theirs;
    std::optional<MergeSide> resolution; // how it was (or would be) settled; none: open

    // How a choice names this conflict: stable for the same two files.
    QString key() const;
};

// How to merge: report only (dry run), which side wins every conflict not chosen one by one.
struct MergeOptions
{
    bool dryRun = false;
    std::optional<MergeSide> prefer;
    QHash<QString, MergeSide> choices; // by MergeConflict::key()
};

// What a merge did, or would do (a dry run, or conflicts left open: then nothing changed).
struct MergeReport
{
    QString otherPath;
    QStringList otherAuthors; // who made their steps since parting
    int theirSteps = 0;       // their steps since parting (copied into our history)
    int ourSteps = 0;         // ours since parting
    QList<HistoryChange> changes; // what it changed in our workbook
    QList<MergeConflict> conflicts;
    QHash<QByteArray, QString> names; // the candidates the changes belong to, by their ids
    bool applied = false; // written (not a dry run, no open conflict)

    qsizetype openConflicts() const;
};

} // namespace pb::domain
