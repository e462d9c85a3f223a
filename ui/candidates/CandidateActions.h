#pragma once

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QWidget;

namespace pb::ui {

// The Candidates area's actions with their shortcuts and tips: add, delete, copy, paste,
// find, import and export. They belong to the page widget (their shortcuts work anywhere
// in it); CandidatesPage connects them, MainWindow puts the first five in its Edit menu.
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

private:
    std::array<QAction *, ActionCount> m_actions{};
};

} // namespace pb::ui
