#include "KpiValuesPanel.h"

#include "FileDialogs.h"
#include "KpiDelegate.h"
#include "Messages.h"
#include "PartnerPicker.h"
#include "WrappingHeaderView.h"
#include "io/KpiCsv.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

KpiValuesPanel::KpiValuesPanel(item::KpiTracker *tracker, item::KpiValuesModel *model,
                               const PartnerPicker *partner, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_model(model)
    , m_partner(partner)
    , m_table(new QTableView(this))
    , m_import(new QAction(tr("&Import KPI Values…"), this))
    , m_export(new QAction(tr("&Export KPI Values…"), this))
{
    const bool readOnly = tracker->editor()->workbook()->isReadOnly();
    setUpTable();
    addEditActions(readOnly);
    connect(m_model, &item::KpiValuesModel::editRefused, this,
            [this](const QString &message) { warn(tr("Value not saved"), message); });

    auto *addPeriodButton = new QPushButton(tr("Add &Period…"), this);
    addPeriodButton->setToolTip(tr("Add a row for a month (YYYY-MM) or a day (YYYY-MM-DD)"));
    connect(addPeriodButton, &QPushButton::clicked, this, &KpiValuesPanel::askAddPeriod);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setIconText(tr("Import…"));
    m_import->setToolTip(tr("Import values from a CSV file with the columns kpi, period "
                            "and value (Ctrl+I)"));
    connect(m_import, &QAction::triggered, this, &KpiValuesPanel::askImport);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setIconText(tr("Export…"));
    m_export->setToolTip(tr("Write this partnership's KPIs and values to a CSV file (Ctrl+E)"));
    connect(m_export, &QAction::triggered, this, &KpiValuesPanel::askExport);
    addPeriodButton->setEnabled(!readOnly);
    m_import->setEnabled(!readOnly);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("<b>Values per period</b>"), this));
    bar->addStretch(1);
    bar->addWidget(addPeriodButton);
    for (QAction *action : {m_import, m_export}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        bar->addWidget(button);
    }
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
}

void KpiValuesPanel::setUpTable()
{
    const int em = fontMetrics().horizontalAdvance(u'M');
    m_table->setHorizontalHeader(new WrappingHeaderView(m_table, 4));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new KpiDelegate(item::KpiValuesModel::StatusRole, -1, -1, m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setAccessibleName(tr("Values"));
    m_table->horizontalHeader()->setDefaultSectionSize(12 * em);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setToolTip(tr("Type a value and press Enter; paste a block from a "
                           "spreadsheet with Ctrl+V; Delete clears"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentColumnChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit kpiChosen(current.column());
            });
}

// Copy, Paste and Clear with their standard keys while the grid has the focus, and in its
// context menu.
void KpiValuesPanel::addEditActions(bool readOnly)
{
    const auto addAction = [this](const QString &text, const QKeySequence &keys) {
        auto *action = new QAction(text, m_table);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(action);
        return action;
    };
    QAction *copy = addAction(tr("&Copy Values"), QKeySequence::Copy);
    QAction *paste = addAction(tr("&Paste Values"), QKeySequence::Paste);
    QAction *clear = addAction(tr("C&lear Values"), QKeySequence::Delete);
    m_editActions = {copy, paste, clear};
    clear->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(copy, &QAction::triggered, this, &KpiValuesPanel::copyValues);
    connect(paste, &QAction::triggered, this, [this] {
        if (const QString error = pasteValues(QApplication::clipboard()->text()); !error.isEmpty())
            warn(tr("Paste"), error);
    });
    connect(clear, &QAction::triggered, this, &KpiValuesPanel::clearValues);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    paste->setEnabled(!readOnly);
    clear->setEnabled(!readOnly);
}

void KpiValuesPanel::fitColumns()
{
    // The header wraps (WrappingHeaderView), so a column is as wide as its values need, or
    // its header's longest line within reason.
    const int em = fontMetrics().horizontalAdvance(u'M');
    auto *header = static_cast<WrappingHeaderView *>(m_table->horizontalHeader());
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const int wanted =
            std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
        const int word = header->wordWidth(column); // never narrower than a word of the name
        header->resizeSection(
            column, std::clamp(std::max(wanted + em, word), 7 * em, std::max(10 * em, word)));
    }
}

QString KpiValuesPanel::addPeriod(const QString &text)
{
    QString why;
    const auto period = KpiPeriod::parse(text, &why);
    if (!period)
        return tr("%1.").arg(why);
    const int row = m_model->addPeriod(*period);
    const int column = std::max(0, m_table->currentIndex().column());
    m_table->setCurrentIndex(m_model->index(row, column));
    m_table->scrollTo(m_table->currentIndex());
    m_table->setFocus();
    return {};
}

void KpiValuesPanel::askAddPeriod()
{
    bool ok = false;
    const QString suggestion = m_model->suggestedNextPeriod(m_tracker->today()).toString();
    const QString text =
        QInputDialog::getText(this, tr("Add Period"), tr("Month (YYYY-MM) or day (YYYY-MM-DD):"),
                              QLineEdit::Normal, suggestion, &ok);
    if (ok)
        if (const QString error = addPeriod(text); !error.isEmpty())
            warn(tr("Add Period"), error);
}

QString KpiValuesPanel::pasteValues(const QString &text)
{
    QModelIndex start = m_table->currentIndex();
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected) {
        if (!start.isValid() || index.row() < start.row() ||
            (index.row() == start.row() && index.column() < start.column()))
            start = index;
    }
    if (!start.isValid() && m_model->rowCount() == 0 && m_model->columnCount() > 0) {
        // An empty grid: the paste starts this month.
        const KpiPeriod now = m_model->suggestedNextPeriod(m_tracker->today());
        start = m_model->index(m_model->addPeriod(now), 0);
    }
    return m_model->paste(start, text);
}

void KpiValuesPanel::copyValues()
{
    const QString text = m_model->copy(m_table->selectionModel()->selectedIndexes());
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void KpiValuesPanel::clearValues()
{
    if (const QString error = m_model->clear(m_table->selectionModel()->selectedIndexes());
        !error.isEmpty())
        warn(tr("Clear"), error);
}

QString KpiValuesPanel::importFile(const QString &path)
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
    const QList<KpiSeries> &before = m_tracker->kpis().kpis;
    const QList<KpiSeries> after = io::KpiCsv::merge(before, parsed.kpis);
    const QString name = QFileInfo(path).fileName();
    const QString summary = importSummary(before, parsed.kpis);
    const QString error = m_tracker->editor()->changeKpis(m_tracker->candidateId(), after,
                                                          tr("Import %1 (%2)").arg(name, summary));
    if (error.isEmpty())
        emit statusMessage(
            tr("Imported %1 for %2: %3.").arg(name, m_partner->currentName(), summary));
    return error;
}

// What an import did with the file's values: "1 KPI added, 12 values added, 3 updated, 1
// unchanged". KPIs are matched by name as KpiCsv::merge matches them.
QString KpiValuesPanel::importSummary(const QList<KpiSeries> &before,
                                      const QList<io::KpiCsvEntry> &imported)
{
    int kpisAdded = 0, added = 0, updated = 0, unchanged = 0;
    for (const io::KpiCsvEntry &entry : imported) {
        const auto known = std::find_if(before.cbegin(), before.cend(), [&](const KpiSeries &kpi) {
            return kpi.definition.name.trimmed().compare(entry.name.trimmed(),
                                                         Qt::CaseInsensitive) == 0;
        });
        if (known == before.cend())
            ++kpisAdded;
        for (const KpiValue &value : entry.values) {
            const auto old =
                known != before.cend() ? known->valueAt(value.period) : std::optional<double>();
            if (!old)
                ++added;
            else if (*old != value.value)
                ++updated;
            else
                ++unchanged;
        }
    }
    QStringList parts;
    if (kpisAdded > 0)
        parts << (kpisAdded == 1 ? tr("1 KPI added") : tr("%1 KPIs added").arg(kpisAdded));
    parts << (added == 1 ? tr("1 value added") : tr("%1 values added").arg(added));
    parts << tr("%1 updated").arg(updated) << tr("%1 unchanged").arg(unchanged);
    return parts.join(u", "_s);
}

void KpiValuesPanel::askImport()
{
    const QString path =
        FileDialogs::openFile(this, FileDialogs::Kind::Import, tr("Import KPI Values"),
                              tr("CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        if (const QString error = importFile(path); !error.isEmpty())
            warn(tr("Nothing was imported"), error);
}

QString KpiValuesPanel::exportFile(const QString &path)
{
    if (m_tracker->kpis().kpis.isEmpty())
        return tr("This partnership has no KPIs yet.");
    const QString error =
        io::KpiCsv::save(path, m_tracker->kpis().kpis, m_tracker->thresholds().atRiskPercent);
    if (error.isEmpty())
        emit statusMessage(tr("Exported the KPIs to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

void KpiValuesPanel::askExport()
{
    const QString path = FileDialogs::saveFile(
        this, FileDialogs::Kind::Export, tr("Export KPI Values"),
        tr("%1 KPIs.csv").arg(m_partner->currentName()), tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"), u"csv"_s);
    if (!path.isEmpty())
        if (const QString error = exportFile(path); !error.isEmpty())
            warn(tr("Export KPI Values"), error);
}

void KpiValuesPanel::warn(const QString &title, const QString &message)
{
    Messages::warning(this, title, message);
}

} // namespace pb::ui
