// The GUI entry point: hands the files to a running app if there is one; otherwise opens the
// workbooks named on the command line, or the sample.
#include "SingleInstance.h"
#include "WindowRouter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(u":/playbook/icons/png/playbook-workbench-%1.png"_s.arg(size),
                     QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Playbook Workbench"_s);
    QApplication::setOrganizationDomain(u"playbook-workbench.org"_s);
    QApplication::setApplicationName(u"Playbook Workbench"_s);
    QApplication::setApplicationDisplayName(u"Playbook Workbench"_s);
    QApplication::setApplicationVersion(QStringLiteral(PLAYBOOK_VERSION));
    QApplication::setDesktopFileName(u"org.playbook_workbench.PlaybookWorkbench"_s);
    QApplication::setWindowIcon(applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Partnership playbook workbench."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption newInstance(
        u"new-instance"_s,
        QApplication::translate("main", "Start a separate app even when one is running."));
    parser.addOption(newInstance);
    parser.addPositionalArgument(
        u"workbook"_s,
        QApplication::translate("main", "The .playbook files to open (default: the sample)."),
        u"[workbook...]"_s);
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    pb::ui::SingleInstance instance;
    if (!parser.isSet(newInstance)) {
        if (instance.sendToRunning(files))
            return 0;
        instance.listen();
    }
    pb::ui::WindowRouter router;
    // Queued: opening may ask about a lock, which must not happen inside the socket's signal.
    QObject::connect(&instance, &pb::ui::SingleInstance::filesReceived, &router,
                     &pb::ui::WindowRouter::openFiles, Qt::QueuedConnection);
    // Open once the event loop runs, so questions about locks appear over a visible window.
    QTimer::singleShot(0, &router, [&router, files] { router.start(files); });
    return app.exec();
}
