#pragma once

#include <QList>
#include <QString>

namespace pb::domain {

// One result of `check`: a stable code for scripts (`raci.no_accountable`), how serious it
// is, what it is about and a sentence for people. Every capability adds its own codes.
struct Finding
{
    enum class Severity { Info, Warning, Error };

    QString code;
    Severity severity = Severity::Warning;
    QString subject;
    QString message;
    // Where it applies, when it does: the partnership (candidate name), the activity and
    // the party of a RACI grid, the KPI, the field (a `terms` key, a settings key or a
    // column), and for a value read from the file its table and record.
    QString partner;
    QString activity;
    QString party;
    QString kpi;
    QString field;
    QString table;
    QString record;

    friend bool operator==(const Finding &, const Finding &) = default;
};

using Findings = QList<Finding>;

QString severityId(Finding::Severity severity);

} // namespace pb::domain
