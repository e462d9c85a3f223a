#pragma once

#include "MonthGridModel.h"

namespace pb::item {

class ProgrammeTracker;
struct PartnerPnl;

// The costs grid of the partnership the Programme area looks at: a row per month of its P&L
// (from the pilot's start, its first revenue or first cost, to this month) and a column per
// category — time in hours (the tooltip turns them into money at the workbook's hourly rate),
// tools, commissions and support in money. A commission nobody typed is derived from the
// terms where it can be (the revenue share or reseller margin of the month's partner revenue,
// or the referral fee per deal) and shown as such, in grey italics with "derived"; typing an
// amount overrides it, clearing the cell derives it again.
class CostsModel : public MonthGridModel
{
    Q_OBJECT
public:
    enum Role {
        DerivedRole = Qt::UserRole + 1, // bool: a commission derived from the terms
    };

    explicit CostsModel(ProgrammeTracker *tracker, QObject *parent = nullptr);

protected:
    int columns() const override;
    bool isEditable() const override;
    QList<QDate> dataMonths() const override;
    std::optional<double> value(const QDate &month, int column) const override;
    QString columnTitle(int column) const override;
    QString columnTip(int column) const override;
    QVariant cellData(const QDate &month, int column, int role) const override;
    QString write(const QList<Cell> &cells, const QString &stepName) override;

private:
    // The derived commission of a month, when no commission was typed and the terms give one.
    std::optional<double> derived(const QDate &month) const;
    QString derivation(const QDate &month) const;
    QString money(double amount) const;

    ProgrammeTracker *m_tracker;
};

} // namespace pb::item
