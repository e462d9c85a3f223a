#pragma once

#include "domain/StructureRules.h"
#include "domain/Vetting.h"

#include <QDate>

namespace pb::store {
class Workbook;
}

namespace pb::item {

// The qualification judgment's findings as a workbook holds them: the vetting rules
// (candidate.*, with our stage and gross margin from the workbook properties) and the
// structure rules (structure.*, with the candidate's RACI grid, territory, terms and pilot).
// One place for `check`, the candidate's detail pane and the proposal's checks, so they
// agree.
class QualificationCheck
{
public:
    static domain::VettingContext context(const store::Workbook &workbook);
    // The candidate's findings: vetting first, then structure.
    static domain::Findings findings(const store::Workbook &workbook,
                                     const domain::Candidate &candidate,
                                     const QDate &today = QDate::currentDate());
    // The structure findings alone (the proposal's checks).
    static domain::Findings structureFindings(const store::Workbook &workbook,
                                              const domain::Candidate &candidate,
                                              const QDate &today = QDate::currentDate());
    // Every candidate's findings, then portfolio.spread_thin.
    static domain::Findings workbookFindings(const store::Workbook &workbook,
                                             const QList<domain::Candidate> &candidates,
                                             const QDate &today = QDate::currentDate());
};

} // namespace pb::item
