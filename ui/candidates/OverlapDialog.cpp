#include "OverlapDialog.h"

#include "FileDialogs.h"
#include "domain/WorkbookSettings.h"
#include "io/AccountOverlap.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

// The work of one measurement, shared with the worker thread.
struct OverlapDialog::Job
{
    QString ours, theirs, keyPath, column;
    std::atomic<int> permille{0};
    std::atomic<bool> cancelled{false};
    QString error;
    OverlapResult result;
    bool usedTokens = false;

    void run()
    {
        io::AccountOverlap::Side sides[2];
        const QString paths[2] = {ours, theirs};
        for (int i = 0; i < 2; ++i) {
            QFile file(paths[i]);
            if (!file.open(QIODevice::ReadOnly)) {
                error = OverlapDialog::tr("%1 cannot be read: %2.")
                            .arg(QDir::toNativeSeparators(paths[i]), file.errorString());
                return;
            }
            sides[i].label = QFileInfo(paths[i]).fileName();
            sides[i].bytes = file.readAll();
        }
        QByteArray key;
        if (!keyPath.isEmpty()) {
            QFile file(keyPath);
            if (!file.open(QIODevice::ReadOnly)) {
                error = OverlapDialog::tr("%1 cannot be read: %2.")
                            .arg(QDir::toNativeSeparators(keyPath), file.errorString());
                return;
            }
            key =
                io::AccountOverlap::readKey(file.readAll(), QFileInfo(keyPath).fileName(), &error);
            if (key.isEmpty())
                return;
        }
        error =
            io::AccountOverlap::compare(sides[0], sides[1], key, column, OverlapDialog::kMinCount,
                                        result, &usedTokens, [this](qint64 done, qint64 total) {
                                            permille =
                                                int(1000 * done / std::max<qint64>(1, total));
                                            return !cancelled.load();
                                        });
    }
};

OverlapDialog::OverlapDialog(item::WorkbookEditor *editor, qint64 candidateId, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_candidateId(candidateId)
    , m_ours(new QLineEdit(this))
    , m_theirs(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_column(new QLineEdit(this))
    , m_measure(new QPushButton(tr("&Measure"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_record(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_resultLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    const auto candidate = editor->workbook()->candidate(candidateId);
    setWindowTitle(tr("Audience Overlap with %1").arg(candidate ? candidate->name : QString()));
    auto *intro = new QLabel(
        tr("Count the accounts both companies have, from our account list and theirs. When "
           "they would rather not share their list, they send a tokens file made with "
           "<i>playbook-cli overlap prepare</i> and a key you both agreed on: neither side "
           "sees the other's accounts."),
        this);
    intro->setWordWrap(true);

    m_ours->setPlaceholderText(
        tr("Our accounts (CSV with a domain, website, url or email column)"));
    m_theirs->setPlaceholderText(tr("Their accounts (CSV) or their tokens file"));
    m_key->setPlaceholderText(tr("Only with a tokens file"));
    m_column->setPlaceholderText(tr("domain, website, url or email"));
    auto *form = new QFormLayout;
    form->addRow(tr("Our list:"), fileRow(m_ours, tr("Our Account List"),
                                          tr("CSV files (*.csv *.txt);;All files (*)")));
    form->addRow(tr("Their list or tokens:"),
                 fileRow(m_theirs, tr("Their Account List or Tokens"),
                         tr("CSV or tokens files (*.csv *.txt *.tokens);;All files (*)")));
    form->addRow(tr("Key file:"),
                 fileRow(m_key, tr("Key File"), tr("Key files (*.key);;All files (*)")));
    form->addRow(tr("&Column:"), m_column);

    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_cancel->hide();
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_record->setEnabled(false);
    m_record->setText(tr("&Record on Candidate"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_measure);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_cancel);
    m_buttons->addButton(m_record, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_resultLabel, 1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_measure, &QPushButton::clicked, this, [this] { measure(); });
    connect(m_cancel, &QPushButton::clicked, this, &OverlapDialog::cancel);
    connect(m_record, &QPushButton::clicked, this, [this] {
        if (const QString error = record(); !error.isEmpty())
            m_resultLabel->setText(error);
        else
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *line : {m_ours, m_theirs})
        connect(line, &QLineEdit::textChanged, this, &OverlapDialog::updateButtons);
    updateButtons();
}

// A file name field with its Browse… button; the chosen folder is remembered.
QLayout *OverlapDialog::fileRow(QLineEdit *line, const QString &title, const QString &filter)
{
    auto *row = new QHBoxLayout;
    auto *button = new QPushButton(tr("Browse…"), this);
    row->addWidget(line, 1);
    row->addWidget(button);
    connect(button, &QPushButton::clicked, this, [this, line, title, filter] {
        const QString path = FileDialogs::openFile(this, FileDialogs::Kind::Import, title, filter);
        if (!path.isEmpty())
            line->setText(path);
    });
    return row;
}

OverlapDialog::~OverlapDialog()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

void OverlapDialog::setFiles(const QString &ours, const QString &theirs, const QString &key,
                             const QString &column)
{
    m_ours->setText(ours);
    m_theirs->setText(theirs);
    m_key->setText(key);
    m_column->setText(column);
}

bool OverlapDialog::isRunning() const
{
    return m_thread != nullptr;
}

void OverlapDialog::updateButtons()
{
    const bool running = isRunning();
    m_measure->setEnabled(!running && !m_ours->text().isEmpty() && !m_theirs->text().isEmpty());
    m_record->setEnabled(!running && m_hasResult && proposedScore().has_value() &&
                         !m_editor->workbook()->isReadOnly());
    if (const auto score = proposedScore(); score && m_hasResult)
        m_record->setText(tr("&Record on Candidate (score %1)").arg(*score));
    else
        m_record->setText(tr("&Record on Candidate"));
}

QString OverlapDialog::measure(bool wait)
{
    if (isRunning())
        return {};
    m_job = std::make_shared<Job>();
    m_job->ours = m_ours->text().trimmed();
    m_job->theirs = m_theirs->text().trimmed();
    m_job->keyPath = m_key->text().trimmed();
    m_job->column = m_column->text().trimmed();
    m_hasResult = false;
    m_resultLabel->setText(tr("Measuring…"));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    std::shared_ptr<Job> job = m_job;
    QThread *thread = QThread::create([job] { job->run(); });
    m_thread = thread;
    auto *poll = new QTimer(thread);
    poll->setInterval(50);
    connect(poll, &QTimer::timeout, this, [this, job] { m_progress->setValue(job->permille); });
    connect(thread, &QThread::finished, this, [this, thread] {
        if (thread == m_thread)
            finish();
    });
    poll->start();
    updateButtons();
    m_thread->start();
    if (wait) {
        m_thread->wait();
        finish();
        return m_job ? m_job->error : QString();
    }
    return {};
}

void OverlapDialog::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

void OverlapDialog::finish()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    m_progress->hide();
    m_cancel->hide();
    const Job &job = *m_job;
    if (!job.error.isEmpty()) {
        m_resultLabel->setText(job.cancelled ? tr("Cancelled; nothing was measured.") : job.error);
        updateButtons();
        return;
    }
    m_result = job.result;
    m_private = job.usedTokens;
    m_hasResult = true;
    const QLocale locale;
    QString text =
        tr("<b>Ours:</b> %1 accounts &nbsp; <b>Theirs:</b> %2 accounts<br>")
            .arg(locale.toString(qint64(m_result.ours)), locale.toString(qint64(m_result.theirs)));
    if (m_result.shared) {
        text += tr("<b>Shared:</b> %1 — %2 % of ours, %3 % of theirs")
                    .arg(locale.toString(qint64(*m_result.shared)),
                         locale.toString(m_result.shareOfOurs().value_or(0), 'f', 1),
                         locale.toString(m_result.shareOfTheirs().value_or(0), 'f', 1));
    } else {
        text += tr("<b>Shared:</b> fewer than %1 (too few to show from a tokens file)")
                    .arg(m_result.sharedBelow);
    }
    if (m_result.skippedOurs || m_result.skippedTheirs)
        text += tr("<br>Rows without a usable domain: %1 in ours, %2 in theirs.")
                    .arg(m_result.skippedOurs)
                    .arg(m_result.skippedTheirs);
    if (const auto score = proposedScore())
        text +=
            tr("<br>Audience-overlap score from the share of our accounts: <b>%1</b>").arg(*score);
    if (!m_result.sharedAccounts.isEmpty()) {
        QStringList shown = m_result.sharedAccounts.mid(0, 20);
        for (QString &account : shown)
            account = account.toHtmlEscaped();
        text += tr("<br>Shared accounts: %1%2")
                    .arg(shown.join(u", "_s),
                         m_result.sharedAccounts.size() > 20
                             ? tr(" and %1 more").arg(m_result.sharedAccounts.size() - 20)
                             : QString());
    }
    m_resultLabel->setText(text);
    updateButtons();
}

std::optional<int> OverlapDialog::proposedScore() const
{
    return OverlapScoring::score(
        m_result, WorkbookSettings::overlapThresholds(m_editor->workbook()->settings()));
}

QString OverlapDialog::record()
{
    const auto score = proposedScore();
    if (!m_hasResult || !score)
        return tr("Measure first.");
    OverlapEvidence evidence;
    evidence.measuredOn = QDate::currentDate();
    evidence.method = m_private ? OverlapMethod::Private : OverlapMethod::Plain;
    evidence.ours = m_result.ours;
    evidence.theirs = m_result.theirs;
    evidence.shared = m_result.shared;
    evidence.shareOfOurs = m_result.shareOfOurs();
    evidence.shareOfTheirs = m_result.shareOfTheirs();
    return m_editor->recordOverlap(m_candidateId, evidence, *score);
}

} // namespace pb::ui
