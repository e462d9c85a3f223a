#pragma once

#include "KpiStatusLook.h"

#include <QColor>

namespace pb::io {

// The looks an exported sheet shares with the app's tables, so that a colleague's spreadsheet
// and the window agree: the top three candidates' rows, the partner's side of a RACI grid,
// and KPI values by status. Read by the item models and the table formats' writers.
struct TableLook
{
    static QColor topThree() { return {255, 243, 205}; }
    static QColor topThreeText() { return {40, 32, 0}; }
    static QColor partnerSide() { return {232, 241, 251}; }
    // A light tint of the status's colour (KpiStatusLook), under black text that stays
    // readable; invalid for a status without a colour.
    static QColor statusFill(domain::KpiStatus status)
    {
        const QColor color = kpiStatusLook(status).color;
        if (!color.isValid())
            return {};
        const auto tint = [](int channel) {
            return 255 - (255 - channel) * 35 / 100;
        };
        return {tint(color.red()), tint(color.green()), tint(color.blue())};
    }
};

} // namespace pb::io
