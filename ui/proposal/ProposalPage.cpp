#include "ProposalPage.h"

#include "domain/WorkbookSettings.h"
#include "io/ProposalDocument.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"
#include "AppSettings.h"
#include "Messages.h"
#include "PartnerPicker.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

enum class Kind { Line, Text, Structure, Check };

struct FieldSpec
{
    const char16_t *key;
    Kind kind;
    const char *label;
    const char *placeholder;
    const char *tip;
};

// The form, by group; labels and tips are translated where they are shown.
const QList<QPair<const char *, QList<FieldSpec>>> &fieldGroups()
{
    static const QList<QPair<const char *, QList<FieldSpec>>> groups = {
        {QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "The page"),
         {
             {u"title", Kind::Line, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Title"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Partnership proposal"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "The line under the partner's name")},
             {u"hypothesis", Kind::Text, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Hypothesis"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "What we do together, and who benefits (empty: the candidate's "
                                "revenue theory)"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "The partnership hypothesis: the first thing the partner reads")},
             {u"our_contacts", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Our contacts"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Name, role, e-mail"), ""},
             {u"partner_contacts", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Their contacts"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Empty: the candidate's champion"), ""},
             {u"notes", Kind::Text, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Notes"), "",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Shown under the commercial terms")},
         }},
        {QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Structure and pilot"),
         {
             {u"structure", Kind::Structure, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Structure"),
              "",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "The same structure as on the Candidates area")},
             {u"pilot_days", Kind::Line, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Pilot (days)"),
              "90",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "Also on the KPIs area; 90 days or less decides faster")},
             {u"pilot_start", Kind::Line, QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Pilot start"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "YYYY-MM-DD; empty: when both sign"), ""},
         }},
        {QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Commercial terms"),
         {
             {u"rev_share_pct", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Revenue share (%)"), "", ""},
             {u"first_year_cap", Kind::Check,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "First year only"), "",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "Revenue share is normally paid on first-year revenue only, "
                                "unless the partner does renewal work")},
             {u"referral_fee", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Referral fee per lead"), "", ""},
             {u"reseller_margin_pct", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Reseller margin (%)"), "", ""},
             {u"mdf_budget", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Co-marketing budget"), "", ""},
             {u"exclusivity_months", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Exclusivity (months)"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "open-ended"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "0 for none; empty means exclusive with no end date")},
             {u"deal_registration_days", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Deal registration (days)"), "",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage",
                                "How long a registered deal is protected from direct sales "
                                "(about 90 days is usual)")},
             {u"term_months", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Term (months)"), "", ""},
             {u"notice_days", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Notice (days)"), "",
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "About 30 days is usual")},
             {u"payment_terms", Kind::Line,
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Payment terms"),
              QT_TRANSLATE_NOOP("pb::ui::ProposalPage", "Net 30"), ""},
         }},
    };
    return groups;
}

QString severityMark(Finding::Severity severity)
{
    return severity == Finding::Severity::Error ? u"⛔ "_s : u"⚠ "_s;
}

} // namespace

ProposalPage::ProposalPage(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_partner(
          new PartnerPicker(editor->workbook(), PartnerPicker::Order::PartnershipsFirst, this))
    , m_pageSize(new QComboBox(this))
    , m_export(new QPushButton(tr("Export PDF…"), this))
    , m_print(new QPushButton(tr("Print…"), this))
    , m_logoButton(new QPushButton(tr("Choose Logo…"), this))
    , m_removeLogo(new QPushButton(tr("Remove Logo"), this))
    , m_form(new QWidget(this))
    , m_findings(new QListWidget(this))
    , m_previewArea(new QScrollArea(this))
    , m_preview(new QLabel(this))
    , m_fit(new QLabel(this))
{
    m_partner->setToolTip(tr("The partnership whose proposal you are writing; type to search"));
    connect(m_partner, &PartnerPicker::partnerChosen, this,
            [this](qint64 id, const QString &) { onPartnerChosen(id); });
    m_pageSize->addItem(u"A4"_s, int(QPageSize::A4));
    m_pageSize->addItem(tr("Letter"), int(QPageSize::Letter));
    m_pageSize->setCurrentIndex(
        io::ProposalDocument::defaultPageSize(QLocale()) == QPageSize::Letter ? 1 : 0);
    m_pageSize->setToolTip(tr("Paper size of the page and the PDF"));
    connect(m_pageSize, &QComboBox::currentIndexChanged, this, [this] { m_reload.start(); });
    m_export->setToolTip(tr("Save the page as a one-page PDF"));
    m_export->setShortcut(QKeySequence(u"Ctrl+E"_s));
    m_print->setToolTip(tr("Print the page"));
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Proposal"),
            QDir(AppSettings::value(AppSettings::Key::LastFolder).toString())
                .filePath(tr("%1 proposal.pdf").arg(m_partner->currentName())),
            tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportPdf(path); !error.isEmpty())
            Messages::warning(this, tr("Proposal not exported"), error);
    });
    connect(m_print, &QPushButton::clicked, this, &ProposalPage::print);
    m_logoButton->setToolTip(tr("A logo for the top of the page (PNG or JPEG), kept in the "
                                "workbook"));
    connect(m_logoButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose Logo"), AppSettings::value(AppSettings::Key::LastFolder).toString(),
            tr("Images (*.png *.jpg *.jpeg)"));
        if (path.isEmpty())
            return;
        if (const QString error = setLogo(path); !error.isEmpty())
            Messages::warning(this, tr("Logo not changed"), error);
    });
    connect(m_removeLogo, &QPushButton::clicked, this, [this] {
        if (const QString error = m_editor->changeImage(u"logo"_s, {}, tr("Remove logo"));
            !error.isEmpty())
            Messages::warning(this, tr("Logo not removed"), error);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Partner:"), this));
    bar->addWidget(m_partner);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Paper:"), this));
    bar->addWidget(m_pageSize);
    bar->addStretch(1);
    bar->addWidget(m_print);
    bar->addWidget(m_export);

    // Left: the form, scrolling; right: the page.
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    buildForm(m_form);
    formScroll->setWidget(m_form);
    formScroll->setMinimumWidth(340);

    m_preview->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_preview->setAccessibleName(tr("Proposal preview"));
    m_preview->setBackgroundRole(QPalette::Dark);
    m_previewArea->setWidget(m_preview);
    m_previewArea->setWidgetResizable(true);
    m_previewArea->setBackgroundRole(QPalette::Dark);
    m_previewArea->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_fit->setWordWrap(true);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_fit);
    rightLayout->addWidget(m_previewArea, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(formScroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({400, 500});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    m_reload.setSingleShot(true);
    m_reload.setInterval(0);
    connect(&m_reload, &QTimer::timeout, this, &ProposalPage::reload);
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
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
    const bool readOnly = editor->workbook()->isReadOnly();
    for (QWidget *widget : std::as_const(m_editors))
        widget->setEnabled(!readOnly);
    m_logoButton->setEnabled(!readOnly);
    m_removeLogo->setEnabled(!readOnly);
    onPartnerChosen(0);
}

ProposalPage::~ProposalPage() = default;

void ProposalPage::buildForm(QWidget *form)
{
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 8, 0);
    auto *checksTitle = new QLabel(tr("<b>Checks</b>"), form);
    layout->addWidget(checksTitle);
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(110);
    m_findings->setAccessibleName(tr("Checks on the terms"));
    layout->addWidget(m_findings);

    // One form for every group, so that the labels line up.
    auto *grid = new QFormLayout;
    grid->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(grid);
    for (const auto &[group, fields] : fieldGroups()) {
        auto *title = new QLabel(u"<b>%1</b>"_s.arg(tr(group).toHtmlEscaped()), form);
        title->setContentsMargins(0, 8, 0, 0);
        grid->addRow(title);
        for (const FieldSpec &spec : fields) {
            const QString key = QString::fromUtf16(spec.key);
            m_labels.insert(key, tr(spec.label));
            QWidget *editor = nullptr;
            switch (spec.kind) {
            case Kind::Line: {
                auto *line = new QLineEdit(form);
                line->setPlaceholderText(tr(spec.placeholder));
                connect(line, &QLineEdit::editingFinished, this,
                        [this, key, line] { commit(key, line->text()); });
                editor = line;
                break;
            }
            case Kind::Text: {
                auto *text = new QPlainTextEdit(form);
                text->setPlaceholderText(tr(spec.placeholder));
                text->setTabChangesFocus(true);
                text->setFixedHeight(key == u"hypothesis" ? 96 : 60);
                text->installEventFilter(this);
                editor = text;
                break;
            }
            case Kind::Structure: {
                auto *combo = new QComboBox(form);
                combo->addItem(tr("Not chosen"), QString());
                for (Structure s :
                     {Structure::Referral, Structure::Reseller, Structure::Integration,
                      Structure::CoMarketing, Structure::JointVenture})
                    combo->addItem(ProposalBuilder::structureName(s), structureId(s));
                connect(combo, &QComboBox::activated, this,
                        [this, key, combo] { commit(key, combo->currentData().toString()); });
                editor = combo;
                break;
            }
            case Kind::Check: {
                auto *check = new QCheckBox(form);
                connect(check, &QCheckBox::clicked, this,
                        [this, key](bool on) { commit(key, on ? u"yes"_s : u"no"_s); });
                editor = check;
                break;
            }
            }
            editor->setObjectName(key);
            editor->setAccessibleName(tr(spec.label));
            if (*spec.tip)
                editor->setToolTip(tr(spec.tip));
            m_editors.insert(key, editor);
            auto *warning = new QLabel(form);
            warning->setWordWrap(true);
            warning->setStyleSheet(u"color: #b2182b;"_s);
            warning->hide();
            m_warnings.insert(key, warning);
            auto *cell = new QWidget(form);
            auto *cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            cellLayout->addWidget(editor);
            cellLayout->addWidget(warning);
            grid->addRow(tr(spec.label), cell);
        }
        if (QString::fromUtf8(group) == u"The page") {
            auto *logoRow = new QHBoxLayout;
            logoRow->addWidget(m_logoButton);
            logoRow->addWidget(m_removeLogo);
            logoRow->addStretch(1);
            grid->addRow(tr("Logo"), logoRow);
        }
    }
    layout->addStretch(1);
}

bool ProposalPage::eventFilter(QObject *watched, QEvent *event)
{
    // Multi-line fields save when they lose focus.
    if (event->type() == QEvent::FocusOut) {
        for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
            if (it.value() == watched)
                commit(it.key(), static_cast<QPlainTextEdit *>(it.value())->toPlainText());
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProposalPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_reload.start();
}

void ProposalPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_document)
        renderPreview();
}

bool ProposalPage::selectPartner(qint64 candidateId)
{
    return m_partner->selectPartner(candidateId);
}

void ProposalPage::onPartnerChosen(qint64 candidateId)
{
    m_candidateId = candidateId;
    reload();
}

QString ProposalPage::editorText(const QString &key) const
{
    QWidget *editor = m_editors.value(key);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text();
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        return text->toPlainText();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().toString();
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked() ? u"yes"_s : u"no"_s;
    return {};
}

void ProposalPage::setEditorText(const QString &key, const QString &value)
{
    QWidget *editor = m_editors.value(key);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        // exclusivity_months shows open-ended as an empty field with that placeholder.
        const QString shown =
            key == u"exclusivity_months" && value == u"open-ended" ? QString() : value;
        if (line->text() != shown)
            line->setText(shown);
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        if (text->toPlainText() != value)
            text->setPlainText(value);
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(value == u"yes");
    }
}

void ProposalPage::reload()
{
    m_data.reset();
    if (m_candidateId)
        m_data =
            item::ProposalData::gather(*m_editor->workbook(), m_candidateId, QDate::currentDate());
    const bool has = m_data.has_value();
    m_form->setEnabled(has);
    m_export->setEnabled(has);
    m_print->setEnabled(has);
    {
        const QScopedValueRollback loading(m_loading, true);
        for (const QString &key : ProposalTerms::keys()) {
            QWidget *editor = m_editors.value(key);
            // Never overwrite what the user is typing.
            if (editor && !editor->hasFocus())
                setEditorText(key, has ? ProposalTerms::value(m_data->fields, key) : QString());
        }
    }
    if (auto *partnerContacts = qobject_cast<QLineEdit *>(m_editors.value(u"partner_contacts"_s)))
        partnerContacts->setPlaceholderText(has && !m_data->sources.candidate.champion.isEmpty()
                                                ? m_data->sources.candidate.champion
                                                : tr("Empty: the candidate's champion"));

    // The checks, beside their fields and in the list.
    for (QLabel *warning : std::as_const(m_warnings))
        warning->hide();
    m_findings->clear();
    const Findings findings = has ? m_data->findings() : Findings();
    for (const Finding &finding : findings) {
        auto *item =
            new QListWidgetItem(severityMark(finding.severity) + finding.message, m_findings);
        item->setToolTip(finding.code);
        item->setData(Qt::UserRole, finding.subject);
        if (QLabel *warning = m_warnings.value(finding.subject)) {
            warning->setText(severityMark(finding.severity) + finding.message);
            warning->setToolTip(finding.code);
            warning->show();
        }
    }
    if (findings.isEmpty())
        new QListWidgetItem(has ? tr("✓ No traps found in the terms.") : QString(), m_findings);
    const QByteArray logo = m_editor->workbook()->image(u"logo"_s);
    m_removeLogo->setVisible(!logo.isEmpty());

    if (has) {
        m_document = std::make_unique<io::ProposalDocument>(
            m_data->content(), QPageSize::PageSizeId(m_pageSize->currentData().toInt()), logo);
    } else {
        m_document.reset();
    }
    renderPreview();
}

void ProposalPage::renderPreview()
{
    if (!m_document) {
        m_preview->setPixmap({});
        m_preview->setText(tr("Choose a partner above to write its proposal."));
        m_fit->clear();
        return;
    }
    const QSizeF page = m_document->pageSizePoints();
    const int available = std::max(200, m_previewArea->viewport()->width() - 24);
    const double scale = std::min(available / page.width(), 1.6);
    const qreal ratio = devicePixelRatioF();
    QImage image = m_document->render(scale * ratio);
    image.setDevicePixelRatio(ratio);
    m_preview->setPixmap(QPixmap::fromImage(image));
    m_export->setEnabled(m_document->fits());
    m_export->setToolTip(m_document->fits() ? tr("Save the page as a one-page PDF")
                                            : m_document->overflowMessage());
    if (m_document->fits()) {
        m_fit->setStyleSheet(QString());
        m_fit->setText(tr("One page, %1 pt text. This preview is the PDF.")
                           .arg(QLocale().toString(m_document->bodyPointSize())));
    } else {
        m_fit->setStyleSheet(u"color: #b2182b; font-weight: bold;"_s);
        m_fit->setText(m_document->overflowMessage());
    }
}

QString ProposalPage::commit(const QString &key, const QString &text)
{
    if (m_loading || !m_data)
        return {};
    ProposalFields after = m_data->fields;
    const QString why = ProposalTerms::set(after, key, text);
    QLabel *warning = m_warnings.value(key);
    if (!why.isEmpty()) {
        if (warning) {
            warning->setText(tr("Not saved: %1.").arg(why));
            warning->show();
        }
        const QString message = tr("%1 not saved: %2.").arg(m_labels.value(key), why);
        emit statusMessage(message);
        return message;
    }
    const QString error = m_editor->changeProposal(m_candidateId, m_data->fields, after,
                                                   tr("Change %1").arg(m_labels.value(key)));
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
    if (!m_editors.contains(key))
        return tr("unknown field \"%1\"").arg(key);
    {
        const QScopedValueRollback loading(m_loading, true);
        setEditorText(key, text);
    }
    return commit(key, text);
}

QStringList ProposalPage::findingCodes() const
{
    QStringList codes;
    for (int i = 0; i < m_findings->count(); ++i) {
        if (!m_findings->item(i)->toolTip().isEmpty())
            codes.append(m_findings->item(i)->toolTip());
    }
    return codes;
}

void ProposalPage::setPageSize(QPageSize::PageSizeId size)
{
    m_pageSize->setCurrentIndex(size == QPageSize::Letter ? 1 : 0);
    reload();
}

QString ProposalPage::exportPdf(const QString &path)
{
    if (!m_document || !m_data)
        return tr("Choose a partner first.");
    QString author = m_editor->workbook()->setting(SettingKey::Owner).toString();
    if (author.isEmpty())
        author = m_data->sources.company;
    const QString error = m_document->writePdf(path, author);
    if (error.isEmpty()) {
        AppSettings::setValue(AppSettings::Key::LastFolder, QFileInfo(path).absolutePath());
        emit statusMessage(tr("Proposal saved to %1").arg(QDir::toNativeSeparators(path)));
    }
    return error;
}

QString ProposalPage::setLogo(const QString &imagePath)
{
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return tr("\"%1\" is not a PNG or JPEG picture: %2.")
            .arg(QDir::toNativeSeparators(imagePath), reader.errorString());
    // Kept small: a logo is printed about 3 cm wide.
    if (image.width() > 800 || image.height() > 300)
        image = image.scaled(800, 300, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return m_editor->changeImage(u"logo"_s, png, tr("Change logo"));
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
    printer.setPageSize(QPageSize(QPageSize::PageSizeId(m_pageSize->currentData().toInt())));
    printer.setFullPage(true);
    printer.setDocName(tr("%1 proposal").arg(m_partner->currentName()));
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QPainter painter(&printer);
    const double scale = printer.resolution() / 72.0;
    painter.scale(scale, scale);
    m_document->paint(&painter);
}

} // namespace pb::ui
