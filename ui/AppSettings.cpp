#include "AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {
struct Spec
{
    AppSettings::Key key;
    const char16_t *name;
    QVariant defaultValue;
};

const Spec &spec(AppSettings::Key key)
{
    static const Spec table[] = {
        {AppSettings::Key::WindowGeometry, u"window/geometry", QByteArray()},
        {AppSettings::Key::WindowState, u"window/state", QByteArray()},
        {AppSettings::Key::RecentFiles, u"files/recent", QStringList()},
        {AppSettings::Key::LastFolder, u"files/lastFolder",
         QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)},
        {AppSettings::Key::LastArea, u"window/lastArea", 0},
    };
    return table[int(key)];
}
} // namespace

QVariant AppSettings::value(Key key)
{
    const Spec &s = spec(key);
    return QSettings().value(QString::fromUtf16(s.name), s.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    QSettings().setValue(QString::fromUtf16(spec(key).name), value);
}

QStringList AppSettings::recentFiles()
{
    return value(Key::RecentFiles).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    setValue(Key::RecentFiles, files);
    setValue(Key::LastFolder, QFileInfo(absolute).absolutePath());
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    setValue(Key::RecentFiles, files);
}

void AppSettings::clearRecentFiles()
{
    setValue(Key::RecentFiles, QStringList());
}

} // namespace pb::ui
