#pragma once

#include "Raci.h"

#include <QCoreApplication>
#include <QPoint>

namespace pb::domain {

// The edits a person makes to a RACI grid, as pure functions from one grid to the next.
// The editor writes the result through the store and keeps the grid before for undo.
// Cells are addressed as QPoint(party column, activity row).
class RaciEdits
{
    Q_DECLARE_TR_FUNCTIONS(RaciEdits)
public:
    // Typing a letter on a cell: R, A, C or I; A on an R cell, or R on an A cell, gives A/R.
    static RaciRole typed(RaciRole current, RaciRole letter);
    // A click walks none → R → A → A/R → C → I → none.
    static RaciRole cycled(RaciRole current);

    static RaciGrid withRole(RaciGrid grid, const QList<QPoint> &cells, RaciRole role);
    static RaciGrid withTyped(RaciGrid grid, const QList<QPoint> &cells, RaciRole letter);
    static RaciGrid withDefaults();

    static RaciGrid addActivity(RaciGrid grid, int at, const QString &name);
    static RaciGrid renameActivity(RaciGrid grid, int row, const QString &name);
    static RaciGrid moveActivity(RaciGrid grid, int from, int to);
    static RaciGrid removeActivity(RaciGrid grid, int row);
    static RaciGrid addParty(RaciGrid grid, int at, const QString &name, RaciSide side);
    static RaciGrid renameParty(RaciGrid grid, int column, const QString &name);
    static RaciGrid moveParty(RaciGrid grid, int from, int to);
    static RaciGrid removeParty(RaciGrid grid, int column);

    // Pastes tab-separated cells with their top-left at (row, column); cells beyond the
    // grid are ignored. Returns why it is refused (a value that is not R, A, C, I, A/R),
    // leaving *grid unchanged, or an empty string.
    static QString paste(RaciGrid *grid, int row, int column, const QString &text);
    // The given rectangle as tab-separated text.
    static QString copy(const RaciGrid &grid, int top, int left, int bottom, int right);
    // Refuses empty names and names already used (ignoring case): empty string when fine.
    static QString checkActivityName(const RaciGrid &grid, const QString &name, int exceptRow);
    static QString checkPartyName(const RaciGrid &grid, const QString &name, RaciSide side,
                                  int exceptColumn);
};

} // namespace pb::domain
