#pragma once

#include "LifecycleData.h"

#include <QAbstractTableModel>
#include <QDate>

namespace pb::store {
struct Change;
}

namespace pb::item {

class WorkbookEditor;

// One checklist of one partnership (its contract essentials, enablement kit or exit) as a
// table: item, status, date, note. Items the terms hold show the terms' value and are agreed
// until the user says otherwise. Every edit goes through the editor as one undo step, and the
// model follows the store's notifier (checklist, terms and candidate changes), so an undo or a
// `playbook-cli checklist` shows at once. The Lifecycle view shows one per kind.
class ChecklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ItemColumn, StatusColumn, DateColumn, NoteColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // the item's stable key
        StatusRole,                 // its status id ("agreed")
        ByTermsRole,                // agreed because the terms hold it
    };

    ChecklistModel(WorkbookEditor *editor, domain::ChecklistKind kind, QObject *parent = nullptr);

    domain::ChecklistKind kind() const { return m_kind; }
    void setCandidate(qint64 candidateId);
    qint64 candidateId() const { return m_candidateId; }
    const QList<domain::ChecklistRow> &rows() const;
    domain::ChecklistProgress progress() const;
    // "Today" for the dates a status sets; tests fix it.
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    void setToday(const QDate &today) { m_today = today; }

    // The edits, each one undo step; an empty string, or why nothing changed.
    QString setStatus(int row, domain::ItemStatus status);
    // The next (step 1) or previous (step -1) status of the kind's cycle.
    QString cycleStatus(int row, int step);
    QString setDate(int row, const QDate &date);
    QString setNote(int row, const QString &note);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // An edit was refused; the message says why.
    void editRefused(const QString &message);

private:
    void reload();
    void onChange(const store::Change &change);
    QString write(int row, const domain::ChecklistItem &item, const QString &stepName);
    QVariant displayData(const domain::ChecklistRow &row, int column) const;

    WorkbookEditor *m_editor;
    domain::ChecklistKind m_kind;
    qint64 m_candidateId = 0;
    std::optional<LifecycleData> m_data;
    QDate m_today;
};

} // namespace pb::item
