#include "KpiValuesModel.h"

#include "GridText.h"
#include "KpiTracker.h"
#include "WorkbookEditor.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {
QList<KpiPeriod> periodsOf(const PartnershipKpis &kpis)
{
    QList<KpiPeriod> periods;
    for (const KpiSeries &series : kpis.kpis) {
        for (const KpiValue &value : series.values)
            periods.append(value.period);
    }
    std::sort(periods.begin(), periods.end());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    return periods;
}
} // namespace

KpiValuesModel::KpiValuesModel(KpiTracker *tracker, QObject *parent)
    : QAbstractTableModel(parent)
    , m_tracker(tracker)
{
    connect(tracker, &KpiTracker::aboutToReset, this, &KpiValuesModel::beginResetModel);
    connect(tracker, &KpiTracker::reset, this, [this] {
        m_periods = periodsOf(m_tracker->kpis());
        endResetModel();
    });
    connect(tracker, &KpiTracker::updated, this, &KpiValuesModel::follow);
    m_periods = periodsOf(tracker->kpis());
}

// Values changed: rows for new periods are inserted in place; rows are never removed
// while the same KPIs are shown, so the cell being edited stays put.
void KpiValuesModel::follow()
{
    const QList<KpiPeriod> fresh = periodsOf(m_tracker->kpis());
    for (const KpiPeriod &period : fresh) {
        const auto at = std::lower_bound(m_periods.begin(), m_periods.end(), period);
        if (at != m_periods.end() && *at == period)
            continue;
        const int row = int(at - m_periods.begin());
        beginInsertRows({}, row, row);
        m_periods.insert(row, period);
        endInsertRows();
    }
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int KpiValuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_periods.size());
}

int KpiValuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tracker->kpis().kpis.size());
}

int KpiValuesModel::rowOf(const KpiPeriod &period) const
{
    const auto at = std::lower_bound(m_periods.cbegin(), m_periods.cend(), period);
    return at != m_periods.cend() && *at == period ? int(at - m_periods.cbegin()) : -1;
}

QVariant KpiValuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KpiSeries &series = m_tracker->kpis().kpis.at(index.column());
    const KpiPeriod &period = m_periods.at(index.row());
    const std::optional<double> value = series.valueAt(period);
    switch (role) {
    case Qt::DisplayRole:
        if (!value)
            return {};
        return formatKpiValue(*value, series.definition.unit, m_tracker->currency(), QLocale());
    case Qt::EditRole:
        return value ? kpiNumberText(*value) : QString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (!value)
            return tr("%1, %2: no value").arg(series.definition.name, period.toString());
        return tr("%1, %2: %3 (%4)")
            .arg(series.definition.name, period.toString(),
                 formatKpiValue(*value, series.definition.unit, m_tracker->currency(), QLocale()),
                 kpiStatusDisplayName(KpiRules::status(*value, series.definition.target,
                                                       series.definition.direction,
                                                       m_tracker->thresholds().atRiskPercent)));
    case StatusRole:
        if (!value)
            return int(KpiStatus::NoData);
        return int(KpiRules::status(*value, series.definition.target, series.definition.direction,
                                    m_tracker->thresholds().atRiskPercent));
    case PeriodRole:
        return period.toString();
    default:
        return {};
    }
}

QVariant KpiValuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_periods.size())
            return {};
        return m_periods.at(section).toString();
    }
    if (section < 0 || section >= columnCount())
        return {};
    const KpiDefinition &kpi = m_tracker->kpis().kpis.at(section).definition;
    if (role == Qt::ToolTipRole) {
        return kpi.target ? tr("%1 — target %2 per period")
                                .arg(kpi.name, formatKpiValue(*kpi.target, kpi.unit,
                                                              m_tracker->currency(), QLocale()))
                          : kpi.name;
    }
    // Two lines, so that columns can stay narrow: the name, then the unit.
    return u"%1\n%2"_s.arg(kpi.name, kpiUnitLabel(kpi.unit, m_tracker->currency()));
}

Qt::ItemFlags KpiValuesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_tracker->editor()->workbook()->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool KpiValuesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const KpiSeries &series = m_tracker->kpis().kpis.at(index.column());
    const KpiPeriod period = m_periods.at(index.row());
    const QString text = value.toString().trimmed();
    std::optional<double> number;
    if (!text.isEmpty()) {
        QString why;
        number = parseKpiNumber(text, &why);
        if (!number) {
            emit editRefused(tr("%1, %2: %3.").arg(series.definition.name, period.toString(), why));
            return false;
        }
    }
    const QString error = write({{series.definition.id, period, number}},
                                tr("Set %1 for %2").arg(series.definition.name, period.toString()));
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    return true;
}

QString KpiValuesModel::write(const QList<KpiValueEdit> &edits, const QString &stepName)
{
    return m_tracker->editor()->changeKpiValues(m_tracker->candidateId(), edits, stepName);
}

int KpiValuesModel::addPeriod(const KpiPeriod &period)
{
    if (!period.isValid())
        return -1;
    const auto at = std::lower_bound(m_periods.begin(), m_periods.end(), period);
    const int row = int(at - m_periods.begin());
    if (at != m_periods.end() && *at == period)
        return row;
    beginInsertRows({}, row, row);
    m_periods.insert(row, period);
    endInsertRows();
    return row;
}

KpiPeriod KpiValuesModel::periodAfter(const KpiPeriod &period) const
{
    if (period.isMonth()) {
        const QDate next = period.date().addMonths(1);
        return KpiPeriod::month(next.year(), next.month());
    }
    // Daily periods: keep the spacing of the last two (weekly data stays weekly).
    qint64 step = 7;
    const int row = rowOf(period);
    if (row > 0 && !m_periods.at(row - 1).isMonth())
        step = std::max<qint64>(1, m_periods.at(row - 1).date().daysTo(period.date()));
    return KpiPeriod::day(period.date().addDays(step));
}

KpiPeriod KpiValuesModel::suggestedNextPeriod(const QDate &today) const
{
    if (m_periods.isEmpty())
        return KpiPeriod::month(today.year(), today.month());
    return periodAfter(m_periods.constLast());
}

QString KpiValuesModel::paste(const QModelIndex &topLeft, const QString &text)
{
    if (!topLeft.isValid() || columnCount() == 0)
        return tr("Select the cell where the pasted values should start.");
    const QList<QStringList> lines = GridText::rows(text);
    QList<KpiValueEdit> edits;
    QList<KpiPeriod> newPeriods;
    KpiPeriod period = m_periods.at(topLeft.row());
    int row = topLeft.row();
    for (qsizetype line = 0; line < lines.size(); ++line) {
        if (line > 0) {
            ++row;
            if (row < m_periods.size()) {
                period = m_periods.at(row);
            } else {
                period = periodAfter(period);
                newPeriods.append(period);
            }
        }
        const QStringList &cells = lines.at(line);
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const int column = topLeft.column() + int(c);
            if (column >= columnCount()) {
                return tr("The pasted block is %n column(s) wide; only %1 KPI column(s) are to "
                          "the right of the selected cell.",
                          nullptr, int(cells.size()))
                    .arg(columnCount() - topLeft.column());
            }
            const KpiSeries &series = m_tracker->kpis().kpis.at(column);
            const QString cell = cells.at(c).trimmed();
            std::optional<double> number;
            if (!cell.isEmpty()) {
                QString why;
                number = parseKpiNumber(cell, &why);
                if (!number) {
                    return tr("Nothing was pasted: row %1, column %2 (%3, %4): %5.")
                        .arg(line + 1)
                        .arg(c + 1)
                        .arg(series.definition.name, period.toString(), why);
                }
            }
            edits.append({series.definition.id, period, number});
        }
    }
    for (const KpiPeriod &added : std::as_const(newPeriods))
        addPeriod(added);
    return write(edits, tr("Paste %n value(s)", nullptr, int(edits.size())));
}

QString KpiValuesModel::copy(const QModelIndexList &indexes) const
{
    return GridText::copy(*this, indexes);
}

QString KpiValuesModel::clear(const QModelIndexList &indexes)
{
    QList<KpiValueEdit> edits;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this)
            edits.append({m_tracker->kpis().kpis.at(index.column()).definition.id,
                          m_periods.at(index.row()), std::nullopt});
    }
    return write(edits, tr("Clear %n value(s)", nullptr, int(edits.size())));
}

} // namespace pb::item
