#include "StructureRules.h"

#include "CandidateField.h"
#include "ProposalField.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

// field: what to fill in or change first (a candidate column or a `terms` key).
Finding finding(const QString &code, const Candidate &candidate, const QString &field,
                const QString &message)
{
    Finding f;
    f.code = code;
    f.severity = Finding::Severity::Warning;
    f.subject = candidate.name;
    f.partner = candidate.name;
    f.field = field;
    f.message = message;
    return f;
}

// The selling activities a referral partner was given R or A for, by name.
QStringList sellingGivenToPartner(const RaciGrid &grid)
{
    QStringList activities;
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        if (!StructureRules::isSellingActivity(grid.activities.at(a).name))
            continue;
        for (qsizetype p = 0; p < grid.parties.size(); ++p) {
            const RaciRole role = grid.cell(a, p);
            if (grid.parties.at(p).side == RaciSide::Partner &&
                (isResponsible(role) || isAccountable(role))) {
                activities << grid.activities.at(a).name;
                break;
            }
        }
    }
    return activities;
}

} // namespace

bool StructureRules::isSellingActivity(const QString &activity)
{
    const QString name = activity.toLower();
    return name.contains(u"sales follow"_s) || name.contains(u"follow-up"_s) ||
           name.contains(u"closing"_s) || name.contains(u"close the deal"_s) || name == u"close"_s;
}

Findings StructureRules::check(const Candidate &c, const ChooserAnswers &answers,
                               const StructureFacts &facts)
{
    Findings findings;
    if (c.stage == Stage::Paused || c.stage == Stage::Ended)
        return findings;
    if (c.structure == Structure::Unset && c.stage != Stage::Sourced)
        findings << finding(u"structure.unset"_s, c,
                            CandidateFields::columnName(CandidateField::Structure),
                            tr("%1 is %2 with no structure: name it (referral, reseller, "
                               "integration, co-marketing or joint venture) — \"partnership\" "
                               "hides very different deals.")
                                .arg(c.name, stageId(c.stage)));
    if (c.structure == Structure::Referral && facts.grid) {
        if (const QStringList selling = sellingGivenToPartner(*facts.grid); !selling.isEmpty()) {
            findings << finding(u"structure.referral_expected_to_sell"_s, c,
                                CandidateFields::columnName(CandidateField::Structure),
                                tr("%1 is a referral partner but the RACI grid gives them R or "
                                   "A for %2: a referral partner refers; we close and deliver.")
                                    .arg(c.name, selling.join(u", "_s)));
            findings.last().activity = selling.first();
        }
    }
    if (c.structure == Structure::Reseller) {
        if (facts.territory.trimmed().isEmpty() && facts.dealRegistrationDays.value_or(0) <= 0)
            findings << finding(u"structure.no_conflict_plan"_s, c,
                                CandidateFields::columnName(CandidateField::Territory),
                                tr("%1 is a reseller with neither a territory nor deal "
                                   "registration: plan for channel conflict (a registered deal "
                                   "is protected from direct sales for about 90 days).")
                                    .arg(c.name));
        if (facts.enablementBudget.value_or(0) <= 0 && !facts.enablementPlanned)
            findings << finding(u"structure.no_enablement"_s, c,
                                ProposalFieldTable::key(ProposalField::MdfBudget),
                                tr("%1 is a reseller with no enablement budget or kit planned: "
                                   "signing without enablement is a trap.")
                                    .arg(c.name));
    }
    if (c.structure == Structure::JointVenture && answers.trackRecord != YesNo::Yes &&
        !facts.pilotedBefore)
        findings << finding(u"structure.jv_without_history"_s, c,
                            CandidateFields::columnName(CandidateField::TrackRecord),
                            tr("%1 is a joint venture with a partner we never piloted with: a "
                               "joint venture needs a track record; pilot something lighter "
                               "first.")
                                .arg(c.name));
    return findings;
}

} // namespace pb::domain
