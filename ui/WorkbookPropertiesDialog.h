#pragma once

#include "domain/WorkbookSettings.h"

#include <QDialog>

class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// File > Workbook Properties: the settings that travel inside the workbook (title, owner,
// currency, scoring weights, KPI bands, the economics the proposal checks). OK applies them
// as one undoable step through the editor. MainWindow opens it.
class WorkbookPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                             QWidget *parent = nullptr);

    domain::SettingValues values() const;
    void accept() override;

private:
    // How a number setting is edited.
    struct NumberFormat
    {
        double maximum = 100;
        int decimals = 0;
        QString suffix;
        double step = 1;
    };
    void addGeneralFields(QFormLayout *form);
    void addPartnershipFields(QFormLayout *form);
    QDoubleSpinBox *addNumber(QFormLayout *form, domain::SettingKey key, const QString &label,
                              const NumberFormat &format, const QString &tip);
    void addField(QFormLayout *form, domain::SettingKey key, const QString &label, QWidget *field);

    item::WorkbookEditor *m_editor;
    // Every field with the setting it edits, in the order of the form. A QLineEdit gives
    // its text, a QComboBox its current text, a QDoubleSpinBox its value.
    QList<std::pair<domain::SettingKey, QWidget *>> m_fields;
    QLabel *m_error;
};

} // namespace pb::ui
