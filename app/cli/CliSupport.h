#pragma once

#include "models/domain/Finding.h"
#include "models/store/StoreError.h"

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
bool parseVerb(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
               int expectedPositional, QTextStream &out, QString *error, bool *helpShown);

} // namespace pb::cli
