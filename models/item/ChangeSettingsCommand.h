#pragma once

#include "WorkbookCommand.h"
#include "domain/WorkbookSettings.h"

namespace pb::item {

// "These workbook settings changed from A to B". Repeated edits of the same settings merge
// into one step; an edit that ends where it began disappears from the stack.
class ChangeSettingsCommand : public WorkbookCommand
{
public:
    ChangeSettingsCommand(store::Workbook *workbook, domain::SettingValues before,
                          domain::SettingValues after, ErrorHandler onError);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    domain::SettingValues m_before;
    domain::SettingValues m_after;
};

} // namespace pb::item
