#include "CostsModel.h"

#include "ProgrammeTracker.h"
#include "WorkbookEditor.h"
#include "domain/KpiRules.h"
#include "store/Workbook.h"

#include <QFont>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

CostsModel::CostsModel(ProgrammeTracker *tracker, QObject *parent)
    : MonthGridModel(parent)
    , m_tracker(tracker)
{
    connect(tracker, &ProgrammeTracker::aboutToReset, this, &CostsModel::beginResetModel);
    connect(tracker, &ProgrammeTracker::reset, this, &CostsModel::endMonthsReset);
    connect(tracker, &ProgrammeTracker::updated, this, &CostsModel::followMonths);
    beginResetModel();
    endMonthsReset();
}

int CostsModel::columns() const
{
    return m_tracker->partner() ? kCostCategoryCount : 0;
}

bool CostsModel::isEditable() const
{
    return !m_tracker->editor()->workbook()->isReadOnly();
}

QList<QDate> CostsModel::dataMonths() const
{
    QList<QDate> months;
    if (const PartnerPnl *partner = m_tracker->partnerPnl()) {
        for (const PnlMonth &month : partner->pnl.months)
            months.append(month.month);
        for (const CostEntry &cost : partner->costs)
            months.append(cost.month);
    }
    return months;
}

std::optional<double> CostsModel::value(const QDate &month, int column) const
{
    const PartnerPnl *partner = m_tracker->partnerPnl();
    if (!partner)
        return std::nullopt;
    for (const CostEntry &cost : partner->costs) {
        if (cost.month == month && cost.category == CostCategory(column))
            return cost.amount;
    }
    return std::nullopt;
}

QString CostsModel::columnTitle(int column) const
{
    const CostCategory category = CostCategory(column);
    const QString unit = category == CostCategory::Time ? tr("hours") : m_tracker->data().currency;
    return u"%1\n%2"_s.arg(costCategoryDisplayName(category), unit);
}

QString CostsModel::columnTip(int column) const
{
    switch (CostCategory(column)) {
    case CostCategory::Time:
        return tr("Hours spent on the partnership; the P&L counts them at the workbook's hourly "
                  "rate, %1 (File → Workbook Properties)")
            .arg(money(m_tracker->data().hourlyRate));
    case CostCategory::Tools:
        return tr("Tools and services bought for the partnership");
    case CostCategory::Commissions:
        return tr("Commissions paid to the partner; derived from the terms (revenue share, "
                  "reseller margin or referral fee) unless you type one");
    case CostCategory::Support:
        return tr("Training, enablement and support given to the partner");
    }
    return {};
}

QString CostsModel::money(double amount) const
{
    return formatKpiValue(amount, KpiUnit::Currency, m_tracker->data().currency, QLocale());
}

std::optional<double> CostsModel::derived(const QDate &month) const
{
    const PartnerPnl *partner = m_tracker->partnerPnl();
    if (!partner)
        return std::nullopt;
    for (const PnlMonth &row : partner->pnl.months) {
        if (row.month == month && row.commissionsDerived)
            return row.costs[size_t(CostCategory::Commissions)];
    }
    return std::nullopt;
}

// How the terms make a month's commission: "20 % revenue share of $4,200".
QString CostsModel::derivation(const QDate &month) const
{
    const PartnerPnl *partner = m_tracker->partnerPnl();
    double revenue = 0;
    for (const PnlMonth &row : partner->pnl.months) {
        if (row.month == month)
            revenue = row.revenue;
    }
    const PnlTerms &terms = partner->terms;
    const QLocale locale;
    if (terms.revSharePercent)
        return tr("%1 % revenue share of %2 partner revenue")
            .arg(locale.toString(*terms.revSharePercent), money(revenue));
    if (terms.resellerMarginPercent)
        return tr("%1 % reseller margin on %2 partner revenue")
            .arg(locale.toString(*terms.resellerMarginPercent), money(revenue));
    const KpiSeries *deals = KpiRules::seriesFor(partner->tracker, KpiMetric::Referrals);
    const double count = deals ? KpiRules::monthly(*deals).value(month) : 0;
    return tr("referral fee of %1 × %2 deal(s)")
        .arg(money(terms.referralFee.value_or(0)), locale.toString(count));
}

QVariant CostsModel::cellData(const QDate &month, int column, int role) const
{
    const CostCategory category = CostCategory(column);
    const std::optional<double> typed = value(month, column);
    const std::optional<double> fromTerms =
        category == CostCategory::Commissions && !typed ? derived(month) : std::nullopt;
    const double rate = m_tracker->data().hourlyRate;
    switch (role) {
    case Qt::DisplayRole:
        if (typed)
            return category == CostCategory::Time
                       ? tr("%1 h").arg(QLocale().toString(*typed, 'g', 6))
                       : money(*typed);
        return fromTerms ? tr("%1 derived").arg(money(*fromTerms)) : QVariant();
    case Qt::FontRole: {
        if (!fromTerms)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::ForegroundRole:
        return fromTerms ? QVariant(QPalette().color(QPalette::PlaceholderText)) : QVariant();
    case Qt::ToolTipRole:
        if (fromTerms)
            return tr("Derived from the terms: %1. Type an amount to override it; clear the cell "
                      "to derive it again.")
                .arg(derivation(month));
        if (typed && category == CostCategory::Time)
            return tr("%1 h × %2 an hour = %3")
                .arg(QLocale().toString(*typed, 'g', 6), money(rate), money(*typed * rate));
        return columnTip(column).replace(u'\n', u' ');
    case DerivedRole:
        return fromTerms.has_value();
    default:
        return {};
    }
}

QString CostsModel::write(const QList<Cell> &cells, const QString &stepName)
{
    QList<CostEdit> edits;
    for (const Cell &cell : cells)
        edits.append({cell.month, CostCategory(cell.column), cell.value});
    return m_tracker->editor()->changeCosts(m_tracker->partner(), edits,
                                            tr("%1 (%2)").arg(stepName, m_tracker->partnerName()));
}

} // namespace pb::item
