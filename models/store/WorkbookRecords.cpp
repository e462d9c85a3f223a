// Workbook: reading and writing candidates, partnerships and KPIs.
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

QString readinessText(const std::array<Readiness, kReadinessItems> &items) {
    QString text;
    for (Readiness item : items)
        text += item == Readiness::Yes ? u'Y' : item == Readiness::No ? u'N' : u'?';
    return text;
}

std::array<Readiness, kReadinessItems> readinessFromText(const QString &text) {
    std::array<Readiness, kReadinessItems> items{};
    for (int i = 0; i < kReadinessItems && i < text.size(); ++i)
        items[i] = text[i] == u'Y'   ? Readiness::Yes
                   : text[i] == u'N' ? Readiness::No
                                     : Readiness::Unknown;
    return items;
}

QVariant optionalInt(const std::optional<int> &value) {
    return value ? QVariant(*value) : QVariant();
}

std::optional<int> readOptionalInt(const SqliteStatement &query, int column) {
    if (query.isNull(column))
        return std::nullopt;
    return int(query.integer(column));
}

} // namespace

StoreError Workbook::insertCandidates(QList<Candidate> &candidates) {
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteTransaction transaction(*m_db);
    SqliteStatement insert(*m_db, uR"sql(
        INSERT INTO candidates(name, name_key, website, structure, audience_overlap,
            strategic_value, ease_of_integration, stage, owner, revenue_theory, their_customer,
            shared_pain, champion, readiness, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql"_s);
    bool ok = transaction.isActive() && insert.isValid();
    QList<qint64> ids;
    for (qsizetype i = 0; ok && i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        insert.reset();
        insert.bindText(1, c.name.trimmed());
        insert.bindText(2, nameKey(c.name));
        insert.bindText(3, c.website);
        insert.bindText(4, structureId(c.structure));
        insert.bind(5, optionalInt(c.audienceOverlap));
        insert.bind(6, optionalInt(c.strategicValue));
        insert.bind(7, optionalInt(c.easeOfIntegration));
        insert.bindText(8, stageId(c.stage));
        insert.bindText(9, c.owner);
        insert.bindText(10, c.revenueTheory);
        insert.bindText(11, c.theirCustomer);
        insert.bindText(12, c.sharedPain);
        insert.bindText(13, c.champion);
        insert.bindText(14, readinessText(c.readiness));
        insert.bindText(15, c.notes);
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

QList<Candidate> Workbook::candidates() const {
    return readCandidates({});
}

QList<Candidate> Workbook::readCandidates(const QString &where) const {
    QList<Candidate> result;
    SqliteStatement query(*m_db, uR"sql(
        SELECT id, name, website, structure, audience_overlap, strategic_value,
               ease_of_integration, stage, owner, revenue_theory, their_customer, shared_pain,
               champion, readiness, notes
        FROM candidates )sql"_s + where +
                                     u" ORDER BY id"_s);
    while (query.step()) {
        Candidate c;
        c.id = query.integer(0);
        c.name = query.text(1);
        c.website = query.text(2);
        c.structure = structureFromId(query.text(3)).value_or(Structure::Unset);
        c.audienceOverlap = readOptionalInt(query, 4);
        c.strategicValue = readOptionalInt(query, 5);
        c.easeOfIntegration = readOptionalInt(query, 6);
        c.stage = stageFromId(query.text(7)).value_or(Stage::Sourced);
        c.owner = query.text(8);
        c.revenueTheory = query.text(9);
        c.theirCustomer = query.text(10);
        c.sharedPain = query.text(11);
        c.champion = query.text(12);
        c.readiness = readinessFromText(query.text(13));
        c.notes = query.text(14);
        result.append(c);
    }
    return result;
}

StoreError Workbook::addPartnership(qint64 candidateId, const QDate &pilotStart, int pilotDays,
                                    QList<KpiDefinition> &kpis, qint64 *partnershipId) {
    if (StoreError error = checkWritable(); error)
        return error;
    if (pilotDays <= 0)
        return StoreError::make(Code::InvalidValue,
                                tr("The pilot length must be at least one day."));
    SqliteTransaction transaction(*m_db);
    SqliteStatement insert(*m_db, u"INSERT INTO partnerships(candidate_id, pilot_start, "
                                  u"pilot_days) VALUES (?, ?, ?)"_s);
    bool ok = transaction.isActive() && insert.isValid();
    if (ok) {
        insert.bindInt(1, candidateId);
        insert.bind(2,
                    pilotStart.isValid() ? QVariant(pilotStart.toString(Qt::ISODate)) : QVariant());
        insert.bindInt(3, pilotDays);
        ok = insert.exec();
    }
    const qint64 id = ok ? m_db->lastInsertId() : 0;
    SqliteStatement insertKpi(*m_db,
                              u"INSERT INTO kpis(partnership_id, position, name, unit, "
                              u"direction, target, baseline) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    ok = ok && insertKpi.isValid();
    for (qsizetype i = 0; ok && i < kpis.size(); ++i) {
        const KpiDefinition &kpi = kpis.at(i);
        insertKpi.reset();
        insertKpi.bindInt(1, id);
        insertKpi.bindInt(2, i);
        insertKpi.bindText(3, kpi.name);
        insertKpi.bindText(4, kpiUnitId(kpi.unit));
        insertKpi.bindText(5, kpiDirectionId(kpi.direction));
        insertKpi.bind(6, kpi.target ? QVariant(*kpi.target) : QVariant());
        insertKpi.bind(7, kpi.baseline ? QVariant(*kpi.baseline) : QVariant());
        ok = insertKpi.exec();
        if (ok)
            kpis[i].id = m_db->lastInsertId();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Adding a partnership"));
    if (partnershipId)
        *partnershipId = id;
    emit m_notifier->changed({Change::Entity::Partnership, Change::Kind::Inserted, {id}, {}});
    return {};
}

WorkbookCounts Workbook::counts() const {
    WorkbookCounts counts;
    counts.candidates = m_db->scalar(u"SELECT count(*) FROM candidates"_s).toLongLong();
    counts.partnerships = m_db->scalar(u"SELECT count(*) FROM partnerships"_s).toLongLong();
    counts.kpis = m_db->scalar(u"SELECT count(*) FROM kpis"_s).toLongLong();
    return counts;
}

} // namespace pb::store
