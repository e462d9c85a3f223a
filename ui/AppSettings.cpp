#include "AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSplitter>

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
    using Key = AppSettings::Key;
    // An empty folder lets FileDialogs choose (the workbook's folder, or Documents).
    static const Spec table[] = {
        {Key::WindowGeometry, u"window/geometry", QByteArray()},
        {Key::WindowState, u"window/state", QByteArray()},
        {Key::RecentFiles, u"files/recent", QStringList()},
        {Key::LastFolder, u"files/lastFolder", QString()},
        {Key::LastArea, u"window/lastArea", 0},
        {Key::LastImportFolder, u"files/lastImportFolder", QString()},
        {Key::LastExportFolder, u"files/lastExportFolder", QString()},
        {Key::LastPdfFolder, u"files/lastPdfFolder", QString()},
        {Key::Partners, u"files/partners", QVariantMap()},
        {Key::Splitters, u"window/splitters", QVariantMap()},
        {Key::AuthorName, u"user/name", QString()},
    };
    Q_ASSERT(table[int(key)].key == key);
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

qint64 AppSettings::lastPartner(const QString &path, const QString &area)
{
    const QVariantMap byPath = value(Key::Partners).toMap();
    return byPath.value(QFileInfo(path).absoluteFilePath()).toMap().value(area).toLongLong();
}

void AppSettings::setLastPartner(const QString &path, const QString &area, qint64 candidateId)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QVariantMap byPath = value(Key::Partners).toMap();
    QVariantMap areas = byPath.value(absolute).toMap();
    if (areas.value(area).toLongLong() == candidateId)
        return;
    areas.insert(area, candidateId);
    byPath.insert(absolute, areas);
    // Only workbooks in the recent files are worth remembering.
    const QStringList recent = recentFiles();
    for (auto it = byPath.begin(); it != byPath.end();) {
        if (it.key() != absolute && !recent.contains(it.key()))
            it = byPath.erase(it);
        else
            ++it;
    }
    setValue(Key::Partners, byPath);
}

void AppSettings::keepSplitterSizes(QSplitter *splitter, const QString &name)
{
    const QVariantList kept = value(Key::Splitters).toMap().value(name).toList();
    if (kept.size() == splitter->count()) {
        QList<int> sizes;
        for (const QVariant &size : kept)
            sizes.append(size.toInt());
        splitter->setSizes(sizes);
    }
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, name] {
        QVariantList sizes;
        for (int size : splitter->sizes())
            sizes.append(size);
        QVariantMap all = value(Key::Splitters).toMap();
        all.insert(name, sizes);
        setValue(Key::Splitters, all);
    });
}

} // namespace pb::ui
