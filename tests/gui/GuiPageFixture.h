#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace pb::item {
class WorkbookEditor;
}
namespace pb::store {
class Workbook;
}
namespace pb::ui {
class MainWindow;
}

namespace pb::test {

// What a GUI test starts from, in the spirit of KeePassXC's TestGui::init(): settings and
// data folders of its own, a temporary folder, and for a page test a main window at
// 1366×768 on a fresh copy of the sample workbook, showing one work area. A test class
// derives from it beside QObject:
//
//     class TestRaciPage : public QObject, public test::GuiPageFixture
//     {
//         Q_OBJECT
//     public:
//         TestRaciPage() : GuiPageFixture(u"tst_racipage"_s) {}
//     private slots:
//         void init() { QVERIFY(openSampleAt(1)); }
//         void cleanup() { closeWindow(); }
//         ...
//
// Scripted answers to dialogs (Messages, WorkbookOpener, FileDialogs) last until
// closeWindow(). Qt's "Ambiguous shortcut overload" warnings are collected once a window is
// opened: cleanup() should check that ambiguousShortcuts() is empty.
class GuiPageFixture
{
public:
    // Isolates the settings under this application name (see test::isolateSettings).
    explicit GuiPageFixture(const QString &application);
    virtual ~GuiPageFixture();

    // Writes the sample workbook to <test function>.playbook in the temporary folder, opens
    // it in a new 1366×768 main window and shows work area `area` (0 Candidates, 1 RACI,
    // 2 KPIs, 3 Proposal), events processed. False, with a warning saying why, on failure.
    bool openSampleAt(int area);
    // Closes the window (and so the workbook) and forgets scripted dialog answers.
    void closeWindow();

    ui::MainWindow *window() const { return m_window.get(); }
    store::Workbook *workbook() const;
    item::WorkbookEditor *editor() const;
    // The id of the open workbook's candidate with this name; 0 when there is none.
    qint64 idOf(const QString &candidateName) const;
    // Qt's warnings about a shortcut that two actions claim, since watchShortcutWarnings()
    // (openSampleAt() calls it).
    static QStringList ambiguousShortcuts();
    static void watchShortcutWarnings();
    static void clearShortcutWarnings();
    // How long openSampleAt() took to show the area and process its events.
    qint64 areaShownMilliseconds() const { return m_areaShownMs; }

    // A path in the test's temporary folder.
    QString filePath(const QString &name) const;
    // Writes the sample workbook to filePath(name); its path, or empty on failure.
    QString makeSample(const QString &name) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_areaShownMs = 0;
};

} // namespace pb::test
