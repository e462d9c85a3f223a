#pragma once

#include <QWidget>

class QAction;

namespace pb::item {
class CandidateFilterModel;
class CandidateTableModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::ui {

class CandidateActions;
class CandidateDetailPane;
class CandidateFilterBar;
class CandidateTableView;
class CandidateTransfer;
class RatersPanel;
class WeightsPanel;

// The Candidates work area: the scoring table with filters, the weights and the top three
// beside it, and the selected candidate's qualification record. Import, export, copy and
// paste of rows go through the candidates CSV format and the editor (one undo step each).
//
// Composed of panels (ui/candidates/): CandidateFilterBar above CandidateTableView,
// WeightsPanel and CandidateDetailPane beside it, CandidateActions for the shortcuts and
// CandidateTransfer for CSV in and out. The page wires them to the models and the editor.
// MainWindow makes one per workbook.
class CandidatesPage : public QWidget
{
    Q_OBJECT
public:
    CandidatesPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::CandidateTableModel *model() const { return m_model; }
    item::CandidateFilterModel *proxy() const { return m_proxy; }
    CandidateTableView *view() const { return m_view; }
    WeightsPanel *weightsPanel() const { return m_weights; }
    CandidateDetailPane *detailPane() const { return m_detail; }
    // For the Edit and File menus while the area is shown.
    QList<QAction *> editActions() const;
    QList<QAction *> fileActions() const;
    QAction *importAction() const;
    QAction *exportAction() const;

    // Both return false (after telling the user why) when nothing was changed or written.
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    void copySelection();
    bool pasteText(const QString &text);
    void addCandidate();
    void deleteSelection();
    void selectCandidate(qint64 id);
    // Saves an open cell editor and typed detail fields (before the workbook closes).
    void commitPendingEdits();

signals:
    void statusMessage(const QString &text);

private:
    QLayout *createTopBar();
    QWidget *createSide();
    void connectActions();
    void connectPanels();
    void onCurrentChanged();
    void explainReadOnly(const QModelIndex &index);
    QList<qint64> selectedIds() const;

    item::WorkbookEditor *m_editor;
    item::CandidateTableModel *m_model;
    item::CandidateFilterModel *m_proxy;
    CandidateTableView *m_view;
    RatersPanel *m_raters;
    WeightsPanel *m_weights;
    CandidateDetailPane *m_detail;
    CandidateFilterBar *m_filters = nullptr;
    CandidateActions *m_actions;
    CandidateTransfer *m_transfer;
};

} // namespace pb::ui
