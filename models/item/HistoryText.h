#pragma once

#include "domain/History.h"

#include <QString>
#include <QVariant>

namespace pb::item {

// The history's values and changes as the app shows them (the History panel, the merge
// dialog): numbers in the user's locale, "(empty)" for nothing.
QString historyValueText(const QVariant &value);
QString historyValueOrEmpty(const QVariant &value);
// "Ledgerly · Owner: Maya Chen → Ravi", "Ledgerly · 2026-03 · KPI value added"; owner is the
// name of the candidate the record belongs to ("Workbook" for the workbook's own).
QString historyChangeText(const domain::HistoryChange &change, const QString &owner);

} // namespace pb::item
