#include "RaciToolBar.h"

#include "FileDialogs.h"
#include "PartnerPicker.h"

#include <QAction>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::StringLiterals;
using pb::domain::RaciSide;

namespace pb::ui {

RaciToolBar::RaciToolBar(store::Workbook *workbook, QWidget *parent)
    : QWidget(parent)
    , m_partner(new PartnerPicker(workbook, PartnerPicker::Order::TopThreeFirst, this))
    , m_addActivity(new QPushButton(tr("Add &Activity…"), this))
    , m_addParty(new QToolButton(this))
    , m_import(new QAction(tr("&Import RACI Grid…"), this))
    , m_export(new QAction(tr("&Export RACI Grid…"), this))
{
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setIconText(tr("Import…"));
    m_import->setToolTip(tr("Replace this partnership's grid with one from a CSV file (Ctrl+I)"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setIconText(tr("Export…"));
    m_export->setToolTip(tr("Write this partnership's grid to a CSV file (Ctrl+E)"));
    m_partner->setToolTip(tr("The partnership whose grid you are editing; type to search"));
    m_addParty->setText(tr("Add &Party"));
    m_addParty->setPopupMode(QToolButton::InstantPopup);
    auto *partyMenu = new QMenu(m_addParty);
    QAction *ours = partyMenu->addAction(tr("On our side…"));
    QAction *theirs = partyMenu->addAction(tr("On the partner's side…"));
    m_addParty->setMenu(partyMenu);

    connect(m_addActivity, &QPushButton::clicked, this, &RaciToolBar::askActivity);
    connect(ours, &QAction::triggered, this, [this] { askParty(RaciSide::Ours); });
    connect(theirs, &QAction::triggered, this, [this] { askParty(RaciSide::Partner); });
    connect(m_import, &QAction::triggered, this, &RaciToolBar::askImportFile);
    connect(m_export, &QAction::triggered, this, &RaciToolBar::askExportFile);

    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addStretch(1);
    bar->addWidget(m_addActivity);
    bar->addWidget(m_addParty);
    for (QAction *action : {m_import, m_export}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        bar->addWidget(button);
    }
}

QString RaciToolBar::partnerName() const
{
    return m_partner->currentName();
}

void RaciToolBar::setEditable(bool editable)
{
    m_addActivity->setEnabled(editable);
    m_addParty->setEnabled(editable);
    m_import->setEnabled(editable);
}

void RaciToolBar::setHasGrid(bool hasGrid)
{
    m_export->setEnabled(hasGrid);
}

void RaciToolBar::askActivity()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Activity"), tr("Activity:"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok)
        emit addActivityRequested(name);
}

void RaciToolBar::askParty(RaciSide side)
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Party"), tr("Person or role:"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok)
        emit addPartyRequested(name, side);
}

void RaciToolBar::askImportFile()
{
    const QString path =
        FileDialogs::openFile(this, FileDialogs::Kind::Import, tr("Import RACI Grid"),
                              tr("CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        emit importRequested(path);
}

void RaciToolBar::askExportFile()
{
    const QString path = FileDialogs::saveFile(
        this, FileDialogs::Kind::Export, tr("Export RACI Grid"),
        tr("%1 RACI.csv").arg(partnerName()), tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"), u"csv"_s);
    if (!path.isEmpty())
        emit exportRequested(path);
}

} // namespace pb::ui
