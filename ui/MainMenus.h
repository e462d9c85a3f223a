#pragma once

#include <QObject>
#include <QPointer>

#include <array>

class QAction;
class QMainWindow;
class QMenu;
class QUndoGroup;

namespace pb::ui {

// The main window's menu bar: File (with Open Recent from the settings), Edit, View (one
// entry per work area, Ctrl+1…5) and Help, with the platform's standard shortcuts. It makes
// the actions and menus; MainWindow connects them, adds the current page's edit actions to
// the Edit menu and says whether a workbook is open.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    enum Action {
        NewWorkbook,
        Open,
        SaveCopy,
        MergeChanges,
        Properties,
        CloseWorkbook,
        Quit,
        OpenSample,
        About,
        ActionCount
    };

    MainMenus(QMainWindow *window, QUndoGroup *undoGroup, const QStringList &areas);

    QAction *action(Action which) const { return m_actions[which]; }
    // Enables what needs an open workbook (the pages disable their own actions that
    // would change a read-only one).
    void setWorkbookOpen(bool open);
    void setCurrentArea(int index);
    // The shown area's actions, in place of the previous area's.
    void setAreaActions(const QList<QAction *> &fileActions, const QList<QAction *> &editActions);
    // A panel's show/hide action, after the areas in the View menu.
    void addPanelAction(QAction *action);

signals:
    void areaChosen(int index);
    void recentChosen(const QString &path);
    void recentCleared();

private:
    void createFileActions(QMainWindow *window);
    void createMenus(QMainWindow *window, QAction *undo, QAction *redo);
    void updateRecentMenu();

    std::array<QAction *, ActionCount> m_actions{};
    QList<QAction *> m_areaActions;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_fileAreaEnd = nullptr; // the separator after the area's file actions
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QPointer<QAction>> m_areaFileActions;
    QList<QPointer<QAction>> m_areaEditActions;
};

} // namespace pb::ui
