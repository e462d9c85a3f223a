#pragma once

#include "domain/Raci.h"

#include <QListWidget>

namespace pb::ui {

// Beside the RACI grid: what the rules found wrong with it, one line each (the rule's code
// as tooltip), or a tick when nothing is. Activating a line names the cell it is about,
// so RaciPage can select it.
class RaciProblemsList : public QListWidget
{
    Q_OBJECT
public:
    explicit RaciProblemsList(QWidget *parent = nullptr);

    void setProblems(const QList<domain::RaciProblem> &problems, bool hasGrid);

signals:
    // -1 for a problem about a whole row or column.
    void cellChosen(int activity, int party);
};

} // namespace pb::ui
