#include "KpiStatusLook.h"

#include <QPainter>
#include <QPainterPath>

using namespace pb::domain;

namespace pb::io {

KpiStatusLook kpiStatusLook(KpiStatus status)
{
    using Shape = KpiStatusLook::Shape;
    // Blue, orange and red tell the states apart for the common kinds of colour blindness;
    // the shapes do it for everyone.
    switch (status) {
    case KpiStatus::OnTrack:
        return {QColor(0x21, 0x66, 0xac), Shape::Circle};
    case KpiStatus::AtRisk:
        return {QColor(0xe0, 0x82, 0x14), Shape::Triangle};
    case KpiStatus::OffTrack:
        return {QColor(0xb2, 0x18, 0x2b), Shape::Square};
    case KpiStatus::NoData:
    case KpiStatus::NoTarget:
        break;
    }
    return {};
}

void paintKpiStatusMarker(QPainter *painter, const QRectF &box, KpiStatus status)
{
    const KpiStatusLook look = kpiStatusLook(status);
    if (look.shape == KpiStatusLook::Shape::None)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(look.color);
    switch (look.shape) {
    case KpiStatusLook::Shape::Circle:
        painter->drawEllipse(box);
        break;
    case KpiStatusLook::Shape::Triangle: {
        QPainterPath path;
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.right(), box.bottom());
        path.lineTo(box.left(), box.bottom());
        path.closeSubpath();
        painter->drawPath(path);
        break;
    }
    case KpiStatusLook::Shape::Square:
        painter->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case KpiStatusLook::Shape::None:
        break;
    }
    painter->restore();
}

} // namespace pb::io
