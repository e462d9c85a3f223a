#pragma once

#include "ProgrammeData.h"

#include <QObject>

namespace pb::store {
struct Change;
}

namespace pb::item {

class WorkbookEditor;

// The Programme area's one snapshot of the programme (ProgrammeData) and the partnership whose
// costs and P&L are looked at. Every chart, grid and list of the area reads this snapshot, so
// they never disagree. It is read again when the store announces a change: at once while the
// area is shown (live), else the next time the area is shown — gathering the whole programme
// after every edit elsewhere would slow the other areas down.
class ProgrammeTracker : public QObject
{
    Q_OBJECT
public:
    explicit ProgrammeTracker(WorkbookEditor *editor, QObject *parent = nullptr);

    WorkbookEditor *editor() const { return m_editor; }
    const ProgrammeData &data() const { return m_data; }

    // The partnership whose costs are entered and whose P&L is charted (a candidate id; 0:
    // none).
    qint64 partner() const { return m_partner; }
    void setPartner(qint64 candidateId);
    // Its P&L, or null when it has no partnership yet.
    const PartnerPnl *partnerPnl() const { return m_data.partnership(m_partner); }
    QString partnerName() const { return m_partnerName; }

    // "Today" for the stage ages, the P&L's months and the benchmarks; tests fix it.
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    void setToday(const QDate &today);

    // While live, a change is read at once; otherwise when setLive(true) is called next.
    void setLive(bool live);
    bool isStale() const { return m_stale; }
    void reload();

signals:
    // Another partnership was chosen (the costs grid starts again).
    void aboutToReset();
    void reset();
    // The programme was read again; the same partnership.
    void updated();

private:
    void onChange(const store::Change &change);
    void read();

    WorkbookEditor *m_editor;
    ProgrammeData m_data;
    qint64 m_partner = 0;
    QString m_partnerName;
    QDate m_today;
    bool m_live = false;
    bool m_stale = true;
};

} // namespace pb::item
