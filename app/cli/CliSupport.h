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
// Parses a verb's arguments; returns false on --help (helpShown) or a usage error (error).
// A workbook and one of its candidates, named on the command line (the partner verbs).
struct PartnerWorkbook
{
    std::unique_ptr<store::Workbook> workbook;
    qint64 candidateId = 0;
    int exitCode = 0; // when workbook is null: why it stopped (the message is printed)
};
PartnerWorkbook openPartner(const QString &path, const QString &partner, bool readOnly,
                            QTextStream &err);
// Reads a whole input file; an empty string on success, else the message.
QString readInputFile(const QString &path, QByteArray &bytes);
// Writes an export to FILE through SafeFile, or to standard output for "-"; the exit code.
int writeExport(const QString &target, const QByteArray &bytes, QTextStream &out, QTextStream &err);
bool parseVerb(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
               int expectedPositional, QTextStream &out, QString *error, bool *helpShown);

} // namespace pb::cli
