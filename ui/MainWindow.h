#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QStackedWidget;
class QUndoGroup;

namespace pb::store {
class Workbook;
}
namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

class CandidatesPage;
class HistoryPanel;
class MainMenus;
class PartnerPicker;
class KpiPage;
class ProgrammePage;
class ProposalPage;
class RaciPage;
class WelcomePage;
class WorkAreaPage;
class WorkAreaSidebar;

// The application window: one workbook at a time, five work areas behind a sidebar,
// File/Edit/View/Help menus with the platform's shortcuts. There is no Save: every edit is
// committed by the store when it is made, which the status bar says.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path (asking about locks); false if nothing was opened.
    bool openWorkbook(const QString &path);
    // Creates the sample in the user's data folder if needed and opens it.
    bool openSample();
    void closeWorkbook();

    store::Workbook *workbook() const { return m_workbook.get(); }
    item::WorkbookEditor *editor() const { return m_editor; }
    int currentArea() const;
    void showArea(int index);
    QString noticeText() const;
    CandidatesPage *candidatesPage() const { return m_candidates; }
    RaciPage *raciPage() const { return m_raci; }
    KpiPage *kpiPage() const { return m_kpis; }
    ProposalPage *proposalPage() const { return m_proposal; }
    ProgrammePage *programmePage() const { return m_programme; }
    HistoryPanel *historyPanel() const { return m_history; }
    QDockWidget *historyDock() const { return m_historyDock; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createAreas();
    void createWorkspace();
    void createPages();
    void createHistoryDock();
    QStringList openingNotes(const QString &notice) const;
    QStringList invalidValueNotes() const;
    void showStatus(const QString &text);
    void commitPendingEdits();
    void connectMenus();
    void followPartner(PartnerPicker *picker, const QString &area);
    void showAreaActions(int index);
    void setWorkbook(std::unique_ptr<store::Workbook> workbook, const QString &notice);
    void updateTitle();
    void updateActions();
    void showNotice(const QString &text, bool warning);
    void newWorkbook();
    void openWithDialog();
    void saveCopy();
    void mergeChanges();
    void editProperties();
    void about();

    std::unique_ptr<store::Workbook> m_workbook;
    item::WorkbookEditor *m_editor = nullptr;
    QUndoGroup *m_undoGroup;

    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    QWidget *m_workspace;
    WorkAreaSidebar *m_sidebar;
    QStackedWidget *m_areas;
    QList<WorkAreaPage *> m_pages;
    QWidget *m_candidatesHolder;
    CandidatesPage *m_candidates = nullptr;
    QWidget *m_raciHolder;
    RaciPage *m_raci = nullptr;
    QWidget *m_kpiHolder;
    KpiPage *m_kpis = nullptr;
    QWidget *m_proposalHolder;
    ProposalPage *m_proposal = nullptr;
    QWidget *m_programmeHolder;
    ProgrammePage *m_programme = nullptr;
    QDockWidget *m_historyDock = nullptr;
    HistoryPanel *m_history = nullptr;
    QLabel *m_notice;
    QLabel *m_saveState;
    MainMenus *m_menus = nullptr;
};

} // namespace pb::ui
