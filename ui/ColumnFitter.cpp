#include "ColumnFitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace pb::ui {

ColumnFitter::ColumnFitter(QTableView *table, int stretchColumn, const QList<int> &giveWay,
                           int minWidth, int stretchMinWidth)
    : QObject(table)
    , m_table(table)
    , m_viewport(table->viewport())
    , m_stretch(stretchColumn)
    , m_giveWay(giveWay)
    , m_min(minWidth)
    , m_stretchMin(stretchMinWidth)
    , m_maxWidth(table->fontMetrics().averageCharWidth() * 40)
{
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_viewport->installEventFilter(this);
    connectModel();
}

void ColumnFitter::connectModel()
{
    QAbstractItemModel *model = m_table->model();
    if (!model)
        return;
    // Not on a new sort order: the columns would shift under the user's eyes, and measuring
    // again on every re-rank of 100,000 rows costs time.
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::fitLater);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved,
                        &QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved})
        connect(model, signal, this, &ColumnFitter::fitLater);
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fitLater();
    return QObject::eventFilter(watched, event);
}

// Once per burst of changes, after the view has laid itself out.
void ColumnFitter::fitLater()
{
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        fit();
    });
}

void ColumnFitter::fit()
{
    // Hidden, a table would measure every row; it is fitted when it is shown (resized).
    if (!m_table->isVisible())
        return;
    QHeaderView *header = m_table->horizontalHeader();
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    const int columns = header->count();
    if (columns == 0)
        return;
    QList<int> widths(columns, 0);
    int total = 0;
    for (int column = 0; column < columns; ++column) {
        if (header->isSectionHidden(column))
            continue;
        const int wanted =
            std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column)) + 4;
        widths[column] = std::clamp(wanted, m_min, std::max(m_min, m_maxWidth));
        total += widths[column];
    }
    const int available = m_table->viewport()->width();
    if (m_stretch >= 0 && m_stretch < columns && !header->isSectionHidden(m_stretch)) {
        // Short of width: the columns that give way shrink first, then the stretch column.
        for (int column : m_giveWay) {
            if (total <= available)
                break;
            if (column < 0 || column >= columns || header->isSectionHidden(column))
                continue;
            const int give = std::min(total - available, widths[column] - m_min);
            if (give > 0) {
                widths[column] -= give;
                total -= give;
            }
        }
        const int stretchMin = std::min(widths[m_stretch], m_stretchMin);
        widths[m_stretch] = std::max(stretchMin, widths[m_stretch] + available - total);
    }
    for (int column = 0; column < columns; ++column) {
        if (!header->isSectionHidden(column) && header->sectionSize(column) != widths[column])
            header->resizeSection(column, widths[column]);
    }
}

} // namespace pb::ui
