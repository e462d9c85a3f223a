#pragma once

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

    friend bool operator==(const Candidate &, const Candidate &) = default;
};

// Stable identifiers used in the workbook file, CSV and JSON ("referral", "co-marketing").
QString structureId(Structure structure);
std::optional<Structure> structureFromId(const QString &text);
QString stageId(Stage stage);
std::optional<Stage> stageFromId(const QString &text);

// The key that makes names unique: surrounding spaces and case do not count.
QString nameKey(const QString &name);
// A score is a whole number 1..5.
bool isValidScore(int score);

} // namespace pb::domain
