#pragma once

#include "domain/Overlap.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// "Measure audience overlap…" for one candidate: our account list against theirs (a list,
// or a tokens file with the agreed key), counted on a worker thread with a progress bar
// and Cancel; the result can be recorded on the candidate, which sets its audience-overlap
// score from the workbook's thresholds (one undo step) and keeps the evidence.
class OverlapDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMinCount = 5;

    OverlapDialog(item::WorkbookEditor *editor, qint64 candidateId, QWidget *parent = nullptr);
    ~OverlapDialog() override;

    void setFiles(const QString &ours, const QString &theirs, const QString &key = {},
                  const QString &column = {});
    // Starts measuring; with wait, returns when done (tests). The error, if any, is shown
    // in the dialog and returned.
    QString measure(bool wait = false);
    void cancel();
    bool isRunning() const;
    const domain::OverlapResult &result() const { return m_result; }
    // The score the result gives, if one can be given.
    std::optional<int> proposedScore() const;
    // Records the result on the candidate; an empty string on success.
    QString record();
    QLabel *resultLabel() const { return m_resultLabel; }
    QPushButton *recordButton() const { return m_record; }

private:
    struct Job;
    QLayout *fileRow(QLineEdit *line, const QString &title, const QString &filter);
    void finish();
    void updateButtons();

    item::WorkbookEditor *m_editor;
    qint64 m_candidateId;
    QLineEdit *m_ours;
    QLineEdit *m_theirs;
    QLineEdit *m_key;
    QLineEdit *m_column;
    QPushButton *m_measure;
    QPushButton *m_cancel;
    QPushButton *m_record;
    QProgressBar *m_progress;
    QLabel *m_resultLabel;
    QDialogButtonBox *m_buttons;
    std::shared_ptr<Job> m_job;
    QThread *m_thread = nullptr;
    domain::OverlapResult m_result;
    bool m_hasResult = false;
    bool m_private = false;
};

} // namespace pb::ui
