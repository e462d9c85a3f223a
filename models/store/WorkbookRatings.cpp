// Workbook: several raters' scores of the candidates (schema step 12, issue 17).
#include "SqliteDatabase.h"
#include "Workbook.h"
#include "domain/Ratings.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::store {

namespace {

std::optional<int> optionalInt(const SqliteStatement &query, int column)
{
    if (query.isNull(column))
        return std::nullopt;
    return int(query.integer(column));
}

void bindScore(SqliteStatement &statement, int index, std::optional<int> score)
{
    if (score)
        statement.bindInt(index, *score);
    else
        statement.bindNull(index);
}

const QString kUpsert =
    u"INSERT INTO ratings(candidate_id, rater, audience_overlap, strategic_value, "
    u"ease_of_integration) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(candidate_id, rater) DO "
    u"UPDATE SET audience_overlap = ?3, strategic_value = ?4, ease_of_integration = ?5"_s;

bool hasScore(const Rating &rating)
{
    return std::any_of(ScoringDimensions::all.begin(), ScoringDimensions::all.end(),
                       [&](Dimension d) { return Ratings::score(rating, d).has_value(); });
}

// A candidate's ratings as CandidateImporter keeps them: [[rater, audience, strategic, ease]].
QList<Rating> ratingsFromJson(const QString &text)
{
    QList<Rating> ratings;
    const auto score = [](const QJsonValue &v) {
        return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    for (const QJsonValue &row : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonArray r = row.toArray();
        ratings.append({r.at(0).toString(), score(r.at(1)), score(r.at(2)), score(r.at(3))});
    }
    return ratings;
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

bool Workbook::putBackImportRatings(qint64 importId, bool before)
{
    QList<Candidate> candidates;
    {
        SqliteStatement kept(*m_db, u"SELECT k.candidate_id, k.%1 FROM temp.import_ratings k "
                                    u"JOIN candidates c ON c.id = k.candidate_id "
                                    u"WHERE k.import_id = ?"_s.arg(before ? u"before" : u"after"));
        kept.bindInt(1, importId);
        while (kept.step()) {
            Candidate c;
            c.id = kept.integer(0);
            c.ratings = ratingsFromJson(kept.text(1));
            candidates.append(c);
        }
    }
    return candidates.isEmpty() || writeRatings(candidates);
}

QString Workbook::firstRater() const
{
    if (const QString named = setting(SettingKey::FirstRater).toString().trimmed(); !named.isEmpty())
        return named;
    // The workbook's first author (the sample's filler aside): the same in every copy made
    // after it, so that each colleague's scores in their copy are theirs beside the
    // creator's, and merging them conflicts over nothing.
    if (schemaVersion() >= 11) {
        SqliteStatement creator(*m_db, u"SELECT author FROM history_steps WHERE author <> ? "
                                       u"AND trim(author) <> '' ORDER BY seq LIMIT 1"_s);
        creator.bindText(1, sampleAuthor());
        if (creator.step())
            return creator.text(0).trimmed();
    }
    return author();
}

void Workbook::attachRatings(QList<Candidate> &candidates) const
{
    if (candidates.isEmpty() || !m_db->scalar(u"SELECT EXISTS (SELECT 1 FROM ratings)"_s).toBool())
        return;
    // A few candidates (an edit, the detail pane) read their own ratings by key; a list
    // reads the table once.
    const bool few = candidates.size() <= 64;
    QStringList ids;
    for (qsizetype i = 0; few && i < candidates.size(); ++i)
        ids << QString::number(candidates.at(i).id);
    SqliteStatement query(*m_db, u"SELECT candidate_id, rater, audience_overlap, "
                                 u"strategic_value, ease_of_integration FROM ratings %1"
                                 u"ORDER BY candidate_id, rater"_s.arg(
                                     few ? u"WHERE candidate_id IN (%1) "_s.arg(ids.join(u','))
                                         : QString()));
    const auto byId = [](const Candidate &c, qint64 id) { return c.id < id; };
    while (query.step()) {
        const qint64 id = query.integer(0);
        const auto it = std::lower_bound(candidates.begin(), candidates.end(), id, byId);
        if (it == candidates.end() || it->id != id)
            continue;
        it->ratings.append({query.text(1), optionalInt(query, 2), optionalInt(query, 3),
                            optionalInt(query, 4)});
    }
}

bool Workbook::writeRatings(const QList<Candidate> &candidates)
{
    const bool anyGiven = std::any_of(candidates.begin(), candidates.end(),
                                      [](const Candidate &c) { return !c.ratings.isEmpty(); });
    if (!anyGiven && !m_db->scalar(u"SELECT EXISTS (SELECT 1 FROM ratings)"_s).toBool())
        return true;
    SqliteStatement stale(*m_db, u"DELETE FROM ratings WHERE candidate_id = ?1 AND "
                                 u"rater NOT IN (SELECT value FROM json_each(?2))"_s);
    SqliteStatement upsert(*m_db, kUpsert);
    bool ok = stale.isValid() && upsert.isValid();
    for (qsizetype i = 0; ok && i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        QJsonArray raters;
        for (const Rating &rating : c.ratings) {
            raters.append(rating.rater);
            upsert.reset();
            upsert.bindInt(1, c.id);
            upsert.bindText(2, rating.rater);
            bindScore(upsert, 3, rating.audienceOverlap);
            bindScore(upsert, 4, rating.strategicValue);
            bindScore(upsert, 5, rating.easeOfIntegration);
            ok = ok && upsert.exec();
        }
        stale.reset();
        stale.bindInt(1, c.id);
        stale.bindText(2, compact(raters));
        ok = ok && stale.exec();
    }
    return ok;
}

StoreError Workbook::setRatingScore(qint64 candidateId, const QString &rater, Dimension dimension,
                                    const QVariant &value)
{
    const CandidateField field = ScoringDimensions::field(dimension);
    if (rater.trimmed().isEmpty() || Ratings::sameRater(rater, firstRater()))
        return setCandidateField(candidateId, field, value);
    QVariant checked = value;
    std::optional<Candidate> current;
    if (StoreError error = prepareFieldEdit(candidateId, field, checked, current))
        return error;
    const auto same = [&](const Rating &r) { return Ratings::sameRater(r.rater, rater); };
    auto it = std::find_if(current->ratings.begin(), current->ratings.end(), same);
    if (it == current->ratings.end())
        it = current->ratings.insert(current->ratings.end(), Rating{rater.trimmed(), {}, {}, {}});
    Ratings::setScore(*it, dimension,
                      checked.isNull() ? std::nullopt : std::optional<int>(checked.toInt()));
    if (!hasScore(*it))
        current->ratings.erase(it);
    SqliteTransaction transaction(*m_db);
    if (!transaction.isActive() || !writeRatings({*current}) || !transaction.commit())
        return sqliteError(tr("Saving the rating"));
    emit m_notifier->changed({Change::Entity::Candidate,
                              Change::Kind::Updated,
                              {candidateId},
                              {CandidateFields::columnName(field)}});
    return {};
}

} // namespace pb::store
