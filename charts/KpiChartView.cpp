#include "KpiChartView.h"

#include <QToolTip>

namespace pb::charts {

KpiChartView::KpiChartView(QWidget *parent)
    : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleDescription(tr("Drag or use the arrow keys to move along time, the wheel or "
                                "+ and - to zoom, double-click or Home to see everything."));
}

void KpiChartView::rememberHome()
{
    m_homeX = xAxis->range();
    m_homeY = yAxis->range();
}

void KpiChartView::resetView()
{
    xAxis->setRange(m_homeX);
    yAxis->setRange(m_homeY);
    replot(rpQueuedReplot);
}

QString KpiChartView::hoverTextAt(const QPointF &pos)
{
    if (!m_hoverText)
        return {};
    double best = selectionTolerance();
    QString text;
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable *candidate = plottable(i);
        QCPPlottableInterface1D *data = candidate->interface1D();
        if (!candidate->visible() || !data)
            continue;
        QVariant details;
        const double distance = candidate->selectTest(pos, false, &details);
        // Later plottables win ties: the status markers lie on the actual line.
        if (distance < 0 || distance > best)
            continue;
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        const int index = selection.dataRange(0).begin();
        best = distance;
        text = m_hoverText(candidate->name(), data->dataMainKey(index), data->dataMainValue(index));
    }
    return text;
}

void KpiChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void KpiChartView::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    const QString text = hoverTextAt(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void KpiChartView::leaveEvent(QEvent *event)
{
    QToolTip::hideText();
    QCustomPlot::leaveEvent(event);
}

void KpiChartView::keyPressEvent(QKeyEvent *event)
{
    const QCPRange range = xAxis->range();
    switch (event->key()) {
    case Qt::Key_Left:
        xAxis->moveRange(-range.size() * 0.1);
        break;
    case Qt::Key_Right:
        xAxis->moveRange(range.size() * 0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        xAxis->scaleRange(0.8, range.center());
        break;
    case Qt::Key_Minus:
        xAxis->scaleRange(1.25, range.center());
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        resetView();
        return;
    default:
        QCustomPlot::keyPressEvent(event);
        return;
    }
    replot(rpQueuedReplot);
}

} // namespace pb::charts
