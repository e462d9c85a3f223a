#include "FileDialogs.h"

#include "AppSettings.h"
#include "Messages.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {
AppSettings::Key keyOf(FileDialogs::Kind kind)
{
    switch (kind) {
    case FileDialogs::Kind::Import:
        return AppSettings::Key::LastImportFolder;
    case FileDialogs::Kind::Export:
        return AppSettings::Key::LastExportFolder;
    case FileDialogs::Kind::Pdf:
        return AppSettings::Key::LastPdfFolder;
    case FileDialogs::Kind::Workbook:
        break;
    }
    return AppSettings::Key::LastFolder;
}

// A folder the user would not find again in a file manager: the app's data folder (the
// sample workbook's home) or any folder inside a hidden one.
bool isHidden(const QString &folder)
{
    const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    for (const auto location :
         {QStandardPaths::AppDataLocation, QStandardPaths::GenericDataLocation,
          QStandardPaths::AppLocalDataLocation}) {
        const QString data = QStandardPaths::writableLocation(location);
        if (!data.isEmpty() && (absolute == data || absolute.startsWith(data + u'/')))
            return true;
    }
    const QStringList parts = absolute.split(u'/', Qt::SkipEmptyParts);
    return std::any_of(parts.cbegin(), parts.cend(),
                       [](const QString &part) { return part.startsWith(u'.'); });
}

bool usable(const QString &folder)
{
    return !folder.isEmpty() && QFileInfo(folder).isDir() && !isHidden(folder);
}

std::function<QString(const FileDialogs::Request &)> &scriptedAnswer()
{
    static std::function<QString(const FileDialogs::Request &)> answer;
    return answer;
}

FileDialogs::Request &last()
{
    static FileDialogs::Request request;
    return request;
}
} // namespace

QString FileDialogs::startFolder(Kind kind, const QString &workbookPath)
{
    if (const QString remembered = AppSettings::value(keyOf(kind)).toString(); usable(remembered))
        return remembered;
    if (!workbookPath.isEmpty()) {
        if (const QString folder = QFileInfo(workbookPath).absolutePath(); usable(folder))
            return folder;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

QString FileDialogs::workbookPathOf(const QWidget *parent)
{
    // A dialog's window shows no workbook; the window it belongs to does.
    for (const QWidget *window = parent ? parent->window() : nullptr; window;
         window = window->parentWidget() ? window->parentWidget()->window() : nullptr) {
        if (!window->windowFilePath().isEmpty())
            return window->windowFilePath();
    }
    return {};
}

QString FileDialogs::openFile(QWidget *parent, Kind kind, const QString &title,
                              const QString &filter)
{
    const Request request{kind, false, title, startFolder(kind, workbookPathOf(parent)), filter};
    return ask(parent, request, true, nullptr);
}

QString FileDialogs::saveFile(QWidget *parent, Kind kind, const QString &title,
                              const QString &suggestedName, const QString &filter,
                              const QString &defaultSuffix, bool confirmOverwrite)
{
    const QString folder = startFolder(kind, workbookPathOf(parent));
    // A name cannot hold a folder separator: "A/B Partners" becomes "A-B Partners".
    QString name = suggestedName;
    name.replace(u'/', u'-');
    const Request request{kind, true, title, QDir(folder).filePath(name), filter};
    QString chosenFilter;
    QString path = ask(parent, request, confirmOverwrite, &chosenFilter);
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    // A name typed without an extension gets the one of the type chosen in the dialog.
    static const QRegularExpression pattern(u"\\*\\.(\\w+)"_s);
    const QString chosen = pattern.match(chosenFilter).captured(1);
    const QString suffix = chosen.isEmpty() ? defaultSuffix : chosen;
    return suffix.isEmpty() ? path : path + u'.' + suffix;
}

QString FileDialogs::ask(QWidget *parent, const Request &request, bool confirmOverwrite,
                         QString *chosenFilter)
{
    last() = request;
    QString path;
    if (scriptedAnswer()) {
        path = scriptedAnswer()(request);
    } else if (Messages::interactive()) {
        const QFileDialog::Options options =
            confirmOverwrite ? QFileDialog::Options() : QFileDialog::DontConfirmOverwrite;
        path = request.save ? QFileDialog::getSaveFileName(parent, request.title, request.start,
                                                           request.filter, chosenFilter, options)
                            : QFileDialog::getOpenFileName(parent, request.title, request.start,
                                                           request.filter);
    }
    if (!path.isEmpty())
        remember(request.kind, path);
    return path;
}

void FileDialogs::remember(Kind kind, const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!isHidden(folder))
        AppSettings::setValue(keyOf(kind), folder);
}

FileDialogs::Request FileDialogs::lastRequest()
{
    return last();
}

void FileDialogs::setAnswerForTesting(std::function<QString(const Request &)> answer)
{
    scriptedAnswer() = std::move(answer);
}

} // namespace pb::ui
