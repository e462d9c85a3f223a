#include "RaciPage.h"

#include "AppSettings.h"
#include "Messages.h"
#include "PartnerPicker.h"
#include "RaciGridView.h"
#include "RaciProblemsList.h"
#include "RaciSidePanel.h"
#include "RaciStartPanel.h"
#include "RaciToolBar.h"
#include "domain/RaciEdits.h"
#include "io/RaciCsv.h"
#include "item/GridText.h"
#include "item/RaciGridModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

RaciPage::RaciPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new item::RaciGridModel(editor, this))
    , m_toolBar(new RaciToolBar(editor->workbook(), this))
    , m_stack(new QStackedWidget(this))
    , m_start(new RaciStartPanel(editor->workbook(), this))
    , m_view(new RaciGridView(this))
    , m_side(new RaciSidePanel(this))
{
    const bool readOnly = editor->workbook()->isReadOnly();
    m_toolBar->setEditable(!readOnly);
    m_view->setReadOnly(readOnly);
    m_view->setModel(m_model);
    connectToolBar();
    connectGrid();

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 7);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({700, 300});
    AppSettings::keepSplitterSizes(splitter, u"raci"_s);
    m_stack->addWidget(m_start);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);

    connect(m_model, &item::RaciGridModel::gridChanged, this, &RaciPage::refresh);
    connect(m_model, &item::RaciGridModel::editRefused, this, [this](const QString &message) {
        Messages::warning(this, tr("RACI not changed"), message);
    });
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &RaciPage::onChange);
    // The partner list is filled when the page is first shown, not at every open.
}

void RaciPage::connectToolBar()
{
    connect(m_toolBar->partnerPicker(), &PartnerPicker::partnerChosen, m_model,
            &item::RaciGridModel::setCandidate);
    connect(m_toolBar, &RaciToolBar::addActivityRequested, this,
            [this](const QString &name) { warnIfRefused(tr("Add Activity"), addActivity(name)); });
    connect(m_toolBar, &RaciToolBar::addPartyRequested, this,
            [this](const QString &name, RaciSide side) {
                warnIfRefused(tr("Add Party"), addParty(name, side));
            });
    connect(m_toolBar, &RaciToolBar::importRequested, this, [this](const QString &path) {
        warnIfRefused(tr("Nothing was imported"), importFile(path));
    });
    connect(m_toolBar, &RaciToolBar::exportRequested, this, [this](const QString &path) {
        warnIfRefused(tr("Export RACI Grid"), exportFile(path));
    });
    connect(m_start, &RaciStartPanel::defaultsRequested, this, &RaciPage::startWithDefaults);
    connect(m_start, &RaciStartPanel::copyRequested, this, &RaciPage::copyGridFrom);
}

void RaciPage::connectGrid()
{
    connect(m_view, &RaciGridView::typedRole, this, &RaciPage::applyTyped);
    connect(m_view, &RaciGridView::clearRequested, this, &RaciPage::clearCells);
    connect(m_view, &RaciGridView::cycleRequested, this, &RaciPage::cycleCell);
    connect(m_view, &RaciGridView::copyRequested, this, &RaciPage::copyCells);
    connect(m_view, &RaciGridView::pasteRequested, this, &RaciPage::pasteCells);
    connect(m_view, &RaciGridView::moveRequested, this, &RaciPage::moveCurrent);
    connect(m_view, &RaciGridView::renameRequested, this, &RaciPage::promptRename);
    connect(m_view, &RaciGridView::removeRequested, this, &RaciPage::removeSection);
    connect(m_side->problemsList(), &RaciProblemsList::cellChosen, this, &RaciPage::showCell);
}

QListWidget *RaciPage::problemsList() const
{
    return m_side->problemsList();
}

QLabel *RaciPage::partiesText() const
{
    return m_side->partiesText();
}

qint64 RaciPage::currentPartner() const
{
    return m_model->candidateId();
}

PartnerPicker *RaciPage::partnerPicker() const
{
    return m_toolBar->partnerPicker();
}

QList<QAction *> RaciPage::fileActions() const
{
    return m_toolBar->fileActions();
}

bool RaciPage::selectPartner(qint64 candidateId)
{
    return m_toolBar->partnerPicker()->selectPartner(candidateId);
}

void RaciPage::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (change.entity == Entity::Candidate || change.entity == Entity::Raci)
        m_start->invalidateCopySources();
}

void RaciPage::refresh()
{
    const bool hasGrid = m_model->hasGrid();
    m_stack->setCurrentIndex(hasGrid ? 1 : 0);
    m_toolBar->setHasGrid(hasGrid);
    m_start->setPartner(m_model->candidateId(), m_toolBar->partnerName());
    m_side->setGrid(m_model->grid(), m_model->problems(), hasGrid);
}

// A problem was chosen: select its cell (the first one of a whole row or column).
void RaciPage::showCell(int activity, int party)
{
    const QModelIndex index = m_model->index(std::max(activity, 0), std::max(party, 0));
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->setFocus();
    }
}

void RaciPage::warnIfRefused(const QString &title, const QString &error)
{
    if (!error.isEmpty())
        Messages::warning(this, title, error);
}

QString RaciPage::apply(const RaciGrid &grid, const QString &stepName)
{
    return m_model->apply(grid, stepName);
}

void RaciPage::applyTyped(RaciRole letter)
{
    apply(RaciEdits::withTyped(m_model->grid(), m_view->selectedCells(), letter),
          tr("Set %1").arg(raciRoleText(letter)));
}

void RaciPage::clearCells()
{
    apply(RaciEdits::withRole(m_model->grid(), m_view->selectedCells(), RaciRole::None),
          tr("Clear cells"));
}

void RaciPage::cycleCell(const QModelIndex &index)
{
    const RaciRole next = RaciEdits::cycled(m_model->grid().cell(index.row(), index.column()));
    apply(RaciEdits::withRole(m_model->grid(), {QPoint(index.column(), index.row())}, next),
          tr("Change cell"));
}

void RaciPage::copyCells()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    const item::GridText::Block block = item::GridText::bounds(selected);
    QApplication::clipboard()->setText(
        RaciEdits::copy(m_model->grid(), block.top, block.left, block.bottom, block.right));
    emit statusMessage(tr("Copied %1 cells.").arg(selected.size()));
}

void RaciPage::pasteCells()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_editor->workbook()->isReadOnly())
        return;
    RaciGrid grid = m_model->grid();
    const QString error =
        RaciEdits::paste(&grid, current.row(), current.column(), QApplication::clipboard()->text());
    if (!error.isEmpty()) {
        Messages::warning(this, tr("Paste"), error);
        return;
    }
    apply(grid, tr("Paste cells"));
}

void RaciPage::moveCurrent(Qt::Orientation orientation, int delta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    if (orientation == Qt::Vertical) {
        const int to = current.row() + delta;
        if (apply(RaciEdits::moveActivity(m_model->grid(), current.row(), to), tr("Move activity"))
                .isEmpty())
            m_view->setCurrentIndex(
                m_model->index(std::clamp(to, 0, m_model->rowCount() - 1), current.column()));
    } else {
        const int to = current.column() + delta;
        if (apply(RaciEdits::moveParty(m_model->grid(), current.column(), to), tr("Move party"))
                .isEmpty())
            m_view->setCurrentIndex(
                m_model->index(current.row(), std::clamp(to, 0, m_model->columnCount() - 1)));
    }
}

void RaciPage::promptRename(Qt::Orientation orientation, int section)
{
    const RaciGrid &grid = m_model->grid();
    const QString current = orientation == Qt::Vertical ? grid.activities.value(section).name
                                                        : grid.parties.value(section).name;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal, current, &ok);
    if (ok)
        warnIfRefused(tr("Rename"), orientation == Qt::Vertical ? renameActivity(section, name)
                                                                : renameParty(section, name));
}

void RaciPage::removeSection(Qt::Orientation orientation, int section)
{
    warnIfRefused(tr("RACI"),
                  orientation == Qt::Vertical ? removeActivity(section) : removeParty(section));
}

QString RaciPage::startWithDefaults()
{
    return apply(RaciEdits::withDefaults(), tr("Start RACI grid"));
}

QString RaciPage::copyGridFrom(qint64 candidateId)
{
    RaciGrid grid = m_editor->workbook()->raciGrid(candidateId);
    return apply(grid, tr("Copy RACI grid"));
}

QString RaciPage::addActivity(const QString &name)
{
    const RaciGrid &grid = m_model->grid();
    if (QString why = RaciEdits::checkActivityName(grid, name, -1); !why.isEmpty())
        return why;
    return apply(RaciEdits::addActivity(grid, int(grid.activities.size()), name),
                 tr("Add activity"));
}

QString RaciPage::addParty(const QString &name, RaciSide side)
{
    const RaciGrid &grid = m_model->grid();
    if (QString why = RaciEdits::checkPartyName(grid, name, side, -1); !why.isEmpty())
        return why;
    return apply(RaciEdits::addParty(grid, int(grid.parties.size()), name, side), tr("Add party"));
}

QString RaciPage::renameActivity(int row, const QString &name)
{
    if (QString why = RaciEdits::checkActivityName(m_model->grid(), name, row); !why.isEmpty())
        return why;
    return apply(RaciEdits::renameActivity(m_model->grid(), row, name), tr("Rename activity"));
}

QString RaciPage::renameParty(int column, const QString &name)
{
    const RaciGrid &grid = m_model->grid();
    if (column < 0 || column >= grid.parties.size())
        return tr("There is no such party.");
    if (QString why = RaciEdits::checkPartyName(grid, name, grid.parties[column].side, column);
        !why.isEmpty())
        return why;
    return apply(RaciEdits::renameParty(grid, column, name), tr("Rename party"));
}

QString RaciPage::removeActivity(int row)
{
    return apply(RaciEdits::removeActivity(m_model->grid(), row), tr("Remove activity"));
}

QString RaciPage::removeParty(int column)
{
    return apply(RaciEdits::removeParty(m_model->grid(), column), tr("Remove party"));
}

QString RaciPage::importFile(const QString &path, bool askFirst)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("\"%1\" cannot be read: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    io::RaciCsvImport parsed = io::RaciCsv::parse(file.readAll(), QFileInfo(path).fileName());
    if (!parsed.errors.isEmpty())
        return tr("The file has problems; nothing was changed:") + u"\n"_s +
               parsed.errors.join(u'\n');
    const bool replacing = m_model->hasGrid();
    const QString name = QFileInfo(path).fileName();
    if (askFirst && replacing &&
        !Messages::confirm(this, tr("Import RACI Grid"),
                           tr("Replace the RACI grid of %1 with the grid in %2? You can undo "
                              "this.")
                               .arg(m_toolBar->partnerName(), name),
                           tr("Replace")))
        return {};
    const QString before = gridSummary(m_model->grid());
    const QString after = gridSummary(parsed.grid);
    const QString error = apply(parsed.grid, tr("Import %1 (%2)").arg(name, after));
    if (error.isEmpty())
        emit statusMessage(
            replacing ? tr("Imported %1 for %2: %3, in place of %4.")
                            .arg(name, m_toolBar->partnerName(), after, before)
                      : tr("Imported %1 for %2: %3.").arg(name, m_toolBar->partnerName(), after));
    return error;
}

// "5 activities, 4 parties", for the status bar and the undo step.
QString RaciPage::gridSummary(const RaciGrid &grid)
{
    const qsizetype activities = grid.activities.size();
    const qsizetype parties = grid.parties.size();
    return (activities == 1 ? tr("1 activity") : tr("%1 activities").arg(activities)) + u", "_s +
           (parties == 1 ? tr("1 party") : tr("%1 parties").arg(parties));
}

QString RaciPage::exportFile(const QString &path)
{
    if (!m_model->hasGrid())
        return tr("This partnership has no RACI grid yet.");
    const QString error = io::RaciCsv::save(path, m_model->grid());
    if (error.isEmpty())
        emit statusMessage(tr("Exported the RACI grid to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

} // namespace pb::ui
