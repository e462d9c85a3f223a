#include "HistoryPanel.h"

#include "AppSettings.h"
#include "item/HistoryModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

HistoryPanel::HistoryPanel(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(new item::HistoryModel(editor->workbook(), this))
    , m_view(new QTreeView(this))
{
    m_view->setModel(m_model);
    m_view->setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(item::HistoryModel::What, QHeaderView::Stretch);
    // Docked beside a work area the panel is narrow: the author and the values are in What.
    m_view->setIndentation(fontMetrics().horizontalAdvance(u'M'));
    m_view->header()->setSectionResizeMode(item::HistoryModel::When,
                                           QHeaderView::ResizeToContents);
    m_view->setColumnHidden(item::HistoryModel::Author, true);
    m_view->setColumnHidden(item::HistoryModel::Before, true);
    m_view->setColumnHidden(item::HistoryModel::After, true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateActions);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createFilterRow());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(createActionRow());
    m_editor->workbook()->setAuthor(authorName());
    updateActions();
}

QWidget *HistoryPanel::createFilterRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(row);
    m_filter->setPlaceholderText(tr("All candidates"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Type a candidate's name and press Enter to see only the changes to "
                            "it and its partnership; clear it to see every change."));
    m_completer = new QCompleter(new QStringListModel(row), row);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_filter->setCompleter(m_completer);
    connect(m_filter, &QLineEdit::returnPressed, this,
            [this] { filterByCandidate(m_filter->text().trimmed()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            filterByCandidate({});
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { filterByCandidate(name); });
    layout->addWidget(new QLabel(tr("Candidate:"), row));
    layout->addWidget(m_filter, 1);
    return row;
}

// Two short rows, so that the panel stays narrow beside a work area on a laptop: who you
// appear as, then Revert This Change.
QWidget *HistoryPanel::createActionRow()
{
    auto *rows = new QWidget(this);
    auto *layout = new QGridLayout(rows);
    layout->setContentsMargins(0, 0, 0, 0);
    m_author = new QLabel(rows);
    m_author->setWordWrap(true);
    m_author->setText(tr("You appear as <b>%1</b>").arg(authorName().toHtmlEscaped()));
    auto *rename = new QPushButton(tr("Your Name…"), rows);
    rename->setToolTip(tr("The name your changes carry in the history, here and in the copies "
                          "you send to colleagues."));
    connect(rename, &QPushButton::clicked, this, &HistoryPanel::changeAuthor);
    m_revert = new QPushButton(tr("&Revert This Change"), rows);
    m_revert->setToolTip(tr("Put back the value this change replaced, as a new change that "
                            "Undo takes back."));
    connect(m_revert, &QPushButton::clicked, this, [this] {
        const QString why = revertCurrent();
        m_status->setVisible(!why.isEmpty());
        m_status->setText(why);
        if (why.isEmpty())
            emit statusMessage(tr("Change reverted."));
    });
    layout->addWidget(m_author, 0, 0);
    layout->addWidget(rename, 0, 1);
    layout->addWidget(m_revert, 1, 1);
    layout->setColumnStretch(0, 1);
    return rows;
}

void HistoryPanel::updateActions()
{
    const item::HistoryModel *model = m_model;
    const QModelIndex current = m_view->currentIndex();
    const domain::HistoryChange *change = model->change(current);
    m_revert->setEnabled(change && change->op == domain::HistoryOp::Change &&
                         !m_editor->workbook()->isReadOnly());
}

bool HistoryPanel::filterByCandidate(const QString &name)
{
    m_status->hide();
    if (name.isEmpty()) {
        m_model->setOwner({});
        return true;
    }
    // By the names the history knows: a removed candidate's changes can be looked at too.
    const QHash<QByteArray, QString> names = m_editor->workbook()->candidateNamesByUid();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.value().compare(name, Qt::CaseInsensitive) == 0) {
            m_model->setOwner(it.key());
            return true;
        }
    }
    m_status->setText(tr("There is no candidate named \"%1\".").arg(name));
    m_status->show();
    return false;
}

QString HistoryPanel::revertCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const domain::HistoryStep *step = m_model->step(current);
    const domain::HistoryChange *change = m_model->change(current);
    if (!step || !change)
        return tr("Choose one change (a line under a step) to revert.");
    // Copies: the revert reloads the model, which owns both.
    const domain::HistoryStep stepCopy = *step;
    const domain::HistoryChange changeCopy = *change;
    return m_editor->revertChange(stepCopy, changeCopy);
}

void HistoryPanel::loadNames()
{
    QStringList names = m_editor->workbook()->candidateNamesByUid().values();
    names.sort(Qt::CaseInsensitive);
    static_cast<QStringListModel *>(m_completer->model())->setStringList(names);
}

void HistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setLive(true);
    loadNames();
}

void HistoryPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setLive(false);
}

QString HistoryPanel::authorName()
{
    const QString name = AppSettings::value(AppSettings::Key::AuthorName).toString().trimmed();
    return name.isEmpty() ? domain::systemUserName() : name;
}

void HistoryPanel::setAuthorName(const QString &name)
{
    AppSettings::setValue(AppSettings::Key::AuthorName, name.trimmed());
}

void HistoryPanel::changeAuthor()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Your Name"), tr("The name your changes carry in the history:"),
        QLineEdit::Normal, authorName(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    setAuthorName(name);
    m_editor->workbook()->setAuthor(name);
    m_author->setText(tr("You appear as <b>%1</b>").arg(name.trimmed().toHtmlEscaped()));
}

} // namespace pb::ui
