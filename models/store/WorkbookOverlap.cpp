// Workbook: the evidence behind a candidate's audience-overlap score.
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

std::optional<OverlapEvidence> Workbook::overlapEvidence(qint64 candidateId) const
{
    SqliteStatement query(*m_db, u"SELECT measured_on, method, ours, theirs, shared, "
                                 u"share_of_ours, share_of_theirs FROM overlap_evidence "
                                 u"WHERE candidate_id = ?"_s);
    query.bindInt(1, candidateId);
    if (!query.step())
        return std::nullopt;
    OverlapEvidence evidence;
    evidence.measuredOn = QDate::fromString(query.text(0), Qt::ISODate);
    evidence.method = overlapMethodFromId(query.text(1)).value_or(OverlapMethod::Plain);
    evidence.ours = query.integer(2);
    evidence.theirs = query.integer(3);
    if (!query.isNull(4))
        evidence.shared = query.integer(4);
    if (!query.isNull(5))
        evidence.shareOfOurs = query.real(5);
    if (!query.isNull(6))
        evidence.shareOfTheirs = query.real(6);
    return evidence;
}

StoreError Workbook::setOverlapEvidence(qint64 candidateId,
                                        const std::optional<OverlapEvidence> &evidence,
                                        std::optional<int> audienceOverlap)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (audienceOverlap && (*audienceOverlap < 1 || *audienceOverlap > 5))
        return StoreError::make(Code::InvalidValue, tr("A score is a whole number from 1 to 5."));
    if (evidence && (!evidence->measuredOn.isValid() || evidence->ours < 0 || evidence->theirs < 0))
        return StoreError::make(Code::InvalidValue, tr("The overlap measurement is incomplete."));
    SqliteTransaction transaction(*m_db);
    bool ok = transaction.isActive();
    if (ok) {
        SqliteStatement score(*m_db, u"UPDATE candidates SET audience_overlap = ? WHERE id = ?"_s);
        score.bind(1, audienceOverlap ? QVariant(*audienceOverlap) : QVariant());
        score.bindInt(2, candidateId);
        ok = score.exec();
    }
    if (ok) {
        SqliteStatement clear(*m_db, u"DELETE FROM overlap_evidence WHERE candidate_id = ?"_s);
        clear.bindInt(1, candidateId);
        ok = clear.exec();
    }
    if (ok && evidence) {
        SqliteStatement insert(
            *m_db, u"INSERT INTO overlap_evidence(candidate_id, measured_on, method, ours, theirs, "
                   u"shared, share_of_ours, share_of_theirs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        insert.bindInt(1, candidateId);
        insert.bindText(2, evidence->measuredOn.toString(Qt::ISODate));
        insert.bindText(3, overlapMethodId(evidence->method));
        insert.bindInt(4, evidence->ours);
        insert.bindInt(5, evidence->theirs);
        insert.bind(6, evidence->shared ? QVariant(qint64(*evidence->shared)) : QVariant());
        insert.bind(7, evidence->shareOfOurs ? QVariant(*evidence->shareOfOurs) : QVariant());
        insert.bind(8, evidence->shareOfTheirs ? QVariant(*evidence->shareOfTheirs) : QVariant());
        ok = insert.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Recording the audience overlap"));
    emit m_notifier->changed(
        {Change::Entity::Candidate, Change::Kind::Updated, {candidateId}, {u"audience_overlap"_s}});
    return {};
}

} // namespace pb::store
