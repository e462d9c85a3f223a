#include "MonthGridModel.h"

#include "GridText.h"
#include "domain/Kpi.h"

#include <QLocale>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace pb::item {

namespace {
QList<QDate> sortedUnique(QList<QDate> months)
{
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    return months;
}
} // namespace

QString MonthGridModel::monthText(const QDate &month)
{
    return month.toString(u"yyyy-MM"_s);
}

void MonthGridModel::endMonthsReset()
{
    m_months = sortedUnique(dataMonths());
    endResetModel();
}

void MonthGridModel::followMonths()
{
    for (const QDate &month : sortedUnique(dataMonths()))
        addMonth(month);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int MonthGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_months.size());
}

int MonthGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns();
}

int MonthGridModel::rowOf(const QDate &month) const
{
    const auto at = std::lower_bound(m_months.cbegin(), m_months.cend(), month);
    return at != m_months.cend() && *at == month ? int(at - m_months.cbegin()) : -1;
}

int MonthGridModel::addMonth(const QDate &month)
{
    if (!month.isValid())
        return -1;
    const QDate first(month.year(), month.month(), 1);
    const auto at = std::lower_bound(m_months.begin(), m_months.end(), first);
    const int row = int(at - m_months.begin());
    if (at != m_months.end() && *at == first)
        return row;
    beginInsertRows({}, row, row);
    m_months.insert(row, first);
    endInsertRows();
    return row;
}

QDate MonthGridModel::suggestedNextMonth(const QDate &today) const
{
    return m_months.isEmpty() ? QDate(today.year(), today.month(), 1)
                              : m_months.constLast().addMonths(1);
}

QVariant MonthGridModel::cellData(const QDate &month, int column, int role) const
{
    const std::optional<double> amount = value(month, column);
    if (role == Qt::DisplayRole)
        return amount ? QLocale().toString(*amount, 'f', 0) : QVariant();
    return {};
}

QVariant MonthGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate month = m_months.at(index.row());
    switch (role) {
    case Qt::EditRole: {
        const std::optional<double> amount = value(month, index.column());
        return amount ? domain::kpiNumberText(*amount) : QString();
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return cellData(month, index.column(), role);
    }
}

QVariant MonthGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_months.size() ? monthText(m_months.at(section))
                                                         : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    return role == Qt::ToolTipRole ? columnTip(section) : columnTitle(section);
}

Qt::ItemFlags MonthGridModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool MonthGridModel::parseAmount(const QString &text, std::optional<double> *amount, QString *why)
{
    amount->reset();
    if (text.trimmed().isEmpty())
        return true;
    *amount = domain::parseKpiNumber(text.trimmed(), why);
    if (*amount && **amount < 0) {
        *why = tr("an amount is zero or more");
        amount->reset();
        return false;
    }
    return amount->has_value();
}

bool MonthGridModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QDate month = m_months.at(index.row());
    const QString name = columnTitle(index.column()).replace(u'\n', u' ');
    std::optional<double> amount;
    QString why;
    if (!parseAmount(value.toString(), &amount, &why)) {
        emit editRefused(tr("%1, %2: %3.").arg(name, monthText(month), why));
        return false;
    }
    const QString error = write({{month, index.column(), amount}},
                                tr("Set %1 for %2").arg(name.toLower(), monthText(month)));
    if (!error.isEmpty()) {
        emit editRefused(error);
        return false;
    }
    return true;
}

QString MonthGridModel::paste(const QModelIndex &topLeft, const QString &text)
{
    if (!topLeft.isValid() || columnCount() == 0)
        return tr("Select the cell where the pasted values should start.");
    const QList<QStringList> lines = GridText::rows(text);
    QList<Cell> cells;
    QList<QDate> newMonths;
    QDate month = m_months.at(topLeft.row());
    for (qsizetype line = 0; line < lines.size(); ++line) {
        if (line > 0) {
            const int row = topLeft.row() + int(line);
            month = row < m_months.size() ? m_months.at(row) : month.addMonths(1);
            if (row >= m_months.size())
                newMonths.append(month);
        }
        const QStringList &fields = lines.at(line);
        if (topLeft.column() + fields.size() > columnCount())
            return tr("The pasted block is %1 column(s) wide; only %2 column(s) are to the right "
                      "of the selected cell.")
                .arg(fields.size())
                .arg(columnCount() - topLeft.column());
        for (qsizetype c = 0; c < fields.size(); ++c) {
            const int column = topLeft.column() + int(c);
            std::optional<double> amount;
            QString why;
            if (!parseAmount(fields.at(c), &amount, &why))
                return tr("Nothing was pasted: row %1, column %2 (%3, %4): %5.")
                    .arg(line + 1)
                    .arg(c + 1)
                    .arg(columnTitle(column).replace(u'\n', u' '), monthText(month), why);
            cells.append({month, column, amount});
        }
    }
    for (const QDate &added : std::as_const(newMonths))
        addMonth(added);
    return write(cells, tr("Paste %1 value(s)").arg(cells.size()));
}

QString MonthGridModel::copy(const QModelIndexList &indexes) const
{
    return GridText::copy(*this, indexes);
}

QString MonthGridModel::clear(const QModelIndexList &indexes)
{
    QList<Cell> cells;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this)
            cells.append({m_months.at(index.row()), index.column(), std::nullopt});
    }
    if (cells.isEmpty())
        return {};
    return write(cells, tr("Clear %1 value(s)").arg(cells.size()));
}

} // namespace pb::item
