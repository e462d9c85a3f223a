#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace pb::cli {

// The exit codes are a contract with scripts (ARCHITECTURE.md, "Command line").
enum ExitCode : int { Success = 0, UsageError = 1, BadInput = 2, CannotOpen = 3 };

// playbook-cli: parses `VERB [options] [arguments]` and runs the verb against the same
// core the GUI uses. Results go to stdout, errors to stderr; --json for machines.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    Cli(QTextStream &out, QTextStream &err);
    int run(const QStringList &arguments);
    // The application object a verb needs, chosen once in main: QtCore for most verbs,
    // QtGui (fonts) for `proposal`, QtWidgets for `kpi chart` (QCustomPlot); the last two
    // on the offscreen platform, so no display is ever needed.
    enum class AppKind { Core, Gui, Widgets };
    static AppKind appKind(const QStringList &arguments);

private:
    int runNew(const QStringList &arguments);
    int runCheck(const QStringList &arguments);
    int runInfo(const QStringList &arguments);
    int runCandidates(const QStringList &arguments);
    int runCandidatesImport(const QStringList &arguments);
    int runCandidatesExport(const QStringList &arguments);
    int runRank(const QStringList &arguments);
    int runRaci(const QStringList &arguments);
    int runKpi(const QStringList &arguments);
    int runKpiChart(const QStringList &arguments); // CliKpiChart.cpp: needs a QApplication
    int runOverlap(const QStringList &arguments);  // CliOverlap.cpp
    int runTerms(const QStringList &arguments);    // CliProposal.cpp
    int runProposal(const QStringList &arguments); // CliProposal.cpp: needs a QGuiApplication
    QString usage() const;
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace pb::cli
