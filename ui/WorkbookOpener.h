#pragma once

#include "store/Workbook.h"

#include <functional>
#include <memory>

class QWidget;

namespace pb::ui {

// Opens a workbook for the GUI, asking the person when the store cannot decide alone:
// someone else holds the lock (open read-only, or break a lock from another computer
// after a warning). Unwritable files open read-only with the reason attached. Errors are
// shown in a message box; returns null when nothing was opened.
class WorkbookOpener
{
public:
    explicit WorkbookOpener(QWidget *parent)
        : m_parent(parent)
    {}

    std::unique_ptr<store::Workbook> open(const QString &path);
    std::unique_ptr<store::Workbook> create(const QString &path, const QString &title);

    // Tests answer the questions by script instead of a dialog.
    enum class LockAnswer { Cancel, ReadOnly, BreakLock };
    using LockQuestion = std::function<LockAnswer(const store::StoreError &)>;
    static void setLockQuestionForTesting(LockQuestion question);

    // After open(): why a workbook opened read-only when the store did not say (the lock).
    QString notice() const { return m_notice; }
    // After a failed open() or create(): what went wrong.
    store::StoreError lastError() const { return m_lastError; }

private:
    LockAnswer askAboutLock(const store::StoreError &error);
    void showError(const store::StoreError &error);

    QWidget *m_parent;
    QString m_notice;
    store::StoreError m_lastError;
};

} // namespace pb::ui
