#include "WorkAreaPage.h"

#include "store/Workbook.h"

#include <QLabel>
#include <QVBoxLayout>

namespace pb::ui {

WorkAreaPage::WorkAreaPage(Area area, QWidget *parent)
    : QWidget(parent)
    , m_area(area)
    , m_status(new QLabel(this))
{
    auto *heading = new QLabel(title(area), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAccessibleName(title(area));

    auto *description = new QLabel(summary(area), this);
    description->setWordWrap(true);
    description->setMaximumWidth(640);
    description->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_status->setWordWrap(true);
    m_status->setMaximumWidth(640);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(description);
    layout->addWidget(m_status);
    layout->addStretch(1);
}

QString WorkAreaPage::title(Area area)
{
    switch (area) {
    case Area::Candidates:
        return tr("Candidates");
    case Area::Raci:
        return tr("RACI");
    case Area::Kpis:
        return tr("KPIs");
    case Area::Proposal:
        return tr("Proposal");
    case Area::Programme:
        return tr("Programme");
    }
    return {};
}

QString WorkAreaPage::summary(Area area)
{
    switch (area) {
    case Area::Candidates:
        return tr("Score the long list of partner candidates on audience overlap, strategic "
                  "value and ease of integration, weigh the three, and focus on the top three.");
    case Area::Raci:
        return tr("Agree who is Responsible, Accountable, Consulted and Informed for each "
                  "activity of a partnership, on both sides, so neither assumes the other "
                  "will drive.");
    case Area::Kpis:
        return tr("Track three to five KPIs per partnership against their targets, review "
                  "monthly in the first quarter and quarterly after, and see the warning "
                  "signals early.");
    case Area::Proposal:
        return tr("Turn what the workbook knows into a one-page proposal — structure, joint "
                  "motion, success metrics and commercial terms — and export it to PDF.");
    case Area::Programme:
        return tr("The programme at a glance: the funnel against the practice, which partnership "
                  "earns more than it costs, and the health benchmarks — how much pipeline comes "
                  "from partners, and when to hire BD.");
    }
    return {};
}

void WorkAreaPage::setWorkbook(store::Workbook *workbook)
{
    m_workbook = workbook;
    if (workbook)
        connect(workbook->notifier(), &store::WorkbookNotifier::changed, this,
                &WorkAreaPage::onChange);
    m_dirty = true;
    if (isVisible() || !workbook)
        refresh();
}

void WorkAreaPage::onChange(const store::Change &change)
{
    // Counting 100,000 rows after every weight change would slow the table down; the
    // counts only change with records, and only matter when the page is shown.
    if (change.entity == store::Change::Entity::Settings)
        return;
    m_dirty = true;
    if (isVisible())
        refresh();
}

void WorkAreaPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void WorkAreaPage::refresh()
{
    m_dirty = false;
    if (!m_workbook) {
        m_status->clear();
        return;
    }
    const store::WorkbookCounts counts = m_workbook->counts();
    // Explicit singular and plural sentences: without a translation file Qt's %n plural
    // forms would show "candidate(s)".
    const auto candidates = [](qint64 n) {
        return n == 1 ? tr("This workbook holds 1 candidate.")
                      : tr("This workbook holds %1 candidates.").arg(n);
    };
    const auto partnerships = [](qint64 n) {
        return n == 1 ? tr("This workbook holds 1 partnership.")
                      : tr("This workbook holds %1 partnerships.").arg(n);
    };
    QString held;
    switch (m_area) {
    case Area::Candidates:
        held = candidates(counts.candidates);
        break;
    case Area::Raci:
    case Area::Proposal:
    case Area::Programme:
        held = partnerships(counts.partnerships);
        break;
    case Area::Kpis:
        held = tr("This workbook holds %1 KPIs across %2 partnerships.")
                   .arg(counts.kpis)
                   .arg(counts.partnerships);
        break;
    }
    m_status->setText(held + u' ' +
                      tr("The editor for this area is on its way; your data is already kept "
                         "in the workbook."));
}

} // namespace pb::ui
