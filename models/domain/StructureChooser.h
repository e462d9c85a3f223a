#pragma once

#include "Candidate.h"
#include "Qualification.h"

#include <QCoreApplication>
#include <QStringList>

#include <span>

namespace pb::domain {

// One column of the decision matrix (DOMAIN.md §3), in the practice's words.
struct MatrixColumn
{
    Structure structure;
    const char *commitment;
    const char *investment;
    const char *money;
    const char *control;
    const char *speed;
    const char *risk;
};

// The structure the practice prescribes for the answers, the reasons that led there (one
// sentence each), and what would change it.
struct StructureRecommendation
{
    Structure structure = Structure::Referral;
    QStringList reasons;
    QStringList wouldChange;
};

// The structure chooser: the decision matrix and the recommendation, for the Choose
// Structure dialog, `playbook-cli structure` and the tests. Plain rules, no storage.
class StructureChooser
{
    Q_DECLARE_TR_FUNCTIONS(StructureChooser)
public:
    static std::span<const MatrixColumn> matrix();
    // The matrix rows' names, in the order of MatrixColumn's fields after structure.
    static QStringList matrixRowNames();
    static QStringList matrixValues(const MatrixColumn &column);
    static StructureRecommendation recommend(const ChooserAnswers &answers);

    // Stable ids, as the candidates CSV and the CLI write them.
    static QString yesNoId(YesNo answer);
    static std::optional<YesNo> yesNoFromId(const QString &text);
    static QString partnerRoleId(PartnerRole role);
    static std::optional<PartnerRole> partnerRoleFromId(const QString &text);
    static QString gtmStageId(GtmStage stage);
    static std::optional<GtmStage> gtmStageFromId(const QString &text);
};

} // namespace pb::domain
