#pragma once

// Runs the built playbook-cli as a user would, for the end-to-end tests of tests/cli.
#include "unit/TestFiles.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace pb::test {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// playbook-cli with these arguments, with no display at all (proving the CLI needs none).
inline Run runCli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(builtProgram(QStringLiteral("app/playbook-cli")), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace pb::test
