#pragma once

#include "domain/Raci.h"

#include <QWidget>

class QAction;
class QListWidget;
class QStackedWidget;
class QLabel;

namespace pb::item {
class RaciGridModel;
class WorkbookEditor;
} // namespace pb::item
namespace pb::store {
struct Change;
}

namespace pb::ui {

class PartnerPicker;
class RaciGridView;
class RaciSidePanel;
class RaciStartPanel;
class RaciToolBar;

// The RACI work area: pick a partnership (top three first), start its grid from the
// default activities or as a copy of another, and agree who does what. Problems found by
// the rules are listed beside the grid (clicking one selects its cell) and each party's
// share of the work is summarised below them. Every edit is one undo step.
//
// Composed of panels (ui/raci/): RaciToolBar above, then RaciStartPanel or RaciGridView
// with RaciSidePanel (problems, who does what) beside it. The page carries out what they
// ask through the grid model (and so the editor), and refreshes them when the grid changes.
// MainWindow makes one per workbook.
class RaciPage : public QWidget
{
    Q_OBJECT
public:
    explicit RaciPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::RaciGridModel *model() const { return m_model; }
    RaciGridView *view() const { return m_view; }
    QListWidget *problemsList() const;
    QLabel *partiesText() const;
    qint64 currentPartner() const;
    PartnerPicker *partnerPicker() const;
    // Import and export, for the File menu while the area is shown.
    QList<QAction *> fileActions() const;

    // The actions, callable without dialogs (tests, scripts); each returns why it was
    // refused, or an empty string.
    bool selectPartner(qint64 candidateId);
    QString startWithDefaults();
    QString copyGridFrom(qint64 candidateId);
    QString addActivity(const QString &name);
    QString addParty(const QString &name, domain::RaciSide side);
    QString renameActivity(int row, const QString &name);
    QString renameParty(int column, const QString &name);
    QString removeActivity(int row);
    QString removeParty(int column);
    QString importFile(const QString &path, bool askFirst = true);
    QString exportFile(const QString &path);

signals:
    void statusMessage(const QString &text);

private:
    void connectToolBar();
    void connectGrid();
    void onChange(const store::Change &change);
    void refresh();
    void showCell(int activity, int party);
    void warnIfRefused(const QString &title, const QString &error);
    void applyTyped(domain::RaciRole letter);
    void clearCells();
    void cycleCell(const QModelIndex &index);
    void copyCells();
    void pasteCells();
    void moveCurrent(Qt::Orientation orientation, int delta);
    void promptRename(Qt::Orientation orientation, int section);
    void removeSection(Qt::Orientation orientation, int section);
    QString apply(const domain::RaciGrid &grid, const QString &stepName);
    static QString gridSummary(const domain::RaciGrid &grid);

    item::WorkbookEditor *m_editor;
    item::RaciGridModel *m_model;
    RaciToolBar *m_toolBar;
    QStackedWidget *m_stack;
    RaciStartPanel *m_start;
    RaciGridView *m_view;
    RaciSidePanel *m_side;
};

} // namespace pb::ui
