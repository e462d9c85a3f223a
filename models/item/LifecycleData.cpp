#include "LifecycleData.h"

#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

using namespace pb::domain;

namespace pb::item {

namespace {
constexpr ChecklistKind kKinds[] = {ChecklistKind::Contract, ChecklistKind::Enablement,
                                    ChecklistKind::Exit};
} // namespace

std::optional<LifecycleData> LifecycleData::gather(const store::Workbook &workbook,
                                                   qint64 candidateId)
{
    const auto candidate = workbook.candidate(candidateId);
    if (!candidate)
        return std::nullopt;
    LifecycleData data;
    data.candidateId = candidateId;
    data.terms = workbook.proposal(candidateId);
    data.thresholds = WorkbookSettings::kpiThresholds(workbook.settings());
    Checklists::Partnership &p = data.partnership;
    p.partner = candidate->name;
    p.stage = candidate->stage;
    p.structure = candidate->structure;
    p.tracker = workbook.partnershipKpis(candidateId);
    p.tracker.partner = candidate->name;
    for (ChecklistKind kind : kKinds) {
        data.m_stored[std::size_t(kind)] = workbook.checklist(candidateId, kind);
        const auto rows =
            Checklists::rows(kind, p.structure, data.m_stored[std::size_t(kind)], data.terms);
        (kind == ChecklistKind::Contract     ? p.contract
         : kind == ChecklistKind::Enablement ? p.enablement
                                             : p.exit) = rows;
    }
    return data;
}

const QList<ChecklistRow> &LifecycleData::rows(ChecklistKind kind) const
{
    switch (kind) {
    case ChecklistKind::Contract:
        return partnership.contract;
    case ChecklistKind::Enablement:
        return partnership.enablement;
    case ChecklistKind::Exit:
        break;
    }
    return partnership.exit;
}

QList<ChecklistItem> LifecycleData::stored(ChecklistKind kind) const
{
    return m_stored[std::size_t(kind)];
}

QList<ChecklistItem> LifecycleData::storedWith(ChecklistKind kind, const ChecklistItem &item) const
{
    QList<ChecklistItem> items = stored(kind);
    const auto found = std::find_if(items.begin(), items.end(),
                                    [&item](const ChecklistItem &i) { return i.key == item.key; });
    if (found != items.end())
        *found = item;
    else
        items.append(item);
    return items;
}

Findings LifecycleData::findings(const QDate &today) const
{
    return Checklists::check(partnership, today);
}

bool LifecycleData::hasLifecycle(Stage stage)
{
    return stage == Stage::Proposed || stage == Stage::Pilot || stage == Stage::Scaled ||
           stage == Stage::Paused || stage == Stage::Ended;
}

} // namespace pb::item
