#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace pb::ui {

// One running app per user and settings folder. A second start hands the files it was given
// to the running app and exits, so that double-clicking a workbook while the app runs opens it
// there instead of starting a second process that fights over settings and recent files.
// QLocalServer/QLocalSocket: a named pipe on Windows, a socket on macOS and Linux.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QString name = defaultName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // Derived from the user and the settings folder, so that test runs with their own
    // settings never talk to the user's app.
    static QString defaultName();

    // Hands files (made absolute) to a running instance; true when one took them. An empty
    // list asks it to come to the front.
    bool sendToRunning(const QStringList &files, int timeoutMs = 2000) const;
    // Starts taking requests: false when another instance answers under the name; takes
    // over a name left behind by one that crashed.
    bool listen();

signals:
    void filesReceived(const QStringList &files);

private:
    void accept();
    void readRequest(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server;
};

} // namespace pb::ui
