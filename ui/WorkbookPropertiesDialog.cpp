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

namespace pb::ui {

namespace {
constexpr SettingKey kWeightKeys[3] = {SettingKey::WeightAudienceOverlap,
                                       SettingKey::WeightStrategicValue,
                                       SettingKey::WeightEaseOfIntegration};
}

WorkbookPropertiesDialog::WorkbookPropertiesDialog(item::WorkbookEditor *editor, bool readOnly,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_title(new QLineEdit(this))
    , m_owner(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Workbook Properties"));
    const store::Workbook *workbook = editor->workbook();

    m_title->setText(workbook->setting(SettingKey::Title).toString());
    m_title->setToolTip(tr("Shown on the proposal and in the window."));
    m_owner->setText(workbook->setting(SettingKey::Owner).toString());
    m_owner->setPlaceholderText(tr("Who runs this partner programme"));
    m_currency->setEditable(true);
    m_currency->addItems({u"USD"_s, u"EUR"_s, u"GBP"_s, u"CHF"_s, u"CAD"_s, u"AUD"_s, u"JPY"_s,
                          u"SEK"_s, u"NOK"_s, u"DKK"_s, u"INR"_s, u"SGD"_s});
    m_currency->setCurrentText(workbook->setting(SettingKey::Currency).toString());
    m_currency->setToolTip(tr("Three-letter ISO 4217 code used for revenue and fees."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Currency:"), m_currency);
    const QString weightLabels[3] = {tr("&Audience overlap:"), tr("&Strategic value:"),
                                     tr("&Ease of integration:")};
    for (int i = 0; i < 3; ++i) {
        m_weights[i] = new QDoubleSpinBox(this);
        m_weights[i]->setRange(0, 100);
        m_weights[i]->setDecimals(1);
        m_weights[i]->setSingleStep(0.5);
        m_weights[i]->setValue(workbook->setting(kWeightKeys[i]).toDouble());
        m_weights[i]->setToolTip(tr("Relative weight of this dimension in the candidate score; "
                                    "at least one weight must be above zero."));
        form->addRow(weightLabels[i], m_weights[i]);
    }

    m_atRisk = new QDoubleSpinBox(this);
    m_atRisk->setRange(0, 100);
    m_atRisk->setDecimals(0);
    m_atRisk->setSuffix(u" %"_s);
    m_atRisk->setValue(workbook->setting(SettingKey::KpiAtRiskPercent).toDouble());
    m_atRisk->setToolTip(tr("A KPI that misses its target by less than this is at risk; by "
                            "more, off track."));
    form->addRow(tr("KPI at-&risk band:"), m_atRisk);
    m_sunset = new QDoubleSpinBox(this);
    m_sunset->setRange(0, 1e9);
    m_sunset->setDecimals(0);
    m_sunset->setSingleStep(500);
    m_sunset->setGroupSeparatorShown(true);
    m_sunset->setValue(workbook->setting(SettingKey::KpiSunsetRevenuePerMonth).toDouble());
    m_sunset->setToolTip(tr("Partner revenue per month under this, six months after a pilot "
                            "started, marks the partnership as a candidate for sunset."));
    form->addRow(tr("S&unset under (per month):"), m_sunset);

    // For the proposal: who "we" are, and the economics its checks weigh reseller terms by.
    m_company = new QLineEdit(workbook->setting(SettingKey::Company).toString(), this);
    m_company->setPlaceholderText(tr("Our company's name on proposals (empty: the title)"));
    form->addRow(tr("Our co&mpany:"), m_company);
    m_grossMargin = new QDoubleSpinBox(this);
    m_grossMargin->setRange(0, 100);
    m_grossMargin->setDecimals(0);
    m_grossMargin->setSuffix(u" %"_s);
    m_grossMargin->setValue(workbook->setting(SettingKey::GrossMarginPercent).toDouble());
    m_grossMargin->setToolTip(tr("Our gross margin: below 60 % reseller deals are flagged, "
                                 "below 50 % strongly"));
    form->addRow(tr("&Gross margin:"), m_grossMargin);
    m_cacPayback = new QDoubleSpinBox(this);
    m_cacPayback->setRange(0, 120);
    m_cacPayback->setDecimals(0);
    m_cacPayback->setSuffix(tr(" months"));
    m_cacPayback->setValue(workbook->setting(SettingKey::CacPaybackMonths).toDouble());
    m_cacPayback->setToolTip(tr("Months to earn back the cost of acquiring a customer: a 30 % "
                                "reseller margin on a 14-month payback is flagged"));
    form->addRow(tr("CAC pa&yback:"), m_cacPayback);
    m_overlapThresholds =
        new QLineEdit(workbook->setting(SettingKey::OverlapThresholds).toString(), this);
    m_overlapThresholds->setToolTip(
        tr("Shares of our accounts, in percent, at which a measured audience overlap scores 2, "
           "3, 4 and 5 (below the first it scores 1)"));
    form->addRow(tr("Overlap score steps (%):"), m_overlapThresholds);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(
        readOnly ? QDialogButtonBox::Close : QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (readOnly) {
        for (QWidget *field : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_owner),
                               static_cast<QWidget *>(m_currency)})
            field->setEnabled(false);
        for (QDoubleSpinBox *weight : m_weights)
            weight->setEnabled(false);
        for (QWidget *field : std::initializer_list<QWidget *>{
                 m_atRisk, m_sunset, m_company, m_grossMargin, m_cacPayback, m_overlapThresholds})
            field->setEnabled(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

domain::SettingValues WorkbookPropertiesDialog::values() const
{
    domain::SettingValues values{{SettingKey::Title, m_title->text()},
                                 {SettingKey::Owner, m_owner->text()},
                                 {SettingKey::Currency, m_currency->currentText()}};
    for (int i = 0; i < 3; ++i)
        values.insert(kWeightKeys[i], m_weights[i]->value());
    values.insert(SettingKey::KpiAtRiskPercent, m_atRisk->value());
    values.insert(SettingKey::KpiSunsetRevenuePerMonth, m_sunset->value());
    values.insert(SettingKey::Company, m_company->text());
    values.insert(SettingKey::GrossMarginPercent, m_grossMargin->value());
    values.insert(SettingKey::CacPaybackMonths, m_cacPayback->value());
    values.insert(SettingKey::OverlapThresholds, m_overlapThresholds->text());
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
