#pragma once

#include <QList>
#include <QObject>

class QTableView;
class QWidget;

namespace pb::ui {

// Shares a table's width among its columns, so that at 1366 pixels nothing that matters is
// cut and nothing needs sideways scrolling: every column gets the width its header and the
// rows in view need; the stretch column takes what is left over; when the width runs short
// the columns in giveWay give up width first (in that order, down to minWidth), then the
// stretch column (down to its own minimum); only then does the table scroll. It refits when
// the table is resized or its model is reset or gains or loses rows or columns (not when it
// is sorted: columns do not shift under the user's eyes). Used by the
// candidate table and the KPI tables.
class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    ColumnFitter(QTableView *table, int stretchColumn, const QList<int> &giveWay, int minWidth,
                 int stretchMinWidth);

    // Widest a column gets from its contents (long notes would take the whole table).
    void setMaxWidth(int maxWidth) { m_maxWidth = maxWidth; }
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectModel();
    void fitLater();

    QTableView *m_table;
    // Kept apart: while the table is destroyed its viewport still reports events, and the
    // table can no longer be asked for it.
    QWidget *m_viewport;
    int m_stretch;
    QList<int> m_giveWay;
    int m_min;
    int m_stretchMin;
    int m_maxWidth = 0;
    bool m_pending = false;
};

} // namespace pb::ui
