#include "BenchmarksPanel.h"

#include "BandGauge.h"
#include "item/ProgrammeData.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

QString statusWords(BenchmarkStatus status)
{
    switch (status) {
    case BenchmarkStatus::NoData:
        return BenchmarksPanel::tr("no data yet");
    case BenchmarkStatus::Below:
        return BenchmarksPanel::tr("below the band");
    case BenchmarkStatus::Healthy:
        return BenchmarksPanel::tr("healthy");
    case BenchmarkStatus::Above:
        return BenchmarksPanel::tr("above the band");
    }
    return {};
}

QIcon severityIcon(const QStyle *style, Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case Finding::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Finding::Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    return {};
}

} // namespace

BenchmarksPanel::BenchmarksPanel(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_window(new QLabel(this))
    , m_findings(new QListWidget(this))
{
    m_window->setForegroundRole(QPalette::PlaceholderText);
    m_window->setWordWrap(true);
    m_grid->setColumnStretch(1, 1);
    m_grid->setHorizontalSpacing(10);
    m_findings->setWordWrap(true);
    m_findings->setAccessibleName(tr("Programme findings"));
    m_findings->setToolTip(tr("Enter or double-click a finding about a candidate to open it in "
                              "the Candidates area"));
    const auto open = [this](QListWidgetItem *item) {
        if (const QString partner = item->data(Qt::UserRole).toString(); !partner.isEmpty())
            emit partnerChosen(partner);
    };
    connect(m_findings, &QListWidget::itemActivated, this, open);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(m_grid);
    layout->addWidget(m_window);
    layout->addWidget(new QLabel(tr("<b>Findings</b>"), this));
    layout->addWidget(m_findings, 1);
}

void BenchmarksPanel::ensureRows(int count)
{
    while (m_names.size() < count) {
        const int row = int(m_names.size());
        m_names.append(new QLabel(this));
        m_gauges.append(new BandGauge(this));
        m_values.append(new QLabel(this));
        m_grid->addWidget(m_names.last(), row, 0);
        m_grid->addWidget(m_gauges.last(), row, 1);
        m_grid->addWidget(m_values.last(), row, 2);
    }
}

QString BenchmarksPanel::shownValue(int row) const
{
    return m_values.value(row) ? m_values.at(row)->text() : QString();
}

void BenchmarksPanel::refresh(const item::ProgrammeData &data)
{
    const QList<Benchmark> &benchmarks = data.health.benchmarks;
    ensureRows(int(benchmarks.size()));
    const QLocale locale;
    for (qsizetype i = 0; i < benchmarks.size(); ++i) {
        const Benchmark &benchmark = benchmarks.at(i);
        const QString value =
            benchmark.value ? locale.toString(*benchmark.value, 'f', 0) + u" %"_s : u"—"_s;
        m_names[i]->setText(benchmark.name);
        m_gauges[i]->setBenchmark(benchmark);
        m_values[i]->setText(
            tr("%1  ·  %2: %3").arg(value, statusWords(benchmark.status), benchmark.bandText()));
        for (QWidget *widget :
             {static_cast<QWidget *>(m_names[i]), static_cast<QWidget *>(m_gauges[i]),
              static_cast<QWidget *>(m_values[i])})
            widget->setToolTip(benchmark.detail);
    }
    m_window->setText(tr("Over the last twelve complete months, %1 – %2. Enter the programme's "
                         "totals under Programme inputs; partners' pipeline and revenue come "
                         "from their KPIs.")
                          .arg(locale.toString(data.health.from, u"MMM yyyy"_s),
                               locale.toString(data.health.to, u"MMM yyyy"_s)));
    m_findings->clear();
    for (const Finding &finding : data.findings) {
        auto *item = new QListWidgetItem(severityIcon(style(), finding.severity), finding.message,
                                         m_findings);
        item->setToolTip(finding.code);
        item->setData(Qt::UserRole, finding.partner);
    }
    if (data.findings.isEmpty())
        new QListWidgetItem(tr("Nothing to report: the funnel moves, no partnership loses money "
                               "and the benchmarks are in their bands."),
                            m_findings);
}

} // namespace pb::ui
