#pragma once

#include "domain/Finding.h"
#include "store/StoreError.h"
#include "store/Workbook.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

namespace pb::cli {

// Shared by the verbs of playbook-cli.
int exitCodeFor(const store::StoreError &error);
QJsonValue lockJson(const store::LockHolder &holder);
void printJson(QTextStream &out, const QJsonObject &object);
// A finding as `check` and `kpi status` print it in JSON.
QJsonObject findingJson(const domain::Finding &finding);

// The history's changes as `history` and `merge` print them: a value (text quoted, bytes in
// hex, "(empty)"), one line ("Acme · candidates stage: "sourced" → "pilot""), JSON. names are
// the candidates' names by their lasting ids.
QJsonValue historyJsonValue(const QVariant &value);
QString historyValueText(const QVariant &value);
QString historyChangeLine(const domain::HistoryChange &change,
                          const QHash<QByteArray, QString> &names);
QJsonObject historyChangeJson(const domain::HistoryChange &change,
                              const QHash<QByteArray, QString> &names);

// A workbook opened for a verb. When it could not be, workbook is null, the message is
// printed to err and exitCode says why (CannotOpen, or BadInput for a partner not found).
// Opened for editing, its history names each step after the command line that made it.
struct OpenWorkbook
{
    std::unique_ptr<store::Workbook> workbook;
    std::unique_ptr<store::HistoryScope> step; // after workbook: it ends first
    int exitCode = 0;

    // Closes the workbook (the step that refers to it first).
    void close()
    {
        step.reset();
        workbook.reset();
    }
};
// Read-only: no lock is taken and nothing is written (check, info, exports, reports).
OpenWorkbook openReadOnly(const QString &path, QTextStream &err);
// For editing: locked while open, as the GUI would (imports, terms KEY=VALUE).
OpenWorkbook openForEditing(const QString &path, QTextStream &err);
enum class OpenMode { ReadOnly, Editing };
// A workbook and one of its candidates, named on the command line (the partner verbs).
struct PartnerWorkbook : OpenWorkbook
{
    qint64 candidateId = 0;
};
PartnerWorkbook openPartner(const QString &path, const QString &partner, OpenMode mode,
                            QTextStream &err);
// The WORKBOOK and PARTNER arguments of the partner verbs, for their help.
void addPartnerArguments(QCommandLineParser &parser);
// How many arguments are not options ("-" is one: standard output), for verbs whose last
// argument is optional (export WORKBOOK [FILE.csv|-]).
int bareArgumentCount(const QStringList &arguments);
// Reads a whole input file; an empty string on success, else the message.
QString readInputFile(const QString &path, QByteArray &bytes);
// Writes an export to FILE through SafeFile, or to standard output for "-"; the exit code.
int writeExport(const QString &target, const QByteArray &bytes, QTextStream &out, QTextStream &err);
// Parses a verb's arguments; returns false on --help (helpShown) or a usage error (error).
bool parseVerb(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
               int expectedPositional, QTextStream &out, QString *error, bool *helpShown);

} // namespace pb::cli
