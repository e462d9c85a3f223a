#pragma once

#include "CliSupport.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>
#include <span>

namespace pb::cli {

// The exit codes are a contract with scripts (ARCHITECTURE.md, "Command line").
enum ExitCode : int { Success = 0, UsageError = 1, BadInput = 2, CannotOpen = 3 };

// playbook-cli: parses `VERB [ACTION] [options] [arguments]` and runs the verb against the
// same core the GUI uses. One function per verb (and action), all named in one table that
// dispatch, the help and main()'s choice of application object read. Results go to stdout,
// errors to stderr; --json for machines.
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
    using Handler = int (Cli::*)(const QStringList &arguments);
    // One row of the verb table. A verb with actions (kpi import, kpi export, …) has one row
    // per action, in the order the help lists them.
    struct Verb
    {
        const char *name;
        const char *action; // nullptr for a verb without actions
        Handler run;        // given the arguments after the verb (and action)
        AppKind app;
        const char *synopsis; // after "playbook-cli ", as the help shows it
        const char *summary;  // the help's description; "\n" continues it on a new line
    };
    static std::span<const Verb> verbs();
    static const Verb *find(const QString &name, const QString &action);

    int runNew(const QStringList &arguments);
    int runCheck(const QStringList &arguments);
    int runInfo(const QStringList &arguments);
    // CliHistory.cpp
    int runHistory(const QStringList &arguments);
    int runMerge(const QStringList &arguments);
    void printMergeReport(const domain::MergeReport &report,
                          const QHash<QByteArray, QString> &names);
    // CliSettings.cpp
    int runSettings(const QStringList &arguments);
    int printSettings(const store::Workbook &workbook, bool json);
    // CliCandidates.cpp
    int runCandidatesImport(const QStringList &arguments);
    int runCandidatesExport(const QStringList &arguments);
    int runRank(const QStringList &arguments);
    // CliRaci.cpp
    int runRaciImport(const QStringList &arguments);
    int runRaciExport(const QStringList &arguments);
    // CliKpi.cpp
    int runKpiImport(const QStringList &arguments);
    int runKpiExport(const QStringList &arguments);
    int runKpiStatus(const QStringList &arguments);
    int runKpiChart(const QStringList &arguments); // CliKpiChart.cpp: needs a QApplication
    // CliOverlap.cpp
    int runOverlapKeygen(const QStringList &arguments);
    int runOverlapPrepare(const QStringList &arguments);
    int runOverlapCompare(const QStringList &arguments);
    std::optional<int> overlapTarget(const QCommandLineParser &parser, const QString &action,
                                     QString *target);
    int writeOverlapFile(const QString &target, const QByteArray &bytes);
    // CliProgramme.cpp
    int runProgramme(const QStringList &arguments);
    int runCostsImport(const QStringList &arguments);
    int runCostsExport(const QStringList &arguments);
    // CliProposal.cpp
    int runTerms(const QStringList &arguments);
    int runProposal(const QStringList &arguments); // needs a QGuiApplication
    // CliStructure.cpp
    int runStructure(const QStringList &arguments);
    // CliLifecycle.cpp
    int runChecklist(const QStringList &arguments);
    int runReview(const QStringList &arguments);

    int runActions(const QString &verb, const QStringList &arguments);
    QString usage() const;
    QString actionsUsage(const QString &verb) const;
    int usageError(const QString &message);
    // Parses a verb's arguments (expecting that many positional ones): nullopt to go on,
    // else the exit code (its --help was shown, or a usage error was printed).
    std::optional<int> parse(QCommandLineParser &parser, const QString &verb,
                             const QStringList &arguments, int positional);
    // A partner import (kpi import, raci import): WORKBOOK PARTNER FILE parsed, the file read,
    // the partner's workbook opened for editing. nullopt to go on, else the exit code.
    struct PartnerImport
    {
        QString label; // the file, for messages
        QByteArray bytes;
        QString sheet; // --sheet, for an .xlsx file
        PartnerWorkbook opened;
    };
    std::optional<int> startPartnerImport(QCommandLineParser &parser, const QString &verb,
                                          const QStringList &arguments, PartnerImport &import);
    // A partner export (kpi, raci, costs export): WORKBOOK PARTNER [FILE] parsed (FILE
    // defaults to "-", stdout), the partner's workbook opened read-only. nullopt to go on,
    // else the exit code.
    struct PartnerExport
    {
        QString target; // the file, or "-"
        PartnerWorkbook opened;
    };
    std::optional<int> startPartnerExport(QCommandLineParser &parser, const QString &verb,
                                          const QStringList &arguments, PartnerExport &exported);
    // --sheet NAME of the imports; nullopt to go on, else the usage error's exit code (a
    // sheet named for a file that is not a workbook).
    static QCommandLineOption sheetOption();
    std::optional<int> checkSheet(const QCommandLineParser &parser, const QString &file,
                                  const QByteArray &bytes, QString *sheet);
    // The end of an export to a file: the exit code for save's result (empty: success).
    int saved(const QString &error);
    // Prints message to stderr; the exit code.
    int fail(const QString &message, int code = BadInput);
    // Prints an import's errors and that nothing was changed; BadInput.
    int refuseImport(const QStringList &errors);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace pb::cli
