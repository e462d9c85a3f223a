// Workbook: RACI grids.
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <type_traits>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

// Reads the parties or the activities of a grid in their order (make builds one from a
// row whose first column is its id); returns where each id stands, for the cells.
template<typename Item, typename Make>
QHash<qint64, int> readInOrder(SqliteDatabase &db, const QString &sql, qint64 partnership,
                               QList<Item> &items, Make make)
{
    QHash<qint64, int> at;
    SqliteStatement query(db, sql);
    query.bindInt(1, partnership);
    while (query.step()) {
        at.insert(query.integer(0), int(items.size()));
        items.append(make(query));
    }
    return at;
}

// Writes the parties or the activities of a grid in place of those the partnership has, so that
// a row kept keeps its lasting id and the history records only what changed in it. An item
// is the row with its id, else the row with its name, else the next row left over (a rename);
// the rest are inserted, and the rows no item took are removed (their cells with them). Each
// item gets its row's id, which the cells refer to. bindSide binds a party's side (?4).
template<typename Item>
bool syncInOrder(SqliteDatabase &db, const QString &table, qint64 partnership, QList<Item> &items,
                 std::type_identity_t<void (*)(SqliteStatement &, const Item &)> bindSide)
{
    QList<std::pair<qint64, QString>> rows; // the rows there are, in their order
    {
        SqliteStatement query(db, u"SELECT id, name FROM %1 WHERE partnership_id = ? "
                                  u"ORDER BY position, id"_s.arg(table));
        query.bindInt(1, partnership);
        while (query.step())
            rows.append({query.integer(0), query.text(1)});
    }
    QList<qint64> taken(items.size(), 0);
    const auto take = [&](auto matches) {
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype r = 0; !taken[i] && r < rows.size(); ++r) {
                if (rows[r].first && matches(items[i], rows[r]))
                    taken[i] = std::exchange(rows[r].first, 0);
            }
        }
    };
    take([](const Item &item, const auto &row) { return item.id > 0 && item.id == row.first; });
    take([](const Item &item, const auto &row) { return item.name.trimmed() == row.second; });
    take([](const Item &, const auto &) { return true; });
    const QString columns = bindSide ? u"partnership_id, position, name, side"_s
                                     : u"partnership_id, position, name"_s;
    SqliteStatement insert(db, u"INSERT INTO %1(%2) VALUES (?, ?, ?%3)"_s.arg(
                                   table, columns, bindSide ? u", ?"_s : QString()));
    SqliteStatement update(db, u"UPDATE %1 SET (%2) = (?, ?, ?%3) WHERE id = ?%4"_s.arg(
                                   table, columns, bindSide ? u", ?"_s : QString(),
                                   bindSide ? u"5"_s : u"4"_s));
    for (qsizetype i = 0; i < items.size(); ++i) {
        SqliteStatement &write = taken[i] ? update : insert;
        write.reset();
        write.bindInt(1, partnership);
        write.bindInt(2, i);
        write.bindText(3, items[i].name.trimmed());
        if (bindSide)
            bindSide(write, items[i]);
        if (taken[i])
            write.bindInt(bindSide ? 5 : 4, taken[i]);
        if (!write.exec())
            return false;
        items[i].id = taken[i] ? taken[i] : db.lastInsertId();
    }
    SqliteStatement remove(db, u"DELETE FROM %1 WHERE id = ?"_s.arg(table));
    for (const auto &row : std::as_const(rows)) {
        remove.reset();
        remove.bindInt(1, row.first);
        if (row.first && !remove.exec())
            return false;
    }
    return true;
}

// Writes the grid's cells in place of those there are: changed roles updated, new ones
// added, emptied ones removed.
bool syncCells(SqliteDatabase &db, qint64 partnership, const RaciGrid &grid)
{
    QHash<std::pair<qint64, qint64>, QString> there;
    {
        SqliteStatement query(db, u"SELECT c.activity_id, c.party_id, c.role FROM raci_cells c "
                                  u"JOIN raci_activities a ON a.id = c.activity_id "
                                  u"WHERE a.partnership_id = ?"_s);
        query.bindInt(1, partnership);
        while (query.step())
            there.insert({query.integer(0), query.integer(1)}, query.text(2));
    }
    SqliteStatement upsert(db, u"INSERT INTO raci_cells(activity_id, party_id, role) "
                               u"VALUES (?1, ?2, ?3) ON CONFLICT(activity_id, party_id) "
                               u"DO UPDATE SET role = excluded.role"_s);
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        for (qsizetype p = 0; p < grid.parties.size(); ++p) {
            const RaciRole role = grid.cell(a, p);
            const std::pair key{grid.activities[a].id, grid.parties[p].id};
            if (role == RaciRole::None) // a cell there is removed below
                continue;
            if (there.take(key) == raciRoleText(role))
                continue;
            upsert.reset();
            upsert.bindInt(1, key.first);
            upsert.bindInt(2, key.second);
            upsert.bindText(3, raciRoleText(role));
            if (!upsert.exec())
                return false;
        }
    }
    SqliteStatement remove(db, u"DELETE FROM raci_cells WHERE activity_id = ? AND party_id = ?"_s);
    for (auto it = there.cbegin(); it != there.cend(); ++it) {
        remove.reset();
        remove.bindInt(1, it.key().first);
        remove.bindInt(2, it.key().second);
        if (!remove.exec())
            return false;
    }
    return true;
}

} // namespace

bool Workbook::hasRaciGrid(qint64 candidateId) const
{
    SqliteStatement query(*m_db, u"SELECT 1 FROM raci_activities a JOIN partnerships p "
                                 u"ON p.id = a.partnership_id WHERE p.candidate_id = ? "
                                 u"UNION ALL SELECT 1 FROM raci_parties r JOIN partnerships p "
                                 u"ON p.id = r.partnership_id WHERE p.candidate_id = ? LIMIT 1"_s);
    query.bindInt(1, candidateId);
    query.bindInt(2, candidateId);
    return query.step();
}

QList<qint64> Workbook::candidatesWithRaciGrid() const
{
    QList<qint64> ids;
    SqliteStatement query(*m_db, u"SELECT DISTINCT p.candidate_id FROM partnerships p WHERE "
                                 u"EXISTS (SELECT 1 FROM raci_activities a WHERE "
                                 u"a.partnership_id = p.id) OR EXISTS (SELECT 1 FROM "
                                 u"raci_parties r WHERE r.partnership_id = p.id) "
                                 u"ORDER BY p.candidate_id"_s);
    while (query.step())
        ids.append(query.integer(0));
    return ids;
}

qsizetype Workbook::activePartnershipCount() const
{
    return m_db->scalar(u"SELECT count(*) FROM candidates WHERE stage IN ('pilot', 'scaled')"_s)
        .toLongLong();
}

QList<qint64> Workbook::candidatesWithPartnership() const
{
    QList<qint64> ids;
    SqliteStatement query(*m_db, u"SELECT candidate_id FROM partnerships ORDER BY candidate_id"_s);
    while (query.step())
        ids.append(query.integer(0));
    return ids;
}

std::optional<qint64> Workbook::candidateIdByName(const QString &name) const
{
    SqliteStatement query(*m_db, u"SELECT id FROM candidates WHERE name_key = ?"_s);
    query.bindText(1, nameKey(name));
    if (query.step())
        return query.integer(0);
    return std::nullopt;
}

RaciGrid Workbook::raciGrid(qint64 candidateId) const
{
    RaciGrid grid;
    const auto partnership = partnershipOf(*m_db, candidateId);
    if (!partnership)
        return grid;
    const QHash<qint64, int> column = readInOrder(
        *m_db,
        u"SELECT id, name, side FROM raci_parties WHERE partnership_id = ? "
        u"ORDER BY position, id"_s,
        *partnership, grid.parties, [](const SqliteStatement &party) {
            return RaciParty{party.integer(0), party.text(1),
                             party.text(2) == u"partner" ? RaciSide::Partner : RaciSide::Ours};
        });
    const QHash<qint64, int> row = readInOrder(
        *m_db,
        u"SELECT id, name FROM raci_activities WHERE partnership_id = ? ORDER BY position, id"_s,
        *partnership, grid.activities, [](const SqliteStatement &activity) {
            return RaciActivity{activity.integer(0), activity.text(1)};
        });
    grid.normalise();
    SqliteStatement cells(*m_db, u"SELECT c.activity_id, c.party_id, c.role FROM raci_cells c "
                                 u"JOIN raci_activities a ON a.id = c.activity_id "
                                 u"WHERE a.partnership_id = ?"_s);
    cells.bindInt(1, *partnership);
    while (cells.step()) {
        const int r = row.value(cells.integer(0), -1);
        const int c = column.value(cells.integer(1), -1);
        if (r >= 0 && c >= 0)
            grid.cells[r][c] = raciRoleFromText(cells.text(2)).value_or(RaciRole::None);
    }
    return grid;
}

StoreError Workbook::replaceRaciGrid(qint64 candidateId, RaciGrid &grid)
{
    if (StoreError error = checkWritable(); error)
        return error;
    grid.normalise();
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive())
        return sqliteError(tr("Saving the RACI grid"));
    const auto ensured = ensurePartnership(*m_db, candidateId);
    if (!ensured)
        return sqliteError(tr("Creating the partnership"));
    const qint64 partnership = *ensured;
    const bool ok =
        syncInOrder(*m_db, u"raci_parties"_s, partnership, grid.parties,
                    [](SqliteStatement &write, const RaciParty &party) {
                        write.bindText(4, party.side == RaciSide::Partner ? u"partner"_s
                                                                          : u"ours"_s);
                    }) &&
        syncInOrder(*m_db, u"raci_activities"_s, partnership, grid.activities, nullptr) &&
        syncCells(*m_db, partnership, grid);
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the RACI grid"));
    emit m_notifier->changed({Change::Entity::Raci, Change::Kind::Updated, {candidateId}, {}});
    return {};
}

} // namespace pb::store
