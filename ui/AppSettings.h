#pragma once

#include <QStringList>
#include <QVariant>

class QSplitter;

namespace pb::ui {

// Per-user application preferences (QSettings), as typed keys with one table of defaults.
// Workbook settings live in the workbook file instead (domain::WorkbookSettings).
class AppSettings
{
public:
    enum class Key {
        WindowGeometry,
        WindowState,
        RecentFiles,
        LastFolder, // of workbooks (New, Open, Save a Copy)
        LastArea,
        LastImportFolder,
        LastExportFolder,
        LastPdfFolder,
        Partners,  // per workbook path: the partnership each area showed last
        Splitters, // per splitter name: its sizes
        AuthorName, // the name the user's changes carry in workbooks' history
    };

    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 10;

    // The partnership the area (a short name: "raci", "kpis", "proposal") showed last for
    // the workbook at path; 0 when none was remembered. Kept for the recent files only.
    static qint64 lastPartner(const QString &path, const QString &area);
    static void setLastPartner(const QString &path, const QString &area, qint64 candidateId);

    // Gives the splitter the sizes it had when last changed (by name), and remembers them
    // from now on. The splitter's own sizes stay when none were kept.
    static void keepSplitterSizes(QSplitter *splitter, const QString &name);
};

} // namespace pb::ui
