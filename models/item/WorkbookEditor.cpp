#include "WorkbookEditor.h"

#include "ChangeSettingsCommand.h"
#include "models/store/Workbook.h"

#include <QUndoStack>

namespace pb::item {

WorkbookEditor::WorkbookEditor(store::Workbook *workbook, QObject *parent)
    : QObject(parent)
    , m_workbook(workbook)
    , m_stack(new QUndoStack(this)) {
    // Everything is committed the moment it is made, so the stack is always "clean".
    m_stack->setUndoLimit(500);
}

WorkbookEditor::~WorkbookEditor() = default;

QString WorkbookEditor::changeSettings(const domain::SettingValues &changes) {
    domain::SettingValues before;
    domain::SettingValues after;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QVariant current = m_workbook->setting(it.key());
        if (current != it.value()) {
            before.insert(it.key(), current);
            after.insert(it.key(), it.value());
        }
    }
    if (after.isEmpty())
        return {};
    if (store::StoreError error = m_workbook->setSettings(after); error)
        return error.message;
    // Store what the store kept (trimmed, upper-cased), so undo/redo replay exact values.
    for (auto it = after.begin(); it != after.end(); ++it)
        it.value() = m_workbook->setting(it.key());
    m_stack->push(new ChangeSettingsCommand(
        m_workbook, before, after, [this](const QString &message) { emit editFailed(message); }));
    return {};
}

} // namespace pb::item
