#include "RaciToolBar.h"

#include "AppSettings.h"
#include "PartnerPicker.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

using pb::domain::RaciSide;

namespace pb::ui {

RaciToolBar::RaciToolBar(store::Workbook *workbook, QWidget *parent)
    : QWidget(parent)
    , m_partner(new PartnerPicker(workbook, PartnerPicker::Order::TopThreeFirst, this))
    , m_addActivity(new QPushButton(tr("Add &Activity…"), this))
    , m_addParty(new QToolButton(this))
    , m_import(new QPushButton(tr("&Import CSV…"), this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
{
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
    connect(m_import, &QPushButton::clicked, this, &RaciToolBar::askImportFile);
    connect(m_export, &QPushButton::clicked, this, &RaciToolBar::askExportFile);

    auto *bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addStretch(1);
    bar->addWidget(m_addActivity);
    bar->addWidget(m_addParty);
    bar->addWidget(m_import);
    bar->addWidget(m_export);
}

QString RaciToolBar::partnerName() const
{
    return m_partner->currentName();
}

void RaciToolBar::setEditable(bool editable)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_addActivity),
                            static_cast<QWidget *>(m_addParty), static_cast<QWidget *>(m_import)})
        widget->setEnabled(editable);
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
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import RACI Grid"), AppSettings::value(AppSettings::Key::LastFolder).toString(),
        tr("CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        emit importRequested(path);
}

void RaciToolBar::askExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export RACI Grid"),
        QDir(AppSettings::value(AppSettings::Key::LastFolder).toString())
            .filePath(tr("%1 RACI.csv").arg(partnerName())),
        tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"));
    if (!path.isEmpty())
        emit exportRequested(path);
}

} // namespace pb::ui
