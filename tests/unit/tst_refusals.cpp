// Every file the store must refuse: each gets its own clear one-line message naming the
// file, and the file is left byte-for-byte unchanged with nothing created beside it.
#include "TestFiles.h"
#include "domain/WorkbookSettings.h"
#include "io/SampleWorkbook.h"
#include "store/Schema.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::store::SqliteDatabase;
using pb::store::StoreError;
using pb::store::Workbook;
using Code = pb::store::StoreError::Code;

using Maker = std::function<bool(const QString &path)>;
Q_DECLARE_METATYPE(Maker)

namespace {

bool sqlite(const QString &path, const QString &sql)
{
    SqliteDatabase db;
    return db.open(path, SqliteDatabase::Access::Create) && db.exec(sql);
}

bool sample(const QString &path)
{
    return !io::SampleWorkbook::create(path);
}

// Overwrites bytes of a file at an offset, as a bad disk or a half-finished copy would.
bool patch(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(offset) &&
           file.write(bytes) == bytes.size();
}

QByteArray bigEndian(quint32 value)
{
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

} // namespace

class TestRefusals : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Offered for a merge (issue 17), the file is refused as opening it is, and neither the
    // workbook merged into nor the file offered changes.
    void refusedForMerge(const QString &path, std::optional<int> code)
    {
        // In a folder of its own: nothing appears beside the file offered.
        const QString target = m_dir.filePath(u"target/merge-target.playbook"_s);
        if (!QFileInfo::exists(target))
            QVERIFY(QDir().mkpath(m_dir.filePath(u"target"_s)) && sample(target));
        const test::Fingerprint before = test::fingerprint(target);
        {
            StoreError error;
            auto workbook = Workbook::open(target, {}, &error);
            QVERIFY(workbook);
            domain::MergeReport report;
            error = workbook->merge(path, {}, &report);
            QVERIFY2(error.isError(), "a damaged file was merged");
            if (code)
                QCOMPARE(int(error.code), *code);
            QVERIFY2(error.message.contains(QFileInfo(path).fileName()), qPrintable(error.message));
        }
        QCOMPARE(test::fingerprint(target), before);
    }

private slots:
    void refused_data()
    {
        QTest::addColumn<Maker>("make");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("why");

        QTest::newRow("empty file")
            << Maker([](const QString &p) { return test::writeBytes(p, {}); }) << int(Code::Empty)
            << u"the file is empty"_s;
        QTest::newRow("random bytes") << Maker([](const QString &p) {
            QByteArray bytes(4096, Qt::Uninitialized);
            QRandomGenerator generator(42);
            generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            return test::writeBytes(p, bytes);
        }) << int(Code::NotSqlite) << u"not an SQLite database"_s;
        QTest::newRow("text file renamed") << Maker([](const QString &p) {
            return test::writeBytes(p, "name,website\nAcme,acme.com\n");
        }) << int(Code::NotSqlite) << u"not an SQLite database"_s;
        QTest::newRow("short sqlite magic") << Maker([](const QString &p) {
            return test::writeBytes(p, QByteArray("SQLite format 3\0", 16));
        }) << int(Code::NotSqlite) << u"not an SQLite database"_s;
        QTest::newRow("another application's database") << Maker([](const QString &p) {
            return sqlite(p, u"CREATE TABLE notes(x); PRAGMA application_id=1234;"_s);
        }) << int(Code::ForeignDatabase) << u"another application"_s;
        QTest::newRow("plain sqlite database") << Maker([](const QString &p) {
            return sqlite(p, u"CREATE TABLE settings(key, value)"_s);
        }) << int(Code::ForeignDatabase) << u"another application"_s;
        QTest::newRow("newer file format") << Maker([](const QString &p) {
            return sample(p) && patch(p, 60, bigEndian(store::schema::currentVersion() + 1));
        }) << int(Code::TooNew) << u"newer version of Playbook Workbench"_s;
        QTest::newRow("no file format version")
            << Maker([](const QString &p) { return sample(p) && patch(p, 60, bigEndian(0)); })
            << int(Code::Corrupt) << u"damaged"_s;
        QTest::newRow("write-ahead-log mode") << Maker([](const QString &p) {
            return sample(p) && sqlite(p, u"PRAGMA journal_mode=WAL"_s);
        }) << int(Code::WalMode) << u"write-ahead-log"_s;
        QTest::newRow("damaged pages") << Maker([](const QString &p) {
            return sample(p) && patch(p, 4096 * 2, QByteArray(4096 * 3, char(0xA5)));
        }) << int(Code::Corrupt) << u"damaged"_s;
        QTest::newRow("trigger we did not create") << Maker([](const QString &p) {
            return sample(p) && sqlite(p, u"CREATE TRIGGER sneaky AFTER INSERT ON candidates "
                                          u"BEGIN DELETE FROM settings; END"_s);
        }) << int(Code::UnexpectedSchema) << u"trigger \"sneaky\""_s;
        QTest::newRow("view we did not create") << Maker([](const QString &p) {
            return sample(p) && sqlite(p, u"CREATE VIEW v AS SELECT 1"_s);
        }) << int(Code::UnexpectedSchema) << u"view \"v\""_s;
        QTest::newRow("missing table")
            << Maker([](const QString &p) { return sample(p) && sqlite(p, u"DROP TABLE kpis"_s); })
            << int(Code::Corrupt) << u"table \"kpis\""_s;
    }

    void refused()
    {
        QFETCH(Maker, make);
        QFETCH(int, code);
        QFETCH(QString, why);

        const QString path =
            m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + u".playbook"_s);
        QVERIFY(make(path));
        const test::Fingerprint before = test::fingerprint(path);
        const QStringList siblingsBefore = test::siblings(path);

        for (bool readOnly : {false, true}) {
            StoreError error;
            auto workbook = Workbook::open(path, {.readOnly = readOnly}, &error);
            QVERIFY(!workbook);
            QCOMPARE(int(error.code), code);
            QVERIFY2(error.message.contains(QFileInfo(path).fileName()), qPrintable(error.message));
            QVERIFY2(error.message.contains(why), qPrintable(error.message));
            QVERIFY2(!error.message.contains(u'\n'), qPrintable(error.message));
        }
        refusedForMerge(path, code);
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(test::siblings(path), siblingsBefore);
    }

    // A half-copied or damaged file, cut or flipped anywhere: refused with a one-line
    // message naming it, never opened, never changed.
    void cutOrFlipped_data()
    {
        QTest::addColumn<Maker>("make");
        const auto truncated = [](qint64 size) {
            return Maker([size](const QString &p) {
                if (!sample(p))
                    return false;
                QFile file(p);
                return file.resize(size < 0 ? QFileInfo(p).size() + size : size);
            });
        };
        QTest::newRow("cut at 50 bytes") << truncated(50);
        QTest::newRow("cut after the header") << truncated(100);
        QTest::newRow("cut after one page") << truncated(4096);
        QTest::newRow("cut in half") << Maker([](const QString &p) {
            if (!sample(p))
                return false;
            QFile file(p);
            return file.resize(QFileInfo(p).size() / 2);
        });
        QTest::newRow("last page cut short") << truncated(-100);
        QTest::newRow("page size flipped") << Maker(
            [](const QString &p) { return sample(p) && patch(p, 16, QByteArray("\x03\x01", 2)); });
        QTest::newRow("header bytes flipped") << Maker([](const QString &p) {
            return sample(p) && patch(p, 18, QByteArray("\x07\x09\xFF", 3));
        });
        QTest::newRow("schema page flipped") << Maker([](const QString &p) {
            return sample(p) && patch(p, 100, QByteArray(64, char(0x5A)));
        });
    }

    void cutOrFlipped()
    {
        QFETCH(Maker, make);
        const QString path = m_dir.filePath(
            u"cut-"_s + QString::fromLatin1(QTest::currentDataTag()) + u".playbook"_s);
        QVERIFY(make(path));
        const test::Fingerprint before = test::fingerprint(path);
        const QStringList siblingsBefore = test::siblings(path);
        for (bool readOnly : {false, true}) {
            StoreError error;
            auto workbook = Workbook::open(path, {.readOnly = readOnly}, &error);
            QVERIFY2(!workbook, "a damaged file was opened");
            QVERIFY2(error.message.contains(QFileInfo(path).fileName()), qPrintable(error.message));
            QVERIFY2(!error.message.contains(u'\n'), qPrintable(error.message));
            qInfo("%s", qPrintable(error.message));
        }
        refusedForMerge(path, std::nullopt);
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(test::siblings(path), siblingsBefore);
    }

    // A leftover hot journal (a crash in the middle of a change): opened for editing, the
    // change is rolled back and the workbook is as before it; opened read-only, it cannot
    // be rolled back, so it is refused with a message that says what to do.
    void leftoverHotJournal()
    {
        const QString path = m_dir.filePath(u"hot.playbook"_s);
        QVERIFY(sample(path));
        const QString crashed = m_dir.filePath(u"crashed.playbook"_s);
        {
            SqliteDatabase db;
            QVERIFY(db.open(path, SqliteDatabase::Access::ReadWrite));
            QVERIFY(db.exec(u"PRAGMA cache_size=1; BEGIN IMMEDIATE; "
                            u"UPDATE candidates SET notes = hex(randomblob(3000));"
                            u"UPDATE candidates SET owner = 'half done'"_s));
            // Force the change out of the cache into the file, as a crash mid-commit leaves
            // it, then copy the file and its journal as they are at that moment.
            QVERIFY(db.exec(u"PRAGMA cache_spill=ON; SELECT count(*) FROM candidates"_s));
            QVERIFY(QFile::exists(path + u"-journal"_s));
            QVERIFY(QFile::copy(path, crashed));
            QVERIFY(QFile::copy(path + u"-journal"_s, crashed + u"-journal"_s));
            QVERIFY(db.exec(u"ROLLBACK"_s));
        }
        StoreError error;
        auto readOnly = Workbook::open(crashed, {.readOnly = true}, &error);
        if (!readOnly) {
            QVERIFY2(error.message.contains(u"crashed.playbook"_s), qPrintable(error.message));
            QVERIFY2(!error.message.contains(u'\n'), qPrintable(error.message));
            qInfo("read-only: %s", qPrintable(error.message));
        } else {
            // If SQLite could read past it, the unfinished change must not be visible.
            QVERIFY(readOnly->candidates().first().owner != u"half done"_s);
            readOnly.reset();
        }
        auto workbook = Workbook::open(crashed, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QVERIFY(workbook->integrityProblems().isEmpty());
        for (const domain::Candidate &candidate : workbook->candidates())
            QVERIFY(candidate.owner != u"half done"_s);
        QVERIFY(!QFile::exists(crashed + u"-journal"_s));
    }

    void missingFile()
    {
        StoreError error;
        QVERIFY(!Workbook::open(m_dir.filePath(u"nowhere.playbook"_s), {}, &error));
        QCOMPARE(error.code, Code::Missing);
        QVERIFY(error.message.contains(u"nowhere.playbook"_s));
        QVERIFY(error.message.contains(u"does not exist"_s));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nowhere.playbook"_s)));
    }

    void folder()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(u"folder.playbook"_s));
        StoreError error;
        QVERIFY(!Workbook::open(m_dir.filePath(u"folder.playbook"_s), {}, &error));
        QCOMPARE(error.code, Code::NotAFile);
    }
};

QTEST_GUILESS_MAIN(TestRefusals)
#include "tst_refusals.moc"
