// Older workbooks are upgraded on open, in one transaction, after a backup copy beside the
// file; read-only ones are upgraded in memory only.
#include "TestFiles.h"
#include "domain/Proposal.h"
#include "store/Schema.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"
#include "store/WorkbookHeader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::store::SqliteDatabase;
using pb::store::StoreError;
using pb::store::Workbook;

class TestMigration : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A version-1 workbook with data in it, written the way version 1 wrote it (its settings,
    // the title, through the store).
    QString makeVersion1(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (Workbook::createAtVersion(path, 1, u"Old programme"_s))
            return {};
        SqliteDatabase db;
        if (!db.open(path, SqliteDatabase::Access::ReadWrite) ||
            !db.exec(u"INSERT INTO candidates(name, name_key, structure, audience_overlap) "
                     u"VALUES ('Ledgerly', 'ledgerly', 'integration', 5);"_s))
            return {};
        return path;
    }

    // A version-6 workbook with three proposals, as version 6 wrote them: exclusivity empty
    // (which meant open-ended), 12 months and none.
    QString makeVersion6(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (Workbook::createAtVersion(path, 6, u"Version 6"_s))
            return {};
        SqliteDatabase db;
        if (!db.open(path, SqliteDatabase::Access::ReadWrite) ||
            !db.exec(u"INSERT INTO candidates(id, name, name_key) VALUES (1, 'Open', 'open'), "
                     u"(2, 'Twelve', 'twelve'), (3, 'None', 'none');"
                     u"INSERT INTO partnerships(id, candidate_id) VALUES (1, 1), (2, 2), (3, 3);"
                     u"INSERT INTO proposals(partnership_id, exclusivity_months, rev_share_pct) "
                     u"VALUES (1, NULL, 20), (2, 12, 15), (3, 0, NULL);"_s))
            return {};
        return path;
    }

private slots:
    void upgradesWithBackup()
    {
        QVERIFY(store::schema::currentVersion() >= 2);
        const QString path = makeVersion1(u"old.playbook"_s);
        QVERIFY(!path.isEmpty());
        const QByteArray originalBytes = test::readBytes(path);
        QCOMPARE(store::WorkbookHeader::read(path).userVersion, 1);

        StoreError error;
        {
            auto workbook = Workbook::open(path, {}, &error);
            QVERIFY2(workbook, qPrintable(error.message));
            QCOMPARE(workbook->upgradedFromVersion(), 1);
            QCOMPARE(workbook->schemaVersion(), store::schema::currentVersion());
            QCOMPARE(workbook->fileSchemaVersion(), store::schema::currentVersion());
            QCOMPARE(workbook->candidates().size(), 1);
            QCOMPARE(workbook->candidates().first().name, u"Ledgerly"_s);
            QCOMPARE(workbook->setting(domain::SettingKey::Title).toString(), u"Old programme"_s);
            QCOMPARE(workbook->counts().partnerships, 0); // a version-2 table is there
            const QString backup = workbook->upgradeBackupPath();
            QCOMPARE(QFileInfo(backup).fileName(), u"old.v1-backup.playbook"_s);
            // The backup is the old workbook, still at version 1, with the same content.
            QCOMPARE(store::WorkbookHeader::read(backup).userVersion, 1);
            SqliteDatabase old;
            QVERIFY(old.open(backup, SqliteDatabase::Access::ReadOnly));
            QCOMPARE(old.scalar(u"SELECT name FROM candidates"_s).toString(), u"Ledgerly"_s);
            QCOMPARE(old.scalar(u"PRAGMA quick_check"_s).toString(), u"ok"_s);
            QVERIFY(test::readBytes(path) != originalBytes);
        }
        QCOMPARE(store::WorkbookHeader::read(path).userVersion, store::schema::currentVersion());
        // Opening again upgrades nothing and makes no second backup.
        auto again = Workbook::open(path, {}, &error);
        QVERIFY(again);
        QCOMPARE(again->upgradedFromVersion(), 0);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"old.v1-backup-2.playbook"_s)));
    }

    // Version 7: an empty exclusivity written by an earlier version meant open-ended; it
    // becomes the explicit "open-ended", the note says so, and nothing else moves.
    void emptyExclusivityBecomesOpenEnded()
    {
        const QString path = makeVersion6(u"exclusive.playbook"_s);
        QVERIFY(!path.isEmpty());
        StoreError error;
        {
            auto workbook = Workbook::open(path, {}, &error);
            QVERIFY2(workbook, qPrintable(error.message));
            QCOMPARE(workbook->upgradedFromVersion(), 6);
            QCOMPARE(QFileInfo(workbook->upgradeBackupPath()).fileName(),
                     u"exclusive.v6-backup.playbook"_s);
            QCOMPARE(workbook->upgradeNotes().size(), 1);
            QVERIFY2(workbook->upgradeNotes().first().contains(u"1 proposal had an empty "
                                                               u"exclusivity"_s),
                     qPrintable(workbook->upgradeNotes().first()));
            const domain::Proposal open = workbook->proposal(1);
            QCOMPARE(open.namedValue(domain::ProposalField::ExclusivityMonths), u"open-ended"_s);
            QCOMPARE(open.number(domain::ProposalField::RevSharePercent), 20.0);
            QVERIFY(!open.isYes(domain::ProposalField::ExclusivityGated));
            QCOMPARE(workbook->proposal(2).count(domain::ProposalField::ExclusivityMonths), 12);
            QCOMPARE(workbook->proposal(3).count(domain::ProposalField::ExclusivityMonths), 0);
            QVERIFY(workbook->integrityProblems().isEmpty());
            // Empty is now a value of its own: not stated.
            domain::ProposalFields fields;
            fields.proposal = open;
            fields.proposal.setValue(domain::ProposalField::ExclusivityMonths, QVariant());
            QVERIFY(!workbook->setProposalFields(1, fields));
            QVERIFY(
                !workbook->proposal(1).value(domain::ProposalField::ExclusivityMonths).isValid());
        }
        // The backup still holds version 6's empty value.
        SqliteDatabase old;
        QVERIFY(old.open(m_dir.filePath(u"exclusive.v6-backup.playbook"_s),
                         SqliteDatabase::Access::ReadOnly));
        QVERIFY(!old.scalar(u"SELECT exclusivity_months FROM proposals WHERE partnership_id = 1"_s)
                     .isValid());
        // A workbook without such proposals upgrades without a note.
        auto again = Workbook::open(makeVersion1(u"quiet.playbook"_s), {}, &error);
        QVERIFY(again && again->upgradeNotes().isEmpty());
    }

    // Version 8 (the lifecycle): a version-7 workbook keeps its proposal and reviews; the
    // contract's traps read as not asked for with the practice's renewal threshold, the
    // reviews' three questions as unanswered, and the checklists as untouched.
    void lifecycleArrivesEmpty()
    {
        const QString path = m_dir.filePath(u"lifecycle.playbook"_s);
        QVERIFY(!Workbook::createAtVersion(path, 7, u"Version 7"_s));
        {
            SqliteDatabase db;
            QVERIFY(db.open(path, SqliteDatabase::Access::ReadWrite));
            QVERIFY(db.exec(u"INSERT INTO candidates(id, name, name_key, structure, stage) "
                            u"VALUES (1, 'Ledgerly', 'ledgerly', 'reseller', 'pilot');"
                            u"INSERT INTO partnerships(id, candidate_id, pilot_start) VALUES (1, "
                            u"1, '2026-01-05');"
                            u"INSERT INTO proposals(partnership_id, term_months, rev_share_pct) "
                            u"VALUES (1, 12, 20);"
                            u"INSERT INTO reviews(partnership_id, review_date, decision, note) "
                            u"VALUES (1, '2026-02-01', 'continue', 'On track');"_s));
        }
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(workbook->upgradedFromVersion(), 7);
        QVERIFY(workbook->integrityProblems().isEmpty());
        const domain::Proposal terms = workbook->proposal(1);
        QCOMPARE(terms.count(domain::ProposalField::TermMonths), 12);
        QVERIFY(!terms.isYes(domain::ProposalField::MfnClause));
        QVERIFY(!terms.isYes(domain::ProposalField::WrittenAgreementRefused));
        QCOMPARE(terms.number(domain::ProposalField::RenewalArrThreshold), 50000.0);
        const QList<domain::Review> reviews = workbook->partnershipKpis(1).reviews;
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews.first().note, u"On track"_s);
        QVERIFY(reviews.first().worked.isEmpty() && reviews.first().toChange.isEmpty());
        QVERIFY(workbook->checklist(1, domain::ChecklistKind::Contract).isEmpty());
        QVERIFY(!workbook->replaceChecklist(
            1, domain::ChecklistKind::Exit,
            {{u"notice_given"_s, domain::ItemStatus::Done, QDate(2026, 3, 1), {}}}));
        QCOMPARE(workbook->checklist(1, domain::ChecklistKind::Exit).size(), 1);
    }

    void backupNeverReplacesAnExistingFile()
    {
        const QString path = makeVersion1(u"twice.playbook"_s);
        QVERIFY(test::writeBytes(m_dir.filePath(u"twice.v1-backup.playbook"_s), "keep me"));
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY(workbook);
        QCOMPARE(QFileInfo(workbook->upgradeBackupPath()).fileName(),
                 u"twice.v1-backup-2.playbook"_s);
        QCOMPARE(test::readBytes(m_dir.filePath(u"twice.v1-backup.playbook"_s)),
                 QByteArray("keep me"));
    }

    void readOnlyUpgradeStaysInMemory()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(u"alone"_s));
        const QString path = makeVersion1(u"alone/view-only.playbook"_s);
        const test::Fingerprint before = test::fingerprint(path);
        StoreError error;
        auto workbook = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(workbook->upgradedFromVersion(), 1);
        QCOMPARE(workbook->fileSchemaVersion(), 1);
        QCOMPARE(workbook->counts().candidates, 1);
        QCOMPARE(workbook->counts().kpis, 0);
        workbook.reset();
        QCOMPARE(test::fingerprint(path), before);
        QCOMPARE(test::siblings(path), QStringList());
    }

    void everyOlderVersionUpgrades_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v < store::schema::currentVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void everyOlderVersionUpgrades()
    {
        QFETCH(int, version);
        const QString path = m_dir.filePath(u"v%1.playbook"_s.arg(version));
        QVERIFY(!Workbook::createAtVersion(path, version, u"Old"_s));
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(workbook->schemaVersion(), store::schema::currentVersion());
        QVERIFY(workbook->integrityProblems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
