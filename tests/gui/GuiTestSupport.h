#pragma once

// Shared by the offscreen GUI tests.
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace pb::test {

// Saves a picture of the widget into $PLAYBOOK_SCREENSHOT_DIR, when it is set.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("PLAYBOOK_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    // Layouts settle over a few passes (fields that fit their text change height).
    for (int pass = 0; pass < 3; ++pass)
        QApplication::processEvents();
    widget->grab().save(QDir(folder).filePath(name));
}

// Settings and data folders of the test's own, emptied: no test sees a user's or another
// test's recent files, last folder or window state.
inline void isolateSettings(const QString &application)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Playbook Workbench Tests"));
    QApplication::setApplicationName(application);
    QSettings().clear();
}

} // namespace pb::test
