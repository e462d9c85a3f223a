#pragma once

#include "domain/Kpi.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace pb::item {
class KpiTracker;
}

namespace pb::ui {

// What the KPIs area shows for a partner without KPIs: why KPIs matter, and a button that
// starts tracking from the common set (a dialog of check boxes, the usual four ticked).
// KpiPage shows it instead of the tables and charts until the partnership has KPIs.
class KpiStartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KpiStartPanel(item::KpiTracker *tracker, QWidget *parent = nullptr);

    // Starts tracking these KPIs (one undo step); why it was refused, or an empty string.
    QString startTracking(const QList<domain::KpiDefinition> &kpis);
    void refresh();

private:
    void askStartTracking();

    item::KpiTracker *m_tracker;
    QLabel *m_title;
    QPushButton *m_startButton;
};

} // namespace pb::ui
