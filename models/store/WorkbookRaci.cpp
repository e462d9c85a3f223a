// Workbook: RACI grids.
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

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
    QHash<qint64, int> column;
    SqliteStatement parties(*m_db, u"SELECT id, name, side FROM raci_parties "
                                   u"WHERE partnership_id = ? ORDER BY position, id"_s);
    parties.bindInt(1, *partnership);
    while (parties.step()) {
        column.insert(parties.integer(0), int(grid.parties.size()));
        grid.parties.append({parties.integer(0), parties.text(1),
                             parties.text(2) == u"partner" ? RaciSide::Partner : RaciSide::Ours});
    }
    QHash<qint64, int> row;
    SqliteStatement activities(*m_db, u"SELECT id, name FROM raci_activities "
                                      u"WHERE partnership_id = ? ORDER BY position, id"_s);
    activities.bindInt(1, *partnership);
    while (activities.step()) {
        row.insert(activities.integer(0), int(grid.activities.size()));
        grid.activities.append({activities.integer(0), activities.text(1)});
    }
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
    SqliteStatement party(*m_db, u"INSERT INTO raci_parties(partnership_id, position, name, side) "
                                 u"VALUES (?, ?, ?, ?)"_s);
    for (qsizetype i = 0; ok && i < grid.parties.size(); ++i) {
        party.reset();
        party.bindInt(1, partnership);
        party.bindInt(2, i);
        party.bindText(3, grid.parties[i].name.trimmed());
        party.bindText(4, grid.parties[i].side == RaciSide::Partner ? u"partner"_s : u"ours"_s);
        ok = party.exec();
        grid.parties[i].id = m_db->lastInsertId();
    }
    SqliteStatement activity(*m_db, u"INSERT INTO raci_activities(partnership_id, position, name) "
                                    u"VALUES (?, ?, ?)"_s);
    for (qsizetype i = 0; ok && i < grid.activities.size(); ++i) {
        activity.reset();
        activity.bindInt(1, partnership);
        activity.bindInt(2, i);
        activity.bindText(3, grid.activities[i].name.trimmed());
        ok = activity.exec();
        grid.activities[i].id = m_db->lastInsertId();
    }
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
