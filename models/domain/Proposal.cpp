#include "Proposal.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

Proposal::Proposal()
{
    for (ProposalField field : ProposalFieldTable::storedWithProposal())
        setValue(field, ProposalFieldTable::spec(field).initial);
}

void Proposal::setValue(ProposalField field, const QVariant &value)
{
    Q_ASSERT(ProposalFieldTable::spec(field).storage == ProposalStorage::Proposal);
    m_values[std::size_t(field)] = ProposalFieldTable::normalised(field, value);
}

std::optional<double> Proposal::number(ProposalField field) const
{
    const QVariant &held = m_values[std::size_t(field)];
    if (!held.isValid() || ProposalFieldTable::isNamedValue(field, held))
        return std::nullopt;
    return held.toDouble();
}

std::optional<int> Proposal::count(ProposalField field) const
{
    const QVariant &held = m_values[std::size_t(field)];
    if (!held.isValid() || ProposalFieldTable::isNamedValue(field, held))
        return std::nullopt;
    return held.toInt();
}

QString Proposal::namedValue(ProposalField field) const
{
    const QVariant &held = m_values[std::size_t(field)];
    return ProposalFieldTable::isNamedValue(field, held) ? held.toString() : QString();
}

QVariant ProposalFields::value(ProposalField field) const
{
    switch (ProposalFieldTable::spec(field).storage) {
    case ProposalStorage::Proposal:
        break;
    case ProposalStorage::Candidate:
        return structureId(structure);
    case ProposalStorage::Pilot:
        if (field == ProposalField::PilotDays)
            return pilot.days;
        return pilot.start.isValid() ? QVariant(pilot.start) : QVariant();
    }
    return proposal.value(field);
}

void ProposalFields::setValue(ProposalField field, const QVariant &value)
{
    switch (ProposalFieldTable::spec(field).storage) {
    case ProposalStorage::Proposal:
        proposal.setValue(field, value);
        break;
    case ProposalStorage::Candidate:
        structure = structureFromId(value.toString()).value_or(Structure::Unset);
        break;
    case ProposalStorage::Pilot:
        if (field == ProposalField::PilotDays)
            pilot.days = value.toInt();
        else
            pilot.start = value.toDate();
        break;
    }
}

const QStringList &ProposalTerms::keys()
{
    static const QStringList list = [] {
        QStringList all;
        for (ProposalField field : ProposalFieldTable::fields())
            all.append(ProposalFieldTable::key(field));
        return all;
    }();
    return list;
}

QString ProposalTerms::value(const ProposalFields &fields, ProposalField field)
{
    return ProposalFieldTable::format(field, fields.value(field));
}

QString ProposalTerms::value(const ProposalFields &fields, const QString &key)
{
    const auto field = ProposalFieldTable::fromKey(key);
    return field ? value(fields, *field) : QString();
}

QString ProposalTerms::set(ProposalFields &fields, ProposalField field, const QString &text)
{
    QVariant value;
    const QString why = ProposalFieldTable::parse(field, text, value);
    if (why.isEmpty())
        fields.setValue(field, value);
    return why;
}

QString ProposalTerms::set(ProposalFields &fields, const QString &key, const QString &text)
{
    const auto field = ProposalFieldTable::fromKey(key);
    if (!field)
        return tr("unknown key \"%1\"; the keys are %2").arg(key, keys().join(u", "));
    return set(fields, *field, text);
}

} // namespace pb::domain
