// Workbook: adding and reading candidates, and counting the records.
#include "CandidateBinding.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

std::array<Readiness, kReadinessItems> readinessFromText(const QString &text)
{
    std::array<Readiness, kReadinessItems> items{};
    for (int i = 0; i < kReadinessItems && i < text.size(); ++i)
        items[i] = text[i] == u'Y'   ? Readiness::Yes
                   : text[i] == u'N' ? Readiness::No
                                     : Readiness::Unknown;
    return items;
}

// A stage or structure as stored: one this version does not know is kept as text (see
// Candidate::unknownStage), never read as "sourced" or "not named".
void readStage(Candidate &c, const QString &stored)
{
    const auto stage = stageFromId(stored);
    c.stage = stage.value_or(Stage::Sourced);
    c.unknownStage = stage ? QString() : stored;
}

void readStructure(Candidate &c, const QString &stored)
{
    const auto structure = structureFromId(stored);
    c.structure = structure.value_or(Structure::Unset);
    c.unknownStructure = structure ? QString() : stored;
}

std::optional<int> readOptionalInt(const SqliteStatement &query, int column)
{
    if (query.isNull(column))
        return std::nullopt;
    return int(query.integer(column));
}

} // namespace

StoreError Workbook::insertCandidates(QList<Candidate> &candidates)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement insert(*m_db, binding::insertSql(1));
    bool ok = transaction.isActive() && insert.isValid();
    QList<qint64> ids;
    for (qsizetype i = 0; ok && i < candidates.size(); ++i) {
        insert.reset();
        binding::bindCandidate(insert, candidates.at(i));
        ok = insert.exec();
        if (ok)
            ids.append(m_db->lastInsertId());
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Adding candidates"));
    for (qsizetype i = 0; i < candidates.size(); ++i)
        candidates[i].id = ids.at(i);
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Inserted, ids, {}});
    return {};
}

QList<Candidate> Workbook::candidates() const
{
    return readCandidates({});
}

QList<Candidate> Workbook::candidateSummaries() const
{
    QList<Candidate> result;
    SqliteStatement query(*m_db, u"SELECT id, name, structure, audience_overlap, "
                                 u"strategic_value, ease_of_integration, stage "
                                 u"FROM candidates ORDER BY id"_s);
    // Stored ids are written by us in canonical form: compare their bytes once per row
    // instead of building a QString.
    QByteArray structures[6];
    QByteArray stages[7];
    for (int s = 0; s < 6; ++s)
        structures[s] = structureId(Structure(s)).toLatin1();
    for (int s = 0; s < 7; ++s)
        stages[s] = stageId(Stage(s)).toLatin1();
    while (query.step()) {
        Candidate c;
        c.id = query.integer(0);
        c.name = query.text(1);
        const QByteArrayView structure = query.utf8(2);
        for (int s = 1; s < 6; ++s) {
            if (structure == structures[s])
                c.structure = Structure(s);
        }
        if (!structure.isEmpty() && c.structure == Structure::Unset)
            readStructure(c, query.text(2));
        c.audienceOverlap = readOptionalInt(query, 3);
        c.strategicValue = readOptionalInt(query, 4);
        c.easeOfIntegration = readOptionalInt(query, 5);
        const QByteArrayView stage = query.utf8(6);
        bool known = false;
        for (int s = 0; s < 7; ++s) {
            if (stage == stages[s]) {
                c.stage = Stage(s);
                known = true;
            }
        }
        if (!known)
            readStage(c, query.text(6));
        result.append(std::move(c));
    }
    attachRatings(result);
    return result;
}

QList<Candidate> Workbook::readCandidates(const QString &where) const
{
    QList<Candidate> result;
    SqliteStatement query(*m_db, uR"sql(
        SELECT id, name, website, structure, audience_overlap, strategic_value,
               ease_of_integration, stage, owner, revenue_theory, their_customer, shared_pain,
               champion, readiness, notes, %1
        FROM candidates )sql"_s.arg(binding::qualificationColumns()) +
                                     where + u" ORDER BY id"_s);
    while (query.step()) {
        Candidate c;
        c.id = query.integer(0);
        c.name = query.text(1);
        c.website = query.text(2);
        readStructure(c, query.text(3));
        c.audienceOverlap = readOptionalInt(query, 4);
        c.strategicValue = readOptionalInt(query, 5);
        c.easeOfIntegration = readOptionalInt(query, 6);
        readStage(c, query.text(7));
        c.owner = query.text(8);
        c.revenueTheory = query.text(9);
        c.theirCustomer = query.text(10);
        c.sharedPain = query.text(11);
        c.champion = query.text(12);
        c.readiness = readinessFromText(query.text(13));
        c.notes = query.text(14);
        binding::readQualification(query, 15, c);
        result.append(std::move(c));
    }
    attachRatings(result);
    return result;
}

QList<InvalidValue> Workbook::invalidCandidateValues() const
{
    QList<InvalidValue> found;
    SqliteStatement query(*m_db, u"SELECT id, name, stage, structure FROM candidates "
                                 u"WHERE trim(name) = '' OR stage NOT IN (%1) OR "
                                 u"structure NOT IN ('', %2) ORDER BY id"_s.arg(
                                     u"'sourced', 'qualified', 'proposed', 'pilot', 'scaled', "
                                     u"'paused', 'ended'"_s,
                                     u"'referral', 'reseller', 'integration', 'co-marketing', "
                                     u"'joint-venture'"_s));
    while (query.step()) {
        const QString name = query.text(1);
        const QString record = name.trimmed().isEmpty() ? u"#%1"_s.arg(query.integer(0)) : name;
        const auto add = [&](const QString &field, const QString &stored, const QString &why) {
            found.append({u"candidates"_s, record, field, stored, why});
        };
        if (name.trimmed().isEmpty())
            add(u"name"_s, name,
                tr("a candidate without a name; it is listed without one until "
                   "you name it"));
        if (!stageFromId(query.text(2)))
            add(u"stage"_s, query.text(2),
                tr("not a stage this version knows; it is shown and kept as it is until you "
                   "choose one"));
        if (!structureFromId(query.text(3)))
            add(u"structure"_s, query.text(3),
                tr("not a structure this version knows; it is shown and kept as it is until you "
                   "choose one"));
    }
    return found;
}

WorkbookCounts Workbook::counts() const
{
    WorkbookCounts counts;
    counts.candidates = m_db->scalar(u"SELECT count(*) FROM candidates"_s).toLongLong();
    counts.partnerships = m_db->scalar(u"SELECT count(*) FROM partnerships"_s).toLongLong();
    counts.kpis = m_db->scalar(u"SELECT count(*) FROM kpis"_s).toLongLong();
    return counts;
}

} // namespace pb::store
