#pragma once

#include <QStringList>
#include <QVariant>

namespace pb::ui {

// Per-user application preferences (QSettings), as typed keys with one table of defaults.
// Workbook settings live in the workbook file instead (domain::WorkbookSettings).
class AppSettings
{
public:
    enum class Key { WindowGeometry, WindowState, RecentFiles, LastFolder, LastArea };

    static QVariant value(Key key);
    static void setValue(Key key, const QVariant &value);

    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 10;
};

} // namespace pb::ui
