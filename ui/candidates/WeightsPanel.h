#pragma once

#include "domain/ScoringDimension.h"

#include <QWidget>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace pb::item {
class CandidateTableModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::ui {

// Beside the candidate table: the three scoring weights (slider and number, with the share
// each has), how far the weights can move before the top three change, and the top
// three themselves. BD leads argue about weights; this shows whether the argument matters.
class WeightsPanel : public QWidget
{
    Q_OBJECT
public:
    WeightsPanel(item::WorkbookEditor *editor, item::CandidateTableModel *model,
                 QWidget *parent = nullptr);

    QString stabilityText() const;

signals:
    void editRefused(const QString &message);
    void candidateActivated(qint64 id);

private:
    void addDimension(QGridLayout *grid, int i);
    void refresh();
    void applyWeight(int dimension, double value);

    item::WorkbookEditor *m_editor;
    item::CandidateTableModel *m_model;
    QSlider *m_sliders[domain::kDimensionCount];
    QDoubleSpinBox *m_spins[domain::kDimensionCount];
    QLabel *m_shares[domain::kDimensionCount];
    QLabel *m_stability;
    QLabel *m_top3;
    bool m_updating = false;
};

} // namespace pb::ui
