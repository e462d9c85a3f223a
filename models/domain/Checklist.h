#pragma once

#include "Finding.h"
#include "PartnershipKpis.h"
#include "Proposal.h"
#include "ProposalField.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>
#include <span>

namespace pb::domain {

// The three checklists a partnership keeps after its proposal (DOMAIN.md §3, §7): the
// contract's essentials, the enablement kit, the clean exit.
enum class ChecklistKind { Contract, Enablement, Exit };
QString checklistKindId(ChecklistKind kind); // "contract", "enablement", "exit"
std::optional<ChecklistKind> checklistKindFromId(const QString &text);

// An item's status. Contract: open, agreed, n/a; enablement: not-needed, planned, ready,
// delivered; exit: open, done, n/a.
enum class ItemStatus { Open, Agreed, NotApplicable, NotNeeded, Planned, Ready, Delivered, Done };
QString itemStatusId(ItemStatus status);
QString itemStatusDisplayName(ItemStatus status);
// The statuses a kind allows, in the order a keystroke cycles through them.
std::span<const ItemStatus> statusesFor(ChecklistKind kind);
std::optional<ItemStatus> itemStatusFromId(ChecklistKind kind, const QString &text);

// One row of a checklist's table: a stable snake_case key (the CLI and the file use it), what
// it is, which structures it applies to, and the terms fields that already hold it.
struct ChecklistItemSpec
{
    ChecklistKind kind;
    const char16_t *key;
    const char *label;
    const char *tooltip = "";
    StructureSet structures = kAllStructures;
    std::span<const ProposalField> fromTerms = {};
    ItemStatus initial = ItemStatus::Open;
};

// An item as stored: its key, status, the date it was reached and a short note.
struct ChecklistItem
{
    QString key;
    ItemStatus status = ItemStatus::Open;
    QDate date;
    QString note;

    friend bool operator==(const ChecklistItem &, const ChecklistItem &) = default;
};

// An item as shown: the spec, its status (from what is stored, or agreed by the terms), and
// the terms' value where the terms hold it.
struct ChecklistRow
{
    const ChecklistItemSpec *spec = nullptr;
    ChecklistItem item;
    QString termsValue;   // "20 %", "12 months" …; empty when the terms hold nothing
    bool byTerms = false; // agreed because the terms hold it
};

// How far a list has come: items settled (agreed, delivered, done) of those that apply (not
// marked not applicable or not needed).
struct ChecklistProgress
{
    qsizetype settled = 0;
    qsizetype total = 0;
};

// What a partnership left for the next partner of its structure: the note of its exit's
// learnings_written item (DOMAIN.md §7), with whose it is.
struct Learning
{
    qint64 candidateId = 0;
    QString partner;
    Structure structure = Structure::Unset;
    Stage stage = Stage::Sourced;
    QDate date;
    QString note;

    friend bool operator==(const Learning &, const Learning &) = default;
};

// The checklists' items and their rules: contract.open_essentials, enablement.missing,
// pilot.retro_due, exit.open_items. Read by the Lifecycle view, `playbook-cli checklist`,
// `check` and the proposal's one line on the essentials.
class Checklists
{
    Q_DECLARE_TR_FUNCTIONS(Checklists)
public:
    static std::span<const ChecklistItemSpec> specs(ChecklistKind kind);
    static const ChecklistItemSpec *spec(ChecklistKind kind, const QString &key);
    static QString label(const ChecklistItemSpec &spec);
    static QString tooltip(const ChecklistItemSpec &spec);
    // The items that apply to a structure, with what is stored and what the terms hold.
    static QList<ChecklistRow> rows(ChecklistKind kind, Structure structure,
                                    const QList<ChecklistItem> &stored, const Proposal &terms);
    // The open items of a list, by label.
    static QStringList openLabels(const QList<ChecklistRow> &rows);
    static ChecklistProgress progress(const QList<ChecklistRow> &rows);
    // Whether a status is where the item ends: agreed, delivered, done.
    static bool isSettled(ItemStatus status);
    // What is stored for a row: its item, with the status the user chose (open for an item
    // agreed only because the terms hold it).
    static ChecklistItem storedItem(const ChecklistRow &row);
    // The item with a new status; reaching one (ready, agreed, delivered, done) dates it
    // today unless it has a date already.
    static ChecklistItem withStatus(ChecklistItem item, ItemStatus status, const QDate &today);
    // The status after (step 1) or before (step -1) the row's shown status, in its kind's
    // cycle.
    static ItemStatus cycled(ChecklistKind kind, ItemStatus status, int step);
    // The learnings_written key: its note holds the learnings.
    static QString learningsKey() { return QStringLiteral("learnings_written"); }

    struct Partnership
    {
        QString partner;
        Stage stage = Stage::Sourced;
        Structure structure = Structure::Unset;
        PartnershipKpis tracker;
        QList<ChecklistRow> contract;
        QList<ChecklistRow> enablement;
        QList<ChecklistRow> exit;
    };
    static Findings check(const Partnership &partnership, const QDate &today);
    // Whether the pilot has ended without a retrospective (a scale, pause or end decision
    // recorded from 14 days before its end on).
    static bool retrospectiveDue(const PartnershipKpis &tracker, const QDate &today);
};

} // namespace pb::domain
