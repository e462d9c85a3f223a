#include "ChecklistModel.h"

#include "WorkbookEditor.h"
#include "store/Workbook.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {
const QList<ChecklistRow> &noRows()
{
    static const QList<ChecklistRow> none;
    return none;
}

QStringList keysOf(const QList<ChecklistRow> &rows)
{
    QStringList keys;
    for (const ChecklistRow &row : rows)
        keys << row.item.key;
    return keys;
}
} // namespace

ChecklistModel::ChecklistModel(WorkbookEditor *editor, ChecklistKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_kind(kind)
{
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &ChecklistModel::onChange);
}

void ChecklistModel::setCandidate(qint64 candidateId)
{
    beginResetModel();
    m_candidateId = candidateId;
    m_data = candidateId ? LifecycleData::gather(*m_editor->workbook(), candidateId) : std::nullopt;
    endResetModel();
}

const QList<ChecklistRow> &ChecklistModel::rows() const
{
    return m_data ? m_data->rows(m_kind) : noRows();
}

ChecklistProgress ChecklistModel::progress() const
{
    return Checklists::progress(rows());
}

// The lists follow their own changes, the terms (items they hold) and the candidate (its
// structure decides which items apply).
void ChecklistModel::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (!m_candidateId)
        return;
    if (change.entity == Entity::Candidate && change.kind == store::Change::Kind::Removed &&
        change.ids.contains(m_candidateId)) {
        setCandidate(0);
        return;
    }
    const bool concerns = change.ids.contains(m_candidateId) || change.ids.isEmpty();
    if (concerns && (change.entity == Entity::Checklist || change.entity == Entity::Proposal ||
                     change.entity == Entity::Candidate))
        reload();
}

void ChecklistModel::reload()
{
    auto fresh = LifecycleData::gather(*m_editor->workbook(), m_candidateId);
    if (!fresh || keysOf(fresh->rows(m_kind)) != keysOf(rows())) {
        beginResetModel();
        m_data = std::move(fresh);
        endResetModel();
        return;
    }
    m_data = std::move(fresh);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString ChecklistModel::write(int row, const ChecklistItem &item, const QString &stepName)
{
    if (!m_data || row < 0 || row >= rowCount())
        return tr("Choose a partner first.");
    const QString error = m_editor->changeChecklist(m_candidateId, m_kind,
                                                    m_data->storedWith(m_kind, item), stepName);
    if (!error.isEmpty())
        emit editRefused(error);
    return error;
}

QString ChecklistModel::setStatus(int row, ItemStatus status)
{
    if (row < 0 || row >= rowCount())
        return tr("Choose a partner first.");
    const ChecklistRow &current = rows().at(row);
    if (!itemStatusFromId(m_kind, itemStatusId(status)))
        return tr("\"%1\" is not a status of this list.").arg(itemStatusId(status));
    const ChecklistItem item =
        Checklists::withStatus(Checklists::storedItem(current), status, today());
    return write(
        row, item,
        tr("Mark %1 %2")
            .arg(Checklists::label(*current.spec), itemStatusDisplayName(status).toLower()));
}

QString ChecklistModel::cycleStatus(int row, int step)
{
    if (row < 0 || row >= rowCount())
        return tr("Choose a partner first.");
    return setStatus(row, Checklists::cycled(m_kind, rows().at(row).item.status, step));
}

QString ChecklistModel::setDate(int row, const QDate &date)
{
    if (row < 0 || row >= rowCount())
        return tr("Choose a partner first.");
    const ChecklistRow &current = rows().at(row);
    ChecklistItem item = Checklists::storedItem(current);
    item.date = date;
    return write(row, item, tr("Date %1").arg(Checklists::label(*current.spec)));
}

QString ChecklistModel::setNote(int row, const QString &note)
{
    if (row < 0 || row >= rowCount())
        return tr("Choose a partner first.");
    const ChecklistRow &current = rows().at(row);
    ChecklistItem item = Checklists::storedItem(current);
    item.note = note.trimmed();
    return write(row, item, tr("Note on %1").arg(Checklists::label(*current.spec)));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows().size());
}

int ChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChecklistModel::displayData(const ChecklistRow &row, int column) const
{
    switch (column) {
    case ItemColumn:
        return Checklists::label(*row.spec);
    case StatusColumn:
        return row.byTerms ? tr("%1 (terms)").arg(itemStatusDisplayName(row.item.status))
                           : itemStatusDisplayName(row.item.status);
    case DateColumn:
        return row.item.date.isValid() ? row.item.date.toString(Qt::ISODate) : QString();
    case NoteColumn:
        if (!row.item.note.isEmpty() || row.termsValue.isEmpty())
            return row.item.note;
        return tr("Terms: %1").arg(row.termsValue);
    default:
        break;
    }
    return {};
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChecklistRow &row = rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::EditRole:
        if (index.column() == StatusColumn)
            return itemStatusId(row.item.status);
        if (index.column() == NoteColumn)
            return row.item.note;
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn)
            return Checklists::tooltip(*row.spec);
        if (index.column() == NoteColumn && !row.termsValue.isEmpty())
            return tr("The terms hold it: %1").arg(row.termsValue);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && row.item.status == ItemStatus::Open)
            return QBrush(QColor(0xb2, 0x18, 0x2b));
        if (index.column() == StatusColumn && Checklists::isSettled(row.item.status))
            return QBrush(QColor(0x1a, 0x7f, 0x37));
        return {};
    case KeyRole:
        return row.item.key;
    case StatusRole:
        return itemStatusId(row.item.status);
    case ByTermsRole:
        return row.byTerms;
    default:
        break;
    }
    return {};
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case StatusColumn:
        return tr("Status");
    case DateColumn:
        return tr("Date");
    case NoteColumn:
        return tr("Note");
    default:
        break;
    }
    return {};
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != ItemColumn && !m_editor->workbook()->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

// Status by id or by name, a date as YYYY-MM-DD (empty clears it), a note as typed.
bool ChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString text = value.toString().trimmed();
    const auto refuse = [this](const QString &message) {
        emit editRefused(message);
        return false;
    };
    switch (index.column()) {
    case StatusColumn: {
        auto status = itemStatusFromId(m_kind, text);
        for (ItemStatus s : statusesFor(m_kind)) {
            if (!status && text.compare(itemStatusDisplayName(s), Qt::CaseInsensitive) == 0)
                status = s;
        }
        if (!status)
            return refuse(tr("\"%1\" is not a status of this list.").arg(text));
        return setStatus(index.row(), *status).isEmpty();
    }
    case DateColumn: {
        const QDate date = value.typeId() == QMetaType::QDate
                               ? value.toDate()
                               : QDate::fromString(text, Qt::ISODate);
        if (!text.isEmpty() && !date.isValid())
            return refuse(tr("\"%1\" is not a date (YYYY-MM-DD).").arg(text));
        return setDate(index.row(), text.isEmpty() ? QDate() : date).isEmpty();
    }
    case NoteColumn:
        return setNote(index.row(), text).isEmpty();
    default:
        break;
    }
    return false;
}

} // namespace pb::item
