#include "RaciGridModel.h"

#include "WorkbookEditor.h"
#include "io/TableLook.h"
#include "store/Workbook.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {
const QColor kProblem(253, 226, 225);
} // namespace

RaciGridModel::RaciGridModel(WorkbookEditor *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
{
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &RaciGridModel::onChange);
}

void RaciGridModel::setCandidate(qint64 candidateId, const QString &partnerName)
{
    m_candidateId = candidateId;
    m_partner = partnerName;
    beginResetModel();
    m_grid = candidateId ? m_editor->workbook()->raciGrid(candidateId) : RaciGrid();
    m_hasGrid = candidateId && m_editor->workbook()->hasRaciGrid(candidateId);
    m_problems = m_hasGrid ? check() : QList<RaciProblem>();
    endResetModel();
    emit gridChanged();
}

QList<RaciProblem> RaciGridModel::check() const
{
    // How many partnerships run decides whether our side may be founder-led.
    return RaciRules::check(m_grid, m_partner, m_editor->workbook()->activePartnershipCount());
}

void RaciGridModel::onChange(const store::Change &change)
{
    if (change.entity == store::Change::Entity::Raci && change.ids.contains(m_candidateId)) {
        reload();
    } else if (change.entity == store::Change::Entity::Candidate &&
               change.ids.contains(m_candidateId)) {
        if (change.kind == store::Change::Kind::Removed)
            setCandidate(0, {});
        else if (auto c = m_editor->workbook()->candidate(m_candidateId))
            m_partner = c->name;
    }
}

void RaciGridModel::reload()
{
    RaciGrid grid = m_editor->workbook()->raciGrid(m_candidateId);
    const bool sameShape = grid.activities.size() == m_grid.activities.size() &&
                           grid.parties.size() == m_grid.parties.size();
    if (!sameShape)
        beginResetModel();
    m_grid = std::move(grid);
    m_hasGrid = m_editor->workbook()->hasRaciGrid(m_candidateId);
    m_problems = m_hasGrid ? check() : QList<RaciProblem>();
    if (!sameShape) {
        endResetModel();
    } else {
        if (rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        if (columnCount() > 0)
            emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        if (rowCount() > 0)
            emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
    emit gridChanged();
}

int RaciGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_grid.activities.size());
}

int RaciGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_grid.parties.size());
}

QStringList RaciGridModel::problemsAt(int activity, int party) const
{
    QStringList messages;
    for (const RaciProblem &problem : m_problems) {
        const bool rowMatch = problem.activity == activity && activity >= 0;
        const bool columnMatch = problem.party == party && party >= 0;
        // A cell carries its row's problems and its own; a header carries its own.
        if ((activity >= 0 && party >= 0 && rowMatch && (problem.party < 0 || columnMatch)) ||
            (activity < 0 && columnMatch && problem.activity < 0) ||
            (party < 0 && rowMatch && problem.party < 0))
            messages.append(problem.finding.message);
    }
    return messages;
}

QVariant RaciGridModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const RaciRole cell = m_grid.cell(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return raciRoleText(cell);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::FontRole:
        if (isAccountable(cell)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (!problemsAt(index.row(), index.column()).isEmpty())
            return QBrush(kProblem);
        if (m_grid.parties[index.column()].side == RaciSide::Partner)
            return QBrush(io::TableLook::partnerSide());
        return {};
    case Qt::ToolTipRole: {
        const QStringList problems = problemsAt(index.row(), index.column());
        return problems.isEmpty() ? QVariant() : QVariant(u"⚠ "_s + problems.join(u"\n⚠ "_s));
    }
    case ProblemRole:
        return !problemsAt(index.row(), index.column()).isEmpty();
    case SideRole:
        return int(m_grid.parties[index.column()].side);
    default:
        return {};
    }
}

QVariant RaciGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const bool horizontal = orientation == Qt::Horizontal;
    if (section < 0 || section >= (horizontal ? columnCount() : rowCount()))
        return {};
    const QStringList problems = horizontal ? problemsAt(-1, section) : problemsAt(section, -1);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = horizontal ? m_grid.parties[section].name : m_grid.activities[section].name;
        if (horizontal)
            text += u'\n' + (m_grid.parties[section].side == RaciSide::Partner ? tr("partner")
                                                                               : tr("ours"));
        return problems.isEmpty() ? text : u"⚠ "_s + text;
    }
    case Qt::ToolTipRole:
        if (!problems.isEmpty())
            return u"⚠ "_s + problems.join(u"\n⚠ "_s);
        if (horizontal)
            return m_grid.parties[section].side == RaciSide::Partner
                       ? tr("A party on the partner's side")
                       : tr("A party on our side");
        return {};
    case Qt::BackgroundRole:
        if (!problems.isEmpty())
            return QBrush(kProblem);
        if (horizontal && m_grid.parties[section].side == RaciSide::Partner)
            return QBrush(io::TableLook::partnerSide());
        return {};
    case SideRole:
        return horizontal ? QVariant(int(m_grid.parties[section].side)) : QVariant();
    default:
        return {};
    }
}

Qt::ItemFlags RaciGridModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!m_editor->workbook()->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RaciGridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const auto parsed = raciRoleFromText(value.toString());
    if (!parsed) {
        emit editRefused(tr("\"%1\" is not a RACI value: use R, A, C, I, A/R or leave it empty.")
                             .arg(value.toString()));
        return false;
    }
    const QString error =
        apply(RaciEdits::withRole(m_grid, {QPoint(index.column(), index.row())}, *parsed),
              tr("Set %1 for %2")
                  .arg(raciRoleText(*parsed).isEmpty() ? tr("nothing") : raciRoleText(*parsed),
                       m_grid.activities[index.row()].name));
    return error.isEmpty();
}

QString RaciGridModel::apply(const RaciGrid &after, const QString &stepName)
{
    if (!m_candidateId)
        return tr("Choose a partner first.");
    const QString error = m_editor->changeRaciGrid(m_candidateId, after, stepName);
    if (!error.isEmpty())
        emit editRefused(error);
    return error;
}

} // namespace pb::item
