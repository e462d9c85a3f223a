#include "MainWindow.h"

#include "AppSettings.h"
#include "Messages.h"
#include "WelcomePage.h"
#include "WorkAreaPage.h"
#include "WorkbookOpener.h"
#include "WorkbookPropertiesDialog.h"
#include "candidates/CandidatesPage.h"
#include "kpi/KpiPage.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "proposal/ProposalPage.h"
#include "raci/RaciPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;

namespace pb::ui {

namespace {
const QString kFileFilter()
{
    return MainWindow::tr("Playbook workbooks (*.playbook);;All files (*)");
}

QString withExtension(QString path)
{
    if (!path.isEmpty() && QFileInfo(path).suffix().compare(u"playbook"_s, Qt::CaseInsensitive))
        path += u".playbook"_s;
    return path;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_undoGroup(new QUndoGroup(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_workspace(new QWidget(this))
    , m_sidebar(new QListWidget(this))
    , m_workbookTitle(new QLabel(this))
    , m_areas(new QStackedWidget(this))
    , m_candidatesHolder(new QWidget(this))
    , m_raciHolder(new QWidget(this))
    , m_kpiHolder(new QWidget(this))
    , m_proposalHolder(new QWidget(this))
    , m_notice(new QLabel(this))
    , m_saveState(new QLabel(this))
{
    setWindowTitle(tr("Playbook Workbench"));
    setAcceptDrops(true);

    QFont titleFont = m_workbookTitle->font();
    titleFont.setBold(true);
    m_workbookTitle->setFont(titleFont);
    m_workbookTitle->setWordWrap(true);
    m_workbookTitle->setContentsMargins(8, 10, 8, 6);

    for (auto area : {WorkAreaPage::Area::Candidates, WorkAreaPage::Area::Raci,
                      WorkAreaPage::Area::Kpis, WorkAreaPage::Area::Proposal}) {
        auto *page = new WorkAreaPage(area, m_areas);
        m_pages.append(page);
        // Every area holds its editor, made for each workbook.
        QWidget *holder = area == WorkAreaPage::Area::Candidates ? m_candidatesHolder
                          : area == WorkAreaPage::Area::Raci     ? m_raciHolder
                          : area == WorkAreaPage::Area::Kpis     ? m_kpiHolder
                          : area == WorkAreaPage::Area::Proposal ? m_proposalHolder
                                                                 : nullptr;
        m_areas->addWidget(holder ? holder : page);
        if (holder)
            page->hide();
        auto *item = new QListWidgetItem(WorkAreaPage::title(area), m_sidebar);
        item->setToolTip(WorkAreaPage::summary(area));
        item->setSizeHint(QSize(0, 36));
    }
    for (QWidget *holder : {m_candidatesHolder, m_raciHolder, m_kpiHolder, m_proposalHolder}) {
        auto *holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(0, 0, 0, 0);
    }
    m_sidebar->setObjectName(u"workAreas"_s);
    m_sidebar->setAccessibleName(tr("Work areas"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setFocusPolicy(Qt::StrongFocus);
    QFont sidebarFont = m_sidebar->font();
    sidebarFont.setPointSizeF(sidebarFont.pointSizeF() * 1.1);
    m_sidebar->setFont(sidebarFont);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showArea);

    auto *sidebarPanel = new QWidget(this);
    sidebarPanel->setBackgroundRole(QPalette::Base);
    sidebarPanel->setAutoFillBackground(true);
    sidebarPanel->setFixedWidth(210);
    auto *sidebarLayout = new QVBoxLayout(sidebarPanel);
    sidebarLayout->setContentsMargins(4, 4, 4, 4);
    sidebarLayout->addWidget(m_workbookTitle);
    sidebarLayout->addWidget(m_sidebar, 1);

    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(12, 8, 12, 8);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    auto *content = new QVBoxLayout;
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(0);
    content->addWidget(m_notice);
    content->addWidget(m_areas, 1);

    auto *workspaceLayout = new QHBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->setSpacing(0);
    workspaceLayout->addWidget(sidebarPanel);
    workspaceLayout->addLayout(content, 1);

    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_saveState);

    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newWorkbook);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openWithDialog);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openWorkbook);

    createActions();
    createMenus();

    if (!restoreGeometry(AppSettings::value(AppSettings::Key::WindowGeometry).toByteArray())) {
        // First start: nearly the whole screen on a laptop (the candidate table and its
        // side panel need the width), at most a comfortable size on a large monitor.
        const QRect available = screen()->availableGeometry();
        resize(QSize(1600, 1000).boundedTo(available.size() * 0.95));
        move(available.center() - rect().center());
    }
    restoreState(AppSettings::value(AppSettings::Key::WindowState).toByteArray());
    setWorkbook(nullptr, {});
}

MainWindow::~MainWindow()
{
    // Pages refer to the editor, the editor to the workbook: let them go in that order.
    delete m_candidates;
    delete m_raci;
    delete m_kpis;
    delete m_proposal;
    delete m_editor;
}

void MainWindow::commitPendingEdits()
{
    // Text fields and cell editors save when they lose focus; closing or switching the
    // workbook must not skip that.
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        focus->clearFocus();
    // Also when this window is not the active one (focus-out may never come).
    if (m_candidates)
        m_candidates->commitPendingEdits();
}

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New Workbook…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create an empty workbook file"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkbook);

    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a workbook file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWithDialog);

    m_saveCopyAction = new QAction(tr("Save a &Copy…"), this);
    m_saveCopyAction->setShortcut(QKeySequence::SaveAs);
    m_saveCopyAction->setStatusTip(tr("Write a snapshot of this workbook to another file, for "
                                      "example to send to a colleague"));
    connect(m_saveCopyAction, &QAction::triggered, this, &MainWindow::saveCopy);

    m_propertiesAction = new QAction(tr("Workbook &Properties…"), this);
    m_propertiesAction->setStatusTip(tr("Title, owner, currency and scoring weights"));
    connect(m_propertiesAction, &QAction::triggered, this, &MainWindow::editProperties);

    // File menu entries for the Candidates area; they trigger the current page's actions.
    m_importAction = new QAction(tr("&Import Candidates…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Add or update candidates from a CSV file"));
    connect(m_importAction, &QAction::triggered, this, [this] {
        if (m_candidates) {
            showArea(0);
            m_candidates->importAction()->trigger();
        }
    });
    m_exportAction = new QAction(tr("&Export Candidates…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Write the ranked candidates to a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, [this] {
        if (m_candidates)
            m_candidates->exportAction()->trigger();
    });

    m_closeAction = new QAction(tr("&Close Workbook"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeWorkbook);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    // Quit closes every window of the app (each may show a workbook), not just this one.
    connect(m_quitAction, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    for (int i = 0; i < m_pages.size(); ++i) {
        auto *action = new QAction(WorkAreaPage::title(m_pages[i]->area()), this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setCheckable(true);
        connect(action, &QAction::triggered, this, [this, i] { showArea(i); });
        m_areaActions.append(action);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addSeparator();
    file->addAction(m_saveCopyAction);
    file->addAction(m_propertiesAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_areaActions);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *sample = help->addAction(tr("Open the &Sample Workbook"));
    connect(sample, &QAction::triggered, this, &MainWindow::openSample);
    QAction *aboutAction = help->addAction(tr("&About Playbook Workbench"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::about);
    updateRecentMenu();
}

bool MainWindow::openWorkbook(const QString &path)
{
    if (m_workbook && QFileInfo(path).absoluteFilePath() == m_workbook->path()) {
        statusBar()->showMessage(tr("%1 is already open.").arg(m_workbook->displayName()), 4000);
        return true;
    }
    // The current workbook stays open until the new one has opened, so a refused file
    // leaves the window as it was.
    WorkbookOpener opener(this);
    auto workbook = opener.open(path);
    if (!workbook) {
        if (opener.lastError().code == store::StoreError::Code::Missing)
            AppSettings::removeRecentFile(path);
        return false;
    }
    setWorkbook(std::move(workbook), opener.notice());
    return true;
}

bool MainWindow::openSample()
{
    const QString path = io::SampleWorkbook::defaultPath();
    if (store::StoreError error = io::SampleWorkbook::ensureExists(path); error) {
        if (!qEnvironmentVariableIsSet("PLAYBOOK_NO_DIALOGS"))
            QMessageBox::warning(this, tr("Sample workbook"), error.message);
        return false;
    }
    return openWorkbook(path);
}

void MainWindow::closeWorkbook()
{
    setWorkbook(nullptr, {});
}

void MainWindow::setWorkbook(std::unique_ptr<store::Workbook> workbook, const QString &notice)
{
    commitPendingEdits();
    for (WorkAreaPage *page : std::as_const(m_pages))
        page->setWorkbook(nullptr);
    // The page's actions leave the Edit menu with it.
    delete m_candidates;
    m_candidates = nullptr;
    delete m_raci;
    m_raci = nullptr;
    delete m_kpis;
    m_kpis = nullptr;
    delete m_proposal;
    m_proposal = nullptr;
    if (m_editor) {
        m_undoGroup->removeStack(m_editor->undoStack());
        delete m_editor;
        m_editor = nullptr;
    }
    m_workbook = std::move(workbook);
    m_notice->hide();

    if (m_workbook) {
        m_editor = new item::WorkbookEditor(m_workbook.get(), this);
        m_undoGroup->addStack(m_editor->undoStack());
        m_undoGroup->setActiveStack(m_editor->undoStack());
        connect(m_editor, &item::WorkbookEditor::editFailed, this, [this](const QString &message) {
            showNotice(message, true);
            statusBar()->showMessage(message, 8000);
        });
        connect(m_workbook->notifier(), &store::WorkbookNotifier::changed, this,
                &MainWindow::updateTitle);
        for (WorkAreaPage *page : std::as_const(m_pages))
            page->setWorkbook(m_workbook.get());
        m_candidates = new CandidatesPage(m_editor, m_candidatesHolder);
        m_candidatesHolder->layout()->addWidget(m_candidates);
        m_editMenu->addActions(m_candidates->editActions());
        m_raci = new RaciPage(m_editor, m_raciHolder);
        m_raciHolder->layout()->addWidget(m_raci);
        connect(m_raci, &RaciPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        m_kpis = new KpiPage(m_editor, m_kpiHolder);
        m_kpiHolder->layout()->addWidget(m_kpis);
        connect(m_kpis, &KpiPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        m_proposal = new ProposalPage(m_editor, m_proposalHolder);
        m_proposalHolder->layout()->addWidget(m_proposal);
        connect(m_proposal, &ProposalPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        connect(m_candidates, &CandidatesPage::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        AppSettings::addRecentFile(m_workbook->path());

        QStringList notes;
        if (!notice.isEmpty())
            notes << notice;
        else if (m_workbook->isReadOnly() && !m_workbook->readOnlyReason().isEmpty())
            notes << m_workbook->readOnlyReason() + u' ' +
                         tr("Use Save a Copy to work on your own copy.");
        if (m_workbook->upgradedFromVersion() > 0 && !m_workbook->isReadOnly())
            notes << tr("This workbook was upgraded from an older file format; the previous "
                        "version was kept as %1.")
                         .arg(QFileInfo(m_workbook->upgradeBackupPath()).fileName());
        if (m_workbook->isOnNetworkDrive())
            notes << tr("This workbook is on a network drive. Keep another copy elsewhere: a "
                        "shared drive must not be the only copy.");
        if (!notes.isEmpty())
            showNotice(notes.join(u"\n"_s), m_workbook->isReadOnly());
        m_stack->setCurrentWidget(m_workspace);
        const int area = AppSettings::value(AppSettings::Key::LastArea).toInt();
        showArea(area >= 0 && area < m_pages.size() ? area : 0);
    } else {
        m_welcome->setRecentFiles(AppSettings::recentFiles());
        m_stack->setCurrentWidget(m_welcome);
    }
    updateTitle();
    updateActions();
}

void MainWindow::updateTitle()
{
    if (!m_workbook) {
        setWindowTitle(tr("Playbook Workbench"));
        setWindowFilePath({});
        m_saveState->clear();
        return;
    }
    setWindowFilePath(m_workbook->path());
    QString title = m_workbook->displayName();
    if (m_workbook->isReadOnly())
        title += u' ' + tr("[read-only]");
    setWindowTitle(tr("%1 — Playbook Workbench").arg(title));
    m_workbookTitle->setText(m_workbook->setting(SettingKey::Title).toString());
    m_workbookTitle->setToolTip(QDir::toNativeSeparators(m_workbook->path()));
    m_saveState->setText(m_workbook->isReadOnly() ? tr("Read-only: changes cannot be made")
                                                  : tr("Every change is saved as you make it"));
}

void MainWindow::updateActions()
{
    const bool open = m_workbook != nullptr;
    m_saveCopyAction->setEnabled(open);
    m_importAction->setEnabled(open && !m_workbook->isReadOnly());
    m_exportAction->setEnabled(open);
    m_propertiesAction->setEnabled(open);
    m_closeAction->setEnabled(open);
    for (QAction *action : std::as_const(m_areaActions))
        action->setEnabled(open);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = AppSettings::recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { openWorkbook(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        AppSettings::clearRecentFiles();
        m_welcome->setRecentFiles({});
    });
}

int MainWindow::currentArea() const
{
    return m_areas->currentIndex();
}

void MainWindow::showArea(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_areas->setCurrentIndex(index);
    if (m_sidebar->currentRow() != index)
        m_sidebar->setCurrentRow(index);
    for (int i = 0; i < m_areaActions.size(); ++i)
        m_areaActions[i]->setChecked(i == index);
    AppSettings::setValue(AppSettings::Key::LastArea, index);
}

QString MainWindow::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void MainWindow::showNotice(const QString &text, bool warning)
{
    m_notice->setText(text);
    m_notice->setStyleSheet(warning ? u"background: #fff4ce; color: #3d3000;"_s
                                    : u"background: #e5f1fb; color: #0b2e4f;"_s);
    m_notice->show();
}

void MainWindow::newWorkbook()
{
    const QString folder = AppSettings::value(AppSettings::Key::LastFolder).toString();
    const QString path = withExtension(QFileDialog::getSaveFileName(
        this, tr("New Workbook"), QDir(folder).filePath(tr("Partner programme.playbook")),
        kFileFilter(), nullptr, QFileDialog::DontConfirmOverwrite));
    if (path.isEmpty())
        return;
    WorkbookOpener opener(this);
    if (auto workbook = opener.create(path, QFileInfo(path).completeBaseName()))
        setWorkbook(std::move(workbook), {});
}

void MainWindow::openWithDialog()
{
    const QString folder = AppSettings::value(AppSettings::Key::LastFolder).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Workbook"), folder, kFileFilter());
    if (!path.isEmpty())
        openWorkbook(path);
}

void MainWindow::saveCopy()
{
    if (!m_workbook)
        return;
    const QFileInfo current(m_workbook->path());
    const QString suggestion =
        current.absoluteDir().filePath(tr("%1 copy.playbook").arg(current.completeBaseName()));
    const QString path = withExtension(
        QFileDialog::getSaveFileName(this, tr("Save a Copy"), suggestion, kFileFilter()));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const store::StoreError error = m_workbook->saveCopy(path);
    QApplication::restoreOverrideCursor();
    if (error) {
        QMessageBox::warning(this, tr("Save a Copy"), error.message);
        return;
    }
    statusBar()->showMessage(tr("Copy saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::editProperties()
{
    if (!m_editor)
        return;
    WorkbookPropertiesDialog dialog(m_editor, m_workbook->isReadOnly(), this);
    dialog.exec();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Playbook Workbench"),
        tr("<h3>Playbook Workbench %1</h3>"
           "<p>Score partner candidates, agree who does what, track KPIs and write one-page "
           "proposals, all in one workbook file.</p>"
           "<p>Built with Qt %2 and SQLite.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings::setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    AppSettings::setValue(AppSettings::Key::WindowState, saveState());
    setWorkbook(nullptr, {});
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    if (m_candidates && QFileInfo(path).suffix().compare(u"csv"_s, Qt::CaseInsensitive) == 0) {
        // A CSV dropped on an open workbook is a list of candidates to import.
        QMetaObject::invokeMethod(
            this,
            [this, path] {
                showArea(0);
                if (m_candidates)
                    m_candidates->importFile(path);
            },
            Qt::QueuedConnection);
        return;
    }
    // Open after the drop returns, so the source application is not kept waiting by a
    // question about locks.
    QMetaObject::invokeMethod(
        this, [this, path] { openWorkbook(path); }, Qt::QueuedConnection);
}

} // namespace pb::ui
