#pragma once

#include "domain/Raci.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTreeWidget;

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

// The RACI work area: pick a partnership (top three first), start its grid from the
// default activities or as a copy of another, and agree who does what. Problems found by
// the rules are listed beside the grid (clicking one selects its cell) and each party's
// share of the work is summarised below them. Every edit is one undo step.
class RaciPage : public QWidget
{
    Q_OBJECT
public:
    explicit RaciPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::RaciGridModel *model() const { return m_model; }
    RaciGridView *view() const { return m_view; }
    QListWidget *problemsList() const { return m_problems; }
    QTreeWidget *partiesTree() const { return m_parties; }
    qint64 currentPartner() const;

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

protected:
    void showEvent(QShowEvent *event) override;

private:
    void populateCopySources();
    void onPartnerChosen(qint64 candidateId, const QString &name);
    void onChange(const store::Change &change);
    void refreshSide();
    void applyTyped(domain::RaciRole letter);
    void copyCells();
    void pasteCells();
    void moveCurrent(Qt::Orientation orientation, int delta);
    void promptRename(Qt::Orientation orientation, int section);
    QString apply(const domain::RaciGrid &grid, const QString &stepName);

    item::WorkbookEditor *m_editor;
    item::RaciGridModel *m_model;
    PartnerPicker *m_partner;
    QStackedWidget *m_stack;
    QComboBox *m_copySource;
    QLabel *m_emptyTitle;
    RaciGridView *m_view;
    QListWidget *m_problems;
    QTreeWidget *m_parties;
    QLabel *m_balance;
    QList<QWidget *> m_editWidgets;
    bool m_copySourcesDirty = true;
};

} // namespace pb::ui
