#include "StalledPanel.h"

#include "item/ProgrammeData.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

StalledPanel::StalledPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_all(new QCheckBox(tr("Every candidate"), this))
    , m_list(new QTreeWidget(this))
{
    m_all->setToolTip(tr("List the days in stage of every candidate, not only the stalled ones"));
    connect(m_all, &QCheckBox::toggled, this, &StalledPanel::fill);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Candidate"), tr("Stage"), tr("Days"), tr("Why")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setWordWrap(false);
    m_list->setAccessibleName(tr("Stalled candidates"));
    m_list->setToolTip(tr("Enter or double-click a candidate to open it in the Candidates area"));
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit candidateChosen(item->data(0, Qt::UserRole).toLongLong());
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_all);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
}

void StalledPanel::setShowAll(bool all)
{
    m_all->setChecked(all);
}

void StalledPanel::refresh(const item::ProgrammeData &data)
{
    m_data = &data;
    fill();
}

void StalledPanel::fill()
{
    m_list->clear();
    if (!m_data)
        return;
    const qsizetype stalled = m_data->stalled.size();
    m_title->setText(stalled == 0 ? tr("No candidate is stalled: each is within the practice's "
                                       "timing.")
                                  : tr("<b>%1 stalled</b>, longest first").arg(stalled));
    QList<QTreeWidgetItem *> items;
    QFont link = m_list->font();
    link.setUnderline(true);
    for (const item::FunnelRow &row : m_data->candidates) {
        if (!m_all->isChecked() && row.stalledWhy.isEmpty())
            continue;
        auto *item = new QTreeWidgetItem(
            {row.name, stageId(row.stage), QString::number(row.days), row.stalledWhy});
        item->setData(0, Qt::UserRole, row.candidateId);
        item->setFont(0, link);
        item->setForeground(0, palette().color(QPalette::Link));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("Open %1 in the Candidates area (Enter)").arg(row.name));
        item->setToolTip(
            2, tr("In %1 since %2")
                   .arg(stageId(row.stage), QLocale().toString(row.since, QLocale::ShortFormat)));
        item->setToolTip(3, row.stalledWhy);
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    for (int column = 0; column < 3; ++column)
        m_list->resizeColumnToContents(column);
    if (!items.isEmpty() && !m_list->currentItem())
        m_list->setCurrentItem(items.first());
}

} // namespace pb::ui
