#pragma once

#include "domain/Raci.h"

#include <QWidget>

class QLabel;

namespace pb::ui {

class RaciProblemsList;

// Beside the RACI grid: the problems the rules found (RaciProblemsList) above, and "who
// does what" below: how the Responsible work splits between our side and the partner's,
// and per party how many activities it is R, A, C and I for, with the activities it owns,
// is consulted on and is informed of, as text that wraps to the panel's width (nothing is
// cut at 1366 pixels). RaciPage feeds it the grid and selects the cell of a chosen problem.
class RaciSidePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RaciSidePanel(QWidget *parent = nullptr);

    void setGrid(const domain::RaciGrid &grid, const QList<domain::RaciProblem> &problems,
                 bool hasGrid);
    RaciProblemsList *problemsList() const { return m_problems; }
    // "Who does what", one paragraph per party.
    QLabel *partiesText() const { return m_parties; }

private:
    static QString partyText(const domain::RaciGrid &grid, int party,
                             const domain::RaciWorkload &load);

    RaciProblemsList *m_problems;
    QLabel *m_balance;
    QLabel *m_parties;
};

} // namespace pb::ui
