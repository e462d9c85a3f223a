#pragma once

#include "domain/Checklist.h"
#include "domain/Retrospective.h"

#include <array>
#include <optional>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// Gathers one partnership's lifecycle from a workbook: its candidate, KPI tracker, terms and
// the three checklists as rows (what is stored, with what the terms hold). One place for the
// Lifecycle view, `playbook-cli checklist`, `check` and the proposal, so they agree.
struct LifecycleData
{
    qint64 candidateId = 0;
    domain::Checklists::Partnership partnership; // partner, stage, structure, tracker, rows
    domain::Proposal terms;
    domain::KpiThresholds thresholds;

    // Nullopt when there is no such candidate. A candidate without a partnership has its
    // lists at their initial statuses.
    static std::optional<LifecycleData> gather(const store::Workbook &workbook, qint64 candidateId);
    const QList<domain::ChecklistRow> &rows(domain::ChecklistKind kind) const;
    // The stored list of a kind, as replaceChecklist writes it.
    QList<domain::ChecklistItem> stored(domain::ChecklistKind kind) const;
    // The stored list with one row's item replaced by `item` (added when not stored yet).
    QList<domain::ChecklistItem> storedWith(domain::ChecklistKind kind,
                                            const domain::ChecklistItem &item) const;
    // contract.open_essentials, enablement.missing, pilot.retro_due, exit.open_items.
    domain::Findings findings(const QDate &today) const;
    // Whether the lifecycle rules speak about a candidate in this stage at all (proposed and
    // later); `check` gathers only those.
    static bool hasLifecycle(domain::Stage stage);

private:
    std::array<QList<domain::ChecklistItem>, 3> m_stored;
};

} // namespace pb::item
