#pragma once

#include "domain/Raci.h"

#include <QTableView>

namespace pb::ui {

// The RACI grid as a keyboard-first table: type R, A, C or I on the selected cells (A then R
// gives A/R), Delete clears them, clicking the current cell again cycles its value.
// Ctrl+C/Ctrl+V copy and paste tab-separated cells; Alt+arrows move the current activity
// or party.
class RaciGridView : public QTableView
{
    Q_OBJECT
public:
    explicit RaciGridView(QWidget *parent = nullptr);

    QList<QPoint> selectedCells() const; // (party column, activity row)

signals:
    void typedRole(domain::RaciRole letter);
    void clearRequested();
    void cycleRequested(const QModelIndex &index);
    void copyRequested();
    void pasteRequested();
    void moveRequested(Qt::Orientation orientation, int delta);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
};

} // namespace pb::ui
