#pragma once

#include "domain/Raci.h"

#include <QTableView>

namespace pb::ui {

// The RACI grid as a keyboard-first table: type R, A, C or I on the selected cells (A then R
// gives A/R), Delete clears them, clicking the cell clicked last again cycles its value (the
// first click on a cell only selects it, also the cell a new grid starts on).
// Ctrl+C/Ctrl+V copy and paste tab-separated cells; Alt+arrows move the current activity
// or party. Double-clicking a row or column header renames it; its context menu renames
// or removes it. The view only asks: RaciPage makes each edit through the model.
class RaciGridView : public QTableView
{
    Q_OBJECT
public:
    explicit RaciGridView(QWidget *parent = nullptr);

    QList<QPoint> selectedCells() const; // (party column, activity row)
    // A read-only grid offers no renames or removals on its headers.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

signals:
    void typedRole(domain::RaciRole letter);
    void clearRequested();
    void cycleRequested(const QModelIndex &index);
    void copyRequested();
    void pasteRequested();
    void moveRequested(Qt::Orientation orientation, int delta);
    // An activity (Qt::Vertical, by row) or a party (Qt::Horizontal, by column).
    void renameRequested(Qt::Orientation orientation, int section);
    void removeRequested(Qt::Orientation orientation, int section);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void showHeaderMenu(Qt::Orientation orientation, const QPoint &position);

    bool m_readOnly = false;
    // The cell the user clicked last; a second click on it cycles.
    QPersistentModelIndex m_clicked;
};

} // namespace pb::ui
