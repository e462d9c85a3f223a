#pragma once

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QWidget;

namespace pb::ui {

// The Candidates area's actions with their shortcuts and tips: add, delete, copy, paste,
// find (their shortcuts work while the focus is in the page), import and export (Ctrl+I,
// Ctrl+E, anywhere in the window while the area is shown). CandidatesPage connects them;
// MainWindow shows the first five in its Edit menu and the last two in its File menu
// while the area is shown.
class CandidateActions : public QObject
{
    Q_OBJECT
public:
    enum Action { Add, Delete, Copy, Paste, Find, Import, Export, ActionCount };

    // Actions that change the workbook are disabled for a read-only one.
    CandidateActions(QWidget *page, bool readOnly);

    QAction *action(Action which) const { return m_actions[which]; }
    // For the Edit menu: add, delete, copy, paste, find.
    QList<QAction *> editActions() const;
    // For the File menu: import, export.
    QList<QAction *> fileActions() const { return {m_actions[Import], m_actions[Export]}; }

private:
    std::array<QAction *, ActionCount> m_actions{};
};

} // namespace pb::ui
