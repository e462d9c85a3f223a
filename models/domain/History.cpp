#include "History.h"

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
