#pragma once

#include <QWidget>

class QAction;

namespace pb::item {
class CostsModel;
class ProgrammeTracker;
} // namespace pb::item

namespace pb::ui {

class MonthGridPanel;

// The chosen partnership's monthly costs: a MonthGridPanel over the CostsModel (time in hours,
// tools, commissions — derived from the terms unless typed — and support), with Import Costs…
// (Ctrl+I) and Export Costs… for the `month,category,amount` CSV or an .xlsx sheet; an import is
// all or nothing and one undo step. The hint says what to do when no partnership is chosen or
// it has no months yet.
class CostsPanel : public QWidget
{
    Q_OBJECT
public:
    CostsPanel(item::ProgrammeTracker *tracker, item::CostsModel *model, QWidget *parent = nullptr);

    MonthGridPanel *grid() const { return m_grid; }
    QList<QAction *> fileActions() const { return {m_import, m_export}; }
    // Each returns why nothing was imported or written, or an empty string.
    QString importFile(const QString &path);
    QString exportFile(const QString &path);
    // The title and hint for the partnership shown.
    void refresh();

signals:
    void statusMessage(const QString &text);
    void refused(const QString &title, const QString &message);

private:
    void askImport();
    void askExport();

    item::ProgrammeTracker *m_tracker;
    MonthGridPanel *m_grid;
    QAction *m_import;
    QAction *m_export;
};

} // namespace pb::ui
