#pragma once

#include <QWidget>

class QPushButton;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// The proposal's logo: Choose Logo… (a PNG or JPEG, kept small in the workbook) and Remove
// Logo, each one undo step. A row of the Proposal page's form.
class ProposalLogoRow : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalLogoRow(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    // Stores the picture as the logo; an empty string, or why not.
    QString setLogo(const QString &imagePath);
    // Remove Logo is offered only when there is one.
    void setHasLogo(bool hasLogo);
    void setEditable(bool editable);

private:
    void choose();
    void remove();

    item::WorkbookEditor *m_editor;
    QPushButton *m_choose;
    QPushButton *m_remove;
};

} // namespace pb::ui
