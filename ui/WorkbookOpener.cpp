#include "WorkbookOpener.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>

using pb::store::OpenOptions;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::ui {

namespace {
WorkbookOpener::LockQuestion &scriptedLockQuestion()
{
    static WorkbookOpener::LockQuestion question;
    return question;
}

// Message boxes are skipped when tests run without anyone to click them.
bool interactive()
{
    return !qEnvironmentVariableIsSet("PLAYBOOK_NO_DIALOGS");
}
} // namespace

void WorkbookOpener::setLockQuestionForTesting(LockQuestion question)
{
    scriptedLockQuestion() = std::move(question);
}

std::unique_ptr<Workbook> WorkbookOpener::open(const QString &path)
{
    OpenOptions options;
    options.readOnlyIfUnwritable = true;
    m_notice.clear();
    StoreError error;
    auto workbook = Workbook::open(path, options, &error);
    const StoreError lockError = error;
    if (!workbook && error.code == StoreError::Code::Locked) {
        switch (askAboutLock(error)) {
        case LockAnswer::Cancel:
            return nullptr;
        case LockAnswer::ReadOnly:
            options.readOnly = true;
            break;
        case LockAnswer::BreakLock:
            options.breakLock = true;
            break;
        }
        workbook = Workbook::open(path, options, &error);
        if (workbook && options.readOnly) {
            m_notice = QApplication::translate("WorkbookOpener", "Opened read-only: %1 is "
                                                                 "editing it.")
                           .arg(lockError.holder.describe());
        }
    }
    if (!workbook)
        showError(error);
    return workbook;
}

std::unique_ptr<Workbook> WorkbookOpener::create(const QString &path, const QString &title)
{
    StoreError error;
    auto workbook = Workbook::create(path, title, &error);
    if (!workbook)
        showError(error);
    return workbook;
}

WorkbookOpener::LockAnswer WorkbookOpener::askAboutLock(const StoreError &error)
{
    if (scriptedLockQuestion())
        return scriptedLockQuestion()(error);
    if (!interactive())
        return LockAnswer::Cancel;

    QMessageBox box(m_parent);
    box.setIcon(QMessageBox::Information);
    box.setWindowTitle(QApplication::translate("WorkbookOpener", "Workbook in use"));
    box.setText(error.message);
    box.setInformativeText(QApplication::translate(
        "WorkbookOpener", "You can look at it read-only while they work. Changes by two people "
                          "at once cannot be merged."));
    QPushButton *readOnly = box.addButton(
        QApplication::translate("WorkbookOpener", "Open &Read-Only"), QMessageBox::AcceptRole);
    QPushButton *breakLock = nullptr;
    if (!error.holder.sameHost) {
        breakLock = box.addButton(QApplication::translate("WorkbookOpener", "&Break Lock…"),
                                  QMessageBox::DestructiveRole);
    }
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.exec();
    if (box.clickedButton() == readOnly)
        return LockAnswer::ReadOnly;
    if (breakLock && box.clickedButton() == breakLock) {
        const auto answer = QMessageBox::warning(
            m_parent, QApplication::translate("WorkbookOpener", "Break the lock?"),
            QApplication::translate(
                "WorkbookOpener",
                "Only break the lock if you are sure %1 is no longer editing this workbook "
                "(for example, their laptop crashed). If both of you edit it, one of you will "
                "lose changes.")
                .arg(error.holder.user.isEmpty() ? error.holder.host : error.holder.user),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            return LockAnswer::BreakLock;
    }
    return LockAnswer::Cancel;
}

void WorkbookOpener::showError(const StoreError &error)
{
    m_lastError = error;
    if (!interactive()) {
        qWarning("%s", qPrintable(error.message));
        return;
    }
    QMessageBox::warning(m_parent, QApplication::translate("WorkbookOpener", "Playbook Workbench"),
                         error.message);
}

} // namespace pb::ui
