#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {

// A request is one line: a JSON array of absolute paths. The answer is "ok\n".
constexpr char kAnswer[] = "ok\n";
// A request larger than this is not ours.
constexpr qint64 kMaxRequest = 1 << 20;

QString userName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

} // namespace

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    const QString scope =
        userName() + u'\n' + QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QByteArray hash = QCryptographicHash::hash(scope.toUtf8(), QCryptographicHash::Sha256);
    return u"playbook-workbench-"_s + QString::fromLatin1(hash.toHex().left(16));
}

bool SingleInstance::sendToRunning(const QStringList &files, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray paths;
    for (const QString &file : files)
        paths.append(QFileInfo(file).absoluteFilePath());
    socket.write(QJsonDocument(paths).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // Only an answer proves that the running app took the files; a dying one may not.
    while (socket.bytesAvailable() < qint64(sizeof kAnswer) - 1) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readAll().startsWith(kAnswer);
}

bool SingleInstance::listen()
{
    // Ask first whether a live instance answers: on Unix, Qt's listen() may replace a socket
    // file of the same name instead of failing, which would cut the running app off.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500))
        return false;
    // Nobody answers: a name left behind by an instance that crashed.
    QLocalServer::removeServer(m_name);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    return m_server->listen(m_name);
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxRequest)
            socket->abort();
        return;
    }
    const QJsonDocument request = QJsonDocument::fromJson(socket->readLine());
    socket->write(kAnswer);
    socket->flush();
    QStringList files;
    for (const QJsonValue &path : request.array()) {
        if (path.isString() && QDir::isAbsolutePath(path.toString()))
            files.append(path.toString());
    }
    emit filesReceived(files);
}

} // namespace pb::ui
