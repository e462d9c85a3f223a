#pragma once

#include "Finding.h"
#include "PartnershipKpis.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <array>
#include <optional>

namespace pb::domain {

// The practice's four costs of a partnership (DOMAIN.md §5).
enum class CostCategory { Time, Tools, Commissions, Support };
inline constexpr int kCostCategoryCount = int(CostCategory::Support) + 1;
QString costCategoryId(CostCategory category); // "time", "tools", "commissions", "support"
std::optional<CostCategory> costCategoryFromId(const QString &text);
QString costCategoryDisplayName(CostCategory category);

// One cost as entered: a month (its first day), a category and an amount — for time, the
// hours, which the workbook's hourly rate turns into money.
struct CostEntry
{
    QDate month;
    CostCategory category = CostCategory::Tools;
    double amount = 0;

    friend bool operator==(const CostEntry &, const CostEntry &) = default;
};

// One cell of the costs grid: a month's amount in a category, or none to clear it (a cleared
// commission is derived from the terms again).
struct CostEdit
{
    QDate month; // its first day
    CostCategory category = CostCategory::Tools;
    std::optional<double> amount;

    friend bool operator==(const CostEdit &, const CostEdit &) = default;
};

// What turns hours and partner revenue into costs: the hourly rate (a workbook property) and
// the terms' revenue share, reseller margin or referral fee per converted deal.
struct PnlTerms
{
    double hourlyRate = 0;
    std::optional<double> revSharePercent;
    std::optional<double> resellerMarginPercent;
    std::optional<double> referralFee;
};

struct PnlMonth
{
    QDate month;
    double revenue = 0;
    std::array<double, kCostCategoryCount> costs{}; // money, time included
    bool commissionsDerived = false;                // from the terms, not typed
    double net = 0;
    double cumulative = 0;

    double totalCosts() const;
};

// A partnership's profit and loss by month (revenue: its partner-revenue KPI), in total, the
// month it broke even, the partner cost of acquisition (time and support ÷ ARR generated
// over the last twelve months) and the last complete quarter's net.
struct PartnershipPnl
{
    QString partner;
    QList<PnlMonth> months;
    double totalNet = 0;
    std::optional<QDate> breakEvenMonth;
    std::optional<double> costOfAcquisition;
    std::optional<double> lastQuarterNet;
    QDate lastQuarter; // the first day of that quarter
};

// The partnership P&L: computed from the KPI tracker, the costs entered and the terms. Used
// by the Programme area, `playbook-cli programme` and `check` (pnl.negative).
class Pnl
{
    Q_DECLARE_TR_FUNCTIONS(Pnl)
public:
    static PartnershipPnl compute(const PartnershipKpis &tracker, const QList<CostEntry> &costs,
                                  const PnlTerms &terms, const QDate &today);
    // The programme's P&L: every partnership's months added up.
    static PartnershipPnl total(const QList<PartnershipPnl> &partnerships, const QDate &today);
    // The commission the terms imply for a month's revenue and converted deals, if any.
    static std::optional<double> derivedCommission(double revenue, std::optional<double> deals,
                                                   const PnlTerms &terms);
    // pnl.negative when the last complete quarter lost money.
    static Findings check(const PartnershipPnl &pnl, const QString &currency);

private:
    static void finish(PartnershipPnl &pnl, const QDate &today);
};

} // namespace pb::domain
