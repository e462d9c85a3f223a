#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace pb::ui {

// Message boxes, in one place so that tests run them by script: with PLAYBOOK_NO_DIALOGS
// set nothing is shown, the text is kept in lastText(), and confirmations take the
// scripted answer.
class Messages
{
public:
    static bool interactive();
    static void warning(QWidget *parent, const QString &title, const QString &text,
                        const QString &details = {});
    static void information(QWidget *parent, const QString &title, const QString &text,
                            const QString &details = {});
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmLabel);

    static QString lastText();
    static void setConfirmAnswerForTesting(std::optional<bool> answer);
};

} // namespace pb::ui
