#pragma once

#include "domain/Finding.h"
#include "domain/Proposal.h"

#include <QWidget>

#include <array>

class QFormLayout;
class QLabel;

namespace pb::ui {

// The proposal's fields as one form, built from the field table (domain::ProposalFieldTable):
// a titled group per section, an editor per field chosen by its type, and beneath each
// editor the warning about it. One form, so that the labels line up. The Proposal page
// fills it, stores what it reports through edited(), and shows the checks' findings.
class ProposalFieldsForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalFieldsForm(QWidget *parent = nullptr);

    // Adds a row at the end of a section (the page's logo buttons).
    void addRow(domain::ProposalSection section, const QString &label, QWidget *widget);
    // Shows the fields' values (never overwriting an editor that has the focus); null
    // empties every editor.
    void load(const domain::ProposalFields *fields);
    // Puts text into a field's editor as the user would type it, without reporting it.
    void setText(domain::ProposalField field, const QString &text);
    // An empty text restores the table's placeholder.
    void setPlaceholder(domain::ProposalField field, const QString &text);
    // Each finding beneath the field it concerns; the other warnings are hidden.
    void showFindings(const domain::Findings &findings);
    // Why the value typed into a field was not stored.
    void showRefusal(domain::ProposalField field, const QString &why);
    void setEditable(bool editable);

    QWidget *editor(domain::ProposalField field) const { return m_editors[index(field)]; }
    QLabel *warning(domain::ProposalField field) const { return m_warnings[index(field)]; }

signals:
    // The user finished editing a field; text as `terms` would read it.
    void edited(domain::ProposalField field, const QString &text);

private:
    static std::size_t index(domain::ProposalField field) { return std::size_t(field); }
    QWidget *createEditor(const domain::ProposalFieldSpec &spec);
    void report(domain::ProposalField field, const QString &text);

    QFormLayout *m_layout;
    std::array<QWidget *, domain::kProposalFieldCount> m_editors{};
    std::array<QLabel *, domain::kProposalFieldCount> m_warnings{};
    std::array<QWidget *, domain::kProposalFieldCount> m_rows{};
    std::array<int, 3> m_sectionEnd{};        // the form row after each section's last
    std::array<QWidget *, 3> m_sectionLast{}; // each section's last widget in the tab order
    bool m_loading = false;
};

} // namespace pb::ui
