#include "LifecyclePanel.h"

#include "Messages.h"
#include "ProposalChecksList.h"
#include "domain/ProposalBuilder.h"
#include "domain/Retrospective.h"
#include "domain/WorkbookSettings.h"
#include "item/ChecklistModel.h"
#include "item/LifecycleData.h"
#include "item/WorkbookEditor.h"
#include "kpi/ReviewDialog.h"
#include "store/Workbook.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

constexpr ChecklistKind kKinds[] = {ChecklistKind::Contract, ChecklistKind::Enablement,
                                    ChecklistKind::Exit};

QString listTitle(ChecklistKind kind)
{
    switch (kind) {
    case ChecklistKind::Contract:
        return LifecyclePanel::tr("Contract essentials");
    case ChecklistKind::Enablement:
        return LifecyclePanel::tr("Enablement kit");
    case ChecklistKind::Exit:
        break;
    }
    return LifecyclePanel::tr("Exit");
}

QString day(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat);
}

} // namespace

LifecyclePanel::LifecyclePanel(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_title(new QLabel(this))
    , m_checks(new QLabel(this))
    , m_lists(new QTabWidget(this))
    , m_retro(new QLabel(this))
    , m_record(new QPushButton(tr("Record &Retrospective…"), this))
{
    m_checks->setWordWrap(true);
    m_checks->setTextFormat(Qt::PlainText);
    m_checks->setAccessibleName(tr("Lifecycle checks"));
    for (ChecklistKind kind : kKinds) {
        auto *model = new item::ChecklistModel(editor, kind, this);
        m_models[std::size_t(kind)] = model;
        m_tables[std::size_t(kind)] = buildTable(model);
        m_lists->addTab(m_tables[std::size_t(kind)], listTitle(kind));
        connect(model, &item::ChecklistModel::editRefused, this, [this](const QString &message) {
            Messages::warning(this, tr("Lifecycle"), message);
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_checks);
    layout->addWidget(m_lists, 1);
    layout->addWidget(buildRetrospective());

    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &LifecyclePanel::onStoreChanged);
    connect(editor, &item::WorkbookEditor::stageChanged, this, &LifecyclePanel::onStageChanged);
    connect(m_record, &QPushButton::clicked, this, &LifecyclePanel::askRetrospective);
    setCandidate(0);
}

QTableView *LifecyclePanel::buildTable(item::ChecklistModel *model)
{
    auto *table = new QTableView(this);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(item::ChecklistModel::ItemColumn,
                                                    QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(item::ChecklistModel::StatusColumn,
                                                    QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(item::ChecklistModel::DateColumn,
                                                    QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setToolTip(tr("Space: next status, Shift+Space: previous; F2: edit the date or note"));
    table->setAccessibleName(listTitle(model->kind()));
    table->installEventFilter(this);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { refresh(); });
    return table;
}

QWidget *LifecyclePanel::buildRetrospective()
{
    auto *box = new QWidget(this);
    m_retro->setWordWrap(true);
    m_retro->setTextFormat(Qt::PlainText);
    m_retro->setAccessibleName(tr("Retrospective"));
    m_record->setToolTip(tr("What worked, what did not, what we change, and the decision: "
                            "scale, pause or end sets the stage (one undo step)"));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_retro, 1);
    layout->addWidget(m_record, 0, Qt::AlignTop);
    return box;
}

item::ChecklistModel *LifecyclePanel::model(ChecklistKind kind) const
{
    return m_models[std::size_t(kind)];
}

QTableView *LifecyclePanel::table(ChecklistKind kind) const
{
    return m_tables[std::size_t(kind)];
}

void LifecyclePanel::setToday(const QDate &today)
{
    m_today = today;
    for (item::ChecklistModel *model : m_models)
        model->setToday(today);
    refresh();
}

void LifecyclePanel::setCandidate(qint64 candidateId)
{
    m_candidateId = candidateId;
    for (item::ChecklistModel *model : m_models)
        model->setCandidate(candidateId);
    refresh();
    // A paused or ended partnership is about its exit.
    if (const auto candidate = m_editor->workbook()->candidate(candidateId);
        candidate && (candidate->stage == Stage::Paused || candidate->stage == Stage::Ended))
        m_lists->setCurrentIndex(int(ChecklistKind::Exit));
}

// Titles with progress, the lifecycle checks, the retrospective.
void LifecyclePanel::refresh()
{
    m_stale = false;
    const auto data = m_candidateId
                          ? item::LifecycleData::gather(*m_editor->workbook(), m_candidateId)
                          : std::nullopt;
    const bool editable = data && !m_editor->workbook()->isReadOnly();
    m_record->setEnabled(editable);
    m_lists->setEnabled(data.has_value());
    for (ChecklistKind kind : kKinds) {
        const ChecklistProgress progress = model(kind)->progress();
        m_lists->setTabText(
            int(kind),
            data ? tr("%1 (%2/%3)").arg(listTitle(kind)).arg(progress.settled).arg(progress.total)
                 : listTitle(kind));
    }
    m_codes.clear();
    if (!data) {
        m_title->setText(tr("Choose a partner to see its contract, kit, retrospective and exit."));
        m_checks->clear();
        m_retro->clear();
        return;
    }
    const Checklists::Partnership &p = data->partnership;
    m_title->setText(tr("<b>%1</b> · %2 · %3")
                         .arg(p.partner.toHtmlEscaped(), stageId(p.stage),
                              p.structure == Structure::Unset
                                  ? tr("no structure named")
                                  : ProposalBuilder::structureName(p.structure).toHtmlEscaped()));
    QStringList lines;
    for (const Finding &finding : data->findings(today())) {
        m_codes << finding.code;
        lines << ProposalChecksList::markedText(finding);
    }
    m_checks->setText(lines.isEmpty() ? tr("✓ Nothing open in the lifecycle.") : lines.join(u'\n'));
    refreshRetrospective(p.tracker, p.stage);
}

void LifecyclePanel::refreshRetrospective(const PartnershipKpis &tracker, Stage stage)
{
    QStringList lines;
    const QDate end = Retrospective::pilotEnd(tracker.pilot);
    if (!end.isValid())
        lines << tr("Pilot: not started.");
    else if (stage == Stage::Pilot && Checklists::retrospectiveDue(tracker, today()))
        lines << tr("Pilot ended %1: the retrospective is due.").arg(day(end));
    else
        lines << (end < today() ? tr("Pilot ended %1.") : tr("Pilot ends %1.")).arg(day(end));
    if (const auto last = Retrospective::lastDecision(tracker.reviews)) {
        lines << tr("Last decision, %1: %2.")
                     .arg(day(last->date), reviewDecisionDisplayName(last->decision).toLower());
        if (!last->worked.isEmpty())
            lines << tr("Worked: %1").arg(last->worked);
        if (!last->didNotWork.isEmpty())
            lines << tr("Did not: %1").arg(last->didNotWork);
        if (!last->toChange.isEmpty())
            lines << tr("We change: %1").arg(last->toChange);
    }
    m_retro->setText(lines.join(u'\n'));
}

void LifecyclePanel::onStoreChanged(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (!m_candidateId || change.entity == Entity::Raci)
        return;
    if (change.entity != Entity::Settings && !change.ids.isEmpty() &&
        !change.ids.contains(m_candidateId))
        return;
    // Hidden, the panel waits: typing in the KPI grid should not gather the lifecycle.
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void LifecyclePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void LifecyclePanel::onStageChanged(qint64 candidateId, Stage stage)
{
    if (candidateId != m_candidateId || (stage != Stage::Paused && stage != Stage::Ended))
        return;
    m_lists->setCurrentIndex(int(ChecklistKind::Exit));
    emit statusMessage(
        tr("%1 is %2: its exit checklist is open.")
            .arg(m_editor->workbook()->candidate(candidateId)->name, stageId(stage)));
}

QString LifecyclePanel::recordRetrospective(const Review &review)
{
    if (!m_candidateId)
        return tr("Choose a partner first.");
    return m_editor->recordRetrospective(m_candidateId, review);
}

// The KPI area's review dialog, opening on "scale" with the KPIs beside the decision.
void LifecyclePanel::askRetrospective()
{
    const auto data = item::LifecycleData::gather(*m_editor->workbook(), m_candidateId);
    if (!data)
        return;
    const PartnershipKpis &tracker = data->partnership.tracker;
    ReviewDialog dialog(data->partnership.partner, tracker.pilot, tracker.reviews, today(), this);
    dialog.setWindowTitle(tr("Record Retrospective — %1").arg(data->partnership.partner));
    dialog.setKpis(tracker, data->thresholds);
    dialog.setDecision(ReviewDecision::Scale);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Review review = dialog.review();
    if (const QString error = recordRetrospective(review); !error.isEmpty()) {
        Messages::warning(this, tr("Record Retrospective"), error);
        return;
    }
    emit statusMessage(
        tr("Retrospective of %1 recorded: %2.")
            .arg(day(review.date), reviewDecisionDisplayName(review.decision).toLower()));
}

// Space and Shift+Space: an item's next or previous status, one keystroke, one undo step.
bool LifecyclePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *table = qobject_cast<QTableView *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
        if (table && key->key() == Qt::Key_Space &&
            (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier)) {
            auto *model = qobject_cast<item::ChecklistModel *>(table->model());
            const int row = table->currentIndex().row();
            if (model && row >= 0 && !m_editor->workbook()->isReadOnly())
                model->cycleStatus(row, modifiers == Qt::ShiftModifier ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace pb::ui
