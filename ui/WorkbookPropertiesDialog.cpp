#include "WorkbookPropertiesDialog.h"

#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using pb::domain::SettingKey;
using pb::domain::SettingSpec;
using pb::domain::SettingType;
using pb::domain::WorkbookSettings;

namespace pb::ui {

WorkbookPropertiesDialog::WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Workbook Properties"));
    auto *form = new QFormLayout;
    for (const SettingSpec &row : WorkbookSettings::specs()) {
        QWidget *field = createField(row);
        field->setToolTip(WorkbookSettings::tooltip(row.key));
        form->addRow(WorkbookSettings::formLabel(row.key), field);
        m_fields.append({row.key, field});
    }
    showCurrency(m_editor->workbook()->setting(SettingKey::Currency).toString());

    // A stored value the rules refuse is shown at its default and kept in the file until
    // its field is changed: say so, or the dialog would hide it.
    auto *invalid = new QLabel(invalidNote(), this);
    invalid->setWordWrap(true);
    invalid->setVisible(!invalid->text().isEmpty());
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(
        readOnly ? QDialogButtonBox::Close : QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (readOnly) {
        for (const auto &[key, field] : std::as_const(m_fields))
            field->setEnabled(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(invalid);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QWidget *WorkbookPropertiesDialog::createField(const SettingSpec &row)
{
    const QVariant value = m_editor->workbook()->setting(row.key);
    switch (row.type) {
    case SettingType::Currency: {
        auto *currency = new QComboBox(this);
        currency->setEditable(true);
        currency->addItems({u"USD"_s, u"EUR"_s, u"GBP"_s, u"CHF"_s, u"CAD"_s, u"AUD"_s, u"JPY"_s,
                            u"SEK"_s, u"NOK"_s, u"DKK"_s, u"INR"_s, u"SGD"_s});
        currency->setCurrentText(value.toString());
        connect(currency, &QComboBox::currentTextChanged, this,
                &WorkbookPropertiesDialog::showCurrency);
        return currency;
    }
    case SettingType::YesNo: {
        auto *answer = new QComboBox(this);
        answer->addItem(tr("No"), u"no"_s);
        answer->addItem(tr("Yes"), u"yes"_s);
        answer->setCurrentIndex(std::max(0, answer->findData(value.toString())));
        return answer;
    }
    case SettingType::Text:
    case SettingType::Thresholds: {
        auto *line = new QLineEdit(value.toString(), this);
        line->setPlaceholderText(WorkbookSettings::placeholder(row.key));
        return line;
    }
    default:
        return createNumber(row);
    }
}

QWidget *WorkbookPropertiesDialog::createNumber(const SettingSpec &row)
{
    auto *spin = new QDoubleSpinBox(this);
    spin->setRange(0, row.maximum > 0 ? row.maximum : 1e9);
    spin->setDecimals(row.decimals);
    spin->setSingleStep(row.step);
    spin->setGroupSeparatorShown(row.type == SettingType::Money);
    if (row.type == SettingType::Percent || row.type == SettingType::Months)
        spin->setSuffix(u' ' + WorkbookSettings::unit(row.key, {}));
    spin->setValue(m_editor->workbook()->setting(row.key).toDouble());
    return spin;
}

void WorkbookPropertiesDialog::showCurrency(const QString &currency)
{
    for (const auto &[key, field] : std::as_const(m_fields)) {
        if (WorkbookSettings::spec(key).type == SettingType::Money)
            static_cast<QDoubleSpinBox *>(field)->setSuffix(u' ' + currency.trimmed().toUpper());
    }
}

QString WorkbookPropertiesDialog::invalidNote() const
{
    QStringList lines;
    for (const domain::InvalidValue &invalid : m_editor->workbook()->invalidValues()) {
        if (invalid.table != u"settings")
            continue;
        const auto key = WorkbookSettings::keyFromStorage(invalid.record);
        lines << tr("%1: the workbook holds \"%2\", which is not valid; the default is shown "
                    "and the stored value is kept until you change it.")
                     .arg(key ? WorkbookSettings::displayName(*key) : invalid.record,
                          invalid.stored);
    }
    return lines.join(u'\n');
}

domain::SettingValues WorkbookPropertiesDialog::values() const
{
    domain::SettingValues values;
    for (const auto &[key, field] : m_fields) {
        if (const auto *line = qobject_cast<const QLineEdit *>(field))
            values.insert(key, line->text());
        else if (const auto *combo = qobject_cast<const QComboBox *>(field))
            values.insert(key, combo->isEditable() ? QVariant(combo->currentText())
                                                   : combo->currentData());
        else if (const auto *spin = qobject_cast<const QDoubleSpinBox *>(field))
            values.insert(key, spin->value());
    }
    return values;
}

void WorkbookPropertiesDialog::accept()
{
    const QString error = m_editor->changeSettings(values());
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace pb::ui
