#pragma once

#include <QWidget>

class QDoubleSpinBox;
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
    void refresh();
    void applyWeight(int dimension, double value);

    item::WorkbookEditor *m_editor;
    item::CandidateTableModel *m_model;
    QSlider *m_sliders[3];
    QDoubleSpinBox *m_spins[3];
    QLabel *m_shares[3];
    QLabel *m_stability;
    QLabel *m_top3;
    bool m_updating = false;
};

} // namespace pb::ui
