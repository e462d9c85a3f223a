#pragma once

#include "Qualification.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace pb::domain {

// The kind of deal a candidate would be (DOMAIN.md section 3).
enum class Structure { Unset, Referral, Reseller, Integration, CoMarketing, JointVenture };
// Where a candidate is in the playbook (DOMAIN.md section 1).
enum class Stage { Sourced, Qualified, Proposed, Pilot, Scaled, Paused, Ended };
// A yes/no/unknown answer on the readiness checklist.
enum class Readiness { Unknown, Yes, No };

inline constexpr int kReadinessItems = 5;

// One colleague's 1–5 scores for a candidate, by name (several raters in a session). The
// candidate's own scores are those of the workbook's first rater (SettingKey::ScoresRater);
// each other rater's are kept beside them as one Rating, and the candidate scores the mean
// (Ratings.h). Same fields as Candidate's, so CandidateField names them.
struct Rating
{
    QString rater;
    std::optional<int> audienceOverlap;
    std::optional<int> strategicValue;
    std::optional<int> easeOfIntegration;

    friend bool operator==(const Rating &, const Rating &) = default;
};

// One partner candidate as the store, the table, the CLI and the proposal know it.
// Plain value type: no SQL, no widgets.
struct Candidate
{
    qint64 id = 0;
    QString name;
    QString website;
    Structure structure = Structure::Unset;
    std::optional<int> audienceOverlap;
    std::optional<int> strategicValue;
    std::optional<int> easeOfIntegration;
    Stage stage = Stage::Sourced;
    QString owner;
    QString revenueTheory;
    QString theirCustomer;
    QString sharedPain;
    QString champion;
    std::array<Readiness, kReadinessItems> readiness{};
    QString notes;
    // The qualification judgment (DOMAIN.md §2–3): the vetting answers, the structure
    // chooser's answers, and the territory a reseller sells in (its channel-conflict plan).
    Vetting vetting;
    ChooserAnswers chooser;
    QString territory;
    // The stored text of a stage or structure this version does not know (a hand-edited
    // or damaged workbook): kept, shown and written back as it is, never read as
    // "sourced" or "not named", until the user chooses a value. Empty when it is known.
    QString unknownStage;
    QString unknownStructure;
    // Other raters' scores, ordered by rater name; empty when only one person scored.
    QList<Rating> ratings;

    friend bool operator==(const Candidate &, const Candidate &) = default;
};

// Stable identifiers used in the workbook file, CSV and JSON ("referral", "co-marketing").
QString structureId(Structure structure);
std::optional<Structure> structureFromId(const QString &text);
QString stageId(Stage stage);
std::optional<Stage> stageFromId(const QString &text);
// The stage and structure as stored: the unknown text when there is one, else the id.
QString storedStage(const Candidate &candidate);
QString storedStructure(const Candidate &candidate);
// The stages whose partnership is running (the KPI signals, the founder-led RACI rule).
bool isActiveStage(Stage stage);
// Paused and ended: no stage gate applies any more.
bool isClosedStage(Stage stage);

// The key that makes names unique: surrounding spaces and case do not count.
QString nameKey(const QString &name);
// A score is a whole number 1..5.
bool isValidScore(int score);

} // namespace pb::domain
