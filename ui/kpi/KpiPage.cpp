#include "KpiPage.h"

#include "KpiChart.h"
#include "KpiChartView.h"
#include "PortfolioChart.h"
#include "KpiDelegate.h"
#include "io/KpiCsv.h"
#include "io/SafeFile.h"
#include "item/KpiListModel.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "AppSettings.h"
#include "Messages.h"
#include "PartnerPicker.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {
// The common KPIs a new partnership starts with, when the user does not choose.
bool preselected(KpiMetric metric)
{
    return metric == KpiMetric::Referrals || metric == KpiMetric::ConversionRate ||
           metric == KpiMetric::PartnerSatisfaction || metric == KpiMetric::PartnerRevenue;
}

QAction *addShortcutAction(QWidget *owner, const QString &text, const QKeySequence &keys)
{
    auto *action = new QAction(text, owner);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}
} // namespace

KpiPage::KpiPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tracker(new item::KpiTracker(editor, this))
    , m_listModel(new item::KpiListModel(m_tracker, this))
    , m_valuesModel(new item::KpiValuesModel(m_tracker, this))
    , m_partner(
          new PartnerPicker(editor->workbook(), PartnerPicker::Order::PartnershipsFirst, this))
    , m_stack(new QStackedWidget(this))
    , m_emptyTitle(new QLabel(this))
    , m_startButton(new QPushButton(tr("&Start Tracking KPIs…"), this))
    , m_pilotStarted(new QCheckBox(tr("Pilot started"), this))
    , m_pilotStart(new QDateEdit(this))
    , m_pilotDays(new QSpinBox(this))
    , m_nextReview(new QLabel(this))
    , m_kpiTable(new QTableView(this))
    , m_valuesTable(new QTableView(this))
    , m_chartTabs(new QTabWidget(this))
    , m_chart(new KpiChartView(this))
    , m_portfolioChart(new KpiChartView(this))
    , m_sideTabs(new QTabWidget(this))
    , m_signals(new QListWidget(this))
    , m_reviews(new QTreeWidget(this))
{
    const bool readOnly = editor->workbook()->isReadOnly();
    m_partner->setToolTip(tr("The partnership whose KPIs you are tracking; type to search"));
    connect(m_partner, &PartnerPicker::partnerChosen, this, &KpiPage::onPartnerChosen);

    // The pilot and the review cadence.
    m_pilotStart->setCalendarPopup(true);
    m_pilotStart->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_pilotStart->setAccessibleName(tr("Pilot start"));
    m_pilotStart->setToolTip(tr("The day the pilot started; reviews are due monthly for three "
                                "months after it, then quarterly"));
    m_pilotDays->setRange(1, 3650);
    m_pilotDays->setSuffix(tr(" days"));
    m_pilotDays->setAccessibleName(tr("Pilot length"));
    m_pilotDays->setToolTip(tr("How long the pilot runs (90 days is usual; longer is a warning "
                               "sign in the proposal)"));
    m_nextReview->setTextFormat(Qt::PlainText);
    m_nextReview->setAccessibleName(tr("Next review"));
    auto *reviewButton = new QPushButton(tr("&Record Review…"), this);
    reviewButton->setToolTip(tr("Record today's review: the decision and a note"));
    connect(m_pilotStarted, &QCheckBox::toggled, this, &KpiPage::writePilot);
    connect(m_pilotStart, &QDateEdit::editingFinished, this, &KpiPage::writePilot);
    connect(m_pilotDays, &QSpinBox::editingFinished, this, &KpiPage::writePilot);
    connect(reviewButton, &QPushButton::clicked, this, &KpiPage::askRecordReview);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addSpacing(16);
    bar->addWidget(m_pilotStarted);
    bar->addWidget(m_pilotStart);
    bar->addWidget(new QLabel(tr("for"), this));
    bar->addWidget(m_pilotDays);
    bar->addSpacing(16);
    bar->addWidget(m_nextReview);
    bar->addStretch(1);
    bar->addWidget(reviewButton);

    // A partner without KPIs: start from the common set.
    auto *empty = new QWidget(this);
    m_emptyTitle->setWordWrap(true);
    m_emptyTitle->setTextFormat(Qt::PlainText);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(24, 24, 24, 24);
    emptyLayout->addWidget(m_emptyTitle);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startButton);
    startRow->addStretch(1);
    emptyLayout->addLayout(startRow);
    emptyLayout->addStretch(1);
    connect(m_startButton, &QPushButton::clicked, this, &KpiPage::askStartTracking);

    // The KPIs: definitions (editable) and where each stands.
    m_kpiTable->setModel(m_listModel);
    m_kpiTable->setItemDelegate(new KpiDelegate(item::KpiListModel::StatusRole,
                                                item::KpiListModel::ChoicesRole,
                                                item::KpiListModel::Status, m_kpiTable));
    m_kpiTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_kpiTable->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed |
                                QAbstractItemView::AnyKeyPressed);
    m_kpiTable->verticalHeader()->hide();
    m_kpiTable->setAlternatingRowColors(true);
    m_kpiTable->setAccessibleName(tr("KPIs"));
    // One line per KPI, so that five fit above the grid on a laptop; the name takes the
    // room that is left and elides, with the full text in its tooltip.
    m_kpiTable->setWordWrap(false);
    m_kpiTable->horizontalHeader()->setStretchLastSection(false);
    m_kpiTable->horizontalHeader()->setSectionResizeMode(item::KpiListModel::Name,
                                                         QHeaderView::Stretch);
    m_kpiTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    const int em = fontMetrics().horizontalAdvance(u'M');
    const int widths[] = {0, 12, 7, 10, 9, 7, 9, 8, 6};
    for (int column = 1; column < item::KpiListModel::ColumnCount; ++column)
        m_kpiTable->setColumnWidth(column, widths[column] * em);
    connect(m_kpiTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showKpi(current.row());
            });

    auto *addKpiButton = new QToolButton(this);
    addKpiButton->setText(tr("&Add KPI"));
    addKpiButton->setPopupMode(QToolButton::InstantPopup);
    auto *addMenu = new QMenu(addKpiButton);
    addKpiButton->setMenu(addMenu);
    connect(addMenu, &QMenu::aboutToShow, this, [this, addMenu] {
        addMenu->clear();
        for (const KpiDefinition &kpi : commonKpis()) {
            QAction *action = addMenu->addAction(kpi.name, this, [this, kpi] {
                if (const QString error = addKpi(kpi); !error.isEmpty())
                    warn(tr("Add KPI"), error);
            });
            action->setEnabled(!KpiRules::seriesFor(m_tracker->kpis(), kpi.metric));
        }
        addMenu->addSeparator();
        addMenu->addAction(tr("Another KPI…"), this, [this] {
            bool ok = false;
            const QString name = QInputDialog::getText(this, tr("Add KPI"), tr("KPI name:"),
                                                       QLineEdit::Normal, {}, &ok);
            if (!ok)
                return;
            KpiDefinition kpi;
            kpi.name = name;
            kpi.metric = kpiMetricForName(name);
            if (const QString error = addKpi(kpi); !error.isEmpty())
                warn(tr("Add KPI"), error);
        });
    });
    auto *removeKpiButton = new QPushButton(tr("Remove KPI"), this);
    removeKpiButton->setToolTip(tr("Remove the selected KPIs and their values (undo brings "
                                   "them back)"));
    connect(removeKpiButton, &QPushButton::clicked, this, &KpiPage::removeSelectedKpis);
    auto *upButton = new QToolButton(this);
    upButton->setArrowType(Qt::UpArrow);
    upButton->setToolTip(tr("Move the KPI up (Ctrl+Shift+Up)"));
    upButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up));
    connect(upButton, &QToolButton::clicked, this, [this] { moveSelectedKpi(-1); });
    auto *downButton = new QToolButton(this);
    downButton->setArrowType(Qt::DownArrow);
    downButton->setToolTip(tr("Move the KPI down (Ctrl+Shift+Down)"));
    downButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down));
    connect(downButton, &QToolButton::clicked, this, [this] { moveSelectedKpi(+1); });

    auto *kpiPane = new QWidget(this);
    auto *kpiLayout = new QVBoxLayout(kpiPane);
    kpiLayout->setContentsMargins(0, 0, 0, 0);
    auto *kpiBar = new QHBoxLayout;
    kpiBar->addWidget(new QLabel(tr("<b>KPIs</b>"), kpiPane));
    kpiBar->addStretch(1);
    kpiBar->addWidget(upButton);
    kpiBar->addWidget(downButton);
    kpiBar->addWidget(addKpiButton);
    kpiBar->addWidget(removeKpiButton);
    kpiLayout->addLayout(kpiBar);
    kpiLayout->addWidget(m_kpiTable, 1);

    // Signals and reviews beside the KPIs.
    m_signals->setWordWrap(true);
    m_signals->setAccessibleName(tr("Signals"));
    m_signals->setTextElideMode(Qt::ElideNone);
    m_reviews->setHeaderLabels({tr("Date"), tr("Decision"), tr("Note")});
    m_reviews->setRootIsDecorated(false);
    m_reviews->setAccessibleName(tr("Reviews"));
    m_reviews->setWordWrap(true);
    m_reviews->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_reviews->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_reviews->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *removeReview = new QAction(tr("Remove Review"), m_reviews);
    m_reviews->addAction(removeReview);
    connect(removeReview, &QAction::triggered, this, [this] {
        QTreeWidgetItem *item = m_reviews->currentItem();
        if (!item)
            return;
        if (const QString error = m_editor->removeReview(m_tracker->candidateId(),
                                                         item->data(0, Qt::UserRole).toLongLong());
            !error.isEmpty())
            warn(tr("Remove Review"), error);
    });
    m_sideTabs->addTab(m_signals, tr("Signals"));
    m_sideTabs->addTab(m_reviews, tr("Reviews"));
    m_sideTabs->setMinimumWidth(260);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(kpiPane);
    top->addWidget(m_sideTabs);
    top->setStretchFactor(0, 7);
    top->setStretchFactor(1, 3);
    top->setChildrenCollapsible(false);

    // The entry grid: periods × KPIs.
    m_valuesTable->setModel(m_valuesModel);
    m_valuesTable->setItemDelegate(
        new KpiDelegate(item::KpiValuesModel::StatusRole, -1, -1, m_valuesTable));
    m_valuesTable->setEditTriggers(QAbstractItemView::DoubleClicked |
                                   QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::AnyKeyPressed);
    m_valuesTable->setAccessibleName(tr("Values"));
    m_valuesTable->horizontalHeader()->setDefaultSectionSize(12 * em);
    m_valuesTable->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_valuesTable->setWordWrap(false);
    m_valuesTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_valuesTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_valuesTable->setToolTip(tr("Type a value and press Enter; paste a block from a "
                                 "spreadsheet with Ctrl+V; Delete clears"));
    connect(m_valuesTable->selectionModel(), &QItemSelectionModel::currentColumnChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showKpi(current.column());
            });
    QAction *copy = addShortcutAction(m_valuesTable, tr("Copy"), QKeySequence::Copy);
    QAction *paste = addShortcutAction(m_valuesTable, tr("Paste"), QKeySequence::Paste);
    QAction *clear = addShortcutAction(m_valuesTable, tr("Clear"), QKeySequence::Delete);
    clear->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(copy, &QAction::triggered, this, &KpiPage::copyValues);
    connect(paste, &QAction::triggered, this, [this] {
        if (const QString error = pasteValues(QApplication::clipboard()->text()); !error.isEmpty())
            warn(tr("Paste"), error);
    });
    connect(clear, &QAction::triggered, this, &KpiPage::clearValues);
    m_valuesTable->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *addPeriodButton = new QPushButton(tr("Add &Period…"), this);
    addPeriodButton->setToolTip(tr("Add a row for a month (YYYY-MM) or a day (YYYY-MM-DD)"));
    connect(addPeriodButton, &QPushButton::clicked, this, &KpiPage::askAddPeriod);
    auto *importButton = new QPushButton(tr("&Import CSV…"), this);
    importButton->setToolTip(tr("Import values from a CSV file with the columns kpi, period "
                                "and value"));
    auto *exportButton = new QPushButton(tr("E&xport CSV…"), this);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import KPI Values"),
            AppSettings::value(AppSettings::Key::LastFolder).toString(),
            tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            if (const QString error = importFile(path); !error.isEmpty())
                warn(tr("Nothing was imported"), error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export KPI Values"),
            QDir(AppSettings::value(AppSettings::Key::LastFolder).toString())
                .filePath(tr("%1 KPIs.csv").arg(m_partner->currentName())),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            if (const QString error = exportFile(path); !error.isEmpty())
                warn(tr("Export KPI Values"), error);
    });
    auto *valuesPane = new QWidget(this);
    auto *valuesLayout = new QVBoxLayout(valuesPane);
    valuesLayout->setContentsMargins(0, 0, 0, 0);
    auto *valuesBar = new QHBoxLayout;
    valuesBar->addWidget(new QLabel(tr("<b>Values per period</b>"), valuesPane));
    valuesBar->addStretch(1);
    valuesBar->addWidget(addPeriodButton);
    valuesBar->addWidget(importButton);
    valuesBar->addWidget(exportButton);
    valuesLayout->addLayout(valuesBar);
    valuesLayout->addWidget(m_valuesTable, 1);

    // The charts.
    m_chart->setAccessibleName(tr("KPI chart"));
    m_portfolioChart->setAccessibleName(tr("Portfolio chart"));
    m_chartTabs->addTab(m_chart, tr("KPI"));
    m_chartTabs->addTab(m_portfolioChart, tr("Partner Revenue (All Partners)"));
    auto *exportChartButton = new QToolButton(this);
    exportChartButton->setText(tr("Export Chart…"));
    exportChartButton->setToolTip(tr("Save the chart shown as PNG or PDF"));
    exportChartButton->setAutoRaise(true);
    m_chartTabs->setCornerWidget(exportChartButton, Qt::TopRightCorner);
    connect(m_chartTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_chartTabs->currentWidget() == m_portfolioChart && m_portfolioDirty)
            refreshCharts();
    });
    connect(exportChartButton, &QToolButton::clicked, this, [this] {
        const bool portfolio = m_chartTabs->currentWidget() == m_portfolioChart;
        const QString name =
            portfolio ? tr("Partner revenue")
                      : m_listModel->index(m_chartRow, item::KpiListModel::Name).data().toString();
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Chart"),
            QDir(AppSettings::value(AppSettings::Key::LastFolder).toString())
                .filePath(portfolio ? name + u".png"_s
                                    : u"%1 — %2.png"_s.arg(m_partner->currentName(), name)),
            tr("PNG image (*.png);;PDF document (*.pdf)"));
        if (!path.isEmpty())
            if (const QString error = exportChart(path); !error.isEmpty())
                warn(tr("Export Chart"), error);
    });

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(valuesPane);
    bottom->addWidget(m_chartTabs);
    bottom->setStretchFactor(0, 5);
    bottom->setStretchFactor(1, 6);
    bottom->setSizes({500, 600}); // ratios until the first layout
    bottom->setChildrenCollapsible(false);

    auto *body = new QSplitter(Qt::Vertical, this);
    body->addWidget(top);
    body->addWidget(bottom);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 6);
    body->setChildrenCollapsible(false);

    m_stack->addWidget(empty);
    m_stack->addWidget(body);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    m_editWidgets = {m_startButton, m_pilotStarted,  m_pilotStart,    m_pilotDays,
                     reviewButton,  addKpiButton,    removeKpiButton, upButton,
                     downButton,    addPeriodButton, importButton};
    for (QWidget *widget : std::as_const(m_editWidgets))
        widget->setEnabled(!readOnly);
    if (readOnly) {
        paste->setEnabled(false);
        clear->setEnabled(false);
        removeReview->setEnabled(false);
    }

    connect(m_tracker, &item::KpiTracker::reset, this, &KpiPage::onReset);
    connect(m_tracker, &item::KpiTracker::updated, this, &KpiPage::onUpdated);
    connect(m_listModel, &item::KpiListModel::editRefused, this,
            [this](const QString &message) { warn(tr("KPI not changed"), message); });
    connect(m_valuesModel, &item::KpiValuesModel::editRefused, this,
            [this](const QString &message) { warn(tr("Value not saved"), message); });
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            [this](const store::Change &change) {
                using Entity = store::Change::Entity;
                if (change.entity == Entity::Kpi || change.entity == Entity::Partnership ||
                    change.entity == Entity::Settings || change.entity == Entity::Candidate) {
                    m_portfolioDirty = true;
                    if (m_chartTabs->currentWidget() == m_portfolioChart && isVisible())
                        refreshCharts();
                }
            });
    onReset();
}

qint64 KpiPage::currentPartner() const
{
    return m_tracker->candidateId();
}

bool KpiPage::selectPartner(qint64 candidateId)
{
    return m_partner->selectPartner(candidateId);
}

void KpiPage::onPartnerChosen(qint64 candidateId, const QString &)
{
    m_tracker->setCandidate(candidateId);
}

void KpiPage::onReset()
{
    const bool hasKpis = !m_tracker->kpis().kpis.isEmpty();
    m_stack->setCurrentIndex(hasKpis ? 1 : 0);
    const QString partner = m_tracker->kpis().partner;
    m_emptyTitle->setText(
        !m_tracker->candidateId()
            ? tr("Choose a partner above to track its KPIs.")
            : tr("%1 has no KPIs yet. Agree three to five with the partner — the common ones "
                 "are referrals, conversion rate, average deal size, time to close, partner "
                 "satisfaction and partner-sourced revenue — and record their values each "
                 "month.")
                  .arg(partner));
    m_startButton->setVisible(m_tracker->candidateId() != 0);
    m_chartRow = std::clamp(m_chartRow, 0, std::max(0, m_listModel->rowCount() - 1));
    if (hasKpis && !m_kpiTable->currentIndex().isValid())
        m_kpiTable->setCurrentIndex(m_listModel->index(m_chartRow, 0));
    // Wide enough for each KPI's header and values, within reason.
    const int em = fontMetrics().horizontalAdvance(u'M');
    auto *header = m_valuesTable->horizontalHeader();
    for (int column = 0; column < m_valuesModel->columnCount(); ++column)
        header->resizeSection(column,
                              std::clamp(header->sectionSizeHint(column) + em, 8 * em, 15 * em));
    onUpdated();
}

void KpiPage::onUpdated()
{
    refreshPilot();
    refreshSignals();
    refreshReviews();
    refreshCharts();
    if (m_stack->currentIndex() == 0 && !m_tracker->kpis().kpis.isEmpty())
        m_stack->setCurrentIndex(1);
}

void KpiPage::refreshPilot()
{
    const Pilot pilot = m_tracker->kpis().pilot;
    const bool hasPartner = m_tracker->candidateId() != 0;
    const bool readOnly = m_editor->workbook()->isReadOnly();
    {
        const QSignalBlocker a(m_pilotStarted), b(m_pilotStart), c(m_pilotDays);
        m_pilotStarted->setChecked(pilot.start.isValid());
        m_pilotStart->setDate(pilot.start.isValid() ? pilot.start : m_tracker->today());
        m_pilotDays->setValue(pilot.days);
    }
    m_pilotStarted->setEnabled(hasPartner && !readOnly);
    m_pilotStart->setEnabled(hasPartner && !readOnly && pilot.start.isValid());
    m_pilotDays->setEnabled(hasPartner && !readOnly);

    const auto next = KpiRules::nextReview(pilot, m_tracker->kpis().reviews);
    const QDate today = m_tracker->today();
    QString text;
    if (!hasPartner) {
        text.clear();
    } else if (!pilot.start.isValid()) {
        text = tr("Next review: set the pilot start");
    } else if (!next) {
        text = tr("No further reviews: the partnership was ended");
    } else if (today > *next) {
        const qint64 late = next->daysTo(today);
        const QString due = QLocale().toString(*next, QLocale::ShortFormat);
        text = late == 1 ? tr("Review overdue since %1 (1 day)").arg(due)
                         : tr("Review overdue since %1 (%2 days)").arg(due).arg(late);
    } else {
        text = tr("Next review: %1").arg(QLocale().toString(*next, QLocale::ShortFormat));
    }
    m_nextReview->setText(text);
    const bool overdue = next && today > *next;
    m_nextReview->setStyleSheet(overdue ? u"color: #b2182b; font-weight: bold;"_s : QString());
    m_nextReview->setToolTip(tr("Reviews are due monthly for the first three months after the "
                                "pilot starts, then quarterly. A review recorded up to 14 days "
                                "early counts."));
}

void KpiPage::refreshSignals()
{
    m_signals->clear();
    for (const Finding &finding : m_tracker->findings()) {
        auto *item = new QListWidgetItem(finding.message, m_signals);
        item->setToolTip(finding.code);
        item->setIcon(style()->standardIcon(finding.severity == Finding::Severity::Info
                                                ? QStyle::SP_MessageBoxInformation
                                                : QStyle::SP_MessageBoxWarning));
    }
    if (m_signals->count() == 0 && m_tracker->candidateId()) {
        auto *item = new QListWidgetItem(tr("No warning signals."), m_signals);
        item->setFlags(Qt::NoItemFlags);
    }
    const int warnings =
        int(std::count_if(m_tracker->findings().cbegin(), m_tracker->findings().cend(),
                          [](const Finding &f) { return f.severity != Finding::Severity::Info; }));
    m_sideTabs->setTabText(0, warnings ? tr("Signals (%1)").arg(warnings) : tr("Signals"));
}

void KpiPage::refreshReviews()
{
    m_reviews->clear();
    const QList<Review> &reviews = m_tracker->kpis().reviews;
    // Newest first: the last decision is what matters in a review meeting.
    for (auto it = reviews.crbegin(); it != reviews.crend(); ++it) {
        auto *item =
            new QTreeWidgetItem(m_reviews, {QLocale().toString(it->date, QLocale::ShortFormat),
                                            reviewDecisionDisplayName(it->decision), it->note});
        item->setData(0, Qt::UserRole, it->id);
        item->setToolTip(2, it->note);
    }
    m_sideTabs->setTabText(1, tr("Reviews (%1)").arg(reviews.size()));
}

void KpiPage::refreshCharts()
{
    const auto &kpis = m_tracker->kpis().kpis;
    if (m_chartRow >= 0 && m_chartRow < kpis.size()) {
        charts::buildKpiChart(m_chart, kpis.at(m_chartRow), m_tracker->thresholds(), m_tracker->currency());
        m_chartTabs->setTabText(0, kpis.at(m_chartRow).definition.name);
    } else {
        charts::buildKpiChart(m_chart, KpiSeries{}, m_tracker->thresholds(), m_tracker->currency());
        m_chartTabs->setTabText(0, tr("KPI"));
    }
    m_chart->replot();
    if (m_chartTabs->currentWidget() == m_portfolioChart) {
        charts::buildPortfolioChart(m_portfolioChart, m_editor->workbook()->allPartnershipKpis(),
                            m_tracker->currency());
        m_portfolioChart->replot();
        m_portfolioDirty = false;
    }
}

void KpiPage::showKpi(int row)
{
    if (row == m_chartRow && m_chart->graphCount() > 0)
        return;
    m_chartRow = row;
    refreshCharts();
    if (m_chartTabs->currentWidget() != m_chart)
        m_chartTabs->setCurrentWidget(m_chart);
}

QString KpiPage::startTracking(const QList<KpiDefinition> &kpis)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    QList<KpiSeries> series;
    for (const KpiDefinition &kpi : kpis)
        series.append({kpi, {}});
    return m_editor->changeKpis(m_tracker->candidateId(), series,
                                tr("Start tracking KPIs for %1").arg(m_tracker->kpis().partner));
}

void KpiPage::askStartTracking()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Start Tracking KPIs"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Choose the KPIs you agreed with %1. Three to five keep the "
                                "reviews focused; you can add, rename and retarget them later.")
                                 .arg(m_tracker->kpis().partner),
                             &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QList<QPair<QCheckBox *, KpiDefinition>> boxes;
    const QLocale locale;
    for (const KpiDefinition &kpi : commonKpis()) {
        auto *box = new QCheckBox(tr("%1 — target %2 per month")
                                      .arg(kpi.name, formatKpiValue(*kpi.target, kpi.unit,
                                                                    m_tracker->currency(), locale)),
                                  &dialog);
        box->setChecked(preselected(kpi.metric));
        layout->addWidget(box);
        boxes.append({box, kpi});
    }
    auto *count = new QLabel(&dialog);
    layout->addWidget(count);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    const auto updateCount = [&boxes, count, buttons] {
        const auto checked = std::count_if(
            boxes.cbegin(), boxes.cend(), [](const auto &pair) { return pair.first->isChecked(); });
        count->setText(
            !isRecommendedKpiCount(checked)
                ? tr("%n KPI(s) chosen; three to five is the usual range.", nullptr, int(checked))
                : tr("%n KPI(s) chosen.", nullptr, int(checked)));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(checked > 0);
    };
    for (const auto &pair : std::as_const(boxes))
        connect(pair.first, &QCheckBox::toggled, &dialog, updateCount);
    updateCount();
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<KpiDefinition> chosen;
    for (const auto &pair : std::as_const(boxes)) {
        if (pair.first->isChecked())
            chosen.append(pair.second);
    }
    if (const QString error = startTracking(chosen); !error.isEmpty())
        warn(tr("Start Tracking KPIs"), error);
}

QString KpiPage::addKpi(const KpiDefinition &kpi)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    QString error;
    const int row = m_listModel->addKpi(kpi, &error);
    if (row >= 0) {
        m_kpiTable->setCurrentIndex(m_listModel->index(row, item::KpiListModel::Name));
        m_kpiTable->setFocus();
    }
    return error;
}

void KpiPage::removeSelectedKpis()
{
    QList<int> rows;
    for (const QModelIndex &index : m_kpiTable->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_kpiTable->currentIndex().isValid())
        rows.append(m_kpiTable->currentIndex().row());
    if (const QString error = m_listModel->removeKpis(rows); !error.isEmpty())
        warn(tr("Remove KPI"), error);
}

void KpiPage::moveSelectedKpi(int delta)
{
    const int row = m_kpiTable->currentIndex().row();
    if (row < 0)
        return;
    const int column = m_kpiTable->currentIndex().column();
    if (const QString error = m_listModel->moveKpi(row, delta); !error.isEmpty())
        warn(tr("Move KPI"), error);
    else
        m_kpiTable->setCurrentIndex(
            m_listModel->index(std::clamp(row + delta, 0, m_listModel->rowCount() - 1), column));
}

QString KpiPage::setPilot(const Pilot &pilot)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    return m_editor->changePilot(m_tracker->candidateId(), pilot);
}

void KpiPage::writePilot()
{
    if (!m_tracker->candidateId())
        return;
    Pilot pilot;
    pilot.start = m_pilotStarted->isChecked() ? m_pilotStart->date() : QDate();
    pilot.days = m_pilotDays->value();
    if (const QString error = setPilot(pilot); !error.isEmpty())
        warn(tr("Pilot not changed"), error);
    refreshPilot();
}

QString KpiPage::recordReview(const Review &review)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    return m_editor->recordReview(m_tracker->candidateId(), review);
}

void KpiPage::askRecordReview()
{
    if (!m_tracker->candidateId())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record Review — %1").arg(m_tracker->kpis().partner));
    auto *form = new QFormLayout(&dialog);
    auto *date = new QDateEdit(m_tracker->today(), &dialog);
    date->setCalendarPopup(true);
    date->setDisplayFormat(u"yyyy-MM-dd"_s);
    auto *decision = new QComboBox(&dialog);
    for (ReviewDecision d : {ReviewDecision::Continue, ReviewDecision::Scale, ReviewDecision::Pause,
                             ReviewDecision::End})
        decision->addItem(reviewDecisionDisplayName(d), int(d));
    auto *note = new QPlainTextEdit(&dialog);
    note->setPlaceholderText(tr("What was decided and why; who does what next"));
    note->setTabChangesFocus(true);
    form->addRow(tr("&Date:"), date);
    form->addRow(tr("De&cision:"), decision);
    form->addRow(tr("&Note:"), note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Review review;
    review.date = date->date();
    review.decision = ReviewDecision(decision->currentData().toInt());
    review.note = note->toPlainText().trimmed();
    if (const QString error = recordReview(review); !error.isEmpty())
        warn(tr("Record Review"), error);
    else
        m_sideTabs->setCurrentWidget(m_reviews);
}

QString KpiPage::addPeriod(const QString &text)
{
    QString why;
    const auto period = KpiPeriod::parse(text, &why);
    if (!period)
        return tr("%1.").arg(why);
    const int row = m_valuesModel->addPeriod(*period);
    const int column = std::max(0, m_valuesTable->currentIndex().column());
    m_valuesTable->setCurrentIndex(m_valuesModel->index(row, column));
    m_valuesTable->scrollTo(m_valuesTable->currentIndex());
    m_valuesTable->setFocus();
    return {};
}

void KpiPage::askAddPeriod()
{
    bool ok = false;
    const QString suggestion = m_valuesModel->suggestedNextPeriod(m_tracker->today()).toString();
    const QString text =
        QInputDialog::getText(this, tr("Add Period"), tr("Month (YYYY-MM) or day (YYYY-MM-DD):"),
                              QLineEdit::Normal, suggestion, &ok);
    if (ok)
        if (const QString error = addPeriod(text); !error.isEmpty())
            warn(tr("Add Period"), error);
}

QString KpiPage::pasteValues(const QString &text)
{
    QModelIndex start = m_valuesTable->currentIndex();
    const QModelIndexList selected = m_valuesTable->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        if (!start.isValid() || index.row() < start.row() ||
            (index.row() == start.row() && index.column() < start.column()))
            start = index;
    }
    if (!start.isValid() && m_valuesModel->rowCount() == 0 && m_valuesModel->columnCount() > 0) {
        // An empty grid: the paste starts this month.
        const KpiPeriod now = m_valuesModel->suggestedNextPeriod(m_tracker->today());
        start = m_valuesModel->index(m_valuesModel->addPeriod(now), 0);
    }
    return m_valuesModel->paste(start, text);
}

void KpiPage::copyValues()
{
    const QString text = m_valuesModel->copy(m_valuesTable->selectionModel()->selectedIndexes());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void KpiPage::clearValues()
{
    if (const QString error =
            m_valuesModel->clear(m_valuesTable->selectionModel()->selectedIndexes());
        !error.isEmpty())
        warn(tr("Clear"), error);
}

QString KpiPage::importFile(const QString &path)
{
    if (!m_tracker->candidateId())
        return tr("Choose a partner first.");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("\"%1\" cannot be read: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const io::KpiCsvImport parsed = io::KpiCsv::parse(file.readAll(), QFileInfo(path).fileName());
    if (!parsed.errors.isEmpty())
        return tr("The file has problems; nothing was changed:") + u"\n"_s +
               parsed.errors.join(u'\n');
    const QList<KpiSeries> before = m_tracker->kpis().kpis;
    const QList<KpiSeries> after = io::KpiCsv::merge(before, parsed.kpis);
    const QString error =
        m_editor->changeKpis(m_tracker->candidateId(), after,
                             tr("Import KPI values from %1").arg(QFileInfo(path).fileName()));
    if (error.isEmpty())
        emit statusMessage((parsed.valueCount == 1
                                ? tr("Imported 1 value from %1")
                                : tr("Imported %1 values from %2").arg(parsed.valueCount))
                               .arg(QDir::toNativeSeparators(path)));
    return error;
}

QString KpiPage::exportFile(const QString &path)
{
    if (m_tracker->kpis().kpis.isEmpty())
        return tr("This partnership has no KPIs yet.");
    const QString error = io::SafeFile::write(path, io::KpiCsv::write(m_tracker->kpis().kpis));
    if (error.isEmpty())
        emit statusMessage(tr("Exported the KPIs to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

QString KpiPage::exportChart(const QString &path)
{
    KpiChartView *chart =
        m_chartTabs->currentWidget() == m_portfolioChart ? m_portfolioChart : m_chart;
    const QString error = charts::exportChart(chart, path, 1200, 600);
    if (error.isEmpty()) {
        AppSettings::setValue(AppSettings::Key::LastFolder, QFileInfo(path).absolutePath());
        emit statusMessage(tr("Chart saved to %1").arg(QDir::toNativeSeparators(path)));
    }
    return error;
}

void KpiPage::warn(const QString &title, const QString &message)
{
    Messages::warning(this, title, message);
}

} // namespace pb::ui
