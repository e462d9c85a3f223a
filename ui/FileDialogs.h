#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace pb::ui {

// Every file dialog of the app, so that each starts where the user can find the file again:
// in the last folder used for that kind of file, else in the folder of the open workbook,
// else in Documents, never in the app's hidden data folder (where the sample workbook
// lives). The folder of each chosen file is remembered per kind in the settings. With
// PLAYBOOK_NO_DIALOGS set no dialog is shown: the request is kept for lastRequest() and the
// answer comes from setAnswerForTesting() (none: cancelled). Every page and dialog asks
// here; none calls QFileDialog itself (tst_filedialogs checks).
class FileDialogs
{
public:
    enum class Kind { Workbook, Import, Export, Pdf };

    struct Request
    {
        Kind kind = Kind::Workbook;
        bool save = false;
        QString title;
        QString start; // the folder, or the folder and the suggested file name
        QString filter;
    };

    // Where a dialog of this kind starts, for a window showing the workbook at workbookPath
    // (empty: none).
    static QString startFolder(Kind kind, const QString &workbookPath);
    // The workbook shown by parent's window (or the window it belongs to); empty if none.
    static QString workbookPathOf(const QWidget *parent);

    // The chosen file, or an empty string when the user cancelled.
    static QString openFile(QWidget *parent, Kind kind, const QString &title,
                            const QString &filter);
    // suggestedName is a file name without folder. A name typed without an extension gets
    // the one of the file type chosen in the dialog (the first "*.ext" of that filter), else
    // defaultSuffix.
    static QString saveFile(QWidget *parent, Kind kind, const QString &title,
                            const QString &suggestedName, const QString &filter,
                            const QString &defaultSuffix, bool confirmOverwrite = true);
    // Remembers the folder of path for the next dialog of this kind.
    static void remember(Kind kind, const QString &path);

    static Request lastRequest();
    static void setAnswerForTesting(std::function<QString(const Request &)> answer);

private:
    static QString ask(QWidget *parent, const Request &request, bool confirmOverwrite,
                       QString *chosenFilter);
};

} // namespace pb::ui
