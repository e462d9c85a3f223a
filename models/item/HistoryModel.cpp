#include "HistoryModel.h"

#include "HistoryText.h"
#include "store/Workbook.h"


using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {

// Internal ids: 0 for a step's row, step index + 1 for the rows of its changes.
constexpr quintptr kStepRow = 0;

} // namespace

HistoryModel::HistoryModel(store::Workbook *workbook, QObject *parent)
    : QAbstractItemModel(parent)
    , m_workbook(workbook)
{
    connect(workbook->notifier(), &store::WorkbookNotifier::changed, this,
            [this](const store::Change &change) {
        // The names are read again only when a candidate changed: a scan of every candidate.
        m_namesStale = m_namesStale || change.entity == store::Change::Entity::Candidate;
        if (m_live)
            reload();
        else
            m_stale = true;
    });
    reload();
}

void HistoryModel::setOwner(const QByteArray &owner)
{
    if (owner == m_owner)
        return;
    m_owner = owner;
    reload();
}

void HistoryModel::setLive(bool live)
{
    m_live = live;
    if (live && m_stale)
        reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_stale = false;
    if (m_namesStale) {
        m_names = m_workbook->candidateNamesByUid();
        m_namesStale = false;
    }
    m_steps = m_workbook->history({{}, m_owner, kPageSize, 0});
    m_atEnd = m_steps.size() < kPageSize;
    endResetModel();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_steps.isEmpty())
        return;
    const QList<HistoryStep> more =
        m_workbook->history({{}, m_owner, kPageSize, m_steps.constLast().seq});
    m_atEnd = more.size() < kPageSize;
    if (more.isEmpty())
        return;
    beginInsertRows({}, int(m_steps.size()), int(m_steps.size() + more.size() - 1));
    m_steps.append(more);
    endInsertRows();
}

const HistoryStep *HistoryModel::step(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const qsizetype row = index.internalId() == kStepRow ? index.row()
                                                         : qsizetype(index.internalId() - 1);
    return row < m_steps.size() ? &m_steps.at(row) : nullptr;
}

const HistoryChange *HistoryModel::change(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kStepRow)
        return nullptr;
    const HistoryStep *owner = step(index);
    return owner && index.row() < owner->changes.size() ? &owner->changes.at(index.row())
                                                        : nullptr;
}

QModelIndex HistoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kStepRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex HistoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kStepRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kStepRow);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_steps.size());
    if (parent.column() != 0 || parent.internalId() != kStepRow)
        return 0;
    return int(m_steps.at(parent.row()).changes.size());
}

int HistoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool HistoryModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (const HistoryChange *c = change(index))
        return changeData(*c, index.column(), role);
    if (const HistoryStep *s = step(index))
        return stepData(*s, index.column(), role);
    return {};
}

QVariant HistoryModel::stepData(const HistoryStep &step, int column, int role) const
{
    if (role == Qt::ToolTipRole) {
        const QString when = tr("%1, by %2").arg(
            QLocale().toString(step.madeAt.toLocalTime(), QLocale::LongFormat), step.author);
        // A merge's origin: the other file and who made the changes it brought in.
        return step.origin.isEmpty() ? when : when + u"\n"_s + tr("From %1").arg(step.origin);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case When: {
        // Short: the time today, the day and time this year, else the date too.
        const QDateTime local = step.madeAt.toLocalTime();
        const QDate today = QDate::currentDate();
        const QString format = local.date() == today ? u"HH:mm"_s
                               : local.date().year() == today.year() ? u"d MMM HH:mm"_s
                                                                      : u"d MMM yyyy"_s;
        return QLocale().toString(local, format);
    }
    case Author:
        return step.author;
    case What: {
        QString label = step.label.isEmpty() ? historyKindDisplayName(step.kind) : step.label;
        if (step.kind == HistoryKind::Undo || step.kind == HistoryKind::Redo)
            label = tr("%1: %2").arg(historyKindDisplayName(step.kind), label);
        // Who, too: a narrow panel shows this column alone.
        return tr("%1 — %2").arg(label, step.author);
    }
    case Before:
    case After:
    case ColumnCount:
        break;
    }
    return {};
}

QString HistoryModel::ownerName(const QByteArray &owner) const
{
    return owner.isEmpty() ? tr("Workbook") : m_names.value(owner, tr("(removed candidate)"));
}

QVariant HistoryModel::changeData(const HistoryChange &change, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(column)) {
    case What:
        // The values too: a narrow panel shows this column alone.
        return historyChangeText(change, ownerName(change.owner));
    case Before:
        return historyValueText(change.before);
    case After:
        return historyValueText(change.after);
    case When:
    case Author:
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case When:
        return tr("When");
    case Author:
        return tr("By");
    case What:
        return tr("What");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace pb::item
