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
    // Whether the arguments name the one verb that draws with QtWidgets (`kpi chart`): main
    // then creates a QApplication on the offscreen platform instead of a QCoreApplication.
    static bool needsWidgets(const QStringList &arguments);

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
    QString usage() const;
    int usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace pb::cli
