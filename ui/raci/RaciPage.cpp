#include "RaciPage.h"

#include "RaciGridView.h"
#include "domain/RaciEdits.h"
#include "domain/Scoring.h"
#include "domain/WorkbookSettings.h"
#include "io/RaciCsv.h"
#include "io/SafeFile.h"
#include "item/RaciGridModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "AppSettings.h"
#include "Messages.h"
#include "PartnerPicker.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringListModel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

RaciPage::RaciPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new item::RaciGridModel(editor, this))
    , m_partner(new PartnerPicker(editor->workbook(), PartnerPicker::Order::TopThreeFirst, this))
    , m_stack(new QStackedWidget(this))
    , m_copySource(new QComboBox(this))
    , m_emptyTitle(new QLabel(this))
    , m_view(new RaciGridView(this))
    , m_problems(new QListWidget(this))
    , m_parties(new QTreeWidget(this))
    , m_balance(new QLabel(this))
{
    const bool readOnly = editor->workbook()->isReadOnly();
    m_partner->setToolTip(tr("The partnership whose grid you are editing; type to search"));
    connect(m_partner, &PartnerPicker::partnerChosen, this, &RaciPage::onPartnerChosen);

    auto *addActivityButton = new QPushButton(tr("Add &Activity…"), this);
    auto *addPartyButton = new QToolButton(this);
    addPartyButton->setText(tr("Add &Party"));
    addPartyButton->setPopupMode(QToolButton::InstantPopup);
    auto *partyMenu = new QMenu(addPartyButton);
    QAction *ours = partyMenu->addAction(tr("On our side…"));
    QAction *theirs = partyMenu->addAction(tr("On the partner's side…"));
    addPartyButton->setMenu(partyMenu);
    auto *importButton = new QPushButton(tr("&Import CSV…"), this);
    auto *exportButton = new QPushButton(tr("E&xport CSV…"), this);
    m_editWidgets = {addActivityButton, addPartyButton, importButton};

    connect(addActivityButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add Activity"), tr("Activity:"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok)
            if (const QString error = addActivity(name); !error.isEmpty())
                Messages::warning(this, tr("Add Activity"), error);
    });
    const auto askParty = [this](RaciSide side) {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add Party"), tr("Person or role:"),
                                                   QLineEdit::Normal, {}, &ok);
        if (ok)
            if (const QString error = addParty(name, side); !error.isEmpty())
                Messages::warning(this, tr("Add Party"), error);
    };
    connect(ours, &QAction::triggered, this, [askParty] { askParty(RaciSide::Ours); });
    connect(theirs, &QAction::triggered, this, [askParty] { askParty(RaciSide::Partner); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import RACI Grid"),
            AppSettings::value(AppSettings::Key::LastFolder).toString(),
            tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            if (const QString error = importFile(path); !error.isEmpty())
                Messages::warning(this, tr("Nothing was imported"), error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getSaveFileName(
            this, tr("Export RACI Grid"),
            QDir(AppSettings::value(AppSettings::Key::LastFolder).toString())
                .filePath(tr("%1 RACI.csv").arg(m_partner->currentName())),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            if (const QString error = exportFile(path); !error.isEmpty())
                Messages::warning(this, tr("Export RACI Grid"), error);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addStretch(1);
    bar->addWidget(addActivityButton);
    bar->addWidget(addPartyButton);
    bar->addWidget(importButton);
    bar->addWidget(exportButton);

    // The state of a partnership without a grid: start one.
    auto *empty = new QWidget(this);
    auto *defaultsButton = new QPushButton(tr("Start with the &Default Activities"), empty);
    auto *copyButton = new QPushButton(tr("&Copy"), empty);
    m_emptyTitle->setWordWrap(true);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(new QLabel(tr("or copy the grid of"), empty));
    copyRow->addWidget(m_copySource);
    copyRow->addWidget(copyButton);
    copyRow->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(24, 24, 24, 24);
    emptyLayout->addWidget(m_emptyTitle);
    auto *defaultsRow = new QHBoxLayout;
    defaultsRow->addWidget(defaultsButton);
    defaultsRow->addStretch(1);
    emptyLayout->addLayout(defaultsRow);
    emptyLayout->addLayout(copyRow);
    emptyLayout->addStretch(1);
    defaultsButton->setEnabled(!readOnly);
    copyButton->setEnabled(!readOnly);
    connect(defaultsButton, &QPushButton::clicked, this, [this] { startWithDefaults(); });
    connect(copyButton, &QPushButton::clicked, this, [this] {
        if (m_copySource->currentIndex() >= 0)
            copyGridFrom(m_copySource->currentData().toLongLong());
    });

    m_view->setModel(m_model);
    m_view->verticalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view->verticalHeader(), &QHeaderView::sectionDoubleClicked, this,
            [this](int section) { promptRename(Qt::Vertical, section); });
    connect(m_view->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this,
            [this](int section) { promptRename(Qt::Horizontal, section); });
    for (auto orientation : {Qt::Vertical, Qt::Horizontal}) {
        QHeaderView *header =
            orientation == Qt::Vertical ? m_view->verticalHeader() : m_view->horizontalHeader();
        connect(header, &QWidget::customContextMenuRequested, this,
                [this, header, orientation](const QPoint &position) {
                    const int section = header->logicalIndexAt(position);
                    if (section < 0 || m_editor->workbook()->isReadOnly())
                        return;
                    QMenu menu(this);
                    menu.addAction(tr("Rename…"), this, [this, orientation, section] {
                        promptRename(orientation, section);
                    });
                    menu.addAction(tr("Remove"), this, [this, orientation, section] {
                        const QString error = orientation == Qt::Vertical ? removeActivity(section)
                                                                          : removeParty(section);
                        if (!error.isEmpty())
                            Messages::warning(this, tr("RACI"), error);
                    });
                    menu.exec(header->mapToGlobal(position));
                });
    }
    connect(m_view, &RaciGridView::typedRole, this, &RaciPage::applyTyped);
    connect(m_view, &RaciGridView::clearRequested, this, [this] {
        apply(RaciEdits::withRole(m_model->grid(), m_view->selectedCells(), RaciRole::None),
              tr("Clear cells"));
    });
    connect(m_view, &RaciGridView::cycleRequested, this, [this](const QModelIndex &index) {
        const RaciRole next = RaciEdits::cycled(m_model->grid().cell(index.row(), index.column()));
        apply(RaciEdits::withRole(m_model->grid(), {QPoint(index.column(), index.row())}, next),
              tr("Change cell"));
    });
    connect(m_view, &RaciGridView::copyRequested, this, &RaciPage::copyCells);
    connect(m_view, &RaciGridView::pasteRequested, this, &RaciPage::pasteCells);
    connect(m_view, &RaciGridView::moveRequested, this, &RaciPage::moveCurrent);

    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setWordWrap(true);
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int row = item->data(Qt::UserRole).toInt();
        const int column = item->data(Qt::UserRole + 1).toInt();
        const QModelIndex index = m_model->index(std::max(row, 0), std::max(column, 0));
        if (index.isValid()) {
            m_view->setCurrentIndex(index);
            m_view->setFocus();
        }
    });
    connect(m_problems, &QListWidget::itemClicked, m_problems, &QListWidget::itemActivated);
    m_parties->setHeaderLabels({tr("Party"), tr("Activities")});
    m_parties->setAccessibleName(tr("Who does what"));
    m_parties->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_balance->setWordWrap(true);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("<b>Problems</b>"), side));
    sideLayout->addWidget(m_problems, 1);
    sideLayout->addWidget(new QLabel(tr("<b>Who does what</b>"), side));
    sideLayout->addWidget(m_balance);
    sideLayout->addWidget(m_parties, 2);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 7);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({700, 300});
    side->setMinimumWidth(260);
    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    for (QWidget *widget : std::as_const(m_editWidgets))
        widget->setEnabled(!readOnly);

    connect(m_model, &item::RaciGridModel::gridChanged, this, &RaciPage::refreshSide);
    connect(m_model, &item::RaciGridModel::editRefused, this, [this](const QString &message) {
        Messages::warning(this, tr("RACI not changed"), message);
    });
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &RaciPage::onChange);
    // The partner list is filled when the page is first shown, not at every open.
}

void RaciPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_copySourcesDirty)
        populateCopySources();
}

qint64 RaciPage::currentPartner() const
{
    return m_model->candidateId();
}

// The grids a new one can be copied from.
void RaciPage::populateCopySources()
{
    m_copySourcesDirty = false;
    store::Workbook *workbook = m_editor->workbook();
    const QSignalBlocker block(m_copySource);
    m_copySource->clear();
    for (qint64 id : workbook->candidatesWithRaciGrid()) {
        if (const auto candidate = workbook->candidate(id))
            m_copySource->addItem(candidate->name, id);
    }
}

bool RaciPage::selectPartner(qint64 candidateId)
{
    return m_partner->selectPartner(candidateId);
}

void RaciPage::onPartnerChosen(qint64 candidateId, const QString &name)
{
    m_model->setCandidate(candidateId, name);
}

void RaciPage::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (change.entity != Entity::Candidate && change.entity != Entity::Raci)
        return;
    m_copySourcesDirty = true;
    if (isVisible())
        populateCopySources();
}

void RaciPage::refreshSide()
{
    const bool hasGrid = m_model->hasGrid();
    m_stack->setCurrentIndex(hasGrid ? 1 : 0);
    const QString partner = m_partner->currentName();
    m_emptyTitle->setText(m_model->candidateId()
                              ? tr("<h3>No RACI grid for %1 yet</h3><p>Agree who is Responsible, "
                                   "Accountable, Consulted and Informed for each activity, on "
                                   "both sides, so neither assumes the other will drive.</p>")
                                    .arg(partner.toHtmlEscaped())
                              : tr("<h3>No candidates yet</h3><p>Add candidates first.</p>"));
    m_problems->clear();
    for (const RaciProblem &problem : m_model->problems()) {
        auto *item = new QListWidgetItem(u"⚠ "_s + problem.finding.message, m_problems);
        item->setData(Qt::UserRole, problem.activity);
        item->setData(Qt::UserRole + 1, problem.party);
        item->setToolTip(problem.finding.code);
    }
    if (hasGrid && m_model->problems().isEmpty())
        new QListWidgetItem(tr("✓ Every activity has one Accountable and a Responsible."),
                            m_problems);

    const RaciGrid &grid = m_model->grid();
    const QList<RaciWorkload> workload = RaciRules::workload(grid);
    m_parties->clear();
    for (int p = 0; p < grid.parties.size(); ++p) {
        QStringList owns, consulted, informed;
        for (int a = 0; a < grid.activities.size(); ++a) {
            const RaciRole role = grid.cell(a, p);
            const QString activity = grid.activities[a].name;
            if (isResponsible(role) || isAccountable(role))
                owns.append(u"%1 (%2)"_s.arg(activity, raciRoleText(role)));
            else if (role == RaciRole::Consulted)
                consulted.append(activity);
            else if (role == RaciRole::Informed)
                informed.append(activity);
        }
        auto *party = new QTreeWidgetItem(m_parties);
        party->setText(0, grid.parties[p].name);
        party->setText(1, tr("R %1 · A %2 · C %3 · I %4")
                              .arg(workload.value(p).responsible)
                              .arg(workload.value(p).accountable)
                              .arg(workload.value(p).consulted)
                              .arg(workload.value(p).informed));
        party->setToolTip(0, grid.parties[p].side == RaciSide::Partner ? tr("Partner's side")
                                                                       : tr("Our side"));
        for (const auto &[label, list] :
             {std::pair{tr("Owns (R/A)"), owns}, std::pair{tr("Consulted"), consulted},
              std::pair{tr("Informed"), informed}}) {
            if (list.isEmpty())
                continue;
            auto *child = new QTreeWidgetItem(party);
            child->setText(0, label);
            child->setText(1, list.join(u", "_s));
            child->setToolTip(1, list.join(u"\n"_s));
        }
    }
    m_parties->expandAll();
    const auto share = RaciRules::responsibleShare(grid);
    // Rounded so that the two halves add up to 100.
    const int ours = qRound(share[0]);
    m_balance->setText(share[0] + share[1] <= 0
                           ? tr("Nobody is Responsible for anything yet.")
                           : tr("Responsible work: %1 % our side, %2 % the partner's side.")
                                 .arg(ours)
                                 .arg(100 - ours));
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

void RaciPage::copyCells()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex &index : selected) {
        top = std::min(top, index.row());
        left = std::min(left, index.column());
        bottom = std::max(bottom, index.row());
        right = std::max(right, index.column());
    }
    QApplication::clipboard()->setText(RaciEdits::copy(m_model->grid(), top, left, bottom, right));
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
    if (m_editor->workbook()->isReadOnly())
        return;
    const RaciGrid &grid = m_model->grid();
    const QString current = orientation == Qt::Vertical ? grid.activities.value(section).name
                                                        : grid.parties.value(section).name;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename"), tr("Name:"), QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    const QString error =
        orientation == Qt::Vertical ? renameActivity(section, name) : renameParty(section, name);
    if (!error.isEmpty())
        Messages::warning(this, tr("Rename"), error);
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
    if (askFirst && m_model->hasGrid() &&
        !Messages::confirm(this, tr("Import RACI Grid"),
                           tr("Replace the RACI grid of %1 with the grid in %2? You can undo "
                              "this.")
                               .arg(m_partner->currentName(), QFileInfo(path).fileName()),
                           tr("Replace")))
        return {};
    return apply(parsed.grid, tr("Import RACI grid"));
}

QString RaciPage::exportFile(const QString &path)
{
    if (!m_model->hasGrid())
        return tr("This partnership has no RACI grid yet.");
    const QString error = io::SafeFile::write(path, io::RaciCsv::write(m_model->grid()));
    if (error.isEmpty())
        emit statusMessage(tr("Exported the RACI grid to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

} // namespace pb::ui
