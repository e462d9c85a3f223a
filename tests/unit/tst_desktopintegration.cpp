// The desktop integration files: the workbook's MIME type recognises a workbook by name and,
// renamed, by its contents (SQLite header + our application_id) but not another SQLite file,
// as a file manager reading shared-mime-info does (GIO; Qt 6.4's QMimeDatabase does not apply
// a later directory's magic over the system's SQLite rule, so it is not the judge here); the
// desktop entry and the AppStream metainfo pass their validators. Checks whose tools are not
// installed are skipped.
#include "store/Workbook.h"

#include <QMimeDatabase>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kResources = QStringLiteral(PLAYBOOK_SOURCE_DIR "/resources/");
const QString kAppId = u"org.playbook_workbench.PlaybookWorkbench"_s;
const QString kMimeType = u"application/vnd.playbook-workbench+sqlite"_s;

} // namespace

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void workbookKnownByName();
    void renamedWorkbookKnownByContent();
    void desktopEntryIsValid();
    void metainfoIsValid();

private:
    void validate(const QString &tool, const QStringList &arguments);
    static QString contentType(const QString &path);

    QTemporaryDir m_dir;
};

void TestDesktopIntegration::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A data folder holding only our type, in front of the system's.
    QVERIFY(QDir(m_dir.path()).mkpath(u"share/mime/packages"_s));
    QVERIFY(QFile::copy(kResources + u"playbook-workbench.xml"_s,
                        m_dir.filePath(u"share/mime/packages/playbook-workbench.xml"_s)));
    qputenv("XDG_DATA_DIRS", (m_dir.filePath(u"share"_s) + u":/usr/share"_s).toUtf8());
}

void TestDesktopIntegration::workbookKnownByName()
{
    const QMimeDatabase mimes;
    QVERIFY2(mimes.mimeTypeForName(kMimeType).isValid(), "the MIME type was not loaded");
    QCOMPARE(mimes.mimeTypeForFile(u"Q3 partners.playbook"_s, QMimeDatabase::MatchExtension).name(),
             kMimeType);
}

void TestDesktopIntegration::renamedWorkbookKnownByContent()
{
    if (QStandardPaths::findExecutable(u"update-mime-database"_s).isEmpty() ||
        QStandardPaths::findExecutable(u"gio"_s).isEmpty())
        QSKIP("update-mime-database or gio is not installed");
    QCOMPARE(QProcess::execute(u"update-mime-database"_s, {m_dir.filePath(u"share/mime"_s)}), 0);

    const QString workbook = m_dir.filePath(u"attachment.dat"_s);
    pb::store::StoreError error;
    QVERIFY(pb::store::Workbook::create(workbook, u"Renamed"_s, &error));
    QCOMPARE(contentType(workbook), kMimeType);

    // Another application's SQLite file is not taken for ours.
    const QString other = m_dir.filePath(u"other.dat"_s);
    QByteArray header(4096, '\0');
    header.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    header[68] = 0x12;
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(header);
    file.close();
    QCOMPARE(contentType(other), u"application/vnd.sqlite3"_s);
}

QString TestDesktopIntegration::contentType(const QString &path)
{
    QProcess gio;
    gio.start(u"gio"_s, {u"info"_s, u"--attributes=standard::content-type"_s, path});
    gio.waitForFinished(60000);
    const QString out = QString::fromUtf8(gio.readAllStandardOutput());
    const qsizetype at = out.indexOf(u"standard::content-type: "_s);
    return at < 0 ? out : out.mid(at + 24).trimmed();
}

void TestDesktopIntegration::desktopEntryIsValid()
{
    validate(u"desktop-file-validate"_s, {kResources + kAppId + u".desktop"_s});
}

void TestDesktopIntegration::metainfoIsValid()
{
    validate(u"appstreamcli"_s,
             {u"validate"_s, u"--no-net"_s, kResources + kAppId + u".metainfo.xml"_s});
}

void TestDesktopIntegration::validate(const QString &tool, const QStringList &arguments)
{
    if (QStandardPaths::findExecutable(tool).isEmpty())
        QSKIP(qPrintable(tool + u" is not installed"_s));
    QProcess process;
    process.start(tool, arguments);
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0,
             qPrintable(QString::fromUtf8(process.readAllStandardOutput() +
                                          process.readAllStandardError())));
}

QTEST_GUILESS_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
