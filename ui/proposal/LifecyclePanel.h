#pragma once

#include "domain/Checklist.h"
#include "domain/PartnershipKpis.h"

#include <QDate>
#include <QWidget>

#include <array>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace pb::item {
class ChecklistModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::store {
struct Change;
}

namespace pb::ui {

// The Lifecycle tab of the Proposal area: what follows the one-page proposal for the chosen
// partnership (DOMAIN.md §3, §7). Its lifecycle checks on top; the contract's essentials, the
// enablement kit and the exit as three lists (ChecklistModel), where Space moves an item to
// its next status and Shift+Space back, F2 edits the date or the note, each change one undo
// step; and the pilot's retrospective: when it is due, the last decision with what worked,
// what did not and what we change, and "Record Retrospective…", the same dialog and step as
// the KPI area's "Record Review…". A decision to pause or end shows the exit list.
class LifecyclePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LifecyclePanel(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    void setCandidate(qint64 candidateId);
    qint64 candidate() const { return m_candidateId; }
    item::ChecklistModel *model(domain::ChecklistKind kind) const;
    QTableView *table(domain::ChecklistKind kind) const;
    QTabWidget *lists() const { return m_lists; }
    QLabel *checksLabel() const { return m_checks; }
    QLabel *retrospectiveLabel() const { return m_retro; }
    QStringList findingCodes() const { return m_codes; }
    // "Today" for the checks and the dates a status sets; tests fix it.
    void setToday(const QDate &today);
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    // The retrospective without its dialog (tests, scripts): empty, or why it was refused.
    QString recordRetrospective(const domain::Review &review);

signals:
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildRetrospective();
    QTableView *buildTable(item::ChecklistModel *model);
    void refresh();
    void refreshRetrospective(const domain::PartnershipKpis &tracker, domain::Stage stage);
    void onStoreChanged(const store::Change &change);
    void onStageChanged(qint64 candidateId, domain::Stage stage);
    void askRetrospective();

    item::WorkbookEditor *m_editor;
    std::array<item::ChecklistModel *, 3> m_models{};
    std::array<QTableView *, 3> m_tables{};
    QLabel *m_title;
    QLabel *m_checks;
    QTabWidget *m_lists;
    QLabel *m_retro;
    QPushButton *m_record;
    qint64 m_candidateId = 0;
    QStringList m_codes;
    QDate m_today;
    bool m_stale = false; // changed while hidden: refreshed when shown
};

} // namespace pb::ui
