#include "GridText.h"

#include <QAbstractItemModel>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace pb::item::GridText {

Block bounds(const QModelIndexList &indexes)
{
    if (indexes.isEmpty())
        return {};
    Block block{INT_MAX, INT_MAX, -1, -1};
    for (const QModelIndex &index : indexes) {
        block.top = std::min(block.top, index.row());
        block.bottom = std::max(block.bottom, index.row());
        block.left = std::min(block.left, index.column());
        block.right = std::max(block.right, index.column());
    }
    return block;
}

QString copy(const QAbstractItemModel &model, const QModelIndexList &indexes)
{
    if (indexes.isEmpty())
        return {};
    const Block block = bounds(indexes);
    QStringList lines;
    for (int r = block.top; r <= block.bottom; ++r) {
        QStringList fields;
        for (int c = block.left; c <= block.right; ++c)
            fields.append(model.data(model.index(r, c), Qt::EditRole).toString());
        lines.append(fields.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

QList<QStringList> rows(const QString &text)
{
    QString body = text;
    body.replace(u"\r\n"_s, u"\n"_s);
    if (body.endsWith(u'\n'))
        body.chop(1);
    QList<QStringList> result;
    for (const QString &line : body.split(u'\n'))
        result.append(line.split(u'\t'));
    return result;
}

} // namespace pb::item::GridText
