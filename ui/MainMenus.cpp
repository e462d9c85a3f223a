#include "MainMenus.h"

#include "AppSettings.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QUndoGroup>

namespace pb::ui {

MainMenus::MainMenus(QMainWindow *window, QUndoGroup *undoGroup, const QStringList &areas)
    : QObject(window)
{
    createFileActions(window);
    QAction *undo = undoGroup->createUndoAction(window, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = undoGroup->createRedoAction(window, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    for (int i = 0; i < areas.size(); ++i) {
        auto *action = new QAction(areas[i], window);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, i] { emit areaChosen(i); });
        m_areaActions.append(action);
    }
    createMenus(window, undo, redo);
}

void MainMenus::createFileActions(QMainWindow *window)
{
    const auto make = [window](const QString &text, const QKeySequence &key, const QString &tip) {
        auto *action = new QAction(text, window);
        action->setShortcut(key);
        action->setStatusTip(tip);
        return action;
    };
    m_actions[NewWorkbook] =
        make(tr("&New Workbook…"), QKeySequence::New, tr("Create an empty workbook file"));
    m_actions[Open] = make(tr("&Open…"), QKeySequence::Open, tr("Open a workbook file"));
    m_actions[SaveCopy] = make(tr("Save a &Copy…"), QKeySequence::SaveAs,
                               tr("Write a snapshot of this workbook to another file, for "
                                  "example to send to a colleague"));
    m_actions[MergeChanges] =
        make(tr("&Merge Changes From…"), {},
             tr("Bring in what a colleague changed in their copy of this workbook"));
    m_actions[Properties] =
        make(tr("Workbook &Properties…"), {}, tr("Title, owner, currency and scoring weights"));
    m_actions[CloseWorkbook] = make(tr("&Close Workbook"), QKeySequence::Close, {});
    m_actions[Quit] = make(tr("&Quit"), QKeySequence::Quit, {});
    m_actions[Quit]->setMenuRole(QAction::QuitRole);
}

void MainMenus::createMenus(QMainWindow *window, QAction *undo, QAction *redo)
{
    QMenu *file = m_fileMenu = window->menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions[NewWorkbook]);
    file->addAction(m_actions[Open]);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainMenus::updateRecentMenu);
    file->addSeparator();
    file->addActions({m_actions[SaveCopy], m_actions[MergeChanges], m_actions[Properties]});
    file->addSeparator();
    // The area's import, export and print go here (setAreaActions).
    m_fileAreaEnd = file->addSeparator();
    file->addActions({m_actions[CloseWorkbook], m_actions[Quit]});

    m_editMenu = window->menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addActions({undo, redo});
    m_editMenu->addSeparator();

    QMenu *view = m_viewMenu = window->menuBar()->addMenu(tr("&View"));
    view->addActions(m_areaActions);
    view->addSeparator();

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    m_actions[OpenSample] = help->addAction(tr("Open the &Sample Workbook"));
    m_actions[About] = help->addAction(tr("&About Playbook Workbench"));
    m_actions[About]->setMenuRole(QAction::AboutRole);
    updateRecentMenu();
}

void MainMenus::setWorkbookOpen(bool open)
{
    for (Action needsOpen : {SaveCopy, MergeChanges, Properties, CloseWorkbook})
        m_actions[needsOpen]->setEnabled(open);
    for (QAction *action : std::as_const(m_areaActions))
        action->setEnabled(open);
}

void MainMenus::setCurrentArea(int index)
{
    for (int i = 0; i < m_areaActions.size(); ++i)
        m_areaActions[i]->setChecked(i == index);
}

void MainMenus::setAreaActions(const QList<QAction *> &fileActions,
                               const QList<QAction *> &editActions)
{
    for (const QPointer<QAction> &action : std::as_const(m_areaFileActions)) {
        if (action)
            m_fileMenu->removeAction(action);
    }
    for (const QPointer<QAction> &action : std::as_const(m_areaEditActions)) {
        if (action)
            m_editMenu->removeAction(action);
    }
    m_fileMenu->insertActions(m_fileAreaEnd, fileActions);
    m_editMenu->addActions(editActions);
    m_areaFileActions = {fileActions.cbegin(), fileActions.cend()};
    m_areaEditActions = {editActions.cbegin(), editActions.cend()};
}

void MainMenus::addPanelAction(QAction *action)
{
    m_viewMenu->addAction(action);
}

void MainMenus::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { emit recentChosen(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        AppSettings::clearRecentFiles();
        emit recentCleared();
    });
}

} // namespace pb::ui
