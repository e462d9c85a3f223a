#include "Raci.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

QString raciRoleText(RaciRole role)
{
    switch (role) {
    case RaciRole::None:
        return QString();
    case RaciRole::Responsible:
        return u"R"_s;
    case RaciRole::Accountable:
        return u"A"_s;
    case RaciRole::Consulted:
        return u"C"_s;
    case RaciRole::Informed:
        return u"I"_s;
    case RaciRole::AccountableResponsible:
        return u"A/R"_s;
    }
    return QString();
}

std::optional<RaciRole> raciRoleFromText(QStringView text)
{
    // Spreadsheet users type "a / r" or "R/A" as readily as "A/R": spaces and case carry no
    // meaning, so they are dropped before comparing.
    QString key;
    key.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            key += c.toUpper();
    }
    if (key == u"R/A")
        return RaciRole::AccountableResponsible;
    // Otherwise exactly what raciRoleText() writes, so reading and writing cannot drift.
    for (auto role : {RaciRole::None, RaciRole::Responsible, RaciRole::Accountable,
                      RaciRole::Consulted, RaciRole::Informed, RaciRole::AccountableResponsible}) {
        if (key == raciRoleText(role))
            return role;
    }
    return std::nullopt;
}

bool isResponsible(RaciRole role)
{
    return role == RaciRole::Responsible || role == RaciRole::AccountableResponsible;
}

bool isAccountable(RaciRole role)
{
    return role == RaciRole::Accountable || role == RaciRole::AccountableResponsible;
}

RaciRole RaciGrid::cell(qsizetype activity, qsizetype party) const
{
    // Callers index by activities/parties, which may run ahead of cells until normalise().
    if (activity < 0 || activity >= cells.size())
        return RaciRole::None;
    const QList<RaciRole> &row = cells.at(activity);
    if (party < 0 || party >= row.size())
        return RaciRole::None;
    return row.at(party);
}

void RaciGrid::normalise()
{
    cells.resize(activities.size());
    for (QList<RaciRole> &row : cells)
        row.resize(parties.size(), RaciRole::None);
}

QStringList RaciRules::defaultActivities()
{
    return {tr("Lead generation"), tr("Qualification"), tr("Sales follow-up"), tr("Onboarding"),
            tr("Support")};
}

QList<RaciParty> RaciRules::defaultParties()
{
    const auto party = [](const QString &name, RaciSide side) {
        RaciParty p;
        p.name = name;
        p.side = side;
        return p;
    };
    return {party(tr("Our BD lead"), RaciSide::Ours), party(tr("Our sales"), RaciSide::Ours),
            party(tr("Partner's sales lead"), RaciSide::Partner),
            party(tr("Partner's success team"), RaciSide::Partner)};
}

namespace {

RaciProblem problem(const QString &code, const QString &partner, const QString &message,
                    int activity, int party, const RaciGrid &grid)
{
    RaciProblem p;
    p.activity = activity;
    p.party = party;
    p.finding.code = code;
    p.finding.severity = Finding::Severity::Warning;
    p.finding.subject = partner;
    p.finding.partner = partner;
    p.finding.message = message;
    if (activity >= 0)
        p.finding.activity = grid.activities.at(activity).name;
    if (party >= 0)
        p.finding.party = grid.parties.at(party).name;
    return p;
}

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

QList<RaciProblem> RaciRules::check(const RaciGrid &grid, const QString &partner,
                                    qsizetype activePartnerships)
{
    QList<RaciProblem> problems;
    const int activityCount = int(grid.activities.size());
    const int partyCount = int(grid.parties.size());

    for (int a = 0; a < activityCount; ++a) {
        const QString activity = quoted(grid.activities.at(a).name);
        QStringList accountable;
        bool responsible = false;
        for (int p = 0; p < partyCount; ++p) {
            const RaciRole role = grid.cell(a, p);
            if (isAccountable(role))
                accountable.append(quoted(grid.parties.at(p).name));
            responsible = responsible || isResponsible(role);
        }
        if (accountable.isEmpty()) {
            problems.append(problem(
                u"raci.no_accountable"_s, partner,
                tr("No party is Accountable for %1; exactly one should be A.").arg(activity), a, -1,
                grid));
        } else if (accountable.size() > 1) {
            problems.append(problem(u"raci.multiple_accountable"_s, partner,
                                    tr("%1 has %2 Accountable parties (%3); exactly one should "
                                       "be A.")
                                        .arg(activity)
                                        .arg(accountable.size())
                                        .arg(accountable.join(u", "_s)),
                                    a, -1, grid));
        }
        if (!responsible) {
            problems.append(problem(u"raci.no_responsible"_s, partner,
                                    tr("No party is Responsible for %1; at least one should be R "
                                       "or A/R.")
                                        .arg(activity),
                                    a, -1, grid));
        }
    }

    // One party answering for most of the work is a single point of failure, and on the
    // partner's side it is where "we do everything" resentment starts. On our side it is
    // how the first partnerships are meant to run (founder-led), until there are more of
    // them than one person can lead.
    const QList<RaciWorkload> loads = workload(grid);
    const bool founderLed = activePartnerships <= kFounderLedPartnerships;
    for (int p = 0; p < partyCount; ++p) {
        if (loads.at(p).accountable * 2 <= activityCount)
            continue;
        const bool ours = grid.parties.at(p).side == RaciSide::Ours;
        if (ours && founderLed)
            continue;
        const QString name = quoted(grid.parties.at(p).name);
        const QString message =
            ours ? tr("%1 is Accountable for %2 of %3 activities, with %4 partnerships in pilot "
                      "or scaled; one person can no longer lead them all: hand activities to "
                      "others, or hire BD.")
                       .arg(name)
                       .arg(loads.at(p).accountable)
                       .arg(activityCount)
                       .arg(activePartnerships)
                 : tr("%1 is Accountable for %2 of %3 activities; the partnership depends on "
                      "that one person on the partner's side.")
                       .arg(name)
                       .arg(loads.at(p).accountable)
                       .arg(activityCount);
        problems.append(problem(u"raci.overloaded_party"_s, partner, message, -1, p, grid));
    }

    // A side doing none of the work is the drift DOMAIN.md warns about. Without any R at all
    // the per-activity findings already say everything, so balance is only judged then.
    int responsibleBySide[2] = {0, 0};
    int partiesBySide[2] = {0, 0};
    for (int p = 0; p < partyCount; ++p) {
        const int side = grid.parties.at(p).side == RaciSide::Partner ? 1 : 0;
        ++partiesBySide[side];
        responsibleBySide[side] += loads.at(p).responsible;
    }
    if (activityCount > 0 && responsibleBySide[0] + responsibleBySide[1] > 0) {
        for (int side = 0; side < 2; ++side) {
            if (responsibleBySide[side] > 0)
                continue;
            QString message;
            if (partiesBySide[side] == 0) {
                message = side == 0 ? tr("The grid has no party on our side; add who on our "
                                         "side does the work.")
                                    : tr("The grid has no party on the partner's side; add the "
                                         "partner's people or roles.");
            } else {
                message = side == 0 ? tr("No party on our side is Responsible for any "
                                         "activity; the partner carries all the R work.")
                                    : tr("No party on the partner's side is Responsible for "
                                         "any activity; we carry all the R work.");
            }
            problems.append(problem(u"raci.one_sided"_s, partner, message, -1, -1, grid));
        }
    }
    return problems;
}

bool RaciRules::partnerLeads(const RaciGrid &grid, const QStringList &activityWords)
{
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        const QString name = grid.activities.at(a).name.toCaseFolded();
        const bool named =
            std::any_of(activityWords.cbegin(), activityWords.cend(), [&name](const QString &word) {
                return name.contains(word.toCaseFolded());
            });
        if (!named)
            continue;
        for (qsizetype p = 0; p < grid.parties.size(); ++p) {
            const RaciRole role = grid.cell(a, p);
            if (grid.parties.at(p).side == RaciSide::Partner &&
                (isResponsible(role) || isAccountable(role)))
                return true;
        }
    }
    return false;
}

QStringList RaciRules::deliveryWork()
{
    // Stems, so that "Onboarding", "Customer onboarding", "Support (tier 1)" and "Customer
    // success" all count; the translated default names too.
    QStringList words = {u"onboard"_s, u"support"_s, u"success"_s};
    words << tr("Onboarding") << tr("Support");
    return words;
}

QStringList RaciRules::renewalWork()
{
    return {u"renew"_s, u"expansion"_s, u"upsell"_s, u"account management"_s};
}

QList<RaciWorkload> RaciRules::workload(const RaciGrid &grid)
{
    QList<RaciWorkload> loads(grid.parties.size());
    for (qsizetype p = 0; p < grid.parties.size(); ++p) {
        RaciWorkload &load = loads[p];
        for (qsizetype a = 0; a < grid.activities.size(); ++a) {
            const RaciRole role = grid.cell(a, p);
            load.responsible += isResponsible(role);
            load.accountable += isAccountable(role);
            load.consulted += role == RaciRole::Consulted;
            load.informed += role == RaciRole::Informed;
        }
    }
    return loads;
}

std::array<double, 2> RaciRules::responsibleShare(const RaciGrid &grid)
{
    const QList<RaciWorkload> loads = workload(grid);
    double bySide[2] = {0, 0};
    for (qsizetype p = 0; p < grid.parties.size(); ++p)
        bySide[grid.parties.at(p).side == RaciSide::Partner ? 1 : 0] += loads.at(p).responsible;
    const double total = bySide[0] + bySide[1];
    if (total == 0)
        return {0, 0};
    return {100.0 * bySide[0] / total, 100.0 * bySide[1] / total};
}

} // namespace pb::domain
