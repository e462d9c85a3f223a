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

// Inserts the parties or the activities of a grid in their order: each row gets the
// partnership, its position and its name, then the columns bindMore binds; each item gets
// the id SQLite chose, which the cells refer to.
template<typename Item>
bool insertInOrder(SqliteDatabase &db, const QString &sql, qint64 partnership, QList<Item> &items,
                   std::type_identity_t<void (*)(SqliteStatement &, const Item &)> bindMore)
{
    SqliteStatement insert(db, sql);
    for (qsizetype i = 0; i < items.size(); ++i) {
        insert.reset();
        insert.bindInt(1, partnership);
        insert.bindInt(2, i);
        insert.bindText(3, items[i].name.trimmed());
        if (bindMore)
            bindMore(insert, items[i]);
        if (!insert.exec())
            return false;
        items[i].id = db.lastInsertId();
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
    bool ok = true;
    for (const QString &table : {u"raci_activities"_s, u"raci_parties"_s}) {
        if (!ok)
            break;
        SqliteStatement clear(*m_db, u"DELETE FROM %1 WHERE partnership_id = ?"_s.arg(table));
        clear.bindInt(1, partnership);
        ok = clear.exec();
    }
    ok = ok && insertInOrder(*m_db,
                             u"INSERT INTO raci_parties(partnership_id, position, name, side) "
                             u"VALUES (?, ?, ?, ?)"_s,
                             partnership, grid.parties,
                             [](SqliteStatement &insert, const RaciParty &party) {
                                 insert.bindText(4, party.side == RaciSide::Partner ? u"partner"_s
                                                                                    : u"ours"_s);
                             });
    ok = ok && insertInOrder(*m_db,
                             u"INSERT INTO raci_activities(partnership_id, position, name) "
                             u"VALUES (?, ?, ?)"_s,
                             partnership, grid.activities, nullptr);
    SqliteStatement cell(*m_db, u"INSERT INTO raci_cells(activity_id, party_id, role) "
                                u"VALUES (?, ?, ?)"_s);
    for (qsizetype a = 0; ok && a < grid.activities.size(); ++a) {
        for (qsizetype p = 0; ok && p < grid.parties.size(); ++p) {
            const RaciRole role = grid.cell(a, p);
            if (role == RaciRole::None)
                continue;
            cell.reset();
            cell.bindInt(1, grid.activities[a].id);
            cell.bindInt(2, grid.parties[p].id);
            cell.bindText(3, raciRoleText(role));
            ok = cell.exec();
        }
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the RACI grid"));
    emit m_notifier->changed({Change::Entity::Raci, Change::Kind::Updated, {candidateId}, {}});
    return {};
}

} // namespace pb::store
