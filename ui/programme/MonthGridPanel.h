#pragma once

#include <QWidget>

class QLabel;
class QHBoxLayout;
class QTableView;

namespace pb::item {
class MonthGridModel;
class ProgrammeTracker;
} // namespace pb::item

namespace pb::ui {

// A grid of amounts by month (item::MonthGridModel) made for the keyboard: type a value and
// press Enter, paste a block from a spreadsheet, copy, Delete clears; every edit is one undo
// step. A bold title and an Add Month… button above it, and a hint under the title that says
// what to do while the grid is empty. The Programme area shows two: the costs of the chosen
// partnership (with import and export beside the title) and the programme's monthly inputs;
// ProgrammePage gives both one set of Copy, Paste and Clear actions.
class MonthGridPanel : public QWidget
{
    Q_OBJECT
public:
    MonthGridPanel(const QString &title, item::MonthGridModel *model,
                   item::ProgrammeTracker *tracker, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    item::MonthGridModel *model() const { return m_model; }
    void setTitle(const QString &title);
    // Adds a button (import, export) to the bar beside the title.
    void addToBar(QWidget *widget);
    void setHint(const QString &text);
    QString hint() const;

    // Each returns why it was refused, or an empty string.
    QString addMonth(const QString &text);
    QString pasteValues(const QString &text);
    QString copyValues() const;
    QString clearValues();
    // Columns wide enough for their header and values.
    void fitColumns();

signals:
    void refused(const QString &title, const QString &message);

private:
    void setUpTable();
    void askAddMonth();

    item::MonthGridModel *m_model;
    item::ProgrammeTracker *m_tracker;
    QTableView *m_table;
    QHBoxLayout *m_bar;
    QLabel *m_title;
    QLabel *m_hint;
    QWidget *m_addMonth;
};

} // namespace pb::ui
