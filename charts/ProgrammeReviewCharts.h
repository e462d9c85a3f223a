#pragma once

#include "io/ProgrammeReviewDocument.h"

namespace pb::charts {

// The programme review's content: the programme's numbers and the Programme area's two
// charts — the funnel and the programme's P&L — drawn off screen into images (see
// chartImage). Needs a QApplication (the offscreen platform will do).
io::ProgrammeReview programmeReview(const item::ProgrammeData &data, const QString &title,
                                    const QString &company);

} // namespace pb::charts
