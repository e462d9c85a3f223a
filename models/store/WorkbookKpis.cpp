// Workbook: partnerships and their KPI tracker (definitions, values per period, pilot,
// reviews).
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {
void readKpis(SqliteDatabase &db, qint64 partnership, PartnershipKpis &result)
{
    QHash<qint64, qsizetype> index;
    SqliteStatement kpis(db, u"SELECT id, name, unit, direction, target, baseline, metric "
                             u"FROM kpis WHERE partnership_id = ? ORDER BY position, id"_s);
    kpis.bindInt(1, partnership);
    while (kpis.step()) {
        KpiSeries series;
        KpiDefinition &kpi = series.definition;
        kpi.id = kpis.integer(0);
        kpi.name = kpis.text(1);
        kpi.unit = kpiUnitFromId(kpis.text(2)).value_or(KpiUnit::Count);
        kpi.direction = kpiDirectionFromId(kpis.text(3)).value_or(KpiDirection::HigherIsBetter);
        if (!kpis.isNull(4))
            kpi.target = kpis.real(4);
        if (!kpis.isNull(5))
            kpi.baseline = kpis.real(5);
        kpi.metric = kpiMetricFromId(kpis.text(6)).value_or(KpiMetric::Custom);
        index.insert(kpi.id, result.kpis.size());
        result.kpis.append(std::move(series));
    }
    // The primary key orders each KPI's values by period text, which is chronological for
    // YYYY-MM and YYYY-MM-DD alike.
    SqliteStatement values(db, u"SELECT v.kpi_id, v.period, v.value FROM kpi_values v "
                               u"JOIN kpis k ON k.id = v.kpi_id WHERE k.partnership_id = ? "
                               u"ORDER BY v.kpi_id, v.period"_s);
    values.bindInt(1, partnership);
    while (values.step()) {
        const qsizetype at = index.value(values.integer(0), -1);
        const auto period = KpiPeriod::parse(values.text(1));
        if (at >= 0 && period)
            result.kpis[at].values.append({*period, values.real(2)});
    }
    SqliteStatement reviews(db, u"SELECT id, review_date, decision, note, worked, did_not_work, "
                                u"to_change FROM reviews "
                                u"WHERE partnership_id = ? ORDER BY review_date, id"_s);
    reviews.bindInt(1, partnership);
    while (reviews.step()) {
        Review review;
        review.id = reviews.integer(0);
        review.date = QDate::fromString(reviews.text(1), Qt::ISODate);
        review.decision = reviewDecisionFromId(reviews.text(2)).value_or(ReviewDecision::Continue);
        review.note = reviews.text(3);
        review.worked = reviews.text(4);
        review.didNotWork = reviews.text(5);
        review.toChange = reviews.text(6);
        result.reviews.append(review);
    }
}

// The columns name, unit, direction, target, baseline and metric, from column first on.
void bindDefinition(SqliteStatement &insert, int first, const KpiDefinition &kpi)
{
    insert.bindText(first, kpi.name);
    insert.bindText(first + 1, kpiUnitId(kpi.unit));
    insert.bindText(first + 2, kpiDirectionId(kpi.direction));
    insert.bind(first + 3, kpi.target ? QVariant(*kpi.target) : QVariant());
    insert.bind(first + 4, kpi.baseline ? QVariant(*kpi.baseline) : QVariant());
    insert.bindText(first + 5, kpiMetricId(kpi.metric));
}

QString validateSeries(const QList<KpiSeries> &kpis)
{
    QSet<QString> names;
    for (const KpiSeries &series : kpis) {
        const QString name = series.definition.name.trimmed();
        if (name.isEmpty())
            return Workbook::tr("A KPI needs a name.");
        if (names.contains(name.toCaseFolded()))
            return Workbook::tr("There are two KPIs named \"%1\"; KPI names must differ.")
                .arg(name);
        names.insert(name.toCaseFolded());
        for (const KpiValue &value : series.values) {
            if (!value.period.isValid() || !std::isfinite(value.value))
                return Workbook::tr("KPI \"%1\" has a value that is not a number.").arg(name);
        }
    }
    return {};
}
// Writes one KPI's values in place of those it has: changed ones updated, new ones added,
// the others removed (so the history records only what changed).
bool syncValues(SqliteDatabase &db, qint64 kpiId, const QList<KpiValue> &values)
{
    QHash<QString, double> there;
    {
        SqliteStatement query(db, u"SELECT period, value FROM kpi_values WHERE kpi_id = ?"_s);
        query.bindInt(1, kpiId);
        while (query.step())
            there.insert(query.text(0), query.real(1));
    }
    SqliteStatement upsert(db, u"INSERT INTO kpi_values(kpi_id, period, value) VALUES (?, ?, ?) "
                               u"ON CONFLICT(kpi_id, period) DO UPDATE SET value = excluded.value"_s);
    for (const KpiValue &value : values) {
        const QString period = value.period.toString();
        const auto it = there.constFind(period);
        const bool same = it != there.cend() && *it == value.value;
        there.remove(period);
        if (same)
            continue;
        upsert.reset();
        upsert.bindInt(1, kpiId);
        upsert.bindText(2, period);
        upsert.bindDouble(3, value.value);
        if (!upsert.exec())
            return false;
    }
    SqliteStatement remove(db, u"DELETE FROM kpi_values WHERE kpi_id = ? AND period = ?"_s);
    for (auto it = there.cbegin(); it != there.cend(); ++it) {
        remove.reset();
        remove.bindInt(1, kpiId);
        remove.bindText(2, it.key());
        if (!remove.exec())
            return false;
    }
    return true;
}

// Writes a partnership's KPIs in place of those it has, by id: a KPI kept is updated (it keeps
// its lasting id, and the history records what changed in it), a new one added (with its old
// id when an undo puts it back), the others removed with their values. Each KPI gets its id.
bool syncKpis(SqliteDatabase &db, qint64 partnership, QList<KpiSeries> &kpis)
{
    QSet<qint64> there;
    {
        SqliteStatement query(db, u"SELECT id FROM kpis WHERE partnership_id = ?"_s);
        query.bindInt(1, partnership);
        while (query.step())
            there.insert(query.integer(0));
    }
    const QString columns = u"partnership_id, position, name, unit, direction, target, baseline, "
                            u"metric, id"_s;
    SqliteStatement insert(db, u"INSERT INTO kpis(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                                   columns));
    SqliteStatement update(db, u"UPDATE kpis SET (%1) = (?, ?, ?, ?, ?, ?, ?, ?, ?9) "
                               u"WHERE id = ?9"_s.arg(columns));
    for (qsizetype i = 0; i < kpis.size(); ++i) {
        KpiDefinition &kpi = kpis[i].definition;
        kpi.name = kpi.name.trimmed();
        const bool kept = kpi.id > 0 && there.remove(kpi.id);
        SqliteStatement &write = kept ? update : insert;
        write.reset();
        write.bindInt(1, partnership);
        write.bindInt(2, i);
        bindDefinition(write, 3, kpi);
        write.bind(9, kpi.id > 0 ? QVariant(kpi.id) : QVariant());
        if (!write.exec())
            return false;
        if (!kept)
            kpi.id = db.lastInsertId();
        if (!syncValues(db, kpi.id, kpis[i].values))
            return false;
    }
    SqliteStatement remove(db, u"DELETE FROM kpis WHERE id = ?"_s);
    for (qint64 id : std::as_const(there)) {
        remove.reset();
        remove.bindInt(1, id);
        if (!remove.exec())
            return false;
    }
    return true;
}

} // namespace

PartnershipKpis Workbook::partnershipKpis(qint64 candidateId) const
{
    PartnershipKpis result;
    SqliteStatement query(*m_db, u"SELECT p.id, p.pilot_start, p.pilot_days, c.name, c.stage "
                                 u"FROM partnerships p JOIN candidates c ON c.id = "
                                 u"p.candidate_id WHERE p.candidate_id = ?"_s);
    query.bindInt(1, candidateId);
    if (!query.step()) {
        if (const auto c = candidate(candidateId)) {
            result.partner = c->name;
            result.stage = c->stage;
        }
        return result;
    }
    const qint64 partnership = query.integer(0);
    if (!query.isNull(1))
        result.pilot.start = QDate::fromString(query.text(1), Qt::ISODate);
    result.pilot.days = int(query.integer(2));
    result.partner = query.text(3);
    // A stage this version does not know counts as no running partnership.
    result.stage = stageFromId(query.text(4)).value_or(Stage::Sourced);
    readKpis(*m_db, partnership, result);
    return result;
}

QList<PartnershipKpis> Workbook::allPartnershipKpis() const
{
    QList<PartnershipKpis> all;
    for (qint64 candidateId : candidatesWithPartnership())
        all.append(partnershipKpis(candidateId));
    return all;
}

StoreError Workbook::addPartnership(qint64 candidateId, const QDate &pilotStart, int pilotDays,
                                    QList<KpiDefinition> &kpis, qint64 *partnershipId)
{
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
    SqliteStatement insertKpi(
        *m_db, u"INSERT INTO kpis(partnership_id, position, name, unit, "
               u"direction, target, baseline, metric) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    ok = ok && insertKpi.isValid();
    for (qsizetype i = 0; ok && i < kpis.size(); ++i) {
        insertKpi.reset();
        insertKpi.bindInt(1, id);
        insertKpi.bindInt(2, i);
        bindDefinition(insertKpi, 3, kpis.at(i));
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

StoreError Workbook::replaceKpis(qint64 candidateId, QList<KpiSeries> &kpis)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (const QString why = validateSeries(kpis); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive())
        return sqliteError(tr("Saving the KPIs"));
    const auto partnership = ensurePartnership(*m_db, candidateId);
    const bool ok = partnership && syncKpis(*m_db, *partnership, kpis);
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the KPIs"));
    emit m_notifier->changed({Change::Entity::Kpi, Change::Kind::Reset, {candidateId}, {}});
    return {};
}

StoreError Workbook::setKpiValues(qint64 candidateId, const QList<KpiValueEdit> &edits)
{
    if (StoreError error = checkWritable(); error)
        return error;
    const auto partnership = partnershipOf(*m_db, candidateId);
    if (!partnership)
        return StoreError::make(Code::NotFound, tr("This candidate has no partnership yet."));
    for (const KpiValueEdit &edit : edits) {
        if (!edit.period.isValid() || (edit.value && !std::isfinite(*edit.value)))
            return StoreError::make(Code::InvalidValue, tr("A KPI value must be a number."));
    }
    SqliteTransaction transaction(*m_db);
    SqliteStatement owner(*m_db, u"SELECT 1 FROM kpis WHERE id = ? AND partnership_id = ?"_s);
    SqliteStatement upsert(*m_db,
                           u"INSERT INTO kpi_values(kpi_id, period, value) VALUES (?, ?, ?) "
                           u"ON CONFLICT(kpi_id, period) DO UPDATE SET value = excluded.value"_s);
    SqliteStatement remove(*m_db, u"DELETE FROM kpi_values WHERE kpi_id = ? AND period = ?"_s);
    bool ok = transaction.isActive();
    for (const KpiValueEdit &edit : edits) {
        if (!ok)
            break;
        owner.reset();
        owner.bindInt(1, edit.kpiId);
        owner.bindInt(2, *partnership);
        if (!owner.step()) {
            return StoreError::make(Code::NotFound,
                                    tr("The KPI was removed; the value was not saved."));
        }
        SqliteStatement &statement = edit.value ? upsert : remove;
        statement.reset();
        statement.bindInt(1, edit.kpiId);
        statement.bindText(2, edit.period.toString());
        if (edit.value)
            statement.bindDouble(3, *edit.value);
        ok = statement.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving KPI values"));
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"values"_s}});
    return {};
}

StoreError Workbook::setPilot(qint64 candidateId, const Pilot &pilot)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (pilot.days <= 0 || pilot.days > 3650)
        return StoreError::make(Code::InvalidValue,
                                tr("The pilot length must be between 1 and 3650 days."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    SqliteStatement update(
        *m_db, u"UPDATE partnerships SET pilot_start = ?, pilot_days = ? WHERE id = ?"_s);
    bool ok = partnership.has_value();
    if (ok) {
        update.bind(1, pilot.start.isValid() ? QVariant(pilot.start.toString(Qt::ISODate))
                                             : QVariant());
        update.bindInt(2, pilot.days);
        update.bindInt(3, *partnership);
        ok = update.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the pilot"));
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"pilot"_s}});
    return {};
}

StoreError Workbook::addReview(qint64 candidateId, Review &review)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (!review.date.isValid())
        return StoreError::make(Code::InvalidValue, tr("A review needs a date."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    SqliteStatement insert(*m_db, u"INSERT INTO reviews(id, partnership_id, review_date, "
                                  u"decision, note, worked, did_not_work, to_change) "
                                  u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    bool ok = partnership.has_value();
    if (ok) {
        if (review.id > 0)
            insert.bindInt(1, review.id);
        else
            insert.bindNull(1);
        insert.bindInt(2, *partnership);
        insert.bindText(3, review.date.toString(Qt::ISODate));
        insert.bindText(4, reviewDecisionId(review.decision));
        insert.bindText(5, review.note);
        insert.bindText(6, review.worked);
        insert.bindText(7, review.didNotWork);
        insert.bindText(8, review.toChange);
        ok = insert.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Recording the review"));
    review.id = m_db->lastInsertId();
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"reviews"_s}});
    return {};
}

StoreError Workbook::removeReview(qint64 candidateId, qint64 reviewId)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteStatement remove(*m_db, u"DELETE FROM reviews WHERE id = ? AND partnership_id = "
                                  u"(SELECT id FROM partnerships WHERE candidate_id = ?)"_s);
    remove.bindInt(1, reviewId);
    remove.bindInt(2, candidateId);
    if (!remove.exec())
        return sqliteError(tr("Removing the review"));
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"reviews"_s}});
    return {};
}

} // namespace pb::store
