#include "MonthGridPanel.h"

#include "WrappingHeaderView.h"
#include "domain/Kpi.h"
#include "item/MonthGridModel.h"
#include "item/ProgrammeTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

MonthGridPanel::MonthGridPanel(const QString &title, item::MonthGridModel *model,
                               item::ProgrammeTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tracker(tracker)
    , m_table(new QTableView(this))
    , m_bar(new QHBoxLayout)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setUpTable();
    auto *add = new QPushButton(tr("Add Month…"), this);
    add->setToolTip(tr("Add a row for a month (YYYY-MM); the next month by default"));
    add->setEnabled(!tracker->editor()->workbook()->isReadOnly());
    connect(add, &QPushButton::clicked, this, &MonthGridPanel::askAddMonth);
    m_addMonth = add;
    connect(m_model, &item::MonthGridModel::editRefused, this,
            [this](const QString &message) { emit refused(tr("Value not saved"), message); });

    setTitle(title);
    m_bar->addWidget(m_title);
    m_bar->addStretch(1);
    m_bar->addWidget(add);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_bar);
    layout->addWidget(m_hint);
    layout->addWidget(m_table, 1);
}

void MonthGridPanel::setUpTable()
{
    m_table->setHorizontalHeader(new WrappingHeaderView(m_table, 3));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setToolTip(tr("Type a value and press Enter; paste a block from a spreadsheet with "
                           "Ctrl+V; Delete clears"));
}

void MonthGridPanel::setTitle(const QString &title)
{
    m_title->setText(u"<b>%1</b>"_s.arg(title.toHtmlEscaped()));
}

void MonthGridPanel::addToBar(QWidget *widget)
{
    m_bar->insertWidget(m_bar->indexOf(m_addMonth) + 1, widget);
}

void MonthGridPanel::setHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

QString MonthGridPanel::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

void MonthGridPanel::fitColumns()
{
    const int em = fontMetrics().horizontalAdvance(u'M');
    auto *header = static_cast<WrappingHeaderView *>(m_table->horizontalHeader());
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const int wanted =
            std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
        header->resizeSection(
            column, std::clamp(wanted + em, 6 * em, std::max(11 * em, header->wordWidth(column))));
    }
}

QString MonthGridPanel::addMonth(const QString &text)
{
    QString why;
    const auto period = domain::KpiPeriod::parse(text.trimmed(), &why);
    if (!period || !period->isMonth())
        return period ? tr("Write a month as YYYY-MM (2026-03).") : tr("%1.").arg(why);
    if (m_model->columnCount() == 0)
        return tr("Choose a partnership first.");
    const int row = m_model->addMonth(period->date());
    const int column = std::max(0, m_table->currentIndex().column());
    m_table->setCurrentIndex(m_model->index(row, column));
    m_table->scrollTo(m_table->currentIndex());
    m_table->setFocus();
    return {};
}

void MonthGridPanel::askAddMonth()
{
    bool ok = false;
    const QString suggestion =
        m_model->suggestedNextMonth(m_tracker->today()).toString(u"yyyy-MM"_s);
    const QString text = QInputDialog::getText(this, tr("Add Month"), tr("Month (YYYY-MM):"),
                                               QLineEdit::Normal, suggestion, &ok);
    if (ok)
        if (const QString error = addMonth(text); !error.isEmpty())
            emit refused(tr("Add Month"), error);
}

QString MonthGridPanel::pasteValues(const QString &text)
{
    QModelIndex start = m_table->currentIndex();
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        if (!start.isValid() || index.row() < start.row() ||
            (index.row() == start.row() && index.column() < start.column()))
            start = index;
    }
    if (!start.isValid() && m_model->rowCount() == 0 && m_model->columnCount() > 0)
        start =
            m_model->index(m_model->addMonth(m_model->suggestedNextMonth(m_tracker->today())), 0);
    return m_model->paste(start, text);
}

QString MonthGridPanel::copyValues() const
{
    return m_model->copy(m_table->selectionModel()->selectedIndexes());
}

QString MonthGridPanel::clearValues()
{
    return m_model->clear(m_table->selectionModel()->selectedIndexes());
}

} // namespace pb::ui
