#include "CandidateTableModel.h"

#include "RatingText.h"
#include "WorkbookEditor.h"
#include "domain/CandidateField.h"
#include "domain/Ratings.h"
#include "domain/QualificationFields.h"
#include "domain/WorkbookSettings.h"
#include "io/TableLook.h"
#include "store/Workbook.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {
// Above this many changed records a reset is cheaper than row-by-row signals.
constexpr int kResetThreshold = 2000;

bool touchesRanking(const QStringList &fields)
{
    if (fields.isEmpty())
        return true;
    for (const QString &field : fields) {
        if (field == u"name" || field == u"audience_overlap" || field == u"strategic_value" ||
            field == u"ease_of_integration")
            return true;
    }
    return false;
}

// A qualification answer as people read it ("much bigger"; empty when not known); other
// fields as they are.
QVariant displayValue(const Candidate &c, CandidateField field)
{
    if (QualificationFields::contains(field) &&
        QualificationFields::kind(field) == QualificationFields::Kind::Choice) {
        const int choice = QualificationFields::choice(c, field);
        return choice ? QualificationFields::choiceLabel(field, choice) : QString();
    }
    return CandidateFields::value(c, field);
}

// The scoring dimension a column shows, if it shows one.
std::optional<Dimension> dimensionOf(int column)
{
    const auto field = CandidateTableModel::fieldOf(column);
    return field ? ScoringDimensions::fromField(*field) : std::nullopt;
}
} // namespace

CandidateTableModel::CandidateTableModel(WorkbookEditor *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
{
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &CandidateTableModel::onChange);
    reload();
}

int CandidateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

QModelIndex CandidateTableModel::index(int row, int column, const QModelIndex &parent) const
{
    // Without QAbstractTableModel's three virtual calls: a sort asks for two indexes per
    // comparison, some two million times for 100,000 rows.
    if (parent.isValid() || row < 0 || column < 0 || row >= m_candidates.size() ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int CandidateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<CandidateField> CandidateTableModel::fieldOf(int column)
{
    switch (column) {
    case NameColumn:
        return CandidateField::Name;
    case AudienceOverlapColumn:
        return CandidateField::AudienceOverlap;
    case StrategicValueColumn:
        return CandidateField::StrategicValue;
    case EaseOfIntegrationColumn:
        return CandidateField::EaseOfIntegration;
    case StructureColumn:
        return CandidateField::Structure;
    case StageColumn:
        return CandidateField::Stage;
    case OwnerColumn:
        return CandidateField::Owner;
    case WebsiteColumn:
        return CandidateField::Website;
    default:
        if (column >= FirstQualificationColumn && column < ColumnCount)
            return CandidateField(int(CandidateField::Competes) + column -
                                  FirstQualificationColumn);
        return std::nullopt;
    }
}

static QString structureLabel(Structure structure)
{
    switch (structure) {
    case Structure::Unset:
        return QString();
    case Structure::Referral:
        return CandidateTableModel::tr("Referral");
    case Structure::Reseller:
        return CandidateTableModel::tr("Reseller");
    case Structure::Integration:
        return CandidateTableModel::tr("Integration");
    case Structure::CoMarketing:
        return CandidateTableModel::tr("Co-marketing");
    case Structure::JointVenture:
        return CandidateTableModel::tr("Joint venture");
    }
    return {};
}

static QString stageLabel(Stage stage)
{
    const QString id = stageId(stage);
    return id.left(1).toUpper() + id.mid(1);
}

QVariant CandidateTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_candidates.size())
        return {};
    const Candidate &c = m_candidates.at(index.row());
    const RankEntry &rank = m_rankByRow.at(std::size_t(index.row()));
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case RankColumn:
            if (rank.rank == 0)
                return QString();
            return rank.top3 ? u"★ %1"_s.arg(rank.rank) : QString::number(rank.rank);
        case ScoreColumn:
            return rank.score ? QString::number(*rank.score, 'f', 1) : QString();
        // A stage or structure this version does not know is shown as stored, marked.
        case StructureColumn:
            return c.unknownStructure.isEmpty() ? structureLabel(c.structure)
                                                : u"⚠ "_s + c.unknownStructure;
        case StageColumn:
            return c.unknownStage.isEmpty() ? stageLabel(c.stage) : u"⚠ "_s + c.unknownStage;
        default:
            if (column == SpreadColumn || dimensionOf(column))
                return scoreData(c, column, role);
            if (auto field = fieldOf(column))
                return displayValue(c, *field);
            return {};
        }
    case Qt::EditRole:
        if (dimensionOf(column))
            return scoreData(c, column, role);
        [[fallthrough]];
    case FieldValueRole:
        if (auto field = fieldOf(column))
            return CandidateFields::value(c, *field);
        return {};
    case Qt::ToolTipRole:
        if (column == RankColumn && rank.top3)
            return tr("In the top three: focus here");
        if (column == ScoreColumn && !rank.score)
            return tr("Not scored yet: every dimension with a weight needs a score from 1 to 5");
        if ((column == StageColumn && !c.unknownStage.isEmpty()) ||
            (column == StructureColumn && !c.unknownStructure.isEmpty()))
            return tr("Not a value this version knows; it is kept as it is until you choose "
                      "one");
        if (column == NameColumn && !c.revenueTheory.isEmpty())
            return c.revenueTheory;
        if (column == SpreadColumn || dimensionOf(column))
            return scoreData(c, column, role);
        return {};
    case Qt::TextAlignmentRole:
        if (column == RankColumn || column == ScoreColumn || column == AudienceOverlapColumn ||
            column == StrategicValueColumn || column == EaseOfIntegrationColumn ||
            column == SpreadColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (rank.top3) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (rank.top3)
            return QBrush(io::TableLook::topThree());
        return {};
    case Qt::ForegroundRole:
        if (rank.top3)
            return QBrush(io::TableLook::topThreeText());
        return {};
    case IdRole:
        return c.id;
    case Top3Role:
        return rank.top3;
    default:
        return {};
    }
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn:
            return tr("Rank");
        case ScoreColumn:
            return tr("Score");
        case AudienceOverlapColumn:
            return tr("Audience");
        case StrategicValueColumn:
            return tr("Strategic");
        case EaseOfIntegrationColumn:
            return tr("Ease");
        case SpreadColumn:
            return tr("Spread");
        default:
            if (auto field = fieldOf(section))
                return CandidateFields::displayName(*field);
        }
    }
    if (role == Qt::InitialSortOrderRole) {
        // The first click on a score sorts best first; on rank, rank 1 first.
        const bool higherFirst = section == ScoreColumn || section == SpreadColumn ||
                                 section == AudienceOverlapColumn ||
                                 section == StrategicValueColumn ||
                                 section == EaseOfIntegrationColumn;
        return int(higherFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ScoreColumn:
            return tr("100 × weighted average of (score − 1) / 4 over the three dimensions");
        case AudienceOverlapColumn:
            return tr("Audience overlap, 1–5: do they sell to our customer profile "
                      "(adjacent, not competing)?");
        case StrategicValueColumn:
            return tr("Strategic value, 1–5: reach, reputation, channel, go-to-market maturity");
        case EaseOfIntegrationColumn:
            return tr("Ease of integration, 1–5: technical and operational effort");
        case SpreadColumn:
            return tr("Several raters: how far apart their scores are on the dimension they "
                      "differ most on; two points or more is marked for discussion");
        default:
            if (const auto field = fieldOf(section); field && QualificationFields::contains(*field))
                return QualificationFields::question(*field);
            return {};
        }
    }
    return {};
}

Qt::ItemFlags CandidateTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (fieldOf(index.column()) && !m_editor->workbook()->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool CandidateTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const auto field = fieldOf(index.column());
    if (!field)
        return false;
    const QString error =
        m_editor->changeCandidateField(m_candidates.at(index.row()).id, *field, value);
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    return true;
}

int CandidateTableModel::rowOf(qint64 id) const
{
    return m_rowById.value(id, -1);
}

QList<int> CandidateTableModel::top3Rows() const
{
    return m_top3;
}

void CandidateTableModel::reload()
{
    beginResetModel();
    m_sortKeys.stopWorkers();
    m_candidates = m_editor->workbook()->candidates();
    m_firstRater = m_editor->workbook()->firstRater();
    const QStringList raters = Ratings::raters(m_candidates, m_firstRater);
    const auto isShownRater = [this](const QString &r) { return Ratings::sameRater(r, m_rankAs); };
    if (!m_rankAs.isEmpty() && std::none_of(raters.begin(), raters.end(), isShownRater)) {
        // That rater's scores went (an undo, a merge): show everyone's, and edit as the user.
        m_rankAs.clear();
        m_editor->setScoringRater({});
    }
    for (Candidate &c : m_candidates)
        c = shown(std::move(c));
    m_rowById.clear();
    m_rowById.reserve(m_candidates.size());
    for (int row = 0; row < m_candidates.size(); ++row)
        m_rowById.insert(m_candidates.at(row).id, row);
    m_weights = WorkbookSettings::scoringWeights(m_editor->workbook()->settings());
    m_ranking = Ranking(m_candidates);
    m_rankByRow.assign(std::size_t(m_candidates.size()), RankEntry{});
    m_sortKeys.reset(&m_candidates);
    rerank(false, false);
    endResetModel();
    emit rankingChanged();
    if (raters != m_raters) {
        m_raters = raters;
        emit ratersChanged();
    }
}

// A rater new to the table (a colleague's first score) joins the list.
void CandidateTableModel::noteRaters(const Candidate &candidate)
{
    for (const Rating &rating : candidate.ratings) {
        const bool known = std::any_of(m_raters.begin(), m_raters.end(), [&](const QString &r) {
            return Ratings::sameRater(r, rating.rater);
        });
        if (!known) {
            m_raters = Ratings::raters(m_editor->workbook()->candidates(), m_firstRater);
            emit ratersChanged();
            return;
        }
    }
}

Candidate CandidateTableModel::shown(Candidate candidate)
{
    if (m_rankAs.isEmpty())
        return candidate;
    return Ratings::asScoredBy(candidate, m_rankAs, m_firstRater);
}

void CandidateTableModel::setRankAs(const QString &rater)
{
    if (rater == m_rankAs)
        return;
    m_rankAs = rater;
    m_editor->setScoringRater(rater);
    reload();
}

QVariant CandidateTableModel::scoreData(const Candidate &c, int column, int role) const
{
    if (column == SpreadColumn)
        return role == Qt::ToolTipRole ? RatingText::spreadTip(c) : RatingText::spread(c);
    const Dimension dimension = *dimensionOf(column);
    const QString &first = m_firstRater;
    if (role == Qt::ToolTipRole)
        return RatingText::raters(c, dimension, first);
    if (role == Qt::DisplayRole) {
        // A whole number stays a number, as before there were raters.
        const auto mean = Ratings::mean(c, dimension);
        if (mean && *mean == double(int(*mean)))
            return int(*mean);
        return RatingText::mean(c, dimension);
    }
    // Editing: the score of whoever the table edits as (the shown rater's own, when one is
    // chosen), not the mean.
    const QString rater = m_editor->scoringRater();
    if (!m_rankAs.isEmpty() || Ratings::sameRater(rater, first))
        return CandidateFields::value(c, ScoringDimensions::field(dimension));
    for (const Rating &rating : c.ratings) {
        if (Ratings::sameRater(rating.rater, rater)) {
            const auto score = Ratings::score(rating, dimension);
            return score ? QVariant(*score) : QVariant();
        }
    }
    return {};
}

void CandidateTableModel::onChange(const store::Change &change)
{
    using Kind = store::Change::Kind;
    using Entity = store::Change::Entity;
    if (change.entity == Entity::Settings) {
        if (m_firstRater != m_editor->workbook()->firstRater()) {
            reload(); // the first rater was named or renamed
            return;
        }
        const ScoringWeights weights =
            WorkbookSettings::scoringWeights(m_editor->workbook()->settings());
        if (weights.values != m_weights.values) {
            m_weights = weights;
            rerank(false);
        }
        return;
    }
    if (change.entity != Entity::Candidate)
        return;
    if (change.kind == Kind::Reset || change.ids.size() > kResetThreshold) {
        reload();
        return;
    }
    store::Workbook *workbook = m_editor->workbook();
    switch (change.kind) {
    case Kind::Inserted: {
        QList<Candidate> added;
        for (qint64 id : change.ids) {
            if (auto c = workbook->candidate(id); c && !m_rowById.contains(id)) {
                noteRaters(*c);
                added.append(shown(*c));
            }
        }
        if (added.isEmpty())
            return;
        const int first = int(m_candidates.size());
        m_sortKeys.stopWorkers();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const Candidate &c : std::as_const(added)) {
            m_rowById.insert(c.id, int(m_candidates.size()));
            m_candidates.append(c);
            m_rankByRow.push_back({});
        }
        m_sortKeys.rowsAppended(first);
        endInsertRows();
        break;
    }
    case Kind::Updated: {
        m_sortKeys.stopWorkers();
        QList<int> rows;
        for (qint64 id : change.ids) {
            const int row = rowOf(id);
            if (row < 0)
                continue;
            if (auto c = workbook->candidate(id)) {
                noteRaters(*c);
                m_candidates[row] = shown(*c);
                rows.append(row);
            }
        }
        // New sort keys before the views hear of the change, or a sorted view re-sorts the
        // row by its old text.
        m_sortKeys.rowsChanged(rows);
        for (int row : std::as_const(rows))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        m_sortKeys.startWorkers();
        if (!touchesRanking(change.fields))
            return;
        break;
    }
    case Kind::Removed: {
        QList<int> rows;
        for (qint64 id : change.ids) {
            if (const int row = rowOf(id); row >= 0)
                rows.append(row);
        }
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        m_sortKeys.stopWorkers();
        for (int row : std::as_const(rows)) {
            beginRemoveRows({}, row, row);
            m_candidates.removeAt(row);
            m_rankByRow.erase(m_rankByRow.begin() + row);
            m_sortKeys.rowRemoved(row);
            endRemoveRows();
        }
        m_rowById.clear();
        for (int row = 0; row < m_candidates.size(); ++row)
            m_rowById.insert(m_candidates.at(row).id, row);
        break;
    }
    case Kind::Reset:
        break;
    }
    rerank(true);
}

void CandidateTableModel::rerank(bool rebuildKeys, bool notify)
{
    if (rebuildKeys) {
        m_ranking = Ranking(m_candidates);
        m_sortKeys.startWorkers();
    }
    const QList<RankEntry> ranked = m_ranking.rank(m_weights);
    m_rankByRow.assign(std::size_t(m_candidates.size()), RankEntry{});
    m_top3.clear();
    for (const RankEntry &entry : ranked) {
        if (entry.index >= 0 && entry.index < m_candidates.size())
            m_rankByRow[std::size_t(entry.index)] = entry;
        if (entry.top3)
            m_top3.append(int(entry.index));
    }
    m_sortKeys.setRanks(m_rankByRow);
    m_stability = m_ranking.top3Stability(m_weights);
    if (!notify)
        return; // inside a model reset: the reset tells the views
    if (!m_candidates.isEmpty()) {
        // Rank, score and the top-3 highlight can change on every row.
        emit ranksAboutToChange();
        emit dataChanged(index(0, 0), index(int(m_candidates.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::FontRole, Qt::BackgroundRole, Qt::ForegroundRole,
                          Qt::ToolTipRole, Top3Role});
    }
    emit rankingChanged();
}

} // namespace pb::item
