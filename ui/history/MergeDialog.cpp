#include "MergeDialog.h"

#include "Messages.h"
#include "item/HistoryText.h"
#include "item/WorkbookEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

enum ConflictColumn { Candidate, What, Before, Ours, Theirs, Keep, ColumnCount };

// What each side did, for a conflict about a whole record.
std::array<QString, 3> sideTexts(const MergeConflict &c)
{
    switch (c.kind) {
    case MergeConflictKind::ChangedOnBoth:
        break;
    case MergeConflictKind::RemovedByUsChangedByThem:
        return {{{}, MergeDialog::tr("removed here"), MergeDialog::tr("changed in their copy")}};
    case MergeConflictKind::ChangedByUsRemovedByThem:
        return {{{}, MergeDialog::tr("changed here"), MergeDialog::tr("removed in their copy")}};
    case MergeConflictKind::AddedOnBoth:
        return {{MergeDialog::tr("(new in both)"), item::historyValueText(c.ours),
                 item::historyValueText(c.theirs)}};
    }
    return {{item::historyValueOrEmpty(c.base), item::historyValueOrEmpty(c.ours),
             item::historyValueOrEmpty(c.theirs)}};
}

QString whatText(const MergeConflict &c)
{
    if (c.field.isEmpty())
        return historyEntityDisplayName(c.entity);
    return historyFieldDisplayName(c.entity, c.field);
}

} // namespace

MergeDialog::MergeDialog(const MergeReport &report, QWidget *parent)
    : QDialog(parent)
    , m_report(report)
{
    setWindowTitle(tr("Merge Changes From %1").arg(QFileInfo(report.otherPath).fileName()));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createSummary());
    if (!report.conflicts.isEmpty())
        layout->addWidget(createConflicts(), 2);
    layout->addWidget(createChanges(), 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *merge = buttons->addButton(tr("&Merge"), QDialogButtonBox::AcceptRole);
    merge->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, report.conflicts.isEmpty() ? 380 : 520);
}

QWidget *MergeDialog::createSummary()
{
    QString text = tr("Their copy has %n change step(s) since the two copies parted", nullptr,
                      m_report.theirSteps);
    if (!m_report.otherAuthors.isEmpty())
        text += tr(", by %1").arg(m_report.otherAuthors.join(u", "_s));
    text += u". "_s + tr("Merging brings in %n change(s)", nullptr, int(m_report.changes.size()));
    text += m_report.conflicts.isEmpty()
        ? tr(" and nothing conflicts with this workbook.")
        : tr("; %n change(s) conflict with this workbook's: choose which to keep.", nullptr,
             int(m_report.conflicts.size()));
    text += u" "_s + tr("The merge is one step: Undo takes it back.");
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    return label;
}

QWidget *MergeDialog::createConflicts()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("<b>Conflicts</b>"), box), 1);
    auto *ours = new QPushButton(tr("Keep All &Ours"), box);
    auto *theirs = new QPushButton(tr("Keep All &Theirs"), box);
    connect(ours, &QPushButton::clicked, this, [this] { keepAll(MergeSide::Ours); });
    connect(theirs, &QPushButton::clicked, this, [this] { keepAll(MergeSide::Theirs); });
    row->addWidget(ours);
    row->addWidget(theirs);
    layout->addLayout(row);
    m_conflicts = new QTableWidget(int(m_report.conflicts.size()), ColumnCount, box);
    m_conflicts->setObjectName(u"conflicts"_s);
    m_conflicts->setHorizontalHeaderLabels(
        {tr("Candidate"), tr("What"), tr("Before"), tr("Ours"), tr("Theirs"), tr("Keep")});
    m_conflicts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conflicts->verticalHeader()->hide();
    for (int i = 0; i < m_report.conflicts.size(); ++i)
        addConflictRow(i, m_report.conflicts.at(i));
    // The three values share what the names leave; long ones show whole in tooltips.
    QHeaderView *header = m_conflicts->horizontalHeader();
    for (const int column : {Candidate, What, Keep})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (const int column : {Before, Ours, Theirs})
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    layout->addWidget(m_conflicts);
    return box;
}

void MergeDialog::addConflictRow(int row, const MergeConflict &conflict)
{
    const std::array<QString, 3> sides = sideTexts(conflict);
    const QStringList cells = {conflict.ownerName.isEmpty() ? tr("Workbook") : conflict.ownerName,
                               whatText(conflict), sides[0], sides[1], sides[2]};
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(mergeConflictKindText(conflict.kind) + u"\n"_s + cells.at(column));
        m_conflicts->setItem(row, column, item);
    }
    auto *keep = new QComboBox(m_conflicts);
    keep->addItem(tr("Ours"), int(MergeSide::Ours));
    keep->addItem(tr("Theirs"), int(MergeSide::Theirs));
    keep->setToolTip(tr("Which value the merged workbook keeps"));
    keep->setAccessibleName(tr("Keep for %1 %2").arg(cells[0], cells[1]));
    m_conflicts->setCellWidget(row, Keep, keep);
}

QWidget *MergeDialog::createChanges()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Changes to bring in</b>"), box));
    auto *list = new QListWidget(box);
    list->setObjectName(u"changes"_s);
    for (const HistoryChange &change : std::as_const(m_report.changes)) {
        const QString owner = change.owner.isEmpty()
            ? tr("Workbook")
            : m_report.names.value(change.owner, tr("(removed candidate)"));
        list->addItem(item::historyChangeText(change, owner));
    }
    if (m_report.changes.isEmpty())
        list->addItem(tr("None apart from the conflicts' (as you choose them)."));
    layout->addWidget(list);
    return box;
}

QHash<QString, MergeSide> MergeDialog::choices() const
{
    QHash<QString, MergeSide> chosen;
    for (int row = 0; m_conflicts && row < m_conflicts->rowCount(); ++row) {
        const auto *keep = qobject_cast<QComboBox *>(m_conflicts->cellWidget(row, Keep));
        chosen.insert(m_report.conflicts.at(row).key(), MergeSide(keep->currentData().toInt()));
    }
    return chosen;
}

void MergeDialog::keepAll(MergeSide side)
{
    for (int row = 0; m_conflicts && row < m_conflicts->rowCount(); ++row) {
        auto *keep = qobject_cast<QComboBox *>(m_conflicts->cellWidget(row, Keep));
        keep->setCurrentIndex(keep->findData(int(side)));
    }
}

QString MergeDialog::run(item::WorkbookEditor *editor, const QString &otherPath, QWidget *parent)
{
    const QString title = tr("Merge Changes");
    MergeOptions options;
    options.dryRun = true;
    MergeReport report;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error = editor->mergeFrom(otherPath, options, &report);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        Messages::warning(parent, title, error);
        return {};
    }
    if (report.changes.isEmpty() && report.conflicts.isEmpty() && report.theirSteps == 0)
        return tr("Nothing to merge: this workbook has every change of %1.")
            .arg(QFileInfo(otherPath).fileName());
    MergeDialog dialog(report, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    options.dryRun = false;
    options.choices = dialog.choices();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    error = editor->mergeFrom(otherPath, options, &report);
    QApplication::restoreOverrideCursor();
    if (error.isEmpty() && !report.applied) // their copy changed since the dialog opened
        error = tr("%1 changed while you were choosing: nothing was merged. Merge it again to "
                   "see its changes now.").arg(QFileInfo(otherPath).fileName());
    if (!error.isEmpty()) {
        Messages::warning(parent, title, error);
        return {};
    }
    return tr("Merged %n change(s) from %1.", nullptr, int(report.changes.size()))
        .arg(QFileInfo(otherPath).fileName());
}

} // namespace pb::ui
