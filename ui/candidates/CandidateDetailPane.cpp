#include "CandidateDetailPane.h"

#include "FittingTextEdit.h"
#include "OverlapDialog.h"
#include "StructureChooserDialog.h"
#include "VettingPanel.h"
#include "domain/CandidateRules.h"
#include "domain/ProposalBuilder.h"
#include "domain/QualificationFields.h"
#include "item/QualificationCheck.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

CandidateDetailPane::CandidateDetailPane(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_title(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_revenueTheory(new FittingTextEdit(3, 10, this))
    , m_customer(new FittingTextEdit(1, 5, this))
    , m_pain(new FittingTextEdit(1, 5, this))
    , m_champion(new FittingTextEdit(1, 5, this))
    , m_notes(new FittingTextEdit(3, 10, this))
    , m_overlap(new QLabel(this))
    , m_learnings(new QLabel(this))
    , m_measureOverlap(new QPushButton(tr("Measure Audience Overlap…"), this))
    , m_structure(new QLabel(this))
    , m_chooseStructure(new QPushButton(tr("Choose &Structure…"), this))
    , m_vetting(new VettingPanel(this))
    , m_form(new QWidget(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(u"background: #fff4ce; color: #3d3000; padding: 6px;"_s);
    m_warnings->hide();

    m_revenueTheory->setPlaceholderText(tr("One sentence: why this partnership produces revenue"));
    m_customer->setPlaceholderText(tr("Who is their customer? Does it match ours?"));
    m_pain->setPlaceholderText(tr("What current pain could we solve together?"));
    m_champion->setPlaceholderText(tr("Who champions it on their side, and why?"));
    for (FittingTextEdit *answer : {m_customer, m_pain, m_champion})
        answer->setSingleParagraph(true);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->addRow(tr("&Revenue theory"), m_revenueTheory);
    form->addRow(tr("Their &customer"), m_customer);
    form->addRow(tr("Shared &pain"), m_pain);
    form->addRow(tr("Champion and &incentive"), m_champion);
    form->addRow(tr("Readiness before approaching them"), createReadinessChecklist());
    form->addRow(tr("Structure"), createStructureRow());
    form->addRow(tr("Vetting and fit"), m_vetting);
    form->addRow(tr("&Notes"), m_notes);
    form->addRow(tr("Audience overlap"), createOverlapEvidence());

    for (const auto &[edit, field] : textFields()) {
        connect(edit, &FittingTextEdit::editingFinished, this,
                [this, edit, field] { commit(field, edit->toPlainText()); });
    }
    connect(m_vetting, &VettingPanel::committed, this, &CandidateDetailPane::commit);
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &CandidateDetailPane::onChange);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_warnings);
    layout->addWidget(m_form);
    m_learnings->setWordWrap(true);
    m_learnings->setTextFormat(Qt::PlainText);
    m_learnings->setAccessibleName(tr("Learnings"));
    layout->addWidget(m_learnings);
    layout->addStretch(1);
    refresh();
}

// One yes/no/unknown choice per readiness question.
QWidget *CandidateDetailPane::createReadinessChecklist()
{
    auto *readiness = new QWidget(m_form);
    auto *readinessLayout = new QGridLayout(readiness);
    readinessLayout->setContentsMargins(0, 0, 0, 0);
    readinessLayout->setColumnStretch(0, 1);
    for (int i = 0; i < kReadinessItems; ++i) {
        m_readiness[i] = new QComboBox(readiness);
        m_readiness[i]->addItem(tr("?"), QString());
        m_readiness[i]->addItem(tr("Yes"), u"yes"_s);
        m_readiness[i]->addItem(tr("No"), u"no"_s);
        const QString question = CandidateFields::readinessQuestion(i);
        m_readiness[i]->setToolTip(question);
        m_readiness[i]->setAccessibleName(question);
        auto *label = new QLabel(question, readiness);
        label->setWordWrap(true);
        readinessLayout->addWidget(label, i, 0);
        readinessLayout->addWidget(m_readiness[i], i, 1, Qt::AlignTop);
        const auto field = CandidateField(int(CandidateField::Readiness0) + i);
        connect(m_readiness[i], &QComboBox::activated, this,
                [this, i, field] { commit(field, m_readiness[i]->currentData()); });
    }
    return readiness;
}

// The evidence behind the audience-overlap score, and the button that measures it.
QWidget *CandidateDetailPane::createOverlapEvidence()
{
    m_overlap->setWordWrap(true);
    m_measureOverlap->setToolTip(tr("Count the accounts we share with this candidate, from both "
                                    "account lists or privately from a tokens file, and set "
                                    "the audience-overlap score"));
    connect(m_measureOverlap, &QPushButton::clicked, this, &CandidateDetailPane::measureOverlap);
    auto *overlap = new QWidget(m_form);
    auto *overlapLayout = new QVBoxLayout(overlap);
    overlapLayout->setContentsMargins(0, 0, 0, 0);
    overlapLayout->addWidget(m_overlap);
    overlapLayout->addWidget(m_measureOverlap, 0, Qt::AlignLeft);
    return overlap;
}

// The structure named, and the button that opens the chooser.
QWidget *CandidateDetailPane::createStructureRow()
{
    m_structure->setWordWrap(true);
    m_chooseStructure->setToolTip(tr("Answer the practice's questions, see the decision matrix "
                                     "and the structure it recommends, and use it"));
    connect(m_chooseStructure, &QPushButton::clicked, this, &CandidateDetailPane::chooseStructure);
    auto *row = new QWidget(m_form);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_structure, 1);
    layout->addWidget(m_chooseStructure, 0, Qt::AlignTop);
    return row;
}

void CandidateDetailPane::chooseStructure()
{
    const auto candidate = m_id ? m_editor->workbook()->candidate(m_id) : std::nullopt;
    if (!candidate)
        return;
    StructureChooserDialog dialog(candidate->name, candidate->structure, candidate->chooser, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Candidate answered = *candidate;
    answered.chooser = dialog.answers();
    CandidateValues values;
    for (CandidateField field : QualificationFields::chooserFields())
        values.insert(field, CandidateFields::value(answered, field));
    QString step = tr("Save the structure chooser's answers");
    if (const auto chosen = dialog.chosenStructure()) {
        values.insert(CandidateField::Structure, structureId(*chosen));
        step = tr("Use the %1 structure").arg(ProposalBuilder::structureName(*chosen).toLower());
    }
    if (const QString error = m_editor->changeCandidateFields(m_id, values, step); !error.isEmpty())
        emit editRefused(error);
}

void CandidateDetailPane::setCandidate(qint64 id)
{
    if (id == m_id)
        return;
    // Leaving a candidate commits what was typed for it.
    if (QWidget *focus = focusWidget(); focus && isAncestorOf(focus))
        focus->clearFocus();
    m_id = id;
    refresh();
}

QString CandidateDetailPane::warningText() const
{
    return m_warnings->isHidden() ? QString() : m_warnings->text();
}

void CandidateDetailPane::commitPending()
{
    if (m_id == 0 || !m_form->isVisible())
        return;
    for (const auto &[edit, field] : textFields())
        commit(field, edit->toPlainText());
    m_vetting->commitPending();
}

QList<std::pair<FittingTextEdit *, CandidateField>> CandidateDetailPane::textFields() const
{
    return {{m_revenueTheory, CandidateField::RevenueTheory},
            {m_customer, CandidateField::TheirCustomer},
            {m_pain, CandidateField::SharedPain},
            {m_champion, CandidateField::Champion},
            {m_notes, CandidateField::Notes}};
}

void CandidateDetailPane::commit(CandidateField field, const QVariant &value)
{
    if (m_id == 0 || m_editor->workbook()->isReadOnly())
        return;
    const auto current = m_editor->workbook()->candidate(m_id);
    if (!current || CandidateFields::value(*current, field) == value)
        return;
    const QString error = m_editor->changeCandidateField(m_id, field, value);
    if (!error.isEmpty()) {
        emit editRefused(error);
        refresh();
    }
}

void CandidateDetailPane::measureOverlap()
{
    if (m_id == 0)
        return;
    OverlapDialog dialog(m_editor, m_id, this);
    dialog.exec();
}

void CandidateDetailPane::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    // The findings also read our stage, the terms, the pilot and the RACI grid; the learnings
    // come from every partnership's exit list.
    if (change.entity == Entity::Settings || change.entity == Entity::Checklist ||
        change.ids.contains(m_id) || change.kind == store::Change::Kind::Reset)
        refresh();
}

void CandidateDetailPane::refresh()
{
    const auto candidate = m_id ? m_editor->workbook()->candidate(m_id) : std::nullopt;
    m_form->setVisible(candidate.has_value());
    if (!candidate) {
        m_id = 0;
        m_title->setText(tr("Select a candidate to see its qualification record."));
        m_warnings->hide();
        m_learnings->hide();
        return;
    }
    m_title->setText(candidate->name);
    const bool readOnly = m_editor->workbook()->isReadOnly();
    const auto evidence = m_editor->workbook()->overlapEvidence(m_id);
    m_overlap->setText(evidence ? OverlapScoring::describe(*evidence)
                                : tr("Not measured; the score is an estimate."));
    m_measureOverlap->setEnabled(!readOnly);
    for (const auto &[edit, field] : textFields()) {
        // Never overwrite the field someone is typing in.
        if (!edit->hasFocus())
            edit->setTextIfChanged(CandidateFields::value(*candidate, field).toString());
        edit->setReadOnly(readOnly);
    }
    for (int i = 0; i < kReadinessItems; ++i) {
        m_readiness[i]->setCurrentIndex(std::max(
            0, m_readiness[i]->findData(CandidateFields::readinessId(candidate->readiness[i]))));
        m_readiness[i]->setEnabled(!readOnly);
    }
    // A structure this version does not know is shown as stored, as in the table.
    m_structure->setText(!candidate->unknownStructure.isEmpty()
                             ? u"⚠ "_s + candidate->unknownStructure
                         : candidate->structure == Structure::Unset
                             ? tr("Not named yet")
                             : ProposalBuilder::structureName(candidate->structure));
    m_chooseStructure->setEnabled(!readOnly);
    m_vetting->show(*candidate, readOnly);
    showFindings(*candidate);
    showLearnings(*candidate);
}

// The stage gates, then the qualification judgment's findings.
void CandidateDetailPane::showFindings(const Candidate &candidate)
{
    QStringList warnings;
    const Findings findings = CandidateRules::findings(candidate) +
                              item::QualificationCheck::findings(*m_editor->workbook(), candidate);
    for (const Finding &finding : findings)
        warnings.append((finding.severity == Finding::Severity::Info ? u"ⓘ "_s : u"⚠ "_s) +
                        finding.message);
    m_warnings->setText(warnings.join(u"\n"_s));
    m_warnings->setVisible(!warnings.isEmpty());
}

// The exit's learnings_written notes: this candidate's own, then those of earlier partners
// of the same structure, so the next partner benefits (DOMAIN.md §7).
void CandidateDetailPane::showLearnings(const Candidate &candidate)
{
    QStringList lines;
    for (const Learning &learning : m_editor->workbook()->learnings()) {
        if (learning.candidateId == candidate.id)
            lines.prepend(tr("Learnings: %1").arg(learning.note));
        else if (learning.structure == candidate.structure &&
                 candidate.structure != Structure::Unset)
            lines << tr("Learned with %1: %2").arg(learning.partner, learning.note);
    }
    m_learnings->setText(lines.join(u"\n"_s));
    m_learnings->setVisible(!lines.isEmpty());
}

} // namespace pb::ui
