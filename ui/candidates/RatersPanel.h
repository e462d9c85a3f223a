#pragma once

#include <QWidget>

class QComboBox;

namespace pb::item {
class CandidateTableModel;
} // namespace pb::item

namespace pb::ui {

// Above the weights, once several people have scored: whose scores the table ranks by —
// everyone's mean, or one rater alone ("rank as Maya scored it"), whose scores the table's
// score cells then show and edit. Hidden while one person scores.
class RatersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RatersPanel(item::CandidateTableModel *model, QWidget *parent = nullptr);

    QComboBox *chooser() const { return m_chooser; }

private:
    void refresh();

    item::CandidateTableModel *m_model;
    QComboBox *m_chooser;
};

} // namespace pb::ui
