// Workbook: the one-page proposal (text and commercial terms) and stored pictures.
#include "Partnerships.h"
#include "SqliteDatabase.h"
#include "Workbook.h"

using namespace Qt::StringLiterals;
using namespace pb::domain;
using Code = pb::store::StoreError::Code;

namespace pb::store {

namespace {

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// The same limits as the table's CHECK constraints, as sentences.
QString validate(const Proposal &proposal)
{
    const CommercialTerms &terms = proposal.terms;
    const auto percent = [](const std::optional<double> &value) {
        return !value || (std::isfinite(*value) && *value >= 0 && *value <= 100);
    };
    const auto amount = [](const std::optional<double> &value) {
        return !value || (std::isfinite(*value) && *value >= 0);
    };
    const auto count = [](const std::optional<int> &value) {
        return !value || *value >= 0;
    };
    if (!percent(terms.revSharePercent) || !percent(terms.resellerMarginPercent))
        return Workbook::tr("A percentage must be between 0 and 100.");
    if (!amount(terms.referralFee) || !amount(terms.mdfBudget))
        return Workbook::tr("An amount must not be negative.");
    if (!count(terms.exclusivityMonths) || !count(terms.dealRegistrationDays) ||
        !count(terms.termMonths) || !count(terms.noticeDays))
        return Workbook::tr("Months and days must not be negative.");
    return {};
}

} // namespace

Proposal Workbook::proposal(qint64 candidateId) const
{
    Proposal result;
    SqliteStatement query(
        *m_db, u"SELECT title, hypothesis, our_contacts, partner_contacts, notes, rev_share_pct, "
               u"referral_fee, reseller_margin_pct, mdf_budget, exclusivity_months, "
               u"deal_registration_days, term_months, notice_days, payment_terms, first_year_cap "
               u"FROM proposals WHERE partnership_id = "
               u"(SELECT id FROM partnerships WHERE candidate_id = ?)"_s);
    query.bindInt(1, candidateId);
    if (!query.step())
        return result;
    ProposalText &text = result.text;
    text.title = query.text(0);
    text.hypothesis = query.text(1);
    text.ourContacts = query.text(2);
    text.partnerContacts = query.text(3);
    text.notes = query.text(4);
    CommercialTerms &terms = result.terms;
    const auto real = [&query](int column) {
        return query.isNull(column) ? std::optional<double>() : query.real(column);
    };
    const auto whole = [&query](int column) {
        return query.isNull(column) ? std::optional<int>() : int(query.integer(column));
    };
    terms.revSharePercent = real(5);
    terms.referralFee = real(6);
    terms.resellerMarginPercent = real(7);
    terms.mdfBudget = real(8);
    terms.exclusivityMonths = whole(9);
    terms.dealRegistrationDays = whole(10);
    terms.termMonths = whole(11);
    terms.noticeDays = whole(12);
    terms.paymentTerms = query.text(13);
    terms.firstYearCap = query.integer(14) != 0;
    return result;
}

namespace {

bool writeProposal(SqliteDatabase &db, qint64 partnership, const Proposal &proposal)
{
    SqliteStatement upsert(
        db,
        u"INSERT OR REPLACE INTO proposals(partnership_id, title, hypothesis, our_contacts, "
        u"partner_contacts, notes, rev_share_pct, referral_fee, reseller_margin_pct, mdf_budget, "
        u"exclusivity_months, deal_registration_days, term_months, notice_days, payment_terms, "
        u"first_year_cap) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const ProposalText &text = proposal.text;
    const CommercialTerms &terms = proposal.terms;
    upsert.bindInt(1, partnership);
    upsert.bindText(2, text.title);
    upsert.bindText(3, text.hypothesis);
    upsert.bindText(4, text.ourContacts);
    upsert.bindText(5, text.partnerContacts);
    upsert.bindText(6, text.notes);
    upsert.bind(7, optionalReal(terms.revSharePercent));
    upsert.bind(8, optionalReal(terms.referralFee));
    upsert.bind(9, optionalReal(terms.resellerMarginPercent));
    upsert.bind(10, optionalReal(terms.mdfBudget));
    upsert.bind(11, optionalInt(terms.exclusivityMonths));
    upsert.bind(12, optionalInt(terms.dealRegistrationDays));
    upsert.bind(13, optionalInt(terms.termMonths));
    upsert.bind(14, optionalInt(terms.noticeDays));
    upsert.bindText(15, terms.paymentTerms);
    upsert.bindInt(16, terms.firstYearCap ? 1 : 0);
    return upsert.exec();
}

} // namespace

StoreError Workbook::setProposal(qint64 candidateId, const Proposal &proposal)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (const QString why = validate(proposal); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    if (!partnership || !writeProposal(*m_db, *partnership, proposal) || !transaction.commit())
        return sqliteError(tr("Saving the proposal"));
    emit m_notifier->changed({Change::Entity::Proposal, Change::Kind::Updated, {candidateId}, {}});
    return {};
}

StoreError Workbook::setProposalFields(qint64 candidateId, const ProposalFields &fields)
{
    if (StoreError error = checkWritable(); error)
        return error;
    if (const QString why = validate(fields.proposal); !why.isEmpty())
        return StoreError::make(Code::InvalidValue, why);
    if (fields.pilot.days <= 0 || fields.pilot.days > 3650)
        return StoreError::make(Code::InvalidValue,
                                tr("The pilot length must be between 1 and 3650 days."));
    SqliteTransaction transaction(*m_db);
    const auto partnership =
        transaction.isActive() ? ensurePartnership(*m_db, candidateId) : std::nullopt;
    bool ok = partnership && writeProposal(*m_db, *partnership, fields.proposal);
    if (ok) {
        SqliteStatement pilot(
            *m_db, u"UPDATE partnerships SET pilot_start = ?, pilot_days = ? WHERE id = ?"_s);
        pilot.bind(1, fields.pilot.start.isValid()
                          ? QVariant(fields.pilot.start.toString(Qt::ISODate))
                          : QVariant());
        pilot.bindInt(2, fields.pilot.days);
        pilot.bindInt(3, *partnership);
        ok = pilot.exec();
    }
    if (ok) {
        SqliteStatement structure(*m_db, u"UPDATE candidates SET structure = ? WHERE id = ?"_s);
        structure.bindText(1, structureId(fields.structure));
        structure.bindInt(2, candidateId);
        ok = structure.exec();
    }
    if (!ok || !transaction.commit())
        return sqliteError(tr("Saving the terms"));
    emit m_notifier->changed({Change::Entity::Candidate, Change::Kind::Updated, {candidateId}, {}});
    emit m_notifier->changed(
        {Change::Entity::Kpi, Change::Kind::Updated, {candidateId}, {u"pilot"_s}});
    emit m_notifier->changed({Change::Entity::Proposal, Change::Kind::Updated, {candidateId}, {}});
    return {};
}

QByteArray Workbook::image(const QString &name) const
{
    SqliteStatement query(*m_db, u"SELECT data FROM images WHERE name = ?"_s);
    query.bindText(1, name);
    return query.step() ? query.value(0).toByteArray() : QByteArray();
}

StoreError Workbook::setImage(const QString &name, const QByteArray &bytes)
{
    if (StoreError error = checkWritable(); error)
        return error;
    SqliteStatement statement(
        *m_db, bytes.isEmpty() ? u"DELETE FROM images WHERE name = ?"_s
                               : u"INSERT OR REPLACE INTO images(name, data) VALUES (?, ?)"_s);
    statement.bindText(1, name);
    if (!bytes.isEmpty())
        statement.bind(2, bytes);
    if (!statement.exec())
        return sqliteError(tr("Saving the picture"));
    emit m_notifier->changed({Change::Entity::Settings, Change::Kind::Updated, {}, {name}});
    return {};
}

} // namespace pb::store
