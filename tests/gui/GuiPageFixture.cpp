#include "GuiPageFixture.h"

#include "FileDialogs.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "Messages.h"
#include "WorkbookOpener.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace pb::test {

namespace {
QStringList &ambiguous()
{
    static QStringList messages;
    return messages;
}
QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}
void collectAmbiguous(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(u"Ambiguous shortcut overload"_s))
        ambiguous().append(message);
    if (previousHandler())
        previousHandler()(type, context, message);
}
} // namespace

GuiPageFixture::GuiPageFixture(const QString &application)
{
    isolateSettings(application);
}

// After QTest's own handler (installed when the tests start), which it passes messages on to.
void GuiPageFixture::watchShortcutWarnings()
{
    const QtMessageHandler previous = qInstallMessageHandler(collectAmbiguous);
    if (previous != collectAmbiguous)
        previousHandler() = previous;
}

QStringList GuiPageFixture::ambiguousShortcuts()
{
    return ambiguous();
}

void GuiPageFixture::clearShortcutWarnings()
{
    ambiguous().clear();
}

GuiPageFixture::~GuiPageFixture() = default;

bool GuiPageFixture::openSampleAt(int area)
{
    QString name = QString::fromLatin1(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag(); tag && *tag)
        name += u'-' + QString::fromLatin1(tag);
    const QString path = makeSample(name + u".playbook"_s);
    if (path.isEmpty()) {
        qWarning("The sample workbook could not be written to %s", qPrintable(m_dir.path()));
        return false;
    }
    watchShortcutWarnings();
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1366, 768);
    m_window->show();
    if (!m_window->openWorkbook(path)) {
        qWarning("The main window did not open %s", qPrintable(path));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    m_window->showArea(area);
    QApplication::processEvents();
    m_areaShownMs = timer.elapsed();
    if (m_window->currentArea() != area) {
        qWarning("The main window did not show area %d", area);
        return false;
    }
    return true;
}

void GuiPageFixture::closeWindow()
{
    m_window.reset();
    ui::Messages::setConfirmAnswerForTesting(std::nullopt);
    ui::FileDialogs::setAnswerForTesting({});
    ui::WorkbookOpener::setLockQuestionForTesting({});
}

store::Workbook *GuiPageFixture::workbook() const
{
    return m_window ? m_window->workbook() : nullptr;
}

item::WorkbookEditor *GuiPageFixture::editor() const
{
    return m_window ? m_window->editor() : nullptr;
}

qint64 GuiPageFixture::idOf(const QString &candidateName) const
{
    const store::Workbook *open = workbook();
    return open ? open->candidateIdByName(candidateName).value_or(0) : 0;
}

QString GuiPageFixture::filePath(const QString &name) const
{
    return m_dir.filePath(name);
}

QString GuiPageFixture::makeSample(const QString &name) const
{
    const QString path = filePath(name);
    return io::SampleWorkbook::create(path) ? QString() : path;
}

} // namespace pb::test
