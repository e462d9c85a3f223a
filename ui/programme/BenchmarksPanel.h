#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QListWidget;

namespace pb::item {
struct ProgrammeData;
}

namespace pb::ui {

class BandGauge;

// The programme's health (DOMAIN.md §5): each benchmark — the partner share of new pipeline
// and of new ARR, partner satisfaction, partner churn — with its value against the practice's
// band (a BandGauge, the value and the band in words; the tooltip says where it comes from),
// then the findings of the whole programme: stalled candidates, partnerships losing money,
// the benchmarks out of their band, when to hire BD, an integration without a distribution
// story. Enter or a double-click on a finding about a candidate opens it in the Candidates
// area. ProgrammePage shows it in its first tab.
class BenchmarksPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarksPanel(QWidget *parent = nullptr);

    void refresh(const item::ProgrammeData &data);
    QListWidget *findingsList() const { return m_findings; }
    // The value and band of a benchmark as shown ("26 %  ·  healthy: 10–30 %").
    QString shownValue(int row) const;

signals:
    void partnerChosen(const QString &name);

private:
    void ensureRows(int count);

    QGridLayout *m_grid;
    QList<QLabel *> m_names;
    QList<BandGauge *> m_gauges;
    QList<QLabel *> m_values;
    QLabel *m_window;
    QListWidget *m_findings;
};

} // namespace pb::ui
