#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

namespace pb::store {

// What changed in a workbook: which kind of record, which records, which fields.
struct Change
{
    enum class Entity {
        Settings,
        Candidate,
        Partnership,
        Kpi,
        Raci,
        Proposal,
        Programme, // costs and programme inputs; ids: the candidates whose costs changed
        Checklist, // ids: the candidates; fields: the kinds ("contract", "enablement", "exit")
    };
    enum class Kind { Inserted, Updated, Removed, Reset };

    Entity entity = Entity::Settings;
    Kind kind = Kind::Updated;
    QList<qint64> ids; // for Raci: the candidate ids whose grid changed
    QStringList fields;
};

// The one place a workbook announces its changes. Every item model, chart and preview
// listens here, so after an edit, an undo or an import they never disagree.
class WorkbookNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void changed(const pb::store::Change &change);
};

} // namespace pb::store
