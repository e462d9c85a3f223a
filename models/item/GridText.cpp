#include "GridText.h"

#include <QAbstractItemModel>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace pb::item::GridText {

QString copy(const QAbstractItemModel &model, const QModelIndexList &indexes)
{
    if (indexes.isEmpty())
        return {};
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex &index : indexes) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList fields;
        for (int c = left; c <= right; ++c)
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
