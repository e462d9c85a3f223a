// The headless entry point: no display is needed. Every verb runs under a QCoreApplication
// except `proposal` (fonts: QGuiApplication) and `kpi chart` (QtWidgets: QApplication),
// both on the offscreen platform; the choice is made here, once, by verb.
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
    using AppKind = pb::cli::Cli::AppKind;
    const AppKind kind = pb::cli::Cli::appKind(arguments);
    if (kind != AppKind::Core && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (kind == AppKind::Widgets)
        app = std::make_unique<QApplication>(argc, argv);
    else if (kind == AppKind::Gui)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
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
