#include "Merge.h"

#include <array>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

struct ConflictKindInfo
{
    MergeConflictKind kind;
    const char16_t *id;
    const char *text;
};

constexpr std::array kConflictKinds = {
    ConflictKindInfo{MergeConflictKind::ChangedOnBoth, u"changed-on-both",
                     QT_TRANSLATE_NOOP("Merge", "Changed differently in both copies")},
    ConflictKindInfo{MergeConflictKind::RemovedByUsChangedByThem, u"removed-here-changed-there",
                     QT_TRANSLATE_NOOP("Merge", "Removed here, changed in their copy")},
    ConflictKindInfo{MergeConflictKind::ChangedByUsRemovedByThem, u"changed-here-removed-there",
                     QT_TRANSLATE_NOOP("Merge", "Changed here, removed in their copy")},
    ConflictKindInfo{MergeConflictKind::AddedOnBoth, u"added-on-both",
                     QT_TRANSLATE_NOOP("Merge", "Added in both copies under the same name")},
};

constexpr std::array<const char16_t *, 2> kSides = {u"ours", u"theirs"};

} // namespace

QString mergeSideId(MergeSide side)
{
    return QString::fromUtf16(kSides[size_t(side)]);
}

std::optional<MergeSide> mergeSideFromId(const QString &id)
{
    for (size_t i = 0; i < kSides.size(); ++i) {
        if (id == QStringView(kSides[i]))
            return MergeSide(i);
    }
    return std::nullopt;
}

QString mergeConflictKindId(MergeConflictKind kind)
{
    return QString::fromUtf16(kConflictKinds[size_t(kind)].id);
}

QString mergeConflictKindText(MergeConflictKind kind)
{
    return QCoreApplication::translate("Merge", kConflictKinds[size_t(kind)].text);
}

QString MergeConflict::key() const
{
    return entity + u'/' + QString::fromLatin1(record.toHex()) + u'/' + field;
}

qsizetype MergeReport::openConflicts() const
{
    return std::count_if(conflicts.cbegin(), conflicts.cend(),
                          [](const MergeConflict &c) { return !c.resolution; });
}

} // namespace pb::domain
