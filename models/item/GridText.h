#pragma once

#include <QList>
#include <QModelIndexList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace pb::item {

// The text a spreadsheet puts on the clipboard for a block of cells, both ways: lines of
// tab-separated fields. Shared by the grids that copy and paste blocks (KPI values, costs,
// programme inputs), so that they read and write the same text.
namespace GridText {

// The block of cells a selection spans (rows top..bottom, columns left..right).
struct Block
{
    int top = 0, left = 0, bottom = -1, right = -1;
};
Block bounds(const QModelIndexList &indexes);

// The bounding block of the selected cells, by their edit values, one line per row.
QString copy(const QAbstractItemModel &model, const QModelIndexList &indexes);

// The rows of a pasted block, each a list of its fields; CRLF line ends and one final line
// end are accepted.
QList<QStringList> rows(const QString &text);

} // namespace GridText

} // namespace pb::item
