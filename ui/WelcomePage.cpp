#include "WelcomePage.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pb::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_recent(new QListWidget(this))
    , m_noRecent(new QLabel(tr("No recent workbooks yet. Start with the sample to see every "
                               "area filled in."),
                            this))
{
    auto *heading = new QLabel(tr("Playbook Workbench"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    font.setBold(true);
    heading->setFont(font);
    auto *intro = new QLabel(tr("Score partner candidates, agree who does what, track KPIs and "
                                "write one-page proposals — all in one workbook file you can "
                                "share. Every change is saved the moment you make it."),
                             this);
    intro->setWordWrap(true);

    auto *newButton = new QPushButton(tr("&New Workbook…"), this);
    auto *openButton = new QPushButton(tr("&Open Workbook…"), this);
    auto *sampleButton = new QPushButton(tr("Explore the &Sample"), this);
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(sampleButton, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addWidget(sampleButton);
    buttons->addStretch(1);

    auto *recentLabel = new QLabel(tr("Recent workbooks"), this);
    m_recent->setAccessibleName(tr("Recent workbooks"));
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });

    m_noRecent->setWordWrap(true);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    auto *panel = new QWidget(this);
    panel->setFixedWidth(600);
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(14);
    column->addWidget(heading);
    column->addWidget(intro);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(recentLabel);
    column->addWidget(m_noRecent);
    column->addWidget(m_recent, 1);
    column->addStretch(0);

    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(40, 32, 40, 32);
    outer->addWidget(panel);
    outer->addStretch(1);
}

void WelcomePage::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    m_recent->setVisible(!files.isEmpty());
    m_noRecent->setVisible(files.isEmpty());
    for (const QString &path : files) {
        auto *item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
        item->setToolTip(QDir::toNativeSeparators(path));
        item->setData(Qt::UserRole, path);
        if (!QFileInfo::exists(path))
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
}

} // namespace pb::ui
