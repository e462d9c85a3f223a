#include "CostsPanel.h"

#include "FileDialogs.h"
#include "MonthGridPanel.h"
#include "io/CostsCsv.h"
#include "item/CostsModel.h"
#include "item/ProgrammeTracker.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

CostsPanel::CostsPanel(item::ProgrammeTracker *tracker, item::CostsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
    , m_grid(new MonthGridPanel(tr("Costs"), model, tracker, this))
    , m_import(new QAction(tr("&Import Costs…"), this))
    , m_export(new QAction(tr("E&xport Costs…"), this))
{
    m_grid->table()->setAccessibleName(tr("Costs"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setIconText(tr("Import…"));
    m_import->setToolTip(tr("Import this partnership's costs from a CSV file with the columns "
                            "month, category and amount, or an .xlsx sheet (Ctrl+I)"));
    m_import->setEnabled(!tracker->editor()->workbook()->isReadOnly());
    connect(m_import, &QAction::triggered, this, &CostsPanel::askImport);
    m_export->setIconText(tr("Export…"));
    m_export->setToolTip(tr("Write this partnership's costs to a CSV file or an .xlsx workbook"));
    connect(m_export, &QAction::triggered, this, &CostsPanel::askExport);
    for (QAction *action : {m_export, m_import}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        m_grid->addToBar(button);
    }
    connect(m_grid, &MonthGridPanel::refused, this, &CostsPanel::refused);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_grid);
}

void CostsPanel::refresh()
{
    const QString partner = m_tracker->partnerName();
    m_grid->setTitle(partner.isEmpty() ? tr("Costs") : tr("Costs: %1").arg(partner));
    m_import->setEnabled(m_tracker->partner() != 0 &&
                         !m_tracker->editor()->workbook()->isReadOnly());
    m_export->setEnabled(m_tracker->partnerPnl() && !m_tracker->partnerPnl()->costs.isEmpty());
    if (!m_tracker->partner())
        m_grid->setHint(tr("Choose a partnership above to enter its costs."));
    else if (m_grid->model()->rowCount() == 0)
        m_grid->setHint(tr("No months yet: the P&L starts with the pilot. Add Month… or paste "
                           "costs from a spreadsheet."));
    else
        m_grid->setHint({});
}

QString CostsPanel::importFile(const QString &path)
{
    if (!m_tracker->partner())
        return tr("Choose a partnership first.");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("\"%1\" cannot be read: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const QString name = QFileInfo(path).fileName();
    const io::CostsCsvImport parsed = io::CostsCsv::parse(file.readAll(), name);
    if (!parsed.errors.isEmpty())
        return tr("The file has problems; nothing was changed:") + u"\n"_s +
               parsed.errors.join(u'\n');
    const QString error = m_tracker->editor()->changeCosts(m_tracker->partner(), parsed.costs,
                                                           tr("Import %1 (%2 costs, %3)")
                                                               .arg(name)
                                                               .arg(parsed.costs.size())
                                                               .arg(m_tracker->partnerName()));
    if (error.isEmpty())
        emit statusMessage(tr("Imported %1 costs from %2 for %3.")
                               .arg(parsed.costs.size())
                               .arg(name, m_tracker->partnerName()));
    return error;
}

void CostsPanel::askImport()
{
    const QString path =
        FileDialogs::openFile(this, FileDialogs::Kind::Import, tr("Import Costs"),
                              tr("CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        if (const QString error = importFile(path); !error.isEmpty())
            emit refused(tr("Nothing was imported"), error);
}

QString CostsPanel::exportFile(const QString &path)
{
    const item::PartnerPnl *partner = m_tracker->partnerPnl();
    if (!partner || partner->costs.isEmpty())
        return tr("This partnership has no costs entered yet.");
    const QString error = io::CostsCsv::save(path, partner->costs);
    if (error.isEmpty())
        emit statusMessage(tr("Exported the costs to %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

void CostsPanel::askExport()
{
    const QString path =
        FileDialogs::saveFile(this, FileDialogs::Kind::Export, tr("Export Costs"),
                              tr("%1 costs.csv").arg(m_tracker->partnerName()),
                              tr("CSV files (*.csv);;Excel workbooks (*.xlsx)"), u"csv"_s);
    if (!path.isEmpty())
        if (const QString error = exportFile(path); !error.isEmpty())
            emit refused(tr("Export Costs"), error);
}

} // namespace pb::ui
