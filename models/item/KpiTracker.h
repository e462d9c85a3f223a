#pragma once

#include "domain/KpiRules.h"

#include <QDate>
#include <QObject>

namespace pb::store {
struct Change;
}

namespace pb::item {

class WorkbookEditor;

// The KPI tracker of the partnership being looked at: one snapshot of its pilot, KPIs,
// values and reviews, with each KPI's state and the partnership's signals, reloaded when
// the store announces a change. The KPI table, the entry grid, the chart and the signals
// list all read this one snapshot, so they never disagree.
class KpiTracker : public QObject
{
    Q_OBJECT
public:
    explicit KpiTracker(WorkbookEditor *editor, QObject *parent = nullptr);

    WorkbookEditor *editor() const { return m_editor; }
    void setCandidate(qint64 candidateId);
    qint64 candidateId() const { return m_candidateId; }

    const domain::PartnershipKpis &kpis() const { return m_kpis; }
    const QList<domain::KpiState> &states() const { return m_states; }
    const domain::Findings &findings() const { return m_findings; }
    const domain::KpiThresholds &thresholds() const { return m_thresholds; }
    QString currency() const { return m_currency; }
    // The index of the KPI with this id, or -1.
    qsizetype indexOf(qint64 kpiId) const;

    // "Today" for the review cadence and the signals; tests fix it.
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    void setToday(const QDate &today);

signals:
    // Sent before the snapshot is replaced by one with other KPIs (models begin a reset).
    void aboutToReset();
    // The partnership changed, or which KPIs it tracks did (columns come and go).
    void reset();
    // Values, definitions, pilot or reviews changed; the same KPIs in the same order.
    void updated();

private:
    void onChange(const store::Change &change);
    void load();
    domain::PartnershipKpis read() const;
    void evaluate();

    WorkbookEditor *m_editor;
    qint64 m_candidateId = 0;
    domain::PartnershipKpis m_kpis;
    QList<domain::KpiState> m_states;
    domain::Findings m_findings;
    domain::KpiThresholds m_thresholds;
    QString m_currency;
    QDate m_today;
};

} // namespace pb::item
