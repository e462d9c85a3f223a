#include "WindowRouter.h"

#include "MainWindow.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QFileInfo>
#include <QFileOpenEvent>

namespace pb::ui {

namespace {

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? QFileInfo(path).absoluteFilePath() : resolved;
}

} // namespace

WindowRouter::WindowRouter(QObject *parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

WindowRouter::~WindowRouter()
{
    qApp->removeEventFilter(this);
    for (const QPointer<MainWindow> &window : std::as_const(m_windows))
        delete window.data();
}

void WindowRouter::start(const QStringList &files)
{
    if (files.isEmpty()) {
        newWindow()->openSample();
        return;
    }
    openFiles(files);
}

void WindowRouter::openFiles(const QStringList &files)
{
    if (files.isEmpty()) {
        const QList<MainWindow *> open = windows();
        bringToFront(open.isEmpty() ? newWindow() : open.last());
        return;
    }
    for (const QString &file : files) {
        if (MainWindow *showing = windowShowing(file)) {
            bringToFront(showing);
            continue;
        }
        MainWindow *window = emptyWindow();
        const bool created = window == nullptr;
        if (created)
            window = newWindow();
        bringToFront(window);
        // A new window that could not open the file (refused, or the user said no) goes again.
        if (!window->openWorkbook(file) && created && windows().size() > 1)
            window->close();
    }
}

QList<MainWindow *> WindowRouter::windows() const
{
    QList<MainWindow *> open;
    for (const QPointer<MainWindow> &window : m_windows) {
        if (window)
            open.append(window.data());
    }
    return open;
}

bool WindowRouter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::FileOpen) {
        openFiles({static_cast<QFileOpenEvent *>(event)->file()});
        return true;
    }
    return QObject::eventFilter(watched, event);
}

MainWindow *WindowRouter::windowShowing(const QString &path) const
{
    const QString wanted = canonical(path);
    for (MainWindow *window : windows()) {
        if (window->workbook() && canonical(window->workbook()->path()) == wanted)
            return window;
    }
    return nullptr;
}

MainWindow *WindowRouter::emptyWindow() const
{
    for (MainWindow *window : windows()) {
        if (!window->workbook())
            return window;
    }
    return nullptr;
}

MainWindow *WindowRouter::newWindow()
{
    const QList<MainWindow *> open = windows();
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Cascade, so that the new window does not hide the one it was opened from exactly.
    if (!open.isEmpty())
        window->move(open.last()->pos() + QPoint(32, 32));
    m_windows.append(window);
    window->show();
    return window;
}

void WindowRouter::bringToFront(MainWindow *window)
{
    if (window->isMinimized())
        window->showNormal();
    window->raise();
    window->activateWindow();
}

} // namespace pb::ui
