#pragma once

#include "domain/Raci.h"

#include <QWidget>

class QAction;
class QPushButton;
class QToolButton;

namespace pb::store {
class Workbook;
}

namespace pb::ui {

class PartnerPicker;

// The row above the RACI grid: which partnership, and the buttons that add an activity or
// a party and import or export the grid as CSV (Ctrl+I, Ctrl+E: the import and export
// actions are also the File menu's while the area is shown). It asks for names and files;
// RaciPage carries out the requests and says why one was refused.
class RaciToolBar : public QWidget
{
    Q_OBJECT
public:
    explicit RaciToolBar(store::Workbook *workbook, QWidget *parent = nullptr);

    PartnerPicker *partnerPicker() const { return m_partner; }
    // The chosen partnership's name, without the ★.
    QString partnerName() const;
    // Read-only workbooks can still pick a partner and export.
    void setEditable(bool editable);
    // Whether the partnership shown has a grid (that export can write).
    void setHasGrid(bool hasGrid);
    // Import and export, for the File menu.
    QList<QAction *> fileActions() const { return {m_import, m_export}; }

signals:
    void addActivityRequested(const QString &name);
    void addPartyRequested(const QString &name, domain::RaciSide side);
    void importRequested(const QString &path);
    void exportRequested(const QString &path);

private:
    void askActivity();
    void askParty(domain::RaciSide side);
    void askImportFile();
    void askExportFile();

    PartnerPicker *m_partner;
    QPushButton *m_addActivity;
    QToolButton *m_addParty;
    QAction *m_import;
    QAction *m_export;
};

} // namespace pb::ui
