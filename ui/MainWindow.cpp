#include "MainWindow.h"

#include "AppSettings.h"
#include "FileDialogs.h"
#include "MainMenus.h"
#include "Messages.h"
#include "PartnerPicker.h"
#include "WelcomePage.h"
#include "WorkAreaPage.h"
#include "WorkAreaSidebar.h"
#include "WorkbookOpener.h"
#include "WorkbookPropertiesDialog.h"
#include "candidates/CandidatesPage.h"
#include "history/HistoryPanel.h"
#include "history/MergeDialog.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "kpi/KpiPage.h"
#include "programme/ProgrammePage.h"
#include "proposal/ProposalPage.h"
#include "raci/RaciPage.h"
#include "store/Workbook.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
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
    , m_sidebar(new WorkAreaSidebar(this))
    , m_areas(new QStackedWidget(this))
    , m_candidatesHolder(new QWidget(this))
    , m_raciHolder(new QWidget(this))
    , m_kpiHolder(new QWidget(this))
    , m_proposalHolder(new QWidget(this))
    , m_programmeHolder(new QWidget(this))
    , m_notice(new QLabel(this))
    , m_saveState(new QLabel(this))
{
    setWindowTitle(tr("Playbook Workbench"));
    setAcceptDrops(true);
    createAreas();
    createWorkspace();

    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_saveState);

    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newWorkbook);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openWithDialog);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openWorkbook);

    QStringList areaTitles;
    for (const WorkAreaPage *page : std::as_const(m_pages))
        areaTitles.append(WorkAreaPage::title(page->area()));
    m_menus = new MainMenus(this, m_undoGroup, areaTitles);
    connectMenus();
    createHistoryDock();

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

// Per work area: an entry in the sidebar, and a holder for the page each workbook gets.
void MainWindow::createAreas()
{
    for (auto area :
         {WorkAreaPage::Area::Candidates, WorkAreaPage::Area::Raci, WorkAreaPage::Area::Kpis,
          WorkAreaPage::Area::Proposal, WorkAreaPage::Area::Programme}) {
        auto *page = new WorkAreaPage(area, m_areas);
        m_pages.append(page);
        // Every area holds its editor, made for each workbook.
        QWidget *holder = area == WorkAreaPage::Area::Candidates ? m_candidatesHolder
                          : area == WorkAreaPage::Area::Raci     ? m_raciHolder
                          : area == WorkAreaPage::Area::Kpis     ? m_kpiHolder
                          : area == WorkAreaPage::Area::Proposal ? m_proposalHolder
                                                                 : m_programmeHolder;
        m_areas->addWidget(holder ? holder : page);
        if (holder)
            page->hide();
        m_sidebar->addArea(WorkAreaPage::title(area), WorkAreaPage::summary(area));
    }
    for (QWidget *holder :
         {m_candidatesHolder, m_raciHolder, m_kpiHolder, m_proposalHolder, m_programmeHolder}) {
        auto *holderLayout = new QVBoxLayout(holder);
        holderLayout->setContentsMargins(0, 0, 0, 0);
    }
    connect(m_sidebar, &WorkAreaSidebar::areaChosen, this, &MainWindow::showArea);
}

// The sidebar beside the notice line and the work areas.
void MainWindow::createWorkspace()
{
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
    workspaceLayout->addWidget(m_sidebar);
    workspaceLayout->addLayout(content, 1);
}

// The History panel, docked on the right and hidden until View → History; it is made for each
// workbook (setWorkbook), like the pages.
void MainWindow::createHistoryDock()
{
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(u"history"_s); // for saveState
    m_historyDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                                   Qt::BottomDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    QAction *toggle = m_historyDock->toggleViewAction();
    toggle->setText(tr("&History"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    toggle->setStatusTip(tr("Every change made to this workbook: when, by whom, what"));
    m_menus->addPanelAction(toggle);
    // Wide enough for what changed and its values beside it, the first time it is shown.
    connect(toggle, &QAction::toggled, this, [this](bool shown) {
        if (shown && !m_historyDock->property("sized").toBool()) {
            m_historyDock->setProperty("sized", true);
            // Once the dock has its place in the layout.
            QTimer::singleShot(0, this, [this] {
                resizeDocks({m_historyDock}, {qMin(640, width() * 45 / 100)}, Qt::Horizontal);
            });
        }
    });
}

MainWindow::~MainWindow()
{
    // Pages refer to the editor, the editor to the workbook: let them go in that order.
    delete m_history;
    delete m_candidates;
    delete m_raci;
    delete m_kpis;
    delete m_proposal;
    delete m_programme;
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

void MainWindow::connectMenus()
{
    const auto on = [this](MainMenus::Action which, auto slot) {
        connect(m_menus->action(which), &QAction::triggered, this, slot);
    };
    on(MainMenus::NewWorkbook, &MainWindow::newWorkbook);
    on(MainMenus::Open, &MainWindow::openWithDialog);
    on(MainMenus::SaveCopy, &MainWindow::saveCopy);
    on(MainMenus::MergeChanges, &MainWindow::mergeChanges);
    on(MainMenus::Properties, &MainWindow::editProperties);
    on(MainMenus::CloseWorkbook, &MainWindow::closeWorkbook);
    // Quit closes every window of the app (each may show a workbook), not just this one.
    connect(m_menus->action(MainMenus::Quit), &QAction::triggered, qApp,
            &QApplication::closeAllWindows);
    on(MainMenus::OpenSample, &MainWindow::openSample);
    on(MainMenus::About, &MainWindow::about);
    connect(m_menus, &MainMenus::areaChosen, this, &MainWindow::showArea);
    connect(m_menus, &MainMenus::recentChosen, this, &MainWindow::openWorkbook);
    connect(m_menus, &MainMenus::recentCleared, this, [this] { m_welcome->setRecentFiles({}); });
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
    // The pages' actions leave the menus with them.
    m_menus->setAreaActions({}, {});
    delete m_candidates;
    m_candidates = nullptr;
    delete m_raci;
    m_raci = nullptr;
    delete m_kpis;
    m_kpis = nullptr;
    delete m_proposal;
    m_proposal = nullptr;
    delete m_programme;
    m_programme = nullptr;
    delete m_history;
    m_history = nullptr;
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
        createPages();
        AppSettings::addRecentFile(m_workbook->path());

        const QStringList notes = openingNotes(notice);
        if (!notes.isEmpty())
            showNotice(notes.join(u"\n"_s),
                       m_workbook->isReadOnly() || !m_workbook->invalidValues().isEmpty());
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

// One page per work area for the open workbook, all editing through m_editor.
void MainWindow::createPages()
{
    m_history = new HistoryPanel(m_editor, m_historyDock);
    m_historyDock->setWidget(m_history);
    connect(m_history, &HistoryPanel::statusMessage, this, &MainWindow::showStatus);
    m_candidates = new CandidatesPage(m_editor, m_candidatesHolder);
    m_candidatesHolder->layout()->addWidget(m_candidates);
    m_raci = new RaciPage(m_editor, m_raciHolder);
    m_raciHolder->layout()->addWidget(m_raci);
    connect(m_raci, &RaciPage::statusMessage, this, &MainWindow::showStatus);
    m_kpis = new KpiPage(m_editor, m_kpiHolder);
    m_kpiHolder->layout()->addWidget(m_kpis);
    connect(m_kpis, &KpiPage::statusMessage, this, &MainWindow::showStatus);
    m_proposal = new ProposalPage(m_editor, m_proposalHolder);
    m_proposalHolder->layout()->addWidget(m_proposal);
    connect(m_proposal, &ProposalPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_candidates, &CandidatesPage::statusMessage, this, &MainWindow::showStatus);
    followPartner(m_raci->partnerPicker(), u"raci"_s);
    followPartner(m_kpis->partnerPicker(), u"kpis"_s);
    followPartner(m_proposal->partnerPicker(), u"proposal"_s);
    m_programme = new ProgrammePage(m_editor, m_programmeHolder);
    m_programmeHolder->layout()->addWidget(m_programme);
    connect(m_programme, &ProgrammePage::statusMessage, this, &MainWindow::showStatus);
    // A stalled candidate (or a finding about one) opens in the Candidates area.
    connect(m_programme, &ProgrammePage::candidateChosen, this, [this](qint64 id) {
        showArea(int(WorkAreaPage::Area::Candidates));
        m_candidates->selectCandidate(id);
    });
    followPartner(m_programme->partnerPicker(), u"programme"_s);
}

// The area shows the partnership it showed when this workbook was last open, and remembers
// the one the user picks.
void MainWindow::followPartner(PartnerPicker *picker, const QString &area)
{
    picker->setInitialPartner(AppSettings::lastPartner(m_workbook->path(), area));
    const QString path = m_workbook->path();
    connect(picker, &PartnerPicker::partnerChosen, this, [path, area](qint64 candidateId) {
        if (candidateId)
            AppSettings::setLastPartner(path, area, candidateId);
    });
}

// The shown area's own actions in the File and Edit menus, and only those.
void MainWindow::showAreaActions(int index)
{
    QList<QAction *> file, edit;
    if (m_workbook) {
        switch (WorkAreaPage::Area(index)) {
        case WorkAreaPage::Area::Candidates:
            file = m_candidates->fileActions();
            edit = m_candidates->editActions();
            break;
        case WorkAreaPage::Area::Raci:
            file = m_raci->fileActions();
            break;
        case WorkAreaPage::Area::Kpis:
            file = m_kpis->fileActions();
            edit = m_kpis->editActions();
            break;
        case WorkAreaPage::Area::Proposal:
            file = m_proposal->fileActions();
            break;
        case WorkAreaPage::Area::Programme:
            file = m_programme->fileActions();
            edit = m_programme->editActions();
            break;
        }
    }
    m_menus->setAreaActions(file, edit);
}

// What the user should know about the workbook just opened: the opener's notice, why it
// is read-only, a change a crash left unfinished, an upgrade and its backup, a network drive.
QStringList MainWindow::openingNotes(const QString &notice) const
{
    QStringList notes;
    if (!notice.isEmpty())
        notes << notice;
    else if (m_workbook->isReadOnly() && !m_workbook->readOnlyReason().isEmpty())
        notes << m_workbook->readOnlyReason() + u' ' +
                     tr("Use Save a Copy to work on your own copy.");
    if (m_workbook->recoveredFromCrash())
        notes << tr("A change that was being written when the app or the computer stopped was "
                    "rolled back; the workbook is as it was before that change.");
    if (m_workbook->upgradedFromVersion() > 0 && !m_workbook->isReadOnly())
        notes << tr("This workbook was upgraded from an older file format; the previous "
                    "version was kept as %1.")
                     .arg(QFileInfo(m_workbook->upgradeBackupPath()).fileName());
    notes << m_workbook->upgradeNotes();
    if (m_workbook->isOnNetworkDrive())
        notes << tr("This workbook is on a network drive. Keep another copy elsewhere: a "
                    "shared drive must not be the only copy.");
    notes << invalidValueNotes();
    return notes;
}

// Values in the file this version never writes: named, so that nothing changes unseen.
QStringList MainWindow::invalidValueNotes() const
{
    const QList<domain::InvalidValue> invalid = m_workbook->invalidValues();
    if (invalid.isEmpty())
        return {};
    constexpr qsizetype shown = 4;
    QStringList notes{invalid.size() == 1
                          ? tr("This workbook holds a value this version never writes; it is "
                               "shown as it is and kept until you change it:")
                          : tr("This workbook holds %1 values this version never writes; each "
                               "is shown as it is and kept until you change it:")
                                .arg(invalid.size())};
    for (qsizetype i = 0; i < std::min(shown, invalid.size()); ++i)
        notes << u"  • "_s + invalid.at(i).describe();
    if (invalid.size() > shown)
        notes << tr("  … and %1 more (playbook-cli check lists them all).")
                     .arg(invalid.size() - shown);
    return notes;
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 8000);
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
    m_sidebar->setWorkbookTitle(m_workbook->setting(SettingKey::Title).toString(),
                                QDir::toNativeSeparators(m_workbook->path()));
    m_saveState->setText(m_workbook->isReadOnly() ? tr("Read-only: changes cannot be made")
                                                  : tr("Every change is saved as you make it"));
}

void MainWindow::updateActions()
{
    m_menus->setWorkbookOpen(m_workbook != nullptr);
    // No history without a workbook: the welcome page shows no empty panel.
    m_historyDock->toggleViewAction()->setEnabled(m_workbook != nullptr);
    if (!m_workbook)
        m_historyDock->hide();
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
    m_sidebar->setCurrentArea(index);
    m_menus->setCurrentArea(index);
    showAreaActions(index);
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
    const QString path = withExtension(
        FileDialogs::saveFile(this, FileDialogs::Kind::Workbook, tr("New Workbook"),
                              tr("Partner programme.playbook"), kFileFilter(), {}, false));
    if (path.isEmpty())
        return;
    WorkbookOpener opener(this);
    if (auto workbook = opener.create(path, QFileInfo(path).completeBaseName()))
        setWorkbook(std::move(workbook), {});
}

void MainWindow::openWithDialog()
{
    const QString path = FileDialogs::openFile(this, FileDialogs::Kind::Workbook,
                                               tr("Open Workbook"), kFileFilter());
    if (!path.isEmpty())
        openWorkbook(path);
}

void MainWindow::saveCopy()
{
    if (!m_workbook)
        return;
    const QFileInfo current(m_workbook->path());
    const QString path = withExtension(FileDialogs::saveFile(
        this, FileDialogs::Kind::Workbook, tr("Save a Copy"),
        tr("%1 copy.playbook").arg(current.completeBaseName()), kFileFilter(), {}));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const store::StoreError error = m_workbook->saveCopy(path);
    QApplication::restoreOverrideCursor();
    if (error) {
        Messages::warning(this, tr("Save a Copy"), error.message);
        return;
    }
    statusBar()->showMessage(tr("Copy saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::mergeChanges()
{
    if (!m_editor)
        return;
    const QString path = FileDialogs::openFile(this, FileDialogs::Kind::Workbook,
                                               tr("Merge Changes From"), kFileFilter());
    if (path.isEmpty())
        return;
    if (const QString message = MergeDialog::run(m_editor, path, this); !message.isEmpty())
        statusBar()->showMessage(message, 8000);
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
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (m_candidates && (suffix == u"csv" || suffix == u"xlsx")) {
        // A CSV or Excel file dropped on an open workbook is a list of candidates to import.
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
