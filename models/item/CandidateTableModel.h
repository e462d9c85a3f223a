#pragma once

#include "CandidateSortKeys.h"
#include "domain/CandidateField.h"
#include "domain/Scoring.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace pb::store {
struct Change;
}

namespace pb::item {

class WorkbookEditor;

// The candidates of a workbook as a table: one row per candidate (in the order of the
// store; views sort through CandidateFilterModel), with rank, score and top-3 computed by
// domain::Ranking for the workbook's weights. Edits go through WorkbookEditor (and so
// the undo stack and the store); the model follows the store's notifier, so an edit, an
// undo or an import elsewhere shows up here. Sorting keys are kept per column
// (CandidateSortKeys) so that 100,000 rows sort without going through data().
class CandidateTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        NameColumn,
        ScoreColumn,
        AudienceOverlapColumn,
        StrategicValueColumn,
        EaseOfIntegrationColumn,
        // How far apart several raters are (hidden while one person scores).
        SpreadColumn,
        StructureColumn,
        StageColumn,
        OwnerColumn,
        WebsiteColumn,
        // The qualification judgment's fields, in CandidateField order (hidden at first).
        FirstQualificationColumn,
        ColumnCount = FirstQualificationColumn + domain::kCandidateFieldCount -
                      int(domain::CandidateField::Competes)
    };
    enum Role { IdRole = Qt::UserRole + 1, Top3Role, FieldValueRole };

    explicit CandidateTableModel(WorkbookEditor *editor, QObject *parent = nullptr);
    // The editor its edits go through (and so the workbook it shows).
    WorkbookEditor *editor() const { return m_editor; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    static std::optional<domain::CandidateField> fieldOf(int column);
    const domain::Candidate &candidateAt(int row) const { return m_candidates.at(row); }
    const QList<domain::Candidate> &candidates() const { return m_candidates; }
    // Every candidate in rank order, for exports.
    QList<domain::RankEntry> rankedEntries() const { return m_ranking.rank(m_weights); }
    const domain::RankEntry &rankAt(int row) const { return m_rankByRow.at(row); }
    int rowOf(qint64 id) const;
    domain::ScoringWeights weights() const { return m_weights; }
    std::optional<double> top3Stability() const { return m_stability; }

    // Several raters: everyone who scored (the first rater first), and whose scores the
    // table shows and edits — empty for the mean of all, with edits as the app's user.
    QStringList raters() const { return m_raters; }
    bool hasSeveralRaters() const { return m_raters.size() > 1; }
    QString rankAs() const { return m_rankAs; }
    QString firstRater() const { return m_firstRater; }
    void setRankAs(const QString &rater);
    // The top three in rank order (rows of this model).
    QList<int> top3Rows() const;
    // Fast comparison for sorting, by precomputed keys (CandidateSortKeys). Whichever
    // the order, rows without a value (unranked, unscored, unset, empty) come last and ties
    // stay in rank order (the proxy sorts descending by asking lessThan(right, left)).
    bool lessThan(int column, int leftRow, int rightRow,
                  Qt::SortOrder order = Qt::AscendingOrder) const
    {
        return m_sortKeys.lessThan(column, leftRow, rightRow, order);
    }

signals:
    // An edit the store refused, with its one-line reason.
    void editRefused(const QString &message);
    // Every row's rank and score are about to change (dataChanged follows, then
    // rankingChanged): a sorted view re-sorts once, rather than row by row.
    void ranksAboutToChange();
    // Ranks, scores, the top three or the stability figure changed.
    void rankingChanged();
    // Someone new rated (or the list was read again).
    void ratersChanged();

private:
    void reload();
    void onChange(const store::Change &change);
    void rerank(bool rebuildKeys, bool notify = true);
    // The candidate as the table shows it: as the rank-as rater scored it, when one is chosen.
    domain::Candidate shown(domain::Candidate candidate);
    void noteRaters(const domain::Candidate &candidate);
    QVariant scoreData(const domain::Candidate &c, int column, int role) const;

    WorkbookEditor *m_editor;
    QList<domain::Candidate> m_candidates;
    QHash<qint64, int> m_rowById;
    domain::Ranking m_ranking;
    domain::ScoringWeights m_weights;
    std::vector<domain::RankEntry> m_rankByRow;
    std::optional<double> m_stability;
    QList<int> m_top3;
    CandidateSortKeys m_sortKeys;
    QStringList m_raters;
    QString m_firstRater;
    QString m_rankAs;
};

} // namespace pb::item
