#pragma once

#include "models/domain/WorkbookSettings.h"

#include <QUndoCommand>

#include <functional>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// "These workbook settings changed from A to B", applied through the store. Repeated
// edits of the same settings merge into one step; an edit that ends where it began
// disappears from the stack.
class ChangeSettingsCommand : public QUndoCommand {
public:
    using ErrorHandler = std::function<void(const QString &)>;

    ChangeSettingsCommand(store::Workbook *workbook, domain::SettingValues before,
                          domain::SettingValues after, ErrorHandler onError);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const domain::SettingValues &values);

    store::Workbook *m_workbook;
    domain::SettingValues m_before;
    domain::SettingValues m_after;
    ErrorHandler m_onError;
    bool m_alreadyApplied = true;
};

} // namespace pb::item
