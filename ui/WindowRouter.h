#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

namespace pb::ui {

class MainWindow;

// Decides which window opens a workbook: the window that already shows it comes to the front;
// otherwise an empty window takes it; otherwise a new window opens beside the others, so that
// a double-clicked attachment never closes the workbook the user is working in. Files come
// from the command line, from a second start (SingleInstance) and, on macOS, from Finder
// (QFileOpenEvent).
class WindowRouter : public QObject
{
    Q_OBJECT
public:
    explicit WindowRouter(QObject *parent = nullptr);
    ~WindowRouter() override;

    // The first window: opens files, or the sample when there are none.
    void start(const QStringList &files);
    // Opens each file as above; with no files, brings the most recent window to the front.
    void openFiles(const QStringList &files);
    QList<MainWindow *> windows() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow *windowShowing(const QString &path) const;
    MainWindow *emptyWindow() const;
    MainWindow *newWindow();
    static void bringToFront(MainWindow *window);

    QList<QPointer<MainWindow>> m_windows;
};

} // namespace pb::ui
