#include "ProposalFieldsForm.h"

#include "FittingTextEdit.h"
#include "ProposalChecksList.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

ProposalFieldsForm::ProposalFieldsForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    std::optional<ProposalSection> section;
    for (const ProposalFieldSpec &spec : ProposalFieldTable::rows()) {
        if (spec.section != section) {
            section = spec.section;
            auto *title = new QLabel(
                u"<b>%1</b>"_s.arg(ProposalFieldTable::sectionTitle(spec.section).toHtmlEscaped()),
                this);
            title->setContentsMargins(0, 8, 0, 0);
            m_layout->addRow(title);
        }
        QWidget *editor = createEditor(spec);
        auto *warning = new QLabel(this);
        warning->setWordWrap(true);
        warning->setStyleSheet(u"color: #b2182b;"_s);
        warning->hide();
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(editor);
        cellLayout->addWidget(warning);
        m_layout->addRow(ProposalFieldTable::label(spec.field), cell);
        m_editors[index(spec.field)] = editor;
        m_warnings[index(spec.field)] = warning;
        m_rows[index(spec.field)] = cell;
        m_sectionEnd[std::size_t(spec.section)] = m_layout->rowCount();
        m_sectionLast[std::size_t(spec.section)] = editor;
    }
}

QWidget *ProposalFieldsForm::createEditor(const ProposalFieldSpec &spec)
{
    const ProposalField field = spec.field;
    QWidget *editor = nullptr;
    if (spec.type == ProposalFieldType::YesNo) {
        auto *check = new QCheckBox(this);
        connect(check, &QCheckBox::clicked, this,
                [this, field](bool on) { report(field, on ? u"yes"_s : u"no"_s); });
        editor = check;
    } else if (spec.type == ProposalFieldType::Structure ||
               spec.type == ProposalFieldType::Choice) {
        auto *combo = new QComboBox(this);
        for (const auto &[id, label] : ProposalFieldTable::choices(field))
            combo->addItem(label, id);
        connect(combo, &QComboBox::activated, this,
                [this, field, combo] { report(field, combo->currentData().toString()); });
        editor = combo;
    } else if (!spec.choices.empty()) {
        // A number with named values (exclusivity: a number of months or "open-ended"):
        // type the number or pick the value; empty is "not stated".
        auto *combo = new QComboBox(this);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->addItem(QString(), QString());
        for (const auto &[id, label] : ProposalFieldTable::choices(field))
            combo->addItem(label, id);
        combo->lineEdit()->setPlaceholderText(ProposalFieldTable::placeholder(field));
        const auto reportText = [this, field, combo] {
            const int at = combo->findText(combo->currentText());
            report(field, at > 0 ? combo->itemData(at).toString() : combo->currentText());
        };
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this, reportText);
        connect(combo, &QComboBox::activated, this, reportText);
        editor = combo;
    } else if (spec.type == ProposalFieldType::Text && spec.lines > 1) {
        // As tall as its text (read whole), saved when it loses the focus.
        auto *text = new FittingTextEdit(spec.lines, 4 * spec.lines, this);
        text->setPlaceholderText(ProposalFieldTable::placeholder(field));
        connect(text, &FittingTextEdit::editingFinished, this,
                [this, field, text] { report(field, text->toPlainText()); });
        editor = text;
    } else {
        auto *line = new QLineEdit(this);
        line->setPlaceholderText(ProposalFieldTable::placeholder(field));
        connect(line, &QLineEdit::editingFinished, this,
                [this, field, line] { report(field, line->text()); });
        editor = line;
    }
    editor->setObjectName(ProposalFieldTable::key(field));
    editor->setAccessibleName(ProposalFieldTable::label(field));
    if (const QString tip = ProposalFieldTable::tooltip(field); !tip.isEmpty())
        editor->setToolTip(tip);
    return editor;
}

void ProposalFieldsForm::addRow(ProposalSection section, const QString &label, QWidget *widget)
{
    const std::size_t at = std::size_t(section);
    m_layout->insertRow(m_sectionEnd[at], label, widget);
    for (std::size_t s = 0; s < m_sectionEnd.size(); ++s) {
        if (m_sectionEnd[s] >= m_sectionEnd[at] && s != at)
            ++m_sectionEnd[s];
    }
    ++m_sectionEnd[at];
    // The tab order follows the screen: the row's buttons come after the section's fields.
    for (QWidget *child : widget->findChildren<QWidget *>()) {
        if (child->focusPolicy() == Qt::NoFocus)
            continue;
        QWidget::setTabOrder(m_sectionLast[at], child);
        m_sectionLast[at] = child;
    }
}

void ProposalFieldsForm::load(const ProposalFields *fields)
{
    const QScopedValueRollback loading(m_loading, true);
    const Structure structure = fields ? fields->structure : Structure::Unset;
    for (const ProposalFieldSpec &spec : ProposalFieldTable::rows()) {
        // Never overwrite what the user is typing.
        if (!editor(spec.field)->hasFocus())
            setText(spec.field, fields ? ProposalTerms::value(*fields, spec.field) : QString());
        const bool shown = ProposalFieldTable::isShownFor(spec.field, structure);
        if (m_layout->isRowVisible(m_rows[index(spec.field)]) != shown)
            m_layout->setRowVisible(m_rows[index(spec.field)], shown);
    }
}

void ProposalFieldsForm::setText(ProposalField field, const QString &text)
{
    const QScopedValueRollback loading(m_loading, true);
    QWidget *editor = this->editor(field);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (line->text() != text)
            line->setText(text);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor)) {
        if (plain->toPlainText() != text)
            plain->setPlainText(text);
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findData(text);
        if (combo->isEditable() && at <= 0)
            combo->setEditText(text); // a number, or empty
        else
            combo->setCurrentIndex(std::max(0, at));
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(text == u"yes");
    }
}

void ProposalFieldsForm::setPlaceholder(ProposalField field, const QString &text)
{
    const QString shown = text.isEmpty() ? ProposalFieldTable::placeholder(field) : text;
    if (auto *line = qobject_cast<QLineEdit *>(editor(field)))
        line->setPlaceholderText(shown);
    else if (auto *combo = qobject_cast<QComboBox *>(editor(field)); combo && combo->isEditable())
        combo->lineEdit()->setPlaceholderText(shown);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor(field)))
        plain->setPlaceholderText(shown);
}

void ProposalFieldsForm::showFindings(const Findings &findings)
{
    for (QLabel *label : m_warnings)
        label->hide();
    for (const Finding &finding : findings) {
        if (const auto field = ProposalFieldTable::fromKey(finding.subject)) {
            QLabel *label = warning(*field);
            label->setText(ProposalChecksList::markedText(finding));
            label->setToolTip(finding.code);
            label->show();
        }
    }
}

void ProposalFieldsForm::showRefusal(ProposalField field, const QString &why)
{
    warning(field)->setText(tr("Not saved: %1.").arg(why));
    warning(field)->show();
}

void ProposalFieldsForm::setEditable(bool editable)
{
    for (QWidget *editor : m_editors)
        editor->setEnabled(editable);
}

void ProposalFieldsForm::report(ProposalField field, const QString &text)
{
    if (!m_loading)
        emit edited(field, text);
}

} // namespace pb::ui
