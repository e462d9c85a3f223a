#include "CandidatesPage.h"

#include "CandidateDelegate.h"
#include "CandidateDetailPane.h"
#include "CandidateTableView.h"
#include "WeightsPanel.h"
#include "io/CandidateCsv.h"
#include "io/CsvReader.h"
#include "io/SafeFile.h"
#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "AppSettings.h"
#include "Messages.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::item::CandidateTableModel;

namespace pb::ui {

CandidatesPage::CandidatesPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new CandidateTableModel(editor, this))
    , m_proxy(new item::CandidateFilterModel(this))
    , m_view(new CandidateTableView(this))
    , m_weights(new WeightsPanel(editor, m_model, this))
    , m_detail(new CandidateDetailPane(editor, this))
    , m_filter(new QLineEdit(this))
    , m_structure(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new CandidateDelegate(m_view));
    m_view->sortByColumn(CandidateTableModel::RankColumn, Qt::AscendingOrder);
    // Widths that fit a 1366-pixel laptop screen beside the side panel; Owner stretches.
    const int widths[CandidateTableModel::ColumnCount] = {58, 190, 56, 72,  70,
                                                          50, 100, 78, 110, 160};
    for (int column = 0; column < CandidateTableModel::ColumnCount; ++column)
        m_view->setColumnWidth(column, widths[column]);
    m_view->setColumnHidden(CandidateTableModel::WebsiteColumn, true);

    m_filter->setPlaceholderText(tr("Filter by name, website, owner, notes…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter candidates"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &item::CandidateFilterModel::setText);

    m_structure->addItem(tr("All structures"));
    for (Structure s : {Structure::Referral, Structure::Reseller, Structure::Integration,
                        Structure::CoMarketing, Structure::JointVenture, Structure::Unset}) {
        const QString id = structureId(s);
        m_structure->addItem(id.isEmpty() ? tr("No structure yet") : id, int(s));
    }
    connect(m_structure, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStructure(index <= 0
                                  ? std::nullopt
                                  : std::optional(Structure(m_structure->itemData(index).toInt())));
        updateCount();
    });
    m_stage->addItem(tr("All stages"));
    for (int s = int(Stage::Sourced); s <= int(Stage::Ended); ++s)
        m_stage->addItem(stageId(Stage(s)), s);
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStage(index <= 0 ? std::nullopt
                                     : std::optional(Stage(m_stage->itemData(index).toInt())));
        updateCount();
    });
    m_owner->addItem(tr("All owners"));
    connect(m_owner, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setOwner(index <= 0 ? QString() : m_owner->itemText(index));
        updateCount();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &CandidatesPage::updateCount);
    for (QComboBox *combo : {m_structure, m_stage, m_owner})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    createActions();
    auto *addButton = new QToolButton(this);
    addButton->setDefaultAction(m_addAction);
    addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *importButton = new QToolButton(this);
    importButton->setDefaultAction(m_importAction);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_structure);
    bar->addWidget(m_stage);
    bar->addWidget(m_owner);
    bar->addStretch(1);
    bar->addWidget(m_count);
    bar->addWidget(addButton);
    bar->addWidget(importButton);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 0, 4, 0);
    sideLayout->addWidget(m_weights);
    sideLayout->addSpacing(12);
    sideLayout->addWidget(m_detail, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CandidatesPage::onCurrentChanged);
    connect(m_view, &CandidateTableView::deleteRequested, this, &CandidatesPage::deleteSelection);
    connect(m_model, &CandidateTableModel::editRefused, this, [this](const QString &message) {
        Messages::warning(this, tr("Candidate not changed"), message);
    });
    connect(m_weights, &WeightsPanel::editRefused, this, &CandidatesPage::statusMessage);
    connect(m_weights, &WeightsPanel::candidateActivated, this, &CandidatesPage::selectCandidate);
    connect(m_detail, &CandidateDetailPane::editRefused, this, [this](const QString &message) {
        Messages::warning(this, tr("Candidate not changed"), message);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CandidatesPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CandidatesPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CandidatesPage::updateCount);
    connect(m_model, &CandidateTableModel::rankingChanged, this, &CandidatesPage::updateCount);
    updateOwners();
    updateCount();
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, CandidateTableModel::NameColumn));
}

void CandidatesPage::createActions()
{
    const bool readOnly = m_editor->workbook()->isReadOnly();
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(tip, key.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        addAction(action);
        return action;
    };
    m_addAction = make(tr("&Add Candidate"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                       tr("Add a candidate to the long list"));
    m_addAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), QKeySequence(Qt::Key_Insert)});
    m_deleteAction =
        make(tr("&Delete Candidates…"), QKeySequence::Delete, tr("Delete the selected candidates"));
    m_copyAction = make(tr("&Copy Rows"), QKeySequence::Copy,
                        tr("Copy the selected rows as tab-separated text for a spreadsheet"));
    m_pasteAction = make(tr("&Paste Rows"), QKeySequence::Paste,
                         tr("Add or update candidates from rows copied in a spreadsheet"));
    m_findAction = make(tr("&Find…"), QKeySequence::Find, tr("Filter the candidates"));
    m_importAction = make(tr("&Import Candidates…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                          tr("Add or update candidates from a CSV file"));
    m_exportAction = make(tr("&Export Candidates…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                          tr("Write the ranked candidates to a CSV file"));
    for (QAction *action : {m_addAction, m_deleteAction, m_pasteAction, m_importAction})
        action->setEnabled(!readOnly);
    connect(m_addAction, &QAction::triggered, this, &CandidatesPage::addCandidate);
    connect(m_deleteAction, &QAction::triggered, this, &CandidatesPage::deleteSelection);
    connect(m_copyAction, &QAction::triggered, this, &CandidatesPage::copySelection);
    connect(m_pasteAction, &QAction::triggered, this,
            [this] { pasteText(QApplication::clipboard()->text()); });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    connect(m_importAction, &QAction::triggered, this, &CandidatesPage::chooseImportFile);
    connect(m_exportAction, &QAction::triggered, this, &CandidatesPage::chooseExportFile);
}

QList<QAction *> CandidatesPage::editActions() const
{
    return {m_addAction, m_deleteAction, m_copyAction, m_pasteAction, m_findAction};
}

void CandidatesPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    int scored = 0;
    for (int row = 0; row < total; ++row)
        scored += m_model->rankAt(row).rank > 0 ? 1 : 0;
    const QLocale locale;
    QString text =
        shown == total
            ? tr("%1 candidates, %2 scored").arg(locale.toString(total), locale.toString(scored))
            : tr("showing %1 of %2").arg(locale.toString(shown), locale.toString(total));
    m_count->setText(text);
}

void CandidatesPage::updateOwners()
{
    QStringList owners;
    QSet<QString> seen;
    for (const Candidate &c : m_model->candidates()) {
        if (!c.owner.isEmpty() && !seen.contains(c.owner.toCaseFolded())) {
            seen.insert(c.owner.toCaseFolded());
            owners.append(c.owner);
            if (owners.size() > 200)
                break;
        }
    }
    owners.sort(Qt::CaseInsensitive);
    const QString current = m_owner->currentIndex() > 0 ? m_owner->currentText() : QString();
    const QSignalBlocker block(m_owner);
    while (m_owner->count() > 1)
        m_owner->removeItem(1);
    m_owner->addItems(owners);
    if (!current.isEmpty())
        m_owner->setCurrentIndex(std::max(0, m_owner->findText(current)));
}

void CandidatesPage::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->setCandidate(
        current.isValid() ? current.data(CandidateTableModel::IdRole).toLongLong() : 0);
}

void CandidatesPage::selectCandidate(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    QModelIndex index =
        m_proxy->mapFromSource(m_model->index(row, CandidateTableModel::NameColumn));
    if (!index.isValid()) {
        // Filtered out: clear the filters so the candidate can be shown.
        m_filter->clear();
        m_structure->setCurrentIndex(0);
        m_stage->setCurrentIndex(0);
        m_owner->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, CandidateTableModel::NameColumn));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void CandidatesPage::commitPendingEdits()
{
    m_view->commitOpenEditor();
    m_detail->commitPending();
}

QList<qint64> CandidatesPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(CandidateTableModel::IdRole).toLongLong());
    if (ids.isEmpty() && m_view->currentIndex().isValid())
        ids.append(m_view->currentIndex().data(CandidateTableModel::IdRole).toLongLong());
    return ids;
}

void CandidatesPage::addCandidate()
{
    qint64 id = 0;
    const QString error = m_editor->addCandidate(&id);
    if (!error.isEmpty()) {
        Messages::warning(this, tr("Add Candidate"), error);
        return;
    }
    m_filter->clear();
    selectCandidate(id);
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        m_view->edit(index);
}

void CandidatesPage::deleteSelection()
{
    if (m_editor->workbook()->isReadOnly())
        return;
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const QString what =
        ids.size() == 1
            ? tr("Delete \"%1\"?").arg(m_model->candidateAt(m_model->rowOf(ids.first())).name)
            : tr("Delete %1 candidates?").arg(ids.size());
    if (!Messages::confirm(this, tr("Delete Candidates"),
                           what + u' ' + tr("You can undo this with Edit → Undo."), tr("Delete")))
        return;
    const QString error = m_editor->removeCandidates(ids);
    if (!error.isEmpty())
        Messages::warning(this, tr("Delete Candidates"), error);
    else
        emit statusMessage(ids.size() == 1 ? tr("Deleted 1 candidate.")
                                           : tr("Deleted %1 candidates.").arg(ids.size()));
}

void CandidatesPage::copySelection()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (rows.isEmpty())
        return;
    // In the order the user sees.
    std::sort(rows.begin(), rows.end(), [this](int a, int b) {
        return m_proxy->mapFromSource(m_model->index(a, 0)).row() <
               m_proxy->mapFromSource(m_model->index(b, 0)).row();
    });
    const io::CsvWriter writer(u'\t');
    QStringList header;
    const QList<CandidateField> fields = io::CandidateCsv::importableFields();
    for (CandidateField field : fields)
        header.append(CandidateFields::columnName(field));
    QByteArray text = writer.row(header);
    for (int row : std::as_const(rows)) {
        QStringList cells;
        for (CandidateField field : fields)
            cells.append(CandidateFields::value(m_model->candidateAt(row), field).toString());
        text += writer.row(cells);
    }
    QApplication::clipboard()->setText(QString::fromUtf8(text));
    emit statusMessage(rows.size() == 1 ? tr("Copied 1 row.")
                                        : tr("Copied %1 rows.").arg(rows.size()));
}

bool CandidatesPage::pasteText(const QString &text)
{
    if (m_editor->workbook()->isReadOnly() || text.trimmed().isEmpty())
        return false;
    // Spreadsheets put tab-separated cells on the clipboard; a single cell such as
    // "Acme, Inc." has no tab and must stay one value.
    const QChar separator = u'\t';
    QString body = text;
    // Rows copied without their header get the columns in the order Copy writes them.
    const QStringList firstCells = text.section(u'\n', 0, 0).split(separator);
    const bool hasHeader =
        std::any_of(firstCells.cbegin(), firstCells.cend(), [](const QString &cell) {
            return cell.trimmed().compare(u"name"_s, Qt::CaseInsensitive) == 0;
        });
    if (!hasHeader) {
        QStringList header;
        for (CandidateField field : io::CandidateCsv::importableFields())
            header.append(CandidateFields::columnName(field));
        body = header.join(separator) + u'\n' + body;
    }
    return runImport(body.toUtf8(), tr("pasted text"), tr("Paste candidates"), separator);
}

bool CandidatesPage::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Messages::warning(this, tr("Import Candidates"),
                          tr("\"%1\" cannot be read: %2.")
                              .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return runImport(file.readAll(), QFileInfo(path).fileName(),
                     tr("Import %1").arg(QFileInfo(path).fileName()), QChar());
}

bool CandidatesPage::runImport(const QByteArray &bytes, const QString &label,
                               const QString &stepName, QChar separator)
{
    const io::CandidateCsvImport parsed = io::CandidateCsv::parse(bytes, label, separator);
    if (!parsed.errors.isEmpty()) {
        Messages::warning(
            this, tr("Nothing was imported"),
            tr("%1 has problems; nothing was changed. Fix them and import again:").arg(label) +
                u"\n\n"_s + parsed.errors.mid(0, 5).join(u'\n'),
            parsed.errors.join(u'\n'));
        return false;
    }
    std::unique_ptr<QProgressDialog> progress;
    if (parsed.patches.size() > 2000) {
        progress = std::make_unique<QProgressDialog>(tr("Importing %1…").arg(label), QString(), 0,
                                                     int(parsed.patches.size()), this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
        progress->setCancelButton(nullptr);
    }
    store::ImportOutcome outcome;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = m_editor->importCandidates(parsed.patches, stepName, &outcome,
                                                     [&progress](qsizetype done, qsizetype) {
                                                         if (progress)
                                                             progress->setValue(int(done));
                                                     });
    QApplication::restoreOverrideCursor();
    progress.reset();
    if (!error.isEmpty()) {
        Messages::warning(this, tr("Nothing was imported"), error);
        return false;
    }
    updateOwners();
    QString report = tr("Added %1, updated %2, unchanged %3.")
                         .arg(outcome.addedIds.size())
                         .arg(outcome.updatedBefore.size())
                         .arg(outcome.unchanged);
    if (!parsed.warnings.isEmpty())
        report += u' ' + parsed.warnings.join(u' ');
    emit statusMessage(report);
    if (!parsed.warnings.isEmpty())
        Messages::information(this, tr("Import finished"), report);
    return true;
}

bool CandidatesPage::exportFile(const QString &path)
{
    const QByteArray bytes =
        io::CandidateCsv::write(m_model->candidates(), m_model->rankedEntries());
    if (const QString error = io::SafeFile::write(path, bytes); !error.isEmpty()) {
        Messages::warning(this, tr("Export Candidates"), error);
        return false;
    }
    emit statusMessage(tr("Exported %1 candidates to %2")
                           .arg(m_model->rowCount())
                           .arg(QDir::toNativeSeparators(path)));
    return true;
}

void CandidatesPage::chooseImportFile()
{
    const QString folder = AppSettings::value(AppSettings::Key::LastFolder).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Candidates"), folder,
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void CandidatesPage::chooseExportFile()
{
    const QString folder = AppSettings::value(AppSettings::Key::LastFolder).toString();
    const QString title = m_editor->workbook()->setting(SettingKey::Title).toString();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Candidates"), QDir(folder).filePath(title + tr(" candidates.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".csv"_s;
    exportFile(path);
}

} // namespace pb::ui
