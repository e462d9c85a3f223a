#include "CandidateTransfer.h"

#include "FileDialogs.h"
#include "Messages.h"
#include "io/CandidateCsv.h"
#include "io/CsvReader.h"
#include "io/FormulaGuard.h"
#include "io/InputFile.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProgressDialog>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

int CandidateTransfer::s_progressDelay = 400;

void CandidateTransfer::setProgressDelayForTesting(int milliseconds)
{
    s_progressDelay = milliseconds;
}

namespace {
// The column names Copy writes, in order; pasted rows without a header get these.
QStringList copiedColumns()
{
    QStringList names;
    for (CandidateField field : io::CandidateCsv::importableFields())
        names.append(CandidateFields::columnName(field));
    return names;
}
} // namespace

CandidateTransfer::CandidateTransfer(item::CandidateTableModel *model, QWidget *page)
    : QObject(page)
    , m_model(model)
    , m_page(page)
{}

void CandidateTransfer::copyRows(const QList<int> &rows)
{
    const io::CsvWriter writer(u'\t');
    const QList<CandidateField> fields = io::CandidateCsv::importableFields();
    QByteArray text = writer.row(copiedColumns());
    for (int row : rows) {
        QStringList cells;
        for (CandidateField field : fields)
            cells.append(io::FormulaGuard::forCsv(
                CandidateFields::value(m_model->candidateAt(row), field).toString()));
        text += writer.row(cells);
    }
    QApplication::clipboard()->setText(QString::fromUtf8(text));
    emit statusMessage(rows.size() == 1 ? tr("Copied 1 row.")
                                        : tr("Copied %1 rows.").arg(rows.size()));
}

bool CandidateTransfer::pasteText(const QString &text)
{
    if (m_model->editor()->workbook()->isReadOnly() || text.trimmed().isEmpty())
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
    if (!hasHeader)
        body = copiedColumns().join(separator) + u'\n' + body;
    return runImport(body.toUtf8(), tr("pasted text"), tr("Paste candidates"), separator);
}

bool CandidateTransfer::importFile(const QString &path)
{
    io::InputFile file;
    if (!file.open(path)) {
        Messages::warning(m_page, tr("Import Candidates"),
                          tr("\"%1\" cannot be read: %2.")
                              .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return runImport(file.bytes(), QFileInfo(path).fileName(),
                     tr("Import %1").arg(QFileInfo(path).fileName()), QChar(), &file);
}

io::CandidateCsvImport
CandidateTransfer::streamImport(const QByteArray &bytes, const QString &label,
                                const QString &stepName, QChar separator, io::InputFile *file,
                                store::ImportOutcome *outcome, QString *storeError)
{
    // The rows go straight from the file to the store through the CLI's pipeline; this
    // thread writes, and the dialog's Cancel is seen between batches. Cancelled, or with a
    // problem anywhere in the file, nothing is written (WorkbookEditor::importCandidatesFile).
    QProgressDialog progress(tr("Importing %1…").arg(label), tr("Cancel"), 0, 0, m_page);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(s_progressDelay);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    progress.setValue(0); // starts the dialog's clock
    io::CandidateImportOptions options;
    options.separator = separator;
    options.progress = [&progress](qsizetype written, qsizetype estimate) {
        progress.setMaximum(int(std::max(estimate, written)));
        progress.setValue(int(written)); // a shown, modal dialog lets Cancel be clicked here
        return !progress.wasCanceled();
    };
    if (file)
        options.readUpTo = [file](qsizetype offset) {
            file->releaseBefore(offset);
        };
    // The undo step says what the import did: "Import long-list.csv (added 3, updated 2)".
    const auto step = [&stepName](const store::ImportOutcome &done) {
        return tr("%1 (added %L2, updated %L3)")
            .arg(stepName)
            .arg(done.addedIds.size())
            .arg(done.updatedIds.size());
    };
    return m_model->editor()->importCandidatesFile(bytes, label, options, step, outcome,
                                                   storeError);
}

bool CandidateTransfer::runImport(const QByteArray &bytes, const QString &label,
                                  const QString &stepName, QChar separator, io::InputFile *file)
{
    store::ImportOutcome outcome;
    QString storeError;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const io::CandidateCsvImport parsed =
        streamImport(bytes, label, stepName, separator, file, &outcome, &storeError);
    QApplication::restoreOverrideCursor();
    if (parsed.cancelled) {
        emit statusMessage(tr("Import of %1 cancelled; nothing was changed.").arg(label));
        return false;
    }
    if (!parsed.errors.isEmpty()) {
        Messages::warning(
            m_page, tr("Nothing was imported"),
            tr("%1 has problems; nothing was changed. Fix them and import again:").arg(label) +
                u"\n\n"_s + parsed.errors.mid(0, 5).join(u'\n'),
            parsed.errors.join(u'\n'));
        return false;
    }
    if (!storeError.isEmpty()) {
        Messages::warning(m_page, tr("Nothing was imported"), storeError);
        return false;
    }
    emit imported();
    QString report = tr("%1: added %L2, updated %L3, unchanged %L4.")
                         .arg(stepName)
                         .arg(outcome.addedIds.size())
                         .arg(outcome.updatedIds.size())
                         .arg(outcome.unchanged);
    if (!parsed.warnings.isEmpty())
        report += u' ' + parsed.warnings.join(u' ');
    emit statusMessage(report);
    if (!parsed.warnings.isEmpty())
        Messages::information(m_page, tr("Import finished"), report);
    return true;
}

bool CandidateTransfer::exportFile(const QString &path)
{
    if (const QString error =
            io::CandidateCsv::save(path, m_model->candidates(), m_model->rankedEntries(),
                                   m_model->firstRater());
        !error.isEmpty()) {
        Messages::warning(m_page, tr("Export Candidates"), error);
        return false;
    }
    emit statusMessage(tr("Exported %1 candidates to %2")
                           .arg(m_model->rowCount())
                           .arg(QDir::toNativeSeparators(path)));
    return true;
}

void CandidateTransfer::chooseImportFile()
{
    const QString path =
        FileDialogs::openFile(m_page, FileDialogs::Kind::Import, tr("Import Candidates"),
                              tr("CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void CandidateTransfer::chooseExportFile()
{
    const QString title = m_model->editor()->workbook()->setting(SettingKey::Title).toString();
    const QString path = FileDialogs::saveFile(
        m_page, FileDialogs::Kind::Export, tr("Export Candidates"), title + tr(" candidates.csv"),
        tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"), u"csv"_s);
    if (!path.isEmpty())
        exportFile(path);
}

} // namespace pb::ui
