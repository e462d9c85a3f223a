// The GUI entry point: opens the workbook named on the command line, or the sample.
#include "io/SampleWorkbook.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Playbook Workbench"_s);
    QApplication::setOrganizationDomain(u"playbook-workbench.org"_s);
    QApplication::setApplicationName(u"Playbook Workbench"_s);
    QApplication::setApplicationDisplayName(u"Playbook Workbench"_s);
    QApplication::setApplicationVersion(QStringLiteral(PLAYBOOK_VERSION));
    QApplication::setDesktopFileName(u"playbook-workbench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Partnership playbook workbench."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"workbook"_s,
        QApplication::translate("main", "The .playbook file to open (default: the sample)."));
    parser.process(app);

    pb::ui::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    // Open once the event loop runs, so questions about locks appear over a visible window.
    QTimer::singleShot(0, &window, [&window, files] {
        if (!files.isEmpty())
            window.openWorkbook(files.first());
        else
            window.openSample();
    });
    return app.exec();
}
