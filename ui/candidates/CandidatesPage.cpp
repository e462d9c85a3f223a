#include "CandidatesPage.h"

#include "AppSettings.h"
#include "CandidateActions.h"
#include "CandidateDetailPane.h"
#include "CandidateFilterBar.h"
#include "CandidateTableView.h"
#include "CandidateTransfer.h"
#include "Messages.h"
#include "RatersPanel.h"
#include "WeightsPanel.h"
#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::item::CandidateTableModel;

namespace pb::ui {

CandidatesPage::CandidatesPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new CandidateTableModel(editor, this))
    , m_proxy(new item::CandidateFilterModel(this))
    , m_view(new CandidateTableView(this))
    , m_raters(new RatersPanel(m_model, this))
    , m_weights(new WeightsPanel(editor, m_model, this))
    , m_detail(new CandidateDetailPane(editor, this))
    , m_actions(new CandidateActions(this, editor->workbook()->isReadOnly()))
    , m_transfer(new CandidateTransfer(m_model, this))
{
    m_proxy->setSourceModel(m_model);
    // After the proxy follows the model, so that the counts read it already updated.
    m_filters = new CandidateFilterBar(m_proxy, this);
    m_view->showCandidates(m_proxy);
    connectActions();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(createSide());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    AppSettings::keepSplitterSizes(splitter, u"candidates"_s);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(createTopBar());
    layout->addWidget(splitter, 1);

    connectPanels();
    m_filters->updateOwners();
    m_filters->updateCount();
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, CandidateTableModel::NameColumn));
}

// The filters and counts, then Add and Import.
QLayout *CandidatesPage::createTopBar()
{
    auto *addButton = new QToolButton(this);
    addButton->setDefaultAction(m_actions->action(CandidateActions::Add));
    addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *importButton = new QToolButton(this);
    importButton->setDefaultAction(m_actions->action(CandidateActions::Import));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filters, 1);
    bar->addWidget(addButton);
    bar->addWidget(importButton);
    return bar;
}

// Beside the table: the weights above the selected candidate's record, scrolling together.
QWidget *CandidatesPage::createSide()
{
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 0, 4, 0);
    sideLayout->addWidget(m_raters);
    sideLayout->addWidget(m_weights);
    sideLayout->addSpacing(12);
    sideLayout->addWidget(m_detail, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

void CandidatesPage::connectActions()
{
    const auto on = [this](CandidateActions::Action which, auto slot) {
        connect(m_actions->action(which), &QAction::triggered, this, slot);
    };
    on(CandidateActions::Add, &CandidatesPage::addCandidate);
    on(CandidateActions::Delete, &CandidatesPage::deleteSelection);
    on(CandidateActions::Copy, &CandidatesPage::copySelection);
    on(CandidateActions::Paste, [this] { pasteText(QApplication::clipboard()->text()); });
    on(CandidateActions::Find, [this] { m_filters->focusText(); });
    connect(m_actions->action(CandidateActions::Import), &QAction::triggered, m_transfer,
            &CandidateTransfer::chooseImportFile);
    connect(m_actions->action(CandidateActions::Export), &QAction::triggered, m_transfer,
            &CandidateTransfer::chooseExportFile);
}

void CandidatesPage::connectPanels()
{
    const auto warnRefused = [this](const QString &message) {
        Messages::warning(this, tr("Candidate not changed"), message);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CandidatesPage::onCurrentChanged);
    connect(m_view, &CandidateTableView::deleteRequested, this, &CandidatesPage::deleteSelection);
    connect(m_view, &CandidateTableView::readOnlyTyped, this, &CandidatesPage::explainReadOnly);
    connect(m_model, &CandidateTableModel::editRefused, this, warnRefused);
    connect(m_weights, &WeightsPanel::editRefused, this, &CandidatesPage::statusMessage);
    connect(m_weights, &WeightsPanel::candidateActivated, this, &CandidatesPage::selectCandidate);
    connect(m_detail, &CandidateDetailPane::editRefused, this, warnRefused);
    connect(m_transfer, &CandidateTransfer::statusMessage, this, &CandidatesPage::statusMessage);
    connect(m_transfer, &CandidateTransfer::imported, m_filters, &CandidateFilterBar::updateOwners);
    // The spread of several raters' scores: no column while one person scores.
    const auto showSpread = [this] {
        m_view->showColumn(CandidateTableModel::SpreadColumn, m_model->hasSeveralRaters());
    };
    connect(m_model, &CandidateTableModel::ratersChanged, this, showSpread);
    showSpread();
}

QList<QAction *> CandidatesPage::editActions() const
{
    return m_actions->editActions();
}

QList<QAction *> CandidatesPage::fileActions() const
{
    return m_actions->fileActions();
}

QAction *CandidatesPage::importAction() const
{
    return m_actions->action(CandidateActions::Import);
}

QAction *CandidatesPage::exportAction() const
{
    return m_actions->action(CandidateActions::Export);
}

// Typing on a cell that cannot take it: say why, where the user looks, and in the status bar.
void CandidatesPage::explainReadOnly(const QModelIndex &index)
{
    const QString column = m_proxy->headerData(index.column(), Qt::Horizontal).toString();
    const QString why =
        m_editor->workbook()->isReadOnly()
            ? tr("This workbook is read-only: nothing can be typed in it.")
            : tr("%1 is worked out from the scores and the weights; it cannot be typed in. Tab "
                 "moves to the next cell you can edit.")
                  .arg(column);
    QToolTip::showText(m_view->viewport()->mapToGlobal(m_view->visualRect(index).bottomLeft()), why,
                       m_view);
    emit statusMessage(why);
}

void CandidatesPage::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->setCandidate(
        current.isValid() ? current.data(CandidateTableModel::IdRole).toLongLong() : 0);
}

void CandidatesPage::selectCandidate(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index =
        m_proxy->mapFromSource(m_model->index(row, CandidateTableModel::NameColumn));
    if (!index.isValid()) {
        // Filtered out: clear the filters so the candidate can be shown.
        m_filters->clearFilters();
        index = m_proxy->mapFromSource(m_model->index(row, CandidateTableModel::NameColumn));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void CandidatesPage::commitPendingEdits()
{
    m_view->commitOpenEditor();
    m_detail->commitPending();
}

QList<qint64> CandidatesPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(CandidateTableModel::IdRole).toLongLong());
    if (ids.isEmpty() && m_view->currentIndex().isValid())
        ids.append(m_view->currentIndex().data(CandidateTableModel::IdRole).toLongLong());
    return ids;
}

void CandidatesPage::addCandidate()
{
    qint64 id = 0;
    const QString error = m_editor->addCandidate(&id);
    if (!error.isEmpty()) {
        Messages::warning(this, tr("Add Candidate"), error);
        return;
    }
    m_filters->clearText();
    selectCandidate(id);
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        m_view->edit(index);
}

void CandidatesPage::deleteSelection()
{
    if (m_editor->workbook()->isReadOnly())
        return;
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QString what =
        ids.size() == 1
            ? tr("Delete \"%1\"?").arg(m_model->candidateAt(m_model->rowOf(ids.first())).name)
            : tr("Delete %1 candidates?").arg(ids.size());
    if (!Messages::confirm(this, tr("Delete Candidates"),
                           what + u' ' + tr("You can undo this with Edit → Undo."), tr("Delete")))
        return;
    const QString error = m_editor->removeCandidates(ids);
    if (!error.isEmpty())
        Messages::warning(this, tr("Delete Candidates"), error);
    else
        emit statusMessage(ids.size() == 1 ? tr("Deleted 1 candidate.")
                                           : tr("Deleted %1 candidates.").arg(ids.size()));
}

void CandidatesPage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (rows.isEmpty())
        return;
    // In the order the user sees.
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        return m_proxy->mapFromSource(m_model->index(a, 0)).row() <
               m_proxy->mapFromSource(m_model->index(b, 0)).row();
    });
    m_transfer->copyRows(rows);
}

bool CandidatesPage::pasteText(const QString &text)
{
    return m_transfer->pasteText(text);
}

bool CandidatesPage::importFile(const QString &path)
{
    return m_transfer->importFile(path);
}

bool CandidatesPage::exportFile(const QString &path)
{
    return m_transfer->exportFile(path);
}

} // namespace pb::ui
