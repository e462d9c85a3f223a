#include "KpiTablePanel.h"

#include "ColumnFitter.h"
#include "KpiDelegate.h"
#include "Messages.h"
#include "domain/KpiRules.h"
#include "item/KpiListModel.h"
#include "item/KpiTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace pb::domain;

namespace pb::ui {

KpiTablePanel::KpiTablePanel(item::KpiTracker *tracker, item::KpiListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_model(model)
    , m_table(new QTableView(this))
{
    setUpTable();
    QWidget *upButton = createMoveButton(-1);
    QWidget *downButton = createMoveButton(+1);
    QWidget *addButton = createAddButton();
    auto *removeButton = new QPushButton(tr("Remove KPI"), this);
    removeButton->setToolTip(tr("Remove the selected KPIs and their values (undo brings "
                                "them back)"));
    connect(removeButton, &QPushButton::clicked, this, &KpiTablePanel::removeSelectedKpis);
    connect(m_model, &item::KpiListModel::editRefused, this,
            [this](const QString &message) { warn(tr("KPI not changed"), message); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("<b>KPIs</b>"), this));
    bar->addStretch(1);
    bar->addWidget(upButton);
    bar->addWidget(downButton);
    bar->addWidget(addButton);
    bar->addWidget(removeButton);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    const bool readOnly = tracker->editor()->workbook()->isReadOnly();
    for (QWidget *widget : QList<QWidget *>{addButton, removeButton, upButton, downButton})
        widget->setEnabled(!readOnly);
}

void KpiTablePanel::setUpTable()
{
    m_table->setModel(m_model);
    m_table->setItemDelegate(new KpiDelegate(item::KpiListModel::StatusRole,
                                             item::KpiListModel::ChoicesRole,
                                             item::KpiListModel::Status, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("KPIs"));
    // One line per KPI, so that five fit above the grid on a laptop. Every column as wide as
    // it needs; the name takes what is left, and when the width runs short what it measures,
    // the direction, the baseline and the unit give way first (cut with "…", the full text
    // in the tooltip).
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    const int em = fontMetrics().horizontalAdvance(u'M');
    using Model = item::KpiListModel;
    new ColumnFitter(m_table, Model::Name,
                     {Model::Measures, Model::Direction, Model::Baseline, Model::Unit}, 4 * em,
                     14 * em);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit kpiChosen(current.row());
            });
}

QWidget *KpiTablePanel::createMoveButton(int delta)
{
    auto *button = new QToolButton(this);
    button->setArrowType(delta < 0 ? Qt::UpArrow : Qt::DownArrow);
    button->setToolTip(delta < 0 ? tr("Move the KPI up (Ctrl+Shift+Up)")
                                 : tr("Move the KPI down (Ctrl+Shift+Down)"));
    button->setShortcut(
        QKeySequence(Qt::CTRL | Qt::SHIFT | (delta < 0 ? Qt::Key_Up : Qt::Key_Down)));
    connect(button, &QToolButton::clicked, this, [this, delta] { moveSelectedKpi(delta); });
    return button;
}

QWidget *KpiTablePanel::createAddButton()
{
    auto *button = new QToolButton(this);
    button->setText(tr("&Add KPI"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    button->setMenu(menu);
    // Built when opened: a KPI the partnership already measures is greyed out.
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillAddMenu(menu); });
    return button;
}

void KpiTablePanel::fillAddMenu(QMenu *menu)
{
    menu->clear();
    for (const KpiDefinition &kpi : commonKpis()) {
        QAction *action = menu->addAction(kpi.name, this, [this, kpi] {
            if (const QString error = addKpi(kpi); !error.isEmpty())
                warn(tr("Add KPI"), error);
        });
        action->setEnabled(!KpiRules::seriesFor(m_tracker->kpis(), kpi.metric));
    }
    menu->addSeparator();
    menu->addAction(tr("Another KPI…"), this, &KpiTablePanel::addKpiByName);
}

void KpiTablePanel::addKpiByName()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add KPI"), tr("KPI name:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    KpiDefinition kpi;
    kpi.name = name;
    kpi.metric = kpiMetricForName(name);
    if (const QString error = addKpi(kpi); !error.isEmpty())
        warn(tr("Add KPI"), error);
}

QString KpiTablePanel::addKpi(const KpiDefinition &kpi)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    QString error;
    const int row = m_model->addKpi(kpi, &error);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, item::KpiListModel::Name));
        m_table->setFocus();
    }
    return error;
}

void KpiTablePanel::selectIfNone(int row)
{
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(row, 0));
}

void KpiTablePanel::removeSelectedKpis()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().row());
    if (const QString error = m_model->removeKpis(rows); !error.isEmpty())
        warn(tr("Remove KPI"), error);
}

void KpiTablePanel::moveSelectedKpi(int delta)
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    const int column = m_table->currentIndex().column();
    if (const QString error = m_model->moveKpi(row, delta); !error.isEmpty())
        warn(tr("Move KPI"), error);
    else
        m_table->setCurrentIndex(
            m_model->index(std::clamp(row + delta, 0, m_model->rowCount() - 1), column));
}

void KpiTablePanel::warn(const QString &title, const QString &message)
{
    Messages::warning(this, title, message);
}

} // namespace pb::ui
