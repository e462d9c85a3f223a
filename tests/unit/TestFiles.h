#pragma once

// Small helpers shared by the test suites: fingerprints that prove a file was left
// byte-for-byte unchanged, and paths to the built programs.
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace pb::test {

struct Fingerprint
{
    QByteArray hash;
    qint64 size = -1;
    QDateTime modified;
    friend bool operator==(const Fingerprint &, const Fingerprint &) = default;
};

inline Fingerprint fingerprint(const QString &path)
{
    Fingerprint print;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        print.hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        print.size = file.size();
    }
    print.modified = QFileInfo(path).lastModified();
    return print;
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Files beside path other than path itself (journals, lock files, temporaries).
inline QStringList siblings(const QString &path)
{
    const QFileInfo info(path);
    QStringList names = info.absoluteDir().entryList(QDir::Files | QDir::Hidden | QDir::System);
    names.removeAll(info.fileName());
    return names;
}

inline QString builtProgram(const QString &relative)
{
    return QDir(QStringLiteral(PLAYBOOK_BINARY_DIR)).filePath(relative);
}

// Starts the lock-holder helper on path and waits until it holds the lock.
inline bool startLockHolder(QProcess &process, const QString &path)
{
    process.start(builtProgram(QStringLiteral("tests/lockholder")), {path});
    if (!process.waitForStarted(10000))
        return false;
    while (process.state() == QProcess::Running && !process.canReadLine())
        process.waitForReadyRead(10000);
    return process.readLine().trimmed() == "locked";
}

} // namespace pb::test
