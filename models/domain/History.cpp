#include "History.h"

#include "CandidateField.h"

#include <array>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

struct KindInfo
{
    HistoryKind kind;
    const char16_t *id;
    const char *displayName;
};

constexpr std::array kKinds = {
    KindInfo{HistoryKind::Edit, u"edit", QT_TRANSLATE_NOOP("History", "Edit")},
    KindInfo{HistoryKind::Undo, u"undo", QT_TRANSLATE_NOOP("History", "Undo")},
    KindInfo{HistoryKind::Redo, u"redo", QT_TRANSLATE_NOOP("History", "Redo")},
    KindInfo{HistoryKind::Import, u"import", QT_TRANSLATE_NOOP("History", "Import")},
    KindInfo{HistoryKind::Merge, u"merge", QT_TRANSLATE_NOOP("History", "Merge")},
    KindInfo{HistoryKind::Revert, u"revert", QT_TRANSLATE_NOOP("History", "Revert")},
};

constexpr std::array<const char16_t *, 3> kOps = {u"add", u"change", u"remove"};

struct EntityInfo
{
    const char16_t *entity;
    const char *displayName;
};

constexpr std::array kEntities = {
    EntityInfo{u"candidates", QT_TRANSLATE_NOOP("History", "Candidate")},
    EntityInfo{u"partnerships", QT_TRANSLATE_NOOP("History", "Partnership")},
    EntityInfo{u"kpis", QT_TRANSLATE_NOOP("History", "KPI")},
    EntityInfo{u"kpi_values", QT_TRANSLATE_NOOP("History", "KPI value")},
    EntityInfo{u"raci_parties", QT_TRANSLATE_NOOP("History", "RACI party")},
    EntityInfo{u"raci_activities", QT_TRANSLATE_NOOP("History", "RACI activity")},
    EntityInfo{u"raci_cells", QT_TRANSLATE_NOOP("History", "RACI cell")},
    EntityInfo{u"reviews", QT_TRANSLATE_NOOP("History", "Review")},
    EntityInfo{u"proposals", QT_TRANSLATE_NOOP("History", "Proposal and terms")},
    EntityInfo{u"ratings", QT_TRANSLATE_NOOP("History", "Rating")},
    EntityInfo{u"overlap_evidence", QT_TRANSLATE_NOOP("History", "Audience overlap")},
    EntityInfo{u"checklist_items", QT_TRANSLATE_NOOP("History", "Checklist item")},
    EntityInfo{u"costs", QT_TRANSLATE_NOOP("History", "Cost")},
    EntityInfo{u"programme_inputs", QT_TRANSLATE_NOOP("History", "Programme month")},
    EntityInfo{u"settings", QT_TRANSLATE_NOOP("History", "Workbook setting")},
    EntityInfo{u"images", QT_TRANSLATE_NOOP("History", "Picture")},
};

} // namespace

QString historyKindId(HistoryKind kind)
{
    return QString::fromUtf16(kKinds[size_t(kind)].id);
}

std::optional<HistoryKind> historyKindFromId(const QString &id)
{
    for (const KindInfo &info : kKinds) {
        if (id == QStringView(info.id))
            return info.kind;
    }
    return std::nullopt;
}

QString historyKindDisplayName(HistoryKind kind)
{
    return QCoreApplication::translate("History", kKinds[size_t(kind)].displayName);
}

QString historyOpId(HistoryOp op)
{
    return QString::fromUtf16(kOps[size_t(op)]);
}

std::optional<HistoryOp> historyOpFromId(const QString &id)
{
    for (size_t i = 0; i < kOps.size(); ++i) {
        if (id == QStringView(kOps[i]))
            return HistoryOp(i);
    }
    return std::nullopt;
}

QString historyEntityDisplayName(const QString &entity)
{
    for (const EntityInfo &info : kEntities) {
        if (entity == QStringView(info.entity))
            return QCoreApplication::translate("History", info.displayName);
    }
    return entity;
}

QString historyFieldDisplayName(const QString &entity, const QString &field)
{
    if (entity == u"candidates" || entity == u"ratings") {
        for (int f = 0; f < kCandidateFieldCount; ++f) {
            if (CandidateFields::columnName(CandidateField(f)) == field)
                return CandidateFields::displayName(CandidateField(f));
        }
    }
    QString words = field;
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString sampleAuthor()
{
    return u"Playbook Workbench"_s;
}

QString systemUserName()
{
    // The one place that asks the platform who is logged in: USER on macOS and Linux,
    // USERNAME on Windows.
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QCoreApplication::translate("History", "unknown");
}

} // namespace pb::domain
