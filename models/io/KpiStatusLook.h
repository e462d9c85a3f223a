#pragma once

#include "domain/KpiRules.h"

#include <QColor>

class QPainter;
class QRectF;

namespace pb::io {

// The one look of a KPI status, read by the KPI table's delegate, the charts and any printed
// page: a colour and a shape per status, so that colour is never the only cue.
struct KpiStatusLook
{
    QColor color;
    enum class Shape { None, Circle, Triangle, Square } shape = Shape::None;
};
KpiStatusLook kpiStatusLook(domain::KpiStatus status);
// Paints the status's shape filled with its colour into box; nothing for a status without one.
void paintKpiStatusMarker(QPainter *painter, const QRectF &box, domain::KpiStatus status);

} // namespace pb::io
