#pragma once

#include "models/domain/WorkbookSettings.h"

#include <QObject>

class QUndoStack;

namespace pb::store {
class Workbook;
}

namespace pb::item {

// The one door for edits (Subsurface's command facade): the UI and tests call edit
// functions here and never build undo commands or touch the stack themselves. Each edit is
// written through the store first; only a successful edit becomes an undo step.
class WorkbookEditor : public QObject {
    Q_OBJECT
public:
    explicit WorkbookEditor(store::Workbook *workbook, QObject *parent = nullptr);
    ~WorkbookEditor() override;

    store::Workbook *workbook() const { return m_workbook; }
    QUndoStack *undoStack() const { return m_stack; }

    // Returns an empty string on success, otherwise why nothing changed.
    QString changeSettings(const domain::SettingValues &changes);

signals:
    // An undo or redo could not be written; the message says why.
    void editFailed(const QString &message);

private:
    store::Workbook *m_workbook;
    QUndoStack *m_stack;
};

} // namespace pb::item
