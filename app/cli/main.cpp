// The headless entry point: no display and no QtWidgets are needed.
#include "Cli.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Playbook Workbench"_s);
    QCoreApplication::setOrganizationDomain(u"playbook-workbench.org"_s);
    QCoreApplication::setApplicationName(u"playbook-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PLAYBOOK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    pb::cli::Cli cli(out, err);
    const int code = cli.run(app.arguments().mid(1));
    out.flush();
    err.flush();
    return code;
}
