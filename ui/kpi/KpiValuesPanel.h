#pragma once

#include "io/KpiCsv.h"

#include <QWidget>

class QAction;
class QTableView;

namespace pb::item {
class KpiTracker;
class KpiValuesModel;
} // namespace pb::item

namespace pb::ui {

class PartnerPicker;

// The entry grid, periods × KPIs, made for the keyboard: type a value and press Enter,
// paste a block from a spreadsheet, copy, Delete clears; every edit is one undo step. Its
// bar adds a period and imports or exports the values as CSV (Ctrl+I, Ctrl+E: these and
// the edit actions are also the File and Edit menus' while the area is shown). KpiPage
// shows it at the bottom left and charts the KPI of the current column.
class KpiValuesPanel : public QWidget
{
    Q_OBJECT
public:
    // The partner picker names the partner in the suggested export file name.
    KpiValuesPanel(item::KpiTracker *tracker, item::KpiValuesModel *model,
                   const PartnerPicker *partner, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Each returns why it was refused, or an empty string.
    QString addPeriod(const QString &period);
    QString pasteValues(const QString &text);
    QString importFile(const QString &path);
    QString exportFile(const QString &path);
    // Columns wide enough for each KPI's header and values, within reason.
    void fitColumns();
    QList<QAction *> fileActions() const { return {m_import, m_export}; }
    QList<QAction *> editActions() const { return m_editActions; }

signals:
    // The user moved to the column of this KPI.
    void kpiChosen(int column);
    void statusMessage(const QString &text);

private:
    void setUpTable();
    void addEditActions(bool readOnly);
    void askAddPeriod();
    void askImport();
    void askExport();
    void copyValues();
    void clearValues();
    void warn(const QString &title, const QString &message);
    static QString importSummary(const QList<domain::KpiSeries> &before,
                                 const QList<io::KpiCsvEntry> &imported);

    item::KpiTracker *m_tracker;
    item::KpiValuesModel *m_model;
    const PartnerPicker *m_partner;
    QTableView *m_table;
    QAction *m_import;
    QAction *m_export;
    QList<QAction *> m_editActions;
};

} // namespace pb::ui
