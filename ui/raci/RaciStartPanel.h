#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace pb::store {
class Workbook;
}

namespace pb::ui {

// What the RACI area shows for a partnership without a grid: start one from the default
// activities and parties, or as a copy of another partnership's grid. RaciPage shows it
// in place of the grid and carries out the choice.
class RaciStartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RaciStartPanel(store::Workbook *workbook, QWidget *parent = nullptr);

    // The partnership shown (0 when the workbook has no candidates).
    void setPartner(qint64 candidateId, const QString &name);
    // The grids to copy from changed; the list is rebuilt when next seen.
    void invalidateCopySources();

signals:
    void defaultsRequested();
    void copyRequested(qint64 sourceCandidateId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void populateCopySources();

    store::Workbook *m_workbook;
    QLabel *m_title;
    QComboBox *m_copySource;
    bool m_copySourcesDirty = true;
};

} // namespace pb::ui
