#pragma once

#include "domain/WorkbookSettings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

// File > Workbook Properties: the settings that travel inside the workbook (title, owner,
// currency, scoring weights). OK applies them as one undoable step through the editor.
class WorkbookPropertiesDialog : public QDialog
{
    Q_OBJECT
public:
    WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                             QWidget *parent = nullptr);

    domain::SettingValues values() const;
    void accept() override;

private:
    item::WorkbookEditor *m_editor;
    QLineEdit *m_title;
    QLineEdit *m_owner;
    QComboBox *m_currency;
    QDoubleSpinBox *m_weights[3];
    QDoubleSpinBox *m_atRisk = nullptr;
    QDoubleSpinBox *m_sunset = nullptr;
    QLineEdit *m_company = nullptr;
    QDoubleSpinBox *m_grossMargin = nullptr;
    QDoubleSpinBox *m_cacPayback = nullptr;
    QLineEdit *m_overlapThresholds = nullptr;
    QLabel *m_error;
};

} // namespace pb::ui
