#include "VettingPanel.h"

#include "domain/QualificationFields.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

using Kind = QualificationFields::Kind;

QList<CandidateField> panelFields()
{
    return QualificationFields::vettingFields() << CandidateField::Territory;
}

} // namespace

VettingPanel::VettingPanel(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    // As the readiness checklist: a choice beside its wrapped question, a line of text under
    // its label, so the pane stays as narrow as it was.
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 1);
    int row = 0;
    for (CandidateField field : panelFields()) {
        QWidget *editor = createEditor(field);
        editor->setToolTip(QualificationFields::question(field));
        editor->setAccessibleName(QualificationFields::displayName(field));
        m_editors.insert(field, editor);
        auto *label = new QLabel(QualificationFields::displayName(field), this);
        label->setWordWrap(true);
        label->setToolTip(QualificationFields::question(field));
        if (qobject_cast<QComboBox *>(editor)) {
            m_grid->addWidget(label, row, 0);
            m_grid->addWidget(editor, row++, 1, Qt::AlignTop);
        } else {
            m_grid->addWidget(label, row++, 0, 1, 2);
            m_grid->addWidget(editor, row++, 0, 1, 2);
        }
    }
}

QWidget *VettingPanel::createEditor(CandidateField field)
{
    if (QualificationFields::kind(field) == Kind::Choice) {
        auto *box = new QComboBox(this);
        for (int value = 0; value < QualificationFields::choiceCount(field); ++value)
            box->addItem(QualificationFields::choiceLabel(field, value),
                         QualificationFields::choiceId(field, value));
        connect(box, &QComboBox::activated, this,
                [this, box, field] { emit committed(field, box->currentData()); });
        return box;
    }
    auto *line = new QLineEdit(this);
    line->setPlaceholderText(QualificationFields::kind(field) == Kind::Count
                                 ? tr("not known (a whole number)")
                                 : tr("not known"));
    line->setClearButtonEnabled(true);
    connect(line, &QLineEdit::editingFinished, this,
            [this, line, field] { emit committed(field, line->text()); });
    return line;
}

void VettingPanel::show(const Candidate &candidate, bool readOnly)
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QVariant value = CandidateFields::value(candidate, it.key());
        if (auto *box = qobject_cast<QComboBox *>(it.value())) {
            box->setCurrentIndex(std::max(0, box->findData(value.toString())));
            box->setEnabled(!readOnly);
        } else if (auto *line = qobject_cast<QLineEdit *>(it.value())) {
            if (!line->hasFocus() && line->text() != value.toString())
                line->setText(value.toString());
            line->setReadOnly(readOnly);
        }
    }
}

void VettingPanel::commitPending()
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (const auto *line = qobject_cast<const QLineEdit *>(it.value()))
            emit committed(it.key(), line->text());
    }
}

} // namespace pb::ui
