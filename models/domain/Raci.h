#pragma once

#include "Finding.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace pb::domain {

// Who does what in a partnership (DOMAIN.md section 4): each party is Responsible,
// Accountable, Consulted or Informed for an activity, or both accountable and responsible.
enum class RaciRole : quint8 {
    None,
    Responsible,
    Accountable,
    Consulted,
    Informed,
    AccountableResponsible
};

// "", "R", "A", "C", "I", "A/R".
QString raciRoleText(RaciRole role);
// R, A, C, I, A/R or R/A in any case with spaces ignored; empty is None; anything else
// is nullopt.
std::optional<RaciRole> raciRoleFromText(QStringView text);
bool isResponsible(RaciRole role); // R or A/R
bool isAccountable(RaciRole role); // A or A/R

enum class RaciSide { Ours, Partner };

struct RaciParty
{
    qint64 id = 0;
    QString name;
    RaciSide side = RaciSide::Ours;
    friend bool operator==(const RaciParty &, const RaciParty &) = default;
};

struct RaciActivity
{
    qint64 id = 0;
    QString name;
    friend bool operator==(const RaciActivity &, const RaciActivity &) = default;
};

// One partnership's grid: activities are rows, parties are columns, in display order.
// cells[activity][party]; every row has exactly parties.size() entries.
struct RaciGrid
{
    QList<RaciParty> parties;
    QList<RaciActivity> activities;
    QList<QList<RaciRole>> cells;

    RaciRole cell(qsizetype activity, qsizetype party) const;
    // Keeps cells rectangular after parties or activities were added or removed.
    void normalise();
    friend bool operator==(const RaciGrid &, const RaciGrid &) = default;
};

// A problem found in a grid, with where it is (-1 when it is about a whole row/column).
struct RaciProblem
{
    Finding finding;
    int activity = -1;
    int party = -1;
};

// Per party: in how many activities it is R (A/R counts), A (A/R counts), C and I.
struct RaciWorkload
{
    int responsible = 0;
    int accountable = 0;
    int consulted = 0;
    int informed = 0;
};

class RaciRules
{
    Q_DECLARE_TR_FUNCTIONS(RaciRules)
public:
    // The default activities of a new grid: lead generation, qualification, sales
    // follow-up, onboarding, support.
    static QStringList defaultActivities();
    // Default parties: our BD lead, our sales, partner's sales lead, partner's success team.
    static QList<RaciParty> defaultParties();

    // The first partnerships are founder-led (DOMAIN.md section 2): while the workbook has
    // at most this many partnerships in pilot or scaled, one person on our side Accountable
    // for most activities is the prescribed set-up, not an overload.
    static constexpr qsizetype kFounderLedPartnerships = 5;

    // raci.no_accountable, raci.multiple_accountable, raci.no_responsible (per activity),
    // raci.overloaded_party (Accountable for more than half the activities: always on the
    // partner's side, on ours once activePartnerships, those in pilot or scaled, exceed
    // kFounderLedPartnerships), raci.one_sided (a side with no R at all, when the grid has
    // parties on both sides or none on one side). Findings carry partner, activity and/or
    // party names.
    static QList<RaciProblem> check(const RaciGrid &grid, const QString &partner,
                                    qsizetype activePartnerships = 0);
    // Whether the partner's side is Responsible or Accountable for an activity whose name
    // holds one of the words (any case): the work a revenue share pays for.
    static bool partnerLeads(const RaciGrid &grid, const QStringList &activityWords);
    // Onboarding and support (or customer success): what a reseller's share over 30 % pays
    // for (DOMAIN.md section 3).
    static QStringList deliveryWork();
    // Renewals and expansion: why a revenue share may run past the first year.
    static QStringList renewalWork();
    static QList<RaciWorkload> workload(const RaciGrid &grid);
    // Share of R assignments (A/R counts) held by our side and the partner's, in percent
    // (both 0 when there is no R at all).
    static std::array<double, 2> responsibleShare(const RaciGrid &grid);
};

} // namespace pb::domain
