#pragma once

#include "Candidate.h"
#include "Finding.h"
#include "Qualification.h"
#include "StructureChooser.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace pb::domain {

// What the vetting rules need of the workbook: our own stage and economics.
struct VettingContext
{
    bool prePmf = false; // a workbook property: we are before product-market fit
    std::optional<double> grossMarginPercent;
};

// The qualification judgment's findings (DOMAIN.md §2): candidate.competitor,
// candidate.polite_distraction, candidate.exploratory_only, portfolio.spread_thin. Read by
// the detail pane, `check` and the tests.
class VettingRules
{
    Q_DECLARE_TR_FUNCTIONS(VettingRules)
public:
    static Findings check(const Candidate &candidate, const Vetting &vetting,
                          const VettingContext &context);
    // The reasons a partnership would be a polite distraction; empty when none applies.
    static QStringList distractionReasons(const Vetting &vetting, const VettingContext &context);
    // For a much bigger partner or an exploratory one: which of the three things to hear in
    // the first meeting are still missing.
    static QStringList missingFromFirstMeeting(const Vetting &vetting);
    static bool needsFirstMeetingTriage(const Vetting &vetting);
    // portfolio.spread_thin: more than five candidates proposed or in pilot at once.
    static Findings checkPortfolio(const QList<Candidate> &candidates);

    static constexpr int kFocusLimit = 5;
    static constexpr double kDistractionMargin = 50;

    static QString competesId(Competes value);
    static std::optional<Competes> competesFromId(const QString &text);
    static QString customerBaseId(CustomerBase value);
    static std::optional<CustomerBase> customerBaseFromId(const QString &text);
    static QString icpMatchId(IcpMatch value);
    static std::optional<IcpMatch> icpMatchFromId(const QString &text);
    static QString relativeSizeId(RelativeSize value);
    static std::optional<RelativeSize> relativeSizeFromId(const QString &text);
};

} // namespace pb::domain
