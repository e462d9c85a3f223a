#include "ProgrammeInputsModel.h"

#include "ProgrammeTracker.h"
#include "WorkbookEditor.h"
#include "store/Workbook.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

ProgrammeInputsModel::ProgrammeInputsModel(ProgrammeTracker *tracker, QObject *parent)
    : MonthGridModel(parent)
    , m_tracker(tracker)
{
    // The inputs belong to the programme, not to the partnership chosen: a change of
    // partnership changes nothing here.
    connect(tracker, &ProgrammeTracker::updated, this, &ProgrammeInputsModel::followMonths);
    beginResetModel();
    endMonthsReset();
}

int ProgrammeInputsModel::columns() const
{
    return kProgrammeInputFieldCount;
}

bool ProgrammeInputsModel::isEditable() const
{
    return !m_tracker->editor()->workbook()->isReadOnly();
}

QList<QDate> ProgrammeInputsModel::dataMonths() const
{
    // The benchmarks' window, ready to be filled in, and whatever else holds a value.
    const ProgrammeData &data = m_tracker->data();
    QList<QDate> months;
    const QDate today = m_tracker->today();
    const QDate last = QDate(today.year(), today.month(), 1).addMonths(-1);
    for (int i = 11; i >= 0; --i)
        months.append(last.addMonths(-i));
    for (const ProgrammeInput &input : data.inputs)
        months.append(input.month);
    return months;
}

std::optional<double> ProgrammeInputsModel::value(const QDate &month, int column) const
{
    for (const ProgrammeInput &input : m_tracker->data().inputs) {
        if (input.month == month)
            return ProgrammeInputField(column) == ProgrammeInputField::Pipeline ? input.pipeline
                                                                                : input.newArr;
    }
    return std::nullopt;
}

QString ProgrammeInputsModel::columnTitle(int column) const
{
    return u"%1\n%2"_s.arg(programmeInputFieldDisplayName(ProgrammeInputField(column)),
                           m_tracker->data().currency);
}

QString ProgrammeInputsModel::columnTip(int column) const
{
    return ProgrammeInputField(column) == ProgrammeInputField::Pipeline
               ? tr("The programme's new pipeline that month from every source, partners and "
                    "not; the partner share of pipeline is counted against it")
               : tr("The programme's new ARR won that month from every source; the partner "
                    "share of new ARR is counted against it");
}

QVariant ProgrammeInputsModel::cellData(const QDate &month, int column, int role) const
{
    const std::optional<double> amount = value(month, column);
    if (role == Qt::DisplayRole && amount)
        return formatKpiValue(*amount, KpiUnit::Currency, m_tracker->data().currency, QLocale());
    if (role == Qt::ToolTipRole)
        return columnTip(column);
    return {};
}

QString ProgrammeInputsModel::write(const QList<Cell> &cells, const QString &stepName)
{
    QList<ProgrammeInputEdit> edits;
    for (const Cell &cell : cells)
        edits.append({cell.month, ProgrammeInputField(cell.column), cell.value});
    return m_tracker->editor()->changeProgrammeInputs(edits, stepName);
}

} // namespace pb::item
