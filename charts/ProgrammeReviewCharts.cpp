#include "ProgrammeReviewCharts.h"

#include "FunnelChart.h"
#include "KpiChart.h"
#include "PnlChart.h"

#include <qcustomplot.h>

#include <QLocale>

namespace pb::charts {

io::ProgrammeReview programmeReview(const item::ProgrammeData &data, const QString &title,
                                    const QString &company)
{
    // Drawn at a size whose fonts read well once scaled into half a landscape page.
    const QSize size(720, 400);
    io::ProgrammeReview review;
    review.title = title;
    review.company = company;
    review.date = QLocale().toString(data.today, QLocale::LongFormat);
    review.chartSize = size;
    review.data = data;
    QCustomPlot plot;
    plot.resize(size);
    buildFunnelChart(&plot, data);
    plot.replot();
    review.funnelChart = chartImage(&plot, size);
    QCustomPlot pnl;
    pnl.resize(size);
    buildPnlChart(&pnl, data.total, data.currency);
    pnl.replot();
    review.pnlChart = chartImage(&pnl, size);
    return review;
}

} // namespace pb::charts
