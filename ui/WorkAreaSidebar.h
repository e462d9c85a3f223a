#pragma once

#include <QWidget>

class QLabel;
class QListWidget;

namespace pb::ui {

// The left side of the main window: the open workbook's title above the list of work
// areas. MainWindow adds the areas, shows the one chosen here (or by Ctrl+1…5) and keeps
// the list's choice in step.
class WorkAreaSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit WorkAreaSidebar(QWidget *parent = nullptr);

    void addArea(const QString &title, const QString &summary);
    void setCurrentArea(int index);
    // The workbook's title, with its path as tooltip; empty when none is open.
    void setWorkbookTitle(const QString &title, const QString &path);

signals:
    void areaChosen(int index);

private:
    QListWidget *m_areas;
    QLabel *m_title;
};

} // namespace pb::ui
