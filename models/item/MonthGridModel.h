#pragma once

#include <QAbstractTableModel>
#include <QDate>

#include <optional>

namespace pb::item {

// A grid of amounts by month, one row per month (oldest first) and a column per kind of
// amount, made for the keyboard: typing a number sets a cell, clearing it removes the value,
// a block pasted from a spreadsheet is written all or nothing, and each edit or paste is one
// undo step. The Programme area's costs grid (CostsModel) and programme-inputs grid
// (ProgrammeInputsModel) are two of these; a subclass says which months and columns there are,
// what a cell holds and shows, and writes edits through the editor. Rows appear in place as
// the data grows and never vanish while the same record is shown, so the cell being edited
// stays put.
class MonthGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // One cell: a month's value in a column, or none to clear it.
    struct Cell
    {
        QDate month;
        int column = 0;
        std::optional<double> value;
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QDate month(int row) const { return m_months.value(row); }
    int rowOf(const QDate &month) const;
    // Adds an empty row for a month (its first day; no-op when it is there); its row.
    int addMonth(const QDate &month);
    // The month after the last row, or this month when there is none.
    QDate suggestedNextMonth(const QDate &today) const;

    // Pastes tab-separated rows with topLeft as the first cell; rows beyond the last month
    // continue with the following months. All or nothing: the first bad cell refuses the
    // paste, naming it. Empty cells clear values. Returns why it was refused, or "".
    QString paste(const QModelIndex &topLeft, const QString &text);
    // The cells of the rectangle as tab-separated plain numbers.
    QString copy(const QModelIndexList &indexes) const;
    QString clear(const QModelIndexList &indexes);

signals:
    void editRefused(const QString &message);

protected:
    // What a subclass provides.
    virtual int columns() const = 0;
    virtual bool isEditable() const = 0;
    // The months the data holds (sorted or not).
    virtual QList<QDate> dataMonths() const = 0;
    // The value entered in a cell, if any.
    virtual std::optional<double> value(const QDate &month, int column) const = 0;
    virtual QString columnTitle(int column) const = 0;
    virtual QString columnTip(int column) const { return columnTitle(column); }
    // The cell as people read it; by default the value as a plain number.
    virtual QVariant cellData(const QDate &month, int column, int role) const;
    virtual QString write(const QList<Cell> &cells, const QString &stepName) = 0;

    // For subclasses: start again with the data's months (another record: between
    // beginResetModel() and the change, and endMonthsReset() after it), or take in new months in
    // place and repaint (the same record, changed).
    void endMonthsReset();
    void followMonths();
    static QString monthText(const QDate &month);

private:
    // A typed or pasted number: empty for none; false (why set) when it is not an amount.
    static bool parseAmount(const QString &text, std::optional<double> *amount, QString *why);

    QList<QDate> m_months;
};

} // namespace pb::item
