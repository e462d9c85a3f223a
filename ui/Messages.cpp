#include "Messages.h"

#include <QMessageBox>
#include <QPushButton>

namespace pb::ui {

namespace {
QString &last()
{
    static QString text;
    return text;
}
std::optional<bool> &scriptedAnswer()
{
    static std::optional<bool> answer;
    return answer;
}

void show(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
          const QString &details)
{
    last() = details.isEmpty() ? text : text + u'\n' + details;
    if (!Messages::interactive())
        return;
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setDetailedText(details);
    box.exec();
}
} // namespace

bool Messages::interactive()
{
    return !qEnvironmentVariableIsSet("PLAYBOOK_NO_DIALOGS");
}

void Messages::warning(QWidget *parent, const QString &title, const QString &text,
                       const QString &details)
{
    show(parent, QMessageBox::Warning, title, text, details);
}

void Messages::information(QWidget *parent, const QString &title, const QString &text,
                           const QString &details)
{
    show(parent, QMessageBox::Information, title, text, details);
}

bool Messages::confirm(QWidget *parent, const QString &title, const QString &text,
                       const QString &confirmLabel)
{
    last() = text;
    if (scriptedAnswer())
        return *scriptedAnswer();
    if (!interactive())
        return false;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *confirmButton = box.addButton(confirmLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(confirmButton);
    box.exec();
    return box.clickedButton() == confirmButton;
}

QString Messages::lastText()
{
    return last();
}

void Messages::setConfirmAnswerForTesting(std::optional<bool> answer)
{
    scriptedAnswer() = answer;
}

} // namespace pb::ui
