#pragma once

#include "MonthGridModel.h"

namespace pb::item {

class ProgrammeTracker;

// The programme-inputs grid of the Programme area: a row per month — the last twelve complete
// months, and any month with a value — and two columns, the programme's total new pipeline and
// new ARR from every source, in money. The partner shares of the health benchmarks are
// computed against them.
class ProgrammeInputsModel : public MonthGridModel
{
    Q_OBJECT
public:
    explicit ProgrammeInputsModel(ProgrammeTracker *tracker, QObject *parent = nullptr);

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
    ProgrammeTracker *m_tracker;
};

} // namespace pb::item
