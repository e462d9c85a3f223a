#pragma once

#include "Candidate.h"

#include <QCoreApplication>
#include <QMap>
#include <QVariant>

namespace pb::domain {

// Every editable field of a candidate, so one generic "field X of candidate Y changed"
// edit (and its undo) serves the table, the detail pane, paste and the CLI.
enum class CandidateField {
    Name,
    Website,
    Structure,
    AudienceOverlap,
    StrategicValue,
    EaseOfIntegration,
    Stage,
    Owner,
    RevenueTheory,
    TheirCustomer,
    SharedPain,
    Champion,
    Readiness0,
    Readiness1,
    Readiness2,
    Readiness3,
    Readiness4,
    Notes,
    // The qualification judgment (QualificationFields): the vetting answers, the structure
    // chooser's answers, then the territory.
    Competes,
    PartnerProgramme,
    IntegrationPartners,
    CustomerBase,
    IcpMatch,
    CanSell,
    RelativeSize,
    Motivations,
    IncentiveAligned,
    Exploratory,
    JointMotion,
    InternalChampion,
    Success90Days,
    NewToMarket,
    ProductMarketFit,
    CanFundEnablement,
    TrackRecord,
    NeedsEngineering,
    LongTerm,
    PartnerRole,
    GtmStage,
    Territory,
};
inline constexpr int kCandidateFieldCount = int(CandidateField::Territory) + 1;
static_assert(kCandidateFieldCount <= 64, "CandidatePatch::provided holds one bit per field");

// Values of several fields of one candidate, as CandidateFields::value gives them.
using CandidateValues = QMap<CandidateField, QVariant>;

// One row of an import or a paste: a candidate name and the cells that were not empty,
// held typed in a Candidate with one bit per provided field (no per-row maps: imports of
// 100,000 rows must stay fast and small). A name that matches a candidate (ignoring case
// and surrounding spaces) updates the provided fields; a new name adds a candidate.
struct CandidatePatch
{
    int line = 0;
    QString name;
    Candidate values;
    quint64 provided = 0; // one bit per CandidateField (bit())

    static constexpr quint64 bit(CandidateField field) { return quint64(1) << int(field); }
    bool has(CandidateField field) const { return provided & bit(field); }
    bool isEmpty() const { return provided == 0; }
    // The provided value, or an invalid QVariant.
    QVariant value(CandidateField field) const;
    // Sets an already validated value.
    void set(CandidateField field, const QVariant &value);
    // Copies the provided fields onto target.
    void applyTo(Candidate &target) const;
};

class CandidateFields
{
    Q_DECLARE_TR_FUNCTIONS(CandidateFields)
public:
    // Values as QVariant: text fields QString; scores and the count of integration partners
    // int or null (not known); structure, stage, readiness and the qualification answers
    // their stable ids ("integration", "pilot", "yes"/"no"/"", "much-bigger").
    static QVariant value(const Candidate &candidate, CandidateField field);
    static void setValue(Candidate &candidate, CandidateField field, const QVariant &value);
    // Normalises value (trims text, parses "3", accepts aliases); returns why it is
    // refused, or an empty string.
    static QString validate(CandidateField field, QVariant &value);
    // The import's fast path: checks a cell and stores it into candidate, taking the
    // string; returns why it is refused, or an empty string.
    static QString parseInto(Candidate &candidate, CandidateField field, QString &&cell);
    // Copies one field from source to target.
    static void copyField(const Candidate &source, Candidate &target, CandidateField field);
    // The CSV/JSON column name ("audience_overlap") and the label people see.
    static QString columnName(CandidateField field);
    static QString displayName(CandidateField field);
    // The readiness checklist questions, in order.
    static QString readinessQuestion(int item);
    static QString readinessId(Readiness readiness);
    static std::optional<Readiness> readinessFromId(const QString &text);
};

} // namespace pb::domain
