#pragma once

#include "domain/WorkbookSettings.h"

#include <QDialog>

class QFormLayout;
class QLabel;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// File > Workbook Properties: the settings that travel inside the workbook (title, owner,
// currency, scoring weights, KPI bands, the referral-fee range and the economics the
// proposal checks), one field per row of domain::WorkbookSettings' table, which gives its
// label, type and range. OK applies them as one undoable step through the editor, which
// checks them by the same table as `playbook-cli settings`. MainWindow opens it.
class WorkbookPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                             QWidget *parent = nullptr);

    domain::SettingValues values() const;
    void accept() override;

private:
    QWidget *createField(const domain::SettingSpec &row);
    QWidget *createNumber(const domain::SettingSpec &row);
    // Amounts show the currency chosen in this dialog.
    void showCurrency(const QString &currency);
    QString invalidNote() const;

    item::WorkbookEditor *m_editor;
    // Every field with the setting it edits, in the order of the form. A QLineEdit gives
    // its text, a QComboBox its current text, a QDoubleSpinBox its value.
    QList<std::pair<domain::SettingKey, QWidget *>> m_fields;
    QLabel *m_error;
};

} // namespace pb::ui
