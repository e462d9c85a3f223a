// The workbook store: create, open, settings, records, copies and read-only access.
#include "TestFiles.h"
#include "io/SampleWorkbook.h"
#include "store/Schema.h"
#include "store/Workbook.h"
#include "store/WorkbookHeader.h"
#include "store/WorkbookLock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::OpenOptions;
using pb::store::StoreError;
using pb::store::Workbook;

class TestWorkbookStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    // Each test works in a folder of its own, so "nothing beside the file" can be checked.
    QString path(const QString &name) const
    {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u'/' + name);
    }

    static std::unique_ptr<Workbook> openOrFail(const QString &file, OpenOptions options = {})
    {
        StoreError error;
        auto workbook = Workbook::open(file, options, &error);
        if (!workbook)
            qWarning("%s", qPrintable(error.message));
        return workbook;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void createWritesOurFileFormat()
    {
        const QString file = path(u"new.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Q3 partners"_s, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(workbook->schemaVersion(), store::schema::currentVersion());
        QCOMPARE(workbook->setting(SettingKey::Title).toString(), u"Q3 partners"_s);
        QCOMPARE(workbook->setting(SettingKey::Currency).toString(), u"USD"_s);
        QVERIFY(!workbook->isReadOnly());
        QVERIFY(QFileInfo::exists(store::WorkbookLock::lockFilePath(file)));
        workbook.reset();

        const auto header = store::WorkbookHeader::read(file);
        QCOMPARE(header.kind, store::WorkbookHeader::Kind::Sqlite);
        QCOMPARE(header.applicationId, store::schema::kApplicationId);
        QCOMPARE(header.userVersion, store::schema::currentVersion());
        QVERIFY(!header.walMode);
        // Closed: one self-contained file, no journal, no lock, no temporaries.
        QCOMPARE(test::siblings(file), QStringList());
    }

    void createNeverOverwrites()
    {
        const QString file = path(u"existing.playbook"_s);
        QVERIFY(test::writeBytes(file, "my notes"));
        const auto before = test::fingerprint(file);
        StoreError error;
        QVERIFY(!Workbook::create(file, u"x"_s, &error));
        QCOMPARE(error.code, StoreError::Code::Exists);
        QVERIFY(error.message.contains(u"existing.playbook"_s));
        QCOMPARE(test::fingerprint(file), before);
        QCOMPARE(test::siblings(file), QStringList());
    }

    void createRefusesEmptyTitleAndMissingFolder()
    {
        StoreError error;
        QVERIFY(!Workbook::create(path(u"t.playbook"_s), u"  "_s, &error));
        QCOMPARE(error.code, StoreError::Code::InvalidValue);
        QVERIFY(!QFileInfo::exists(path(u"t.playbook"_s)));
        QVERIFY(!Workbook::create(path(u"no/such/folder/t.playbook"_s), u"t"_s, &error));
        QCOMPARE(error.code, StoreError::Code::Missing);
    }

    void settingsPersistAndNotify()
    {
        const QString file = path(u"settings.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Before"_s, &error);
        QVERIFY(workbook);
        QSignalSpy spy(workbook->notifier(), &store::WorkbookNotifier::changed);
        QVERIFY(!workbook->setSettings({{SettingKey::Title, u"After"_s},
                                        {SettingKey::Currency, u"eur"_s},
                                        {SettingKey::WeightStrategicValue, 2.5}}));
        QCOMPARE(spy.count(), 1);
        const auto change = spy.at(0).at(0).value<store::Change>();
        QCOMPARE(change.entity, store::Change::Entity::Settings);
        QVERIFY(change.fields.contains(u"title"_s));
        QVERIFY(change.fields.contains(u"weight.strategic_value"_s));
        workbook.reset();

        auto reopened = openOrFail(file);
        QVERIFY(reopened);
        QCOMPARE(reopened->setting(SettingKey::Title).toString(), u"After"_s);
        QCOMPARE(reopened->setting(SettingKey::Currency).toString(), u"EUR"_s);
        QCOMPARE(reopened->setting(SettingKey::WeightStrategicValue).toDouble(), 2.5);
        QCOMPARE(reopened->setting(SettingKey::WeightAudienceOverlap).toDouble(), 1.0);
    }

    void invalidSettingsChangeNothing()
    {
        const QString file = path(u"invalid.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Kept"_s, &error);
        QVERIFY(workbook);
        QSignalSpy spy(workbook->notifier(), &store::WorkbookNotifier::changed);
        error = workbook->setSettings(
            {{SettingKey::Title, u"New title"_s}, {SettingKey::Currency, u"euros"_s}});
        QCOMPARE(error.code, StoreError::Code::InvalidValue);
        error = workbook->setSettings({{SettingKey::WeightAudienceOverlap, 0},
                                       {SettingKey::WeightStrategicValue, 0},
                                       {SettingKey::WeightEaseOfIntegration, 0}});
        QCOMPARE(error.code, StoreError::Code::InvalidValue);
        QVERIFY(error.message.contains(u"greater than zero"_s));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(workbook->setting(SettingKey::Title).toString(), u"Kept"_s);
        QCOMPARE(workbook->setting(SettingKey::WeightAudienceOverlap).toDouble(), 1.0);
    }

    void candidatesRoundTrip()
    {
        const QString file = path(u"candidates.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Candidates"_s, &error);
        QVERIFY(workbook);
        Candidate full;
        full.name = u"  Ledgerly  "_s;
        full.website = u"ledgerly.io"_s;
        full.structure = Structure::Integration;
        full.audienceOverlap = 5;
        full.strategicValue = 4;
        full.stage = Stage::Pilot;
        full.owner = u"Maya"_s;
        full.revenueTheory = u"'); DROP TABLE candidates;-- \u202Eemoji 🤝"_s;
        full.readiness = {Readiness::Yes, Readiness::No, Readiness::Unknown, Readiness::Yes,
                          Readiness::No};
        full.notes = QString(100000, u'x');
        Candidate bare;
        bare.name = u"Bare"_s;
        QList<Candidate> list{full, bare};
        QVERIFY(!workbook->insertCandidates(list));
        QVERIFY(list[0].id > 0 && list[1].id > list[0].id);
        workbook.reset();

        auto reopened = openOrFail(file);
        const QList<Candidate> stored = reopened->candidates();
        QCOMPARE(stored.size(), 2);
        Candidate expected = list[0];
        expected.name = u"Ledgerly"_s;
        QCOMPARE(stored[0], expected);
        QCOMPARE(stored[1], list[1]);
        QCOMPARE(reopened->counts().candidates, 2);
    }

    void duplicateNamesAreAllOrNothing()
    {
        const QString file = path(u"dupes.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Dupes"_s, &error);
        QVERIFY(workbook);
        QList<Candidate> list(3);
        list[0].name = u"Acme"_s;
        list[1].name = u"Other"_s;
        list[2].name = u" ACME "_s;
        error = workbook->insertCandidates(list);
        QCOMPARE(error.code, StoreError::Code::InvalidValue);
        QVERIFY(error.message.contains(u"nothing was changed"_s));
        QCOMPARE(workbook->counts().candidates, 0);
    }

    void sampleWorkbook()
    {
        const QString file = path(u"sample.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(file));
        {
            auto workbook = openOrFail(file);
            QVERIFY(workbook);
            const auto counts = workbook->counts();
            QCOMPARE(counts.candidates, 30);
            QCOMPARE(counts.partnerships, 4); // with Willow Health Analytics, ended
            // with the partner-sourced pipeline of two partnerships, and Willow's three KPIs
            QCOMPARE(counts.kpis, 16);
            QVERIFY(!workbook->setting(SettingKey::Owner).toString().isEmpty());
            QVERIFY(!workbook->setSettings({{SettingKey::Title, u"My own notes"_s}}));
        }
        // The user's changes to the sample survive the next start.
        QVERIFY(!io::SampleWorkbook::ensureExists(file));
        auto workbook = openOrFail(file);
        QCOMPARE(workbook->setting(SettingKey::Title).toString(), u"My own notes"_s);
        QVERIFY(!io::SampleWorkbook::ensureExists(path(u"fresh/sub/sample.playbook"_s)));
        QVERIFY(QFileInfo::exists(path(u"fresh/sub/sample.playbook"_s)));
    }

    void saveCopyIsCompleteAndClean()
    {
        const QString file = path(u"source.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(file));
        auto workbook = openOrFail(file);
        QVERIFY(workbook);
        QVERIFY(QDir().mkpath(path(u"out"_s)));
        const QString copy = path(u"out/copy.playbook"_s);
        QVERIFY(!workbook->saveCopy(copy));
        QCOMPARE(test::siblings(copy), QStringList());
        {
            auto opened = openOrFail(copy, {.readOnly = true});
            QVERIFY(opened);
            QCOMPARE(opened->counts().candidates, 30);
            QCOMPARE(opened->setting(SettingKey::Title), workbook->setting(SettingKey::Title));
            QVERIFY(opened->integrityProblems().isEmpty());
        }
        // A later copy replaces the earlier one and includes later edits.
        QVERIFY(!workbook->setSettings({{SettingKey::Owner, u"Jonas"_s}}));
        QVERIFY(!workbook->saveCopy(copy));
        auto opened = openOrFail(copy, {.readOnly = true});
        QCOMPARE(opened->setting(SettingKey::Owner).toString(), u"Jonas"_s);
    }

    void saveCopyRefusals()
    {
        const QString file = path(u"self.playbook"_s);
        StoreError error;
        auto workbook = Workbook::create(file, u"Self"_s, &error);
        QVERIFY(workbook);
        const auto before = test::fingerprint(file);
        QCOMPARE(workbook->saveCopy(file).code, StoreError::Code::Exists);
        QCOMPARE(test::fingerprint(file), before);
        QCOMPARE(workbook->saveCopy(path(u"missing/x.playbook"_s)).code, StoreError::Code::Missing);
        // A copy over a workbook someone has open is refused.
        const QString other = path(u"other.playbook"_s);
        auto otherWorkbook = Workbook::create(other, u"Other"_s, &error);
        QVERIFY(otherWorkbook);
        const auto otherBefore = test::fingerprint(other);
        error = workbook->saveCopy(other);
        QCOMPARE(error.code, StoreError::Code::Locked);
        QCOMPARE(test::fingerprint(other), otherBefore);
    }

    void readOnlyOpenRefusesWrites()
    {
        const QString file = path(u"ro.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(file));
        const auto before = test::fingerprint(file);
        auto workbook = openOrFail(file, {.readOnly = true});
        QVERIFY(workbook && workbook->isReadOnly());
        QVERIFY(!QFileInfo::exists(store::WorkbookLock::lockFilePath(file)));
        QCOMPARE(workbook->setSettings({{SettingKey::Title, u"x"_s}}).code,
                 StoreError::Code::ReadOnly);
        QList<Candidate> list(1);
        list[0].name = u"New"_s;
        QCOMPARE(workbook->insertCandidates(list).code, StoreError::Code::ReadOnly);
        workbook.reset();
        QCOMPARE(test::fingerprint(file), before);
    }

    void readOnlyFile()
    {
        const QString file = path(u"locked-down.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(file));
        QVERIFY(
            QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const auto before = test::fingerprint(file);
        StoreError error;
        QVERIFY(!Workbook::open(file, {}, &error));
        QCOMPARE(error.code, StoreError::Code::ReadOnly);
        QVERIFY2(error.message.contains(u"locked-down.playbook"_s), qPrintable(error.message));
        QVERIFY(error.message.contains(u"read-only"_s));

        auto workbook = Workbook::open(file, {.readOnlyIfUnwritable = true}, &error);
        QVERIFY(workbook);
        QVERIFY(workbook->isReadOnly());
        QVERIFY(workbook->readOnlyReason().contains(u"file is read-only"_s));
        QCOMPARE(workbook->counts().candidates, 30);
        workbook.reset();
        QCOMPARE(test::fingerprint(file), before);
        QCOMPARE(test::siblings(file), QStringList());
    }

    void readOnlyFolder()
    {
        QVERIFY(QDir().mkpath(path(u"shelf"_s)));
        const QString file = path(u"shelf/in-folder.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(file));
        const auto folderPermissions = QFile::permissions(path(u"shelf"_s));
        QVERIFY(QFile::setPermissions(path(u"shelf"_s), QFile::ReadOwner | QFile::ExeOwner |
                                                            QFile::ReadGroup | QFile::ExeGroup));
        const auto before = test::fingerprint(file);
        StoreError error;
        auto workbook = Workbook::open(file, {.readOnlyIfUnwritable = true}, &error);
        QVERIFY(workbook);
        QVERIFY(workbook->isReadOnly());
        QVERIFY(workbook->readOnlyReason().contains(u"folder is read-only"_s));
        workbook.reset();
        QVERIFY(!Workbook::open(file, {}, &error));
        QCOMPARE(error.code, StoreError::Code::ReadOnly);
        QCOMPARE(test::fingerprint(file), before);
        QFile::setPermissions(path(u"shelf"_s), folderPermissions);
    }
};

QTEST_GUILESS_MAIN(TestWorkbookStore)
#include "tst_workbookstore.moc"
