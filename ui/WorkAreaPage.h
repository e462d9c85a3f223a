#pragma once

#include <QWidget>

class QLabel;

namespace pb::store {
class Workbook;
struct Change;
} // namespace pb::store

namespace pb::ui {

// One of the work areas (Candidates, RACI, KPIs, Proposal, Programme) while its full editor is
// still being built: says what the area is for and what the workbook holds for it, and
// keeps that up to date through the workbook's notifier.
class WorkAreaPage : public QWidget
{
    Q_OBJECT
public:
    enum class Area { Candidates, Raci, Kpis, Proposal, Programme };

    WorkAreaPage(Area area, QWidget *parent = nullptr);

    Area area() const { return m_area; }
    static QString title(Area area);
    static QString summary(Area area);
    void setWorkbook(store::Workbook *workbook);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void onChange(const store::Change &change);

    Area m_area;
    store::Workbook *m_workbook = nullptr;
    QLabel *m_status;
    bool m_dirty = true;
};

} // namespace pb::ui
