#include "ProgrammePage.h"

#include "AppSettings.h"
#include "BenchmarksPanel.h"
#include "CostsPanel.h"
#include "FileDialogs.h"
#include "Messages.h"
#include "MonthGridPanel.h"
#include "PartnerPicker.h"
#include "ProgrammeCharts.h"
#include "ProgrammeReviewCharts.h"
#include "StalledPanel.h"
#include "io/ProposalDocument.h"
#include "item/CostsModel.h"
#include "item/ProgrammeInputsModel.h"
#include "item/ProgrammeTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;

namespace pb::ui {

ProgrammePage::ProgrammePage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tracker(new item::ProgrammeTracker(editor, this))
    , m_costsModel(new item::CostsModel(m_tracker, this))
    , m_inputsModel(new item::ProgrammeInputsModel(m_tracker, this))
    , m_partner(
          new PartnerPicker(editor->workbook(), PartnerPicker::Order::PartnershipsFirst, this))
    , m_summary(new QLabel(this))
    , m_charts(new ProgrammeCharts(m_tracker, this))
    , m_tabs(new QTabWidget(this))
    , m_benchmarks(new BenchmarksPanel(this))
    , m_stalled(new StalledPanel(this))
    , m_costs(new CostsPanel(m_tracker, m_costsModel, this))
    , m_inputs(new MonthGridPanel(tr("Programme inputs"), m_inputsModel, m_tracker, this))
    , m_exportReview(new QAction(tr("Export Programme &Review…"), this))
{
    m_inputs->table()->setAccessibleName(tr("Programme inputs"));
    m_inputs->setHint(tr("The programme's totals from every source, partners and not: the "
                         "partner shares are counted against them."));
    m_exportReview->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportReview->setIconText(tr("Export Review…"));
    m_exportReview->setToolTip(tr("Write this area on one PDF page: the funnel, the P&L, the "
                                  "benchmarks and the findings (Ctrl+E)"));
    connect(m_exportReview, &QAction::triggered, this, &ProgrammePage::askExportReview);
    addEditActions();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(createBar());
    layout->addWidget(createBody(), 1);
    connectPanels();
}

QLayout *ProgrammePage::createBar()
{
    m_partner->setToolTip(tr("The partnership whose costs you enter and whose P&L is charted; "
                             "type to search"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    auto *exportButton = new QToolButton(this);
    exportButton->setDefaultAction(m_exportReview);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Partnership:"), this);
    label->setBuddy(m_partner);
    bar->addWidget(label);
    bar->addWidget(m_partner);
    bar->addSpacing(16);
    bar->addWidget(m_summary, 1);
    bar->addWidget(exportButton);
    return bar;
}

// The charts above; below them the benchmarks, stalled candidates and the programme's inputs
// in tabs (the inputs feed the benchmarks), and the chosen partnership's costs beside them.
QWidget *ProgrammePage::createBody()
{
    m_tabs->addTab(m_benchmarks, tr("Health"));
    m_tabs->addTab(m_stalled, tr("Stalled"));
    m_tabs->addTab(m_inputs, tr("Programme inputs"));
    m_tabs->setDocumentMode(true);

    auto *numbers = new QSplitter(Qt::Horizontal, this);
    numbers->addWidget(m_tabs);
    numbers->addWidget(m_costs);
    numbers->setStretchFactor(0, 1);
    numbers->setStretchFactor(1, 1);
    numbers->setSizes({560, 560}); // ratios until the first layout
    numbers->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(numbers, u"programme.numbers"_s);

    auto *body = new QSplitter(Qt::Vertical, this);
    body->addWidget(m_charts);
    body->addWidget(numbers);
    body->setStretchFactor(0, 5);
    body->setStretchFactor(1, 6);
    body->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(body, u"programme.body"_s);
    return body;
}

// Copy, Paste and Clear with their standard keys, for whichever of the two grids has the
// focus: one set of actions (one owner per key), live in both grids and their context menus.
void ProgrammePage::addEditActions()
{
    const bool readOnly = m_editor->workbook()->isReadOnly();
    const auto make = [this](const QString &text, const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        for (MonthGridPanel *grid : {m_costs->grid(), m_inputs}) {
            grid->table()->addAction(action);
            grid->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
        }
        m_editActions.append(action);
        return action;
    };
    QAction *copy = make(tr("&Copy Values"), {QKeySequence::Copy});
    QAction *paste = make(tr("&Paste Values"), {QKeySequence::Paste});
    QAction *clear =
        make(tr("C&lear Values"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    paste->setEnabled(!readOnly);
    clear->setEnabled(!readOnly);
    connect(copy, &QAction::triggered, this, [this] {
        if (const QString text = focusedGrid()->copyValues(); !text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    connect(paste, &QAction::triggered, this, [this] {
        const QString error = focusedGrid()->pasteValues(QApplication::clipboard()->text());
        if (!error.isEmpty())
            warn(tr("Paste"), error);
    });
    connect(clear, &QAction::triggered, this, [this] {
        if (const QString error = focusedGrid()->clearValues(); !error.isEmpty())
            warn(tr("Clear"), error);
    });
}

MonthGridPanel *ProgrammePage::focusedGrid() const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && m_inputs->isAncestorOf(focus) ? m_inputs : m_costs->grid();
}

void ProgrammePage::connectPanels()
{
    connect(m_partner, &PartnerPicker::partnerChosen, m_tracker,
            &item::ProgrammeTracker::setPartner);
    connect(m_tracker, &item::ProgrammeTracker::reset, this, &ProgrammePage::refresh);
    connect(m_tracker, &item::ProgrammeTracker::updated, this, &ProgrammePage::refresh);
    connect(m_stalled, &StalledPanel::candidateChosen, this, &ProgrammePage::candidateChosen);
    connect(m_benchmarks, &BenchmarksPanel::partnerChosen, this, [this](const QString &name) {
        if (const auto id = m_editor->workbook()->candidateIdByName(name))
            emit candidateChosen(*id);
    });
    connect(m_costs, &CostsPanel::refused, this, &ProgrammePage::warn);
    connect(m_inputs, &MonthGridPanel::refused, this, &ProgrammePage::warn);
    connect(m_costs, &CostsPanel::statusMessage, this, &ProgrammePage::statusMessage);
}

QList<QAction *> ProgrammePage::fileActions() const
{
    return m_costs->fileActions() << m_exportReview;
}

bool ProgrammePage::selectPartner(qint64 candidateId)
{
    return m_partner->selectPartner(candidateId);
}

void ProgrammePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_tracker->setLive(true);
}

void ProgrammePage::hideEvent(QHideEvent *event)
{
    m_tracker->setLive(false);
    QWidget::hideEvent(event);
}

void ProgrammePage::refresh()
{
    const item::ProgrammeData &data = m_tracker->data();
    m_charts->refresh();
    m_benchmarks->refresh(data);
    m_stalled->refresh(data);
    m_tabs->setTabText(1, tr("Stalled (%1)").arg(data.stalled.size()));
    m_costs->refresh();
    m_costs->grid()->fitColumns();
    m_inputs->fitColumns();
    m_summary->setText(
        tr("%1 candidates · %2 partnerships · net to date %3 · %4 findings")
            .arg(data.candidateCount())
            .arg(data.partnerships.size())
            .arg(domain::formatKpiValue(data.total.totalNet, domain::KpiUnit::Currency,
                                        data.currency, QLocale()))
            .arg(data.findings.size()));
}

QString ProgrammePage::exportReview(const QString &path)
{
    if (m_tracker->isStale())
        m_tracker->reload();
    const store::Workbook &workbook = *m_editor->workbook();
    const QString title = workbook.setting(SettingKey::Title).toString();
    QString company = workbook.setting(SettingKey::Company).toString();
    const io::ProgrammeReviewDocument document(
        charts::programmeReview(m_tracker->data(), title, company.isEmpty() ? title : company),
        io::ProposalDocument::defaultPageSize(QLocale()));
    const QString error = document.writePdf(path, workbook.setting(SettingKey::Owner).toString());
    if (error.isEmpty())
        emit statusMessage(tr("Programme review saved to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

void ProgrammePage::askExportReview()
{
    const QString path = FileDialogs::saveFile(
        this, FileDialogs::Kind::Pdf, tr("Export Programme Review"),
        tr("Programme review %1.pdf").arg(m_tracker->today().toString(Qt::ISODate)),
        tr("PDF files (*.pdf)"), u"pdf"_s);
    if (path.isEmpty())
        return;
    if (const QString error = exportReview(path); !error.isEmpty())
        warn(tr("Programme review not exported"), error);
}

void ProgrammePage::warn(const QString &title, const QString &message)
{
    Messages::warning(this, title, message);
}

} // namespace pb::ui
