#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

namespace pb::item {
class CandidateFilterModel;
class CandidateTableModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::ui {

class CandidateDetailPane;
class CandidateTableView;
class WeightsPanel;

// The Candidates work area: the scoring table with filters, the weights and the top three
// beside it, and the selected candidate's qualification record. Import, export, copy and
// paste of rows go through the candidates CSV format and the editor (one undo step each).
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
    QList<QAction *> editActions() const;
    QAction *importAction() const { return m_importAction; }
    QAction *exportAction() const { return m_exportAction; }

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
    void createActions();
    void updateCount();
    void updateOwners();
    void onCurrentChanged();
    void chooseImportFile();
    void chooseExportFile();
    QList<qint64> selectedIds() const;
    bool runImport(const QByteArray &bytes, const QString &label, const QString &stepName,
                   QChar separator);

    item::WorkbookEditor *m_editor;
    item::CandidateTableModel *m_model;
    item::CandidateFilterModel *m_proxy;
    CandidateTableView *m_view;
    WeightsPanel *m_weights;
    CandidateDetailPane *m_detail;
    QLineEdit *m_filter;
    QComboBox *m_structure;
    QComboBox *m_stage;
    QComboBox *m_owner;
    QLabel *m_count;
    QAction *m_addAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_pasteAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace pb::ui
