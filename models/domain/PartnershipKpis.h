#pragma once

#include "Candidate.h"
#include "Kpi.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pb::domain {

// The decision a review records.
enum class ReviewDecision { Continue, Scale, Pause, End };
QString reviewDecisionId(ReviewDecision decision); // "continue", "scale", "pause", "end"
std::optional<ReviewDecision> reviewDecisionFromId(const QString &text);
QString reviewDecisionDisplayName(ReviewDecision decision);

// One partnership review: when it was held, what was decided and why. A retrospective (the
// review that ends a pilot, DOMAIN.md §7) also says what worked, what did not and what we
// change; any review may.
struct Review
{
    qint64 id = 0;
    QDate date;
    ReviewDecision decision = ReviewDecision::Continue;
    QString note;
    // Defaulted, so that a review written as {id, date, decision, note} stays complete.
    QString worked = {};
    QString didNotWork = {};
    QString toChange = {};

    friend bool operator==(const Review &, const Review &) = default;
};

// The time-boxed pilot a partnership starts with; the review cadence counts from its start.
struct Pilot
{
    QDate start; // null: not started
    int days = 90;

    friend bool operator==(const Pilot &, const Pilot &) = default;
};

// Everything the KPI tracker keeps for one partnership: what the store reads and writes,
// what KpiRules checks, and what the KPIs area, the charts and the CLI show.
struct PartnershipKpis
{
    QString partner; // the candidate's name
    // The candidate's stage: the signals about a partner who stopped reporting speak only
    // while the partnership runs (pilot or scaled).
    Stage stage = Stage::Pilot;
    Pilot pilot;
    QList<KpiSeries> kpis;
    QList<Review> reviews; // by date

    friend bool operator==(const PartnershipKpis &, const PartnershipKpis &) = default;
};

} // namespace pb::domain
