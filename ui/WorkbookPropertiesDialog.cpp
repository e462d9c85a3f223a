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
using pb::domain::Dimension;
using pb::domain::ScoringDimensions;
using pb::domain::SettingKey;

namespace pb::ui {

WorkbookPropertiesDialog::WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Workbook Properties"));
    auto *form = new QFormLayout;
    addGeneralFields(form);
    for (Dimension dimension : ScoringDimensions::all) {
        addNumber(form, ScoringDimensions::weightKey(dimension),
                  ScoringDimensions::formLabel(dimension), {100, 1, {}, 0.5},
                  tr("Relative weight of this dimension in the candidate score; at least one "
                     "weight must be above zero."));
    }
    addPartnershipFields(form);

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
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

// Title, owner and currency.
void WorkbookPropertiesDialog::addGeneralFields(QFormLayout *form)
{
    const store::Workbook *workbook = m_editor->workbook();
    auto *title = new QLineEdit(workbook->setting(SettingKey::Title).toString(), this);
    title->setToolTip(tr("Shown on the proposal and in the window."));
    addField(form, SettingKey::Title, tr("&Title:"), title);
    auto *owner = new QLineEdit(workbook->setting(SettingKey::Owner).toString(), this);
    owner->setPlaceholderText(tr("Who runs this partner programme"));
    addField(form, SettingKey::Owner, tr("&Owner:"), owner);
    auto *currency = new QComboBox(this);
    currency->setEditable(true);
    currency->addItems({u"USD"_s, u"EUR"_s, u"GBP"_s, u"CHF"_s, u"CAD"_s, u"AUD"_s, u"JPY"_s,
                        u"SEK"_s, u"NOK"_s, u"DKK"_s, u"INR"_s, u"SGD"_s});
    currency->setCurrentText(workbook->setting(SettingKey::Currency).toString());
    currency->setToolTip(tr("Three-letter ISO 4217 code used for revenue and fees."));
    addField(form, SettingKey::Currency, tr("&Currency:"), currency);
}

// The KPI bands, and for the proposal: who "we" are and the economics its checks weigh
// reseller terms by.
void WorkbookPropertiesDialog::addPartnershipFields(QFormLayout *form)
{
    const store::Workbook *workbook = m_editor->workbook();
    addNumber(form, SettingKey::KpiAtRiskPercent, tr("KPI at-&risk band:"), {100, 0, u" %"_s},
              tr("A KPI that misses its target by less than this is at risk; by more, off "
                 "track."));
    addNumber(form, SettingKey::KpiSunsetRevenuePerMonth, tr("S&unset under (per month):"),
              {1e9, 0, {}, 500},
              tr("Partner revenue per month under this, six months after a pilot started, "
                 "marks the partnership as a candidate for sunset."))
        ->setGroupSeparatorShown(true);
    auto *company = new QLineEdit(workbook->setting(SettingKey::Company).toString(), this);
    company->setPlaceholderText(tr("Our company's name on proposals (empty: the title)"));
    addField(form, SettingKey::Company, tr("Our co&mpany:"), company);
    addNumber(form, SettingKey::GrossMarginPercent, tr("&Gross margin:"), {100, 0, u" %"_s},
              tr("Our gross margin: below 60 % reseller deals are flagged, below 50 % strongly"));
    addNumber(form, SettingKey::CacPaybackMonths, tr("CAC pa&yback:"), {120, 0, tr(" months")},
              tr("Months to earn back the cost of acquiring a customer: a 30 % reseller margin "
                 "on a 14-month payback is flagged"));
    auto *steps = new QLineEdit(workbook->setting(SettingKey::OverlapThresholds).toString(), this);
    steps->setToolTip(
        tr("Shares of our accounts, in percent, at which a measured audience overlap scores 2, "
           "3, 4 and 5 (below the first it scores 1)"));
    addField(form, SettingKey::OverlapThresholds, tr("Overlap score steps (%):"), steps);
}

QDoubleSpinBox *WorkbookPropertiesDialog::addNumber(QFormLayout *form, SettingKey key,
                                                    const QString &label,
                                                    const NumberFormat &format, const QString &tip)
{
    auto *spin = new QDoubleSpinBox(this);
    spin->setRange(0, format.maximum);
    spin->setDecimals(format.decimals);
    spin->setSingleStep(format.step);
    spin->setSuffix(format.suffix);
    spin->setValue(m_editor->workbook()->setting(key).toDouble());
    spin->setToolTip(tip);
    addField(form, key, label, spin);
    return spin;
}

void WorkbookPropertiesDialog::addField(QFormLayout *form, SettingKey key, const QString &label,
                                        QWidget *field)
{
    form->addRow(label, field);
    m_fields.append({key, field});
}

domain::SettingValues WorkbookPropertiesDialog::values() const
{
    domain::SettingValues values;
    for (const auto &[key, field] : m_fields) {
        if (const auto *line = qobject_cast<const QLineEdit *>(field))
            values.insert(key, line->text());
        else if (const auto *combo = qobject_cast<const QComboBox *>(field))
            values.insert(key, combo->currentText());
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
