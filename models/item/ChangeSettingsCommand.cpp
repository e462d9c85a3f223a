#include "ChangeSettingsCommand.h"

#include "CommandId.h"
#include "store/Workbook.h"

#include <QCoreApplication>

namespace pb::item {

using domain::SettingValues;
using domain::WorkbookSettings;

static QString describe(const SettingValues &values)
{
    if (values.size() == 1)
        return QCoreApplication::translate("Commands", "Change %1")
            .arg(WorkbookSettings::displayName(values.firstKey()).toLower());
    return QCoreApplication::translate("Commands", "Change workbook settings");
}

ChangeSettingsCommand::ChangeSettingsCommand(store::Workbook *workbook, SettingValues before,
                                             SettingValues after, ErrorHandler onError)
    : WorkbookCommand(workbook, describe(after), std::move(onError))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError ChangeSettingsCommand::applyUndo()
{
    return workbook()->setSettings(m_before);
}

store::StoreError ChangeSettingsCommand::applyRedo()
{
    return workbook()->setSettings(m_after);
}

int ChangeSettingsCommand::id() const
{
    return int(CommandId::ChangeSettings);
}

bool ChangeSettingsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeSettingsCommand *>(other);
    if (next->workbook() != workbook() || next->m_after.keys() != m_after.keys())
        return false;
    m_after = next->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

} // namespace pb::item
