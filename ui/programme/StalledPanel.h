#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTreeWidget;

namespace pb::item {
struct ProgrammeData;
}

namespace pb::ui {

// The candidates sitting in their stage past the practice's timing, longest first: name
// (a link into the Candidates area: Enter or double-click), stage, days in the stage and why it
// is stalled. "Every candidate" lists the days in stage of the whole list. ProgrammePage shows
// it in its second tab.
class StalledPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StalledPanel(QWidget *parent = nullptr);

    void refresh(const item::ProgrammeData &data);
    QTreeWidget *list() const { return m_list; }
    void setShowAll(bool all);

signals:
    void candidateChosen(qint64 candidateId);

private:
    void fill();

    QLabel *m_title;
    QCheckBox *m_all;
    QTreeWidget *m_list;
    const item::ProgrammeData *m_data = nullptr;
};

} // namespace pb::ui
