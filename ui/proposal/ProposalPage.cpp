#include "ProposalPage.h"

#include "AppSettings.h"
#include "FileDialogs.h"
#include "LifecyclePanel.h"
#include "Messages.h"
#include "PartnerPicker.h"
#include "ProposalBar.h"
#include "ProposalChecksList.h"
#include "ProposalFieldsForm.h"
#include "ProposalLogoRow.h"
#include "ProposalPreview.h"
#include "domain/WorkbookSettings.h"
#include "io/ProposalDocument.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

ProposalPage::ProposalPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_bar(new ProposalBar(editor->workbook(), this))
    , m_checks(new ProposalChecksList(this))
    , m_form(new ProposalFieldsForm(this))
    , m_logo(new ProposalLogoRow(editor, this))
    , m_preview(new ProposalPreview(this))
    , m_tabs(new QTabWidget(this))
    , m_lifecycle(new LifecyclePanel(editor, this))
{
    m_form->addRow(ProposalSection::Page, tr("Logo"), m_logo);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildLeftSide());
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({400, 500});
    splitter->setChildrenCollapsible(false);
    AppSettings::keepSplitterSizes(splitter, u"proposal"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_bar);
    // The proposal, then what follows it for the same partner (ctrl+tab between them).
    m_tabs->addTab(splitter, tr("Proposal"));
    m_tabs->addTab(m_lifecycle, tr("Lifecycle"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    connect(m_lifecycle, &LifecyclePanel::statusMessage, this, &ProposalPage::statusMessage);

    connect(m_bar, &ProposalBar::partnerChosen, this, &ProposalPage::onPartnerChosen);
    connect(m_bar, &ProposalBar::pageSizeChanged, this, [this] { m_reload.start(); });
    connect(m_bar, &ProposalBar::exportRequested, this, &ProposalPage::chooseExportFile);
    connect(m_bar, &ProposalBar::printRequested, this, &ProposalPage::print);
    connect(m_form, &ProposalFieldsForm::edited, this, &ProposalPage::commit);
    connectToWorkbook();
    const bool readOnly = editor->workbook()->isReadOnly();
    m_form->setEditable(!readOnly);
    m_logo->setEditable(!readOnly);
    onPartnerChosen(0);
}

ProposalPage::~ProposalPage() = default;

// The checks above the form: they stay in view while the form scrolls under them, so a
// term's warning shows while it is edited (and beside the field as well).
QWidget *ProposalPage::buildLeftSide()
{
    auto *form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 8, 0);
    formLayout->addWidget(m_form);
    formLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(form);
    m_left = new QWidget(this);
    auto *layout = new QVBoxLayout(m_left);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_checks);
    layout->addWidget(m_scroll, 1);
    m_left->setMinimumWidth(340);
    connect(m_checks, &ProposalChecksList::fieldChosen, this, &ProposalPage::showField);
    return m_left;
}

// A check was clicked: the field it concerns, scrolled into view and focused.
void ProposalPage::showField(const QString &key)
{
    if (QWidget *editor = fieldEditor(key); editor && editor->isVisible()) {
        m_scroll->ensureWidgetVisible(editor);
        editor->setFocus(Qt::OtherFocusReason);
    }
}

void ProposalPage::connectToWorkbook()
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(0);
    connect(&m_reload, &QTimer::timeout, this, &ProposalPage::reload);
    connect(m_editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            [this](const store::Change &change) {
                // Hidden, the page waits: showEvent reloads it. Laying the page out on
                // every value typed in the KPI grid would slow typing for nothing.
                if (!isVisible())
                    return;
                using Entity = store::Change::Entity;
                if (change.entity == Entity::Settings || change.entity == Entity::Partnership ||
                    change.ids.isEmpty() || change.ids.contains(m_candidateId))
                    m_reload.start();
            });
}

void ProposalPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_reload.start();
}

PartnerPicker *ProposalPage::partnerPicker() const
{
    return m_bar->partner();
}

QList<QAction *> ProposalPage::fileActions() const
{
    return m_bar->fileActions();
}

bool ProposalPage::selectPartner(qint64 candidateId)
{
    return m_bar->partner()->selectPartner(candidateId);
}

void ProposalPage::onPartnerChosen(qint64 candidateId)
{
    m_candidateId = candidateId;
    m_lifecycle->setCandidate(candidateId);
    reload();
}

QWidget *ProposalPage::fieldEditor(const QString &key) const
{
    const auto field = ProposalFieldTable::fromKey(key);
    return field ? m_form->editor(*field) : nullptr;
}

QLabel *ProposalPage::fieldWarning(const QString &key) const
{
    const auto field = ProposalFieldTable::fromKey(key);
    return field ? m_form->warning(*field) : nullptr;
}

QStringList ProposalPage::findingCodes() const
{
    return m_checks->codes();
}

QLabel *ProposalPage::preview() const
{
    return m_preview->image();
}

QLabel *ProposalPage::fitLabel() const
{
    return m_preview->fitLabel();
}

void ProposalPage::reload()
{
    m_data.reset();
    if (m_candidateId)
        m_data =
            item::ProposalData::gather(*m_editor->workbook(), m_candidateId, QDate::currentDate());
    const bool has = m_data.has_value();
    m_left->setEnabled(has);
    m_form->load(has ? &m_data->fields : nullptr);
    m_form->setPlaceholder(ProposalField::PartnerContacts,
                           has ? m_data->sources.candidate.champion : QString());
    // The checks, beside their fields and in the list.
    const Findings findings = has ? m_data->findings() : Findings();
    m_form->showFindings(findings);
    m_checks->setFindings(findings, has);
    const QByteArray logo = m_editor->workbook()->image(u"logo"_s);
    m_logo->setHasLogo(!logo.isEmpty());
    if (has)
        m_document =
            std::make_unique<io::ProposalDocument>(m_data->content(), m_bar->pageSize(), logo);
    else
        m_document.reset();
    m_preview->setDocument(m_document.get());
    m_bar->showDocument(m_document.get());
}

QString ProposalPage::commit(ProposalField field, const QString &text)
{
    if (!m_data)
        return {};
    const QString label = ProposalFieldTable::label(field);
    ProposalFields after = m_data->fields;
    if (const QString why = ProposalTerms::set(after, field, text); !why.isEmpty()) {
        m_form->showRefusal(field, why);
        const QString message = tr("%1 not saved: %2.").arg(label, why);
        emit statusMessage(message);
        return message;
    }
    const QString error =
        m_editor->changeProposal(m_candidateId, m_data->fields, after, tr("Change %1").arg(label));
    if (!error.isEmpty()) {
        Messages::warning(this, tr("Proposal not changed"), error);
        m_reload.start();
        return error;
    }
    // The store's change notification reloads the page; do it now so that a test or a
    // quick second edit sees the new state.
    m_reload.stop();
    reload();
    return {};
}

QString ProposalPage::setField(const QString &key, const QString &text)
{
    const auto field = ProposalFieldTable::fromKey(key);
    if (!field)
        return tr("unknown field \"%1\"").arg(key);
    m_form->setText(*field, text);
    return commit(*field, text);
}

void ProposalPage::setPageSize(QPageSize::PageSizeId size)
{
    m_bar->setPageSize(size);
    reload();
}

QString ProposalPage::setLogo(const QString &imagePath)
{
    return m_logo->setLogo(imagePath);
}

void ProposalPage::chooseExportFile()
{
    const QString path =
        FileDialogs::saveFile(this, FileDialogs::Kind::Pdf, tr("Export Proposal"),
                              tr("%1 proposal.pdf").arg(m_bar->partner()->currentName()),
                              tr("PDF files (*.pdf)"), u"pdf"_s);
    if (path.isEmpty())
        return;
    if (const QString error = exportPdf(path); !error.isEmpty())
        Messages::warning(this, tr("Proposal not exported"), error);
}

QString ProposalPage::exportPdf(const QString &path)
{
    if (!m_document || !m_data)
        return tr("Choose a partner first.");
    QString author = m_editor->workbook()->setting(SettingKey::Owner).toString();
    if (author.isEmpty())
        author = m_data->sources.company;
    const QString error = m_document->writePdf(path, author);
    if (error.isEmpty())
        emit statusMessage(tr("Proposal saved to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

void ProposalPage::print()
{
    if (!m_document)
        return;
    if (!m_document->fits()) {
        Messages::warning(this, tr("Proposal not printed"), m_document->overflowMessage());
        return;
    }
    if (!Messages::interactive())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(m_bar->pageSize()));
    printer.setFullPage(true);
    printer.setDocName(tr("%1 proposal").arg(m_bar->partner()->currentName()));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    const double scale = printer.resolution() / 72.0;
    painter.scale(scale, scale);
    m_document->paint(&painter);
}

} // namespace pb::ui
