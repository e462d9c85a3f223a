#pragma once

#include "io/CandidateCsv.h"

#include <QObject>

class QWidget;

namespace pb::item {
class CandidateTableModel;
}
namespace pb::store {
struct ImportOutcome;
}
namespace pb::io {
class InputFile;
}

namespace pb::ui {

// Candidates in and out of the workbook in the candidates CSV format: rows copied to and
// pasted from a spreadsheet (tab-separated), CSV files imported (streamed into the store, one
// undo step, with progress and Cancel for large files) and the ranked list exported. Refusals are
// told to the user in a message box over the page; CandidatesPage owns one and forwards its actions
// here. Edits go through the table model's editor.
class CandidateTransfer : public QObject
{
    Q_OBJECT
public:
    CandidateTransfer(item::CandidateTableModel *model, QWidget *page);

    // Puts the rows of the model (in this order) on the clipboard, header first.
    void copyRows(const QList<int> &rows);
    // Each returns false (after telling the user why) when nothing was changed or written.
    bool pasteText(const QString &text);
    bool importFile(const QString &path);
    bool exportFile(const QString &path);
    void chooseImportFile();
    void chooseExportFile();

    // How long an import runs before its progress dialog shows (tests: 0, to click Cancel).
    static void setProgressDelayForTesting(int milliseconds);

signals:
    void statusMessage(const QString &text);
    // Candidates were added or updated from a paste or a file.
    void imported();

private:
    // Streams bytes into the workbook (the CLI's pipeline) with a progress dialog and
    // Cancel; commits only a complete, valid, not cancelled import.
    // file: where bytes come from, when a file (its read pages are let go as it streams).
    io::CandidateCsvImport streamImport(const QByteArray &bytes, const QString &label,
                                        const QString &stepName, QChar separator,
                                        io::InputFile *file, store::ImportOutcome *outcome,
                                        QString *storeError);
    bool runImport(const QByteArray &bytes, const QString &label, const QString &stepName,
                   QChar separator, io::InputFile *file = nullptr);

    item::CandidateTableModel *m_model;
    QWidget *m_page;
    static int s_progressDelay;
};

} // namespace pb::ui
