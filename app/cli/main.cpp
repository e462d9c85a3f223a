// The headless entry point: no display is needed. Every verb runs under a QCoreApplication
// except `kpi chart`, which draws with QtWidgets under a QApplication on the offscreen
// platform; the choice is made here, once, by verb.
#include "Cli.h"

#include <QApplication>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (pb::cli::Cli::needsWidgets(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(u"Playbook Workbench"_s);
    QCoreApplication::setOrganizationDomain(u"playbook-workbench.org"_s);
    QCoreApplication::setApplicationName(u"playbook-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PLAYBOOK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    pb::cli::Cli cli(out, err);
    const int code = cli.run(QCoreApplication::arguments().mid(1));
    out.flush();
    err.flush();
    return code;
}
