#include "ChangeSettingsCommand.h"

#include "CommandId.h"
#include "models/store/Workbook.h"

#include <QCoreApplication>

namespace pb::item {

using domain::SettingValues;
using domain::WorkbookSettings;

static QString describe(const SettingValues &values) {
    if (values.size() == 1)
        return QCoreApplication::translate("Commands", "Change %1")
            .arg(WorkbookSettings::displayName(values.firstKey()).toLower());
    return QCoreApplication::translate("Commands", "Change workbook settings");
}

ChangeSettingsCommand::ChangeSettingsCommand(store::Workbook *workbook, SettingValues before,
                                             SettingValues after, ErrorHandler onError)
    : QUndoCommand(describe(after))
    , m_workbook(workbook)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_onError(std::move(onError)) {}

void ChangeSettingsCommand::redo() {
    // The editor applied the change before pushing this command (so that a refused edit
    // never reaches the stack); only later redos write.
    if (m_alreadyApplied) {
        m_alreadyApplied = false;
        return;
    }
    apply(m_after);
}

void ChangeSettingsCommand::undo() {
    apply(m_before);
}

void ChangeSettingsCommand::apply(const SettingValues &values) {
    if (store::StoreError error = m_workbook->setSettings(values); error) {
        // The store refused (disk full, file gone read-only): the step cannot be replayed,
        // so it leaves the stack rather than pretend.
        setObsolete(true);
        if (m_onError)
            m_onError(error.message);
    }
}

int ChangeSettingsCommand::id() const {
    return int(CommandId::ChangeSettings);
}

bool ChangeSettingsCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = static_cast<const ChangeSettingsCommand *>(other);
    if (next->m_workbook != m_workbook || next->m_after.keys() != m_after.keys())
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace pb::item
