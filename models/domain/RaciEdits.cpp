#include "RaciEdits.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

RaciRole RaciEdits::typed(RaciRole current, RaciRole letter)
{
    if ((current == RaciRole::Accountable && letter == RaciRole::Responsible) ||
        (current == RaciRole::Responsible && letter == RaciRole::Accountable))
        return RaciRole::AccountableResponsible;
    return letter;
}

RaciRole RaciEdits::cycled(RaciRole current)
{
    switch (current) {
    case RaciRole::None:
        return RaciRole::Responsible;
    case RaciRole::Responsible:
        return RaciRole::Accountable;
    case RaciRole::Accountable:
        return RaciRole::AccountableResponsible;
    case RaciRole::AccountableResponsible:
        return RaciRole::Consulted;
    case RaciRole::Consulted:
        return RaciRole::Informed;
    case RaciRole::Informed:
        return RaciRole::None;
    }
    return RaciRole::None;
}

namespace {
// The grid with every given cell inside it replaced by change(its role).
template<typename Change>
RaciGrid withCells(RaciGrid grid, const QList<QPoint> &cells, Change change)
{
    grid.normalise();
    for (const QPoint &cell : cells) {
        if (cell.y() >= 0 && cell.y() < grid.activities.size() && cell.x() >= 0 &&
            cell.x() < grid.parties.size())
            grid.cells[cell.y()][cell.x()] = change(grid.cells[cell.y()][cell.x()]);
    }
    return grid;
}
} // namespace

RaciGrid RaciEdits::withRole(RaciGrid grid, const QList<QPoint> &cells, RaciRole role)
{
    return withCells(std::move(grid), cells, [role](RaciRole) { return role; });
}

RaciGrid RaciEdits::withTyped(RaciGrid grid, const QList<QPoint> &cells, RaciRole letter)
{
    return withCells(std::move(grid), cells,
                     [letter](RaciRole current) { return typed(current, letter); });
}

RaciGrid RaciEdits::withDefaults()
{
    RaciGrid grid;
    grid.parties = RaciRules::defaultParties();
    for (const QString &name : RaciRules::defaultActivities())
        grid.activities.append({0, name});
    grid.normalise();
    return grid;
}

RaciGrid RaciEdits::addActivity(RaciGrid grid, int at, const QString &name)
{
    grid.normalise();
    at = std::clamp(at, 0, int(grid.activities.size()));
    grid.activities.insert(at, {0, name.trimmed()});
    grid.cells.insert(at, QList<RaciRole>(grid.parties.size(), RaciRole::None));
    return grid;
}

RaciGrid RaciEdits::renameActivity(RaciGrid grid, int row, const QString &name)
{
    if (row >= 0 && row < grid.activities.size())
        grid.activities[row].name = name.trimmed();
    return grid;
}

RaciGrid RaciEdits::moveActivity(RaciGrid grid, int from, int to)
{
    grid.normalise();
    const int count = int(grid.activities.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return grid;
    grid.activities.move(from, to);
    grid.cells.move(from, to);
    return grid;
}

RaciGrid RaciEdits::removeActivity(RaciGrid grid, int row)
{
    grid.normalise();
    if (row >= 0 && row < grid.activities.size()) {
        grid.activities.removeAt(row);
        grid.cells.removeAt(row);
    }
    return grid;
}

RaciGrid RaciEdits::addParty(RaciGrid grid, int at, const QString &name, RaciSide side)
{
    grid.normalise();
    at = std::clamp(at, 0, int(grid.parties.size()));
    grid.parties.insert(at, {0, name.trimmed(), side});
    for (QList<RaciRole> &row : grid.cells)
        row.insert(at, RaciRole::None);
    return grid;
}

RaciGrid RaciEdits::renameParty(RaciGrid grid, int column, const QString &name)
{
    if (column >= 0 && column < grid.parties.size())
        grid.parties[column].name = name.trimmed();
    return grid;
}

RaciGrid RaciEdits::moveParty(RaciGrid grid, int from, int to)
{
    grid.normalise();
    const int count = int(grid.parties.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return grid;
    grid.parties.move(from, to);
    for (QList<RaciRole> &row : grid.cells)
        row.move(from, to);
    return grid;
}

RaciGrid RaciEdits::removeParty(RaciGrid grid, int column)
{
    grid.normalise();
    if (column >= 0 && column < grid.parties.size()) {
        grid.parties.removeAt(column);
        for (QList<RaciRole> &row : grid.cells)
            row.removeAt(column);
    }
    return grid;
}

QString RaciEdits::paste(RaciGrid *grid, int row, int column, const QString &text)
{
    RaciGrid result = *grid;
    result.normalise();
    QStringList lines = text.split(u'\n');
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    for (int r = 0; r < lines.size(); ++r) {
        const QStringList cells = lines[r].split(u'\t');
        for (int c = 0; c < cells.size(); ++c) {
            const auto role = raciRoleFromText(cells[c].trimmed());
            if (!role)
                return tr("\"%1\" is not a RACI value: use R, A, C, I, A/R or leave it empty.")
                    .arg(cells[c].trimmed());
            const int targetRow = row + r;
            const int targetColumn = column + c;
            if (targetRow < result.activities.size() && targetColumn < result.parties.size())
                result.cells[targetRow][targetColumn] = *role;
        }
    }
    *grid = result;
    return {};
}

QString RaciEdits::copy(const RaciGrid &grid, int top, int left, int bottom, int right)
{
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells.append(raciRoleText(grid.cell(r, c)));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

QString RaciEdits::checkActivityName(const RaciGrid &grid, const QString &name, int exceptRow)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("An activity needs a name.");
    for (int r = 0; r < grid.activities.size(); ++r) {
        if (r != exceptRow &&
            grid.activities[r].name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("There is already an activity named \"%1\".").arg(grid.activities[r].name);
    }
    return {};
}

QString RaciEdits::checkPartyName(const RaciGrid &grid, const QString &name, RaciSide side,
                                  int exceptColumn)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A party needs a name.");
    for (int c = 0; c < grid.parties.size(); ++c) {
        if (c != exceptColumn && grid.parties[c].side == side &&
            grid.parties[c].name.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("There is already a party named \"%1\" on that side.")
                .arg(grid.parties[c].name);
    }
    return {};
}

} // namespace pb::domain
