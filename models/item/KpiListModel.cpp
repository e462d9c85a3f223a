#include "KpiListModel.h"

#include "KpiTracker.h"
#include "WorkbookEditor.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {
const QList<KpiMetric> kMetrics = {KpiMetric::Custom,
                                   KpiMetric::Referrals,
                                   KpiMetric::ConversionRate,
                                   KpiMetric::AverageDealSize,
                                   KpiMetric::TimeToClose,
                                   KpiMetric::PartnerSatisfaction,
                                   KpiMetric::PartnerRevenue,
                                   KpiMetric::PartnerPipeline,
                                   KpiMetric::IntegrationActivation,
                                   KpiMetric::IntegrationChurnReduction,
                                   KpiMetric::JointWins};
const QList<KpiUnit> kUnits = {KpiUnit::Count, KpiUnit::Percent, KpiUnit::Currency, KpiUnit::Days,
                               KpiUnit::Score};

QString metricDisplayName(KpiMetric metric)
{
    switch (metric) {
    case KpiMetric::Custom:
        return KpiListModel::tr("Other");
    case KpiMetric::Referrals:
        return KpiListModel::tr("Partner-sourced deals");
    case KpiMetric::ConversionRate:
        return KpiListModel::tr("Conversion rate");
    case KpiMetric::AverageDealSize:
        return KpiListModel::tr("Average deal size");
    case KpiMetric::TimeToClose:
        return KpiListModel::tr("Time to close");
    case KpiMetric::PartnerSatisfaction:
        return KpiListModel::tr("Partner satisfaction");
    case KpiMetric::PartnerRevenue:
        return KpiListModel::tr("Partner revenue");
    case KpiMetric::PartnerPipeline:
        return KpiListModel::tr("Partner pipeline");
    case KpiMetric::IntegrationActivation:
        return KpiListModel::tr("Integration activation");
    case KpiMetric::IntegrationChurnReduction:
        return KpiListModel::tr("Integration churn reduction");
    case KpiMetric::JointWins:
        return KpiListModel::tr("Joint wins");
    }
    return {};
}
} // namespace

KpiListModel::KpiListModel(KpiTracker *tracker, QObject *parent)
    : QAbstractTableModel(parent)
    , m_tracker(tracker)
{
    connect(tracker, &KpiTracker::aboutToReset, this, &KpiListModel::beginResetModel);
    connect(tracker, &KpiTracker::reset, this, &KpiListModel::endResetModel);
    connect(tracker, &KpiTracker::updated, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

QStringList KpiListModel::choices(Column column)
{
    QStringList names;
    if (column == Measures) {
        for (KpiMetric metric : kMetrics)
            names.append(metricDisplayName(metric));
    } else if (column == Unit) {
        for (KpiUnit unit : kUnits)
            names.append(kpiUnitDisplayName(unit));
    } else if (column == Direction) {
        names = {kpiDirectionDisplayName(KpiDirection::HigherIsBetter),
                 kpiDirectionDisplayName(KpiDirection::LowerIsBetter)};
    }
    return names;
}

int KpiListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tracker->kpis().kpis.size());
}

int KpiListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KpiListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KpiSeries &series = m_tracker->kpis().kpis.at(index.row());
    const KpiDefinition &kpi = series.definition;
    const KpiState &state = m_tracker->states().at(index.row());
    const QLocale locale;
    auto number = [&](std::optional<double> value, bool edit) -> QVariant {
        if (!value)
            return edit ? QVariant(QString()) : QVariant();
        return edit ? kpiNumberText(*value)
                    : formatKpiValue(*value, kpi.unit, m_tracker->currency(), locale);
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: {
        const bool edit = role == Qt::EditRole;
        switch (index.column()) {
        case Name:
            return kpi.name;
        case Measures:
            return metricDisplayName(kpi.metric);
        case Unit:
            return kpiUnitDisplayName(kpi.unit);
        case Direction:
            return kpiDirectionDisplayName(kpi.direction);
        case Target:
            return number(kpi.target, edit);
        case Baseline:
            return number(kpi.baseline, edit);
        case Latest:
            return state.latest ? number(state.latest->value, false) : QVariant();
        case Status:
            return kpiStatusDisplayName(state.status);
        case Trend:
            return kpiTrendDisplayName(state.trend);
        }
        return {};
    }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Measures:
            return tr("What the KPI measures. The signals read partner-sourced deals "
                      "(flat for three months) and partner revenue (sunset, concentration).");
        case Latest:
            return state.latest ? tr("Recorded for %1").arg(state.latest->period.toString())
                                : tr("No value recorded yet");
        case Status:
            switch (state.status) {
            case KpiStatus::OnTrack:
                return tr("The latest value meets the target.");
            case KpiStatus::AtRisk:
                return tr("The latest value misses the target by less than %1 %.")
                    .arg(m_tracker->thresholds().atRiskPercent);
            case KpiStatus::OffTrack:
                return tr("The latest value misses the target by %1 % or more.")
                    .arg(m_tracker->thresholds().atRiskPercent);
            case KpiStatus::NoTarget:
                return tr("Set a target to see whether this KPI is on track.");
            case KpiStatus::NoData:
                return tr("Enter values in the grid below.");
            }
            return {};
        case Trend:
            return tr("Direction over the last three values.");
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Target || index.column() == Baseline || index.column() == Latest)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return int(state.status);
    case KpiIdRole:
        return kpi.id;
    case ChoicesRole:
        return choices(Column(index.column()));
    default:
        return {};
    }
}

QVariant KpiListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("KPI");
        case Measures:
            return tr("Measures");
        case Unit:
            return tr("Unit");
        case Direction:
            return tr("Better when");
        case Target:
            return tr("Target");
        case Baseline:
            return tr("Baseline");
        case Latest:
            return tr("Latest");
        case Status:
            return tr("Status");
        case Trend:
            return tr("Trend");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Measures:
            return tr("What the KPI measures; the partnership signals read partner-sourced "
                      "deals and partner revenue");
        case Target:
            return tr("The target for each period (a month or a day)");
        case Baseline:
            return tr("Where the KPI stood before the partnership, if known");
        case Status:
            return tr("The latest value against the target: on track, at risk or off track");
        case Trend:
            return tr("Which way the last three values went");
        default:
            break;
        }
    }
    return {};
}

Qt::ItemFlags KpiListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() <= Baseline &&
        !m_tracker->editor()->workbook()->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool KpiListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QList<KpiSeries> after = m_tracker->kpis().kpis;
    KpiDefinition &kpi = after[index.row()].definition;
    const QString text = value.toString().trimmed();
    auto pick = [&](Column column) -> int {
        const QStringList names = choices(column);
        bool isNumber = false;
        const int at = value.toInt(&isNumber);
        if (value.typeId() == QMetaType::Int && isNumber)
            return at >= 0 && at < names.size() ? at : -1;
        return int(names.indexOf(text));
    };
    switch (index.column()) {
    case Name:
        if (text.isEmpty()) {
            emit editRefused(tr("A KPI needs a name."));
            return false;
        }
        kpi.name = text;
        break;
    case Measures:
        if (const int at = pick(Measures); at >= 0)
            kpi.metric = kMetrics.at(at);
        else
            return false;
        break;
    case Unit:
        if (const int at = pick(Unit); at >= 0)
            kpi.unit = kUnits.at(at);
        else
            return false;
        break;
    case Direction:
        if (const int at = pick(Direction); at >= 0)
            kpi.direction = at == 0 ? KpiDirection::HigherIsBetter : KpiDirection::LowerIsBetter;
        else
            return false;
        break;
    case Target:
    case Baseline: {
        std::optional<double> number;
        if (!text.isEmpty()) {
            QString why;
            number = parseKpiNumber(text, &why);
            if (!number) {
                emit editRefused(tr("%1: %2.").arg(kpi.name, why));
                return false;
            }
        }
        (index.column() == Target ? kpi.target : kpi.baseline) = number;
        break;
    }
    default:
        return false;
    }
    const QString error = write(after, tr("Edit KPI %1").arg(kpi.name));
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    return true;
}

QString KpiListModel::write(QList<KpiSeries> after, const QString &stepName)
{
    return m_tracker->editor()->changeKpis(m_tracker->candidateId(), std::move(after), stepName);
}

int KpiListModel::addKpi(KpiDefinition definition, QString *error)
{
    QList<KpiSeries> after = m_tracker->kpis().kpis;
    auto taken = [&after](const QString &name) {
        return std::any_of(after.cbegin(), after.cend(), [&name](const KpiSeries &s) {
            return s.definition.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    const QString base =
        definition.name.trimmed().isEmpty() ? tr("New KPI") : definition.name.trimmed();
    definition.name = base;
    for (int n = 2; taken(definition.name); ++n)
        definition.name = u"%1 %2"_s.arg(base).arg(n);
    definition.id = 0;
    after.append(KpiSeries{definition, {}});
    const QString why = write(after, tr("Add KPI %1").arg(definition.name));
    if (error)
        *error = why;
    return why.isEmpty() ? int(after.size() - 1) : -1;
}

QString KpiListModel::removeKpis(QList<int> rows)
{
    QList<KpiSeries> after = m_tracker->kpis().kpis;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QString name;
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < after.size()) {
            name = after.at(row).definition.name;
            after.removeAt(row);
        }
    }
    if (name.isEmpty())
        return {};
    return write(after, rows.size() == 1 ? tr("Remove KPI %1").arg(name)
                                         : tr("Remove %n KPI(s)", nullptr, int(rows.size())));
}

QString KpiListModel::moveKpi(int row, int delta)
{
    QList<KpiSeries> after = m_tracker->kpis().kpis;
    const int to = row + delta;
    if (row < 0 || row >= after.size() || to < 0 || to >= after.size())
        return {};
    after.move(row, to);
    return write(after, tr("Move KPI %1").arg(after.at(to).definition.name));
}

} // namespace pb::item
