#pragma once

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace pb::item {
class HistoryModel;
class WorkbookEditor;
} // namespace pb::item

namespace pb::ui {

// The History panel (View → History): the workbook's changes newest first, each step with
// its changes (what, before, after), filtered by candidate, with Revert This Change, and the
// name the user's own changes carry.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(item::WorkbookEditor *editor, QWidget *parent = nullptr);

    item::HistoryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // Shows only the changes to the candidate of that name (empty: all); false if there is
    // no such candidate.
    bool filterByCandidate(const QString &name);
    // Reverts the change of the current row; the reason when it cannot be.
    QString revertCurrent();

    // The name the user's changes carry (the preference; the login name by default).
    static QString authorName();
    static void setAuthorName(const QString &name);

signals:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *createFilterRow();
    QWidget *createActionRow();
    void updateActions();
    void loadNames();
    void changeAuthor();

    item::WorkbookEditor *m_editor;
    item::HistoryModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_filter = nullptr;
    QCompleter *m_completer = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_author = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace pb::ui
