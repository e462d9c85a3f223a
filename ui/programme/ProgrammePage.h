#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;

namespace pb::item {
class CostsModel;
class ProgrammeInputsModel;
class ProgrammeTracker;
class WorkbookEditor;
} // namespace pb::item

namespace pb::ui {

class BenchmarksPanel;
class CostsPanel;
class MonthGridPanel;
class PartnerPicker;
class ProgrammeCharts;
class StalledPanel;

// The Programme work area: the programme at a glance, charts first and numbers second. At the
// top the funnel against the practice's shape and the P&L by month (of the chosen partnership,
// and of the programme); below them, in tabs, the health benchmarks with the findings, the
// stalled candidates (each a link into the Candidates area) and the programme's monthly
// inputs, beside the chosen partnership's costs. Export Programme Review… (Ctrl+E) writes the area
// on one PDF page. The page composes one panel per part (ProgrammeCharts, BenchmarksPanel,
// StalledPanel, CostsPanel, MonthGridPanel) over one snapshot (item::ProgrammeTracker), which it
// reads again while shown. MainWindow shows it as the fifth area.
class ProgrammePage : public QWidget
{
    Q_OBJECT
public:
    explicit ProgrammePage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::ProgrammeTracker *tracker() const { return m_tracker; }
    PartnerPicker *partnerPicker() const { return m_partner; }
    ProgrammeCharts *charts() const { return m_charts; }
    BenchmarksPanel *benchmarks() const { return m_benchmarks; }
    StalledPanel *stalled() const { return m_stalled; }
    CostsPanel *costs() const { return m_costs; }
    MonthGridPanel *inputs() const { return m_inputs; }
    QTabWidget *numbersTabs() const { return m_tabs; }
    // For the File and Edit menus while the area is shown.
    QList<QAction *> fileActions() const;
    QList<QAction *> editActions() const { return m_editActions; }

    bool selectPartner(qint64 candidateId);
    // The review PDF; an empty string on success, else why nothing was written.
    QString exportReview(const QString &path);

signals:
    void statusMessage(const QString &text);
    // A candidate to show in the Candidates area.
    void candidateChosen(qint64 candidateId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLayout *createBar();
    QWidget *createBody();
    void addEditActions();
    MonthGridPanel *focusedGrid() const;
    void connectPanels();
    void refresh();
    void askExportReview();
    void warn(const QString &title, const QString &message);

    item::WorkbookEditor *m_editor;
    item::ProgrammeTracker *m_tracker;
    item::CostsModel *m_costsModel;
    item::ProgrammeInputsModel *m_inputsModel;
    PartnerPicker *m_partner;
    QLabel *m_summary;
    ProgrammeCharts *m_charts;
    QTabWidget *m_tabs;
    BenchmarksPanel *m_benchmarks;
    StalledPanel *m_stalled;
    CostsPanel *m_costs;
    MonthGridPanel *m_inputs;
    QAction *m_exportReview;
    QList<QAction *> m_editActions;
};

} // namespace pb::ui
