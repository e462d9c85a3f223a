#include "CandidateActions.h"

#include <QAction>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace pb::ui {

CandidateActions::CandidateActions(QWidget *page, bool readOnly)
    : QObject(page)
{
    // Import and export work wherever the focus is (the sidebar, the detail pane), as the
    // File menu that shows them does; the others while the focus is in the page.
    const auto make = [page](const QString &text, const QKeySequence &key, const QString &tip,
                             bool wholeWindow = false) {
        auto *action = new QAction(text, page);
        action->setShortcut(key);
        action->setToolTip(u"%1 (%2)"_s.arg(tip, key.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        if (!wholeWindow) {
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            page->addAction(action);
        }
        return action;
    };
    m_actions[Add] = make(tr("&Add Candidate"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                          tr("Add a candidate to the long list"));
    m_actions[Add]->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::Key_Insert)});
    m_actions[Delete] =
        make(tr("&Delete Candidates…"), QKeySequence::Delete, tr("Delete the selected candidates"));
    m_actions[Copy] = make(tr("&Copy Rows"), QKeySequence::Copy,
                           tr("Copy the selected rows as tab-separated text for a spreadsheet"));
    m_actions[Paste] = make(tr("&Paste Rows"), QKeySequence::Paste,
                            tr("Add or update candidates from rows copied in a spreadsheet"));
    m_actions[Find] = make(tr("&Find…"), QKeySequence::Find, tr("Filter the candidates"));
    m_actions[Import] = make(tr("&Import Candidates…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                             tr("Add or update candidates from a CSV file"), true);
    m_actions[Export] = make(tr("&Export Candidates…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                             tr("Write the ranked candidates to a CSV file"), true);
    for (Action changing : {Add, Delete, Paste, Import})
        m_actions[changing]->setEnabled(!readOnly);
}

QList<QAction *> CandidateActions::editActions() const
{
    return {m_actions[Add], m_actions[Delete], m_actions[Copy], m_actions[Paste], m_actions[Find]};
}

} // namespace pb::ui
