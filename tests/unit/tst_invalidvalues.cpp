// Values the app never writes (a colleague's newer version, a damaged or hand-edited
// workbook; issue 13): the store reports each one (table, record, field), shows it as it is
// or falls back to the default, and never rewrites it unless the user changes that value.
// The hand edits below are what this test is about, so they are made in SQL on purpose.
#include "domain/CandidateRules.h"
#include "domain/Scoring.h"
#include "io/SampleWorkbook.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"
#include "unit/TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::SqliteDatabase;
using pb::store::StoreError;
using pb::store::Workbook;

class TestInvalidValues : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The sample workbook, edited by hand with these statements.
    QString handEdited(const QString &sql)
    {
        const QString path = m_dir.filePath(
            QString::fromLatin1(QTest::currentTestFunction()) + u"-"_s +
            QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + u".playbook"_s);
        if (io::SampleWorkbook::create(path))
            return {};
        SqliteDatabase db;
        if (!db.open(path, SqliteDatabase::Access::ReadWrite) || !db.exec(sql))
            return {};
        return path;
    }

    static QVariant stored(const QString &path, const QString &sql)
    {
        SqliteDatabase db;
        return db.open(path, SqliteDatabase::Access::ReadOnly) ? db.scalar(sql) : QVariant();
    }

    static QStringList where(const QList<InvalidValue> &values)
    {
        QStringList list;
        for (const InvalidValue &value : values)
            list << value.table + u'/' + value.record + u'/' + value.field + u'=' + value.stored;
        return list;
    }

private slots:
    void settings_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("invalid");
        QTest::addColumn<QString>("why");
        const auto set = [](const char *key, const char *value) {
            return u"INSERT OR REPLACE INTO settings VALUES ('%1', %2);"_s.arg(
                QLatin1StringView(key), QLatin1StringView(value));
        };
        QTest::newRow("weight abc") << set("weight.audience_overlap", "'abc'")
                                    << QStringList{u"settings/weight.audience_overlap/value=abc"_s}
                                    << u"must be a number; the default (1) is used"_s;
        QTest::newRow("negative weight")
            << set("weight.strategic_value", "-2")
            << QStringList{u"settings/weight.strategic_value/value=-2"_s} << u"negative"_s;
        QTest::newRow("every weight zero")
            << set("weight.audience_overlap", "0") + set("weight.strategic_value", "0") +
                   set("weight.ease_of_integration", "0")
            << QStringList{u"settings/weight.audience_overlap/value=0"_s,
                           u"settings/weight.strategic_value/value=0"_s,
                           u"settings/weight.ease_of_integration/value=0"_s}
            << u"greater than zero; the default (1) is used"_s;
        QTest::newRow("currency") << set("currency", "'EURO'")
                                  << QStringList{u"settings/currency/value=EURO"_s}
                                  << u"the default (USD) is used"_s;
        QTest::newRow("empty title")
            << set("title", "''") << QStringList{u"settings/title/value="_s}
            << u"must not be empty"_s;
        QTest::newRow("referral range upside down")
            << set("terms.referral_fee_min", "5000") + set("terms.referral_fee_max", "100")
            << QStringList{u"settings/terms.referral_fee_min/value=5000"_s,
                           u"settings/terms.referral_fee_max/value=100"_s}
            << u"minimum must not be above its maximum"_s;
        QTest::newRow("a newer version's key is left alone")
            << set("crm.sync_token", "'x'") << QStringList() << QString();
    }

    void settings()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, invalid);
        QFETCH(QString, why);
        const QString path = handEdited(sql);
        QVERIFY(!path.isEmpty());
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        const QList<InvalidValue> found = workbook->invalidValues();
        QCOMPARE(where(found), invalid);
        for (const InvalidValue &value : found) {
            QVERIFY2(value.why.contains(why), qPrintable(value.why));
            const auto key = WorkbookSettings::keyFromStorage(value.record);
            QVERIFY(key);
            // The default is used …
            QCOMPARE(workbook->setting(*key), WorkbookSettings::defaultValue(*key));
            const Finding finding = value.finding();
            QCOMPARE(finding.code, u"workbook.invalid_value"_s);
            QCOMPARE(finding.table, u"settings"_s);
            QCOMPARE(finding.record, value.record);
            QCOMPARE(finding.field, u"value"_s);
        }
        // … so that every candidate is scored and ranked as with the defaults.
        const ScoringWeights weights = WorkbookSettings::scoringWeights(workbook->settings());
        QVERIFY(weights.values[0] > 0 && weights.values[1] > 0 && weights.values[2] > 0);
        if (invalid.isEmpty())
            return;

        // Changing another setting leaves the stored value as it is.
        QVERIFY(!workbook->setSettings({{SettingKey::Owner, u"Jonas"_s}}));
        QCOMPARE(where(workbook->invalidValues()), invalid);
        const QString first = invalid.first().section(u'/', 1, 1);
        const QString sqlValue = invalid.first().section(u'=', 1);
        QCOMPARE(
            stored(path, u"SELECT value FROM settings WHERE key = '%1'"_s.arg(first)).toString(),
            sqlValue);
        // Changing it replaces it with what the user chose.
        const SettingKey key = *WorkbookSettings::keyFromStorage(first);
        QVariant chosen = WorkbookSettings::defaultValue(key);
        if (WorkbookSettings::spec(key).type == SettingType::Money)
            chosen = 150.0; // within the other end of the range
        QVERIFY(!workbook->setSettings({{key, chosen}}));
        QVERIFY(!where(workbook->invalidValues()).contains(invalid.first()));
    }

    void candidates_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown stage")
            << u"UPDATE candidates SET stage = 'exploded' WHERE name = 'Cobalt CRM'"_s << u"stage"_s
            << u"Cobalt CRM"_s << u"exploded"_s;
        QTest::newRow("unknown structure")
            << u"UPDATE candidates SET structure = 'strategic' WHERE name = 'Atlas Payroll'"_s
            << u"structure"_s << u"Atlas Payroll"_s << u"strategic"_s;
        QTest::newRow("empty name")
            << u"UPDATE candidates SET name = '', name_key = '' WHERE name = 'Nimbus Notes'"_s
            << u"name"_s << u"#28"_s << u""_s;
    }

    void candidates()
    {
        QFETCH(QString, sql);
        QFETCH(QString, field);
        QFETCH(QString, record);
        QFETCH(QString, value);
        const QString path = handEdited(sql);
        QVERIFY(!path.isEmpty());
        StoreError error;
        auto workbook = Workbook::open(path, {}, &error);
        QVERIFY2(workbook, qPrintable(error.message));
        QCOMPARE(where(workbook->invalidValues()),
                 QStringList{u"candidates/%1/%2=%3"_s.arg(record, field, value)});
        const QString column = u"SELECT %1 FROM candidates WHERE id = %2"_s;
        qint64 id = 0;
        for (const Candidate &c : workbook->candidates()) {
            if (c.name == record || (record.startsWith(u'#') && c.name.isEmpty()))
                id = c.id;
        }
        QVERIFY(id > 0);
        const Candidate candidate = *workbook->candidate(id);
        // Shown as what it is, not as "sourced" or "not named".
        const CandidateField candidateField = field == u"stage"       ? CandidateField::Stage
                                              : field == u"structure" ? CandidateField::Structure
                                                                      : CandidateField::Name;
        QCOMPARE(CandidateFields::value(candidate, candidateField).toString(), value);
        // Editing another field of that record writes it back as it was.
        QVERIFY(!workbook->setCandidateField(id, CandidateField::Notes, u"Edited"_s));
        QCOMPARE(stored(path, column.arg(field).arg(id)).toString(), value);
        QVERIFY(!workbook->updateCandidates({*workbook->candidate(id)}));
        QCOMPARE(stored(path, column.arg(field).arg(id)).toString(), value);
        ProposalFields terms;
        terms.structure = candidate.structure;
        QVERIFY(!workbook->setProposalFields(id, terms));
        QCOMPARE(stored(path, column.arg(field).arg(id)).toString(), value);
        QCOMPARE(workbook->invalidValues().size(), 1);
        if (field == u"name")
            return;
        // Choosing a value replaces it.
        QVERIFY(!workbook->setCandidateField(id, candidateField,
                                             field == u"stage" ? u"qualified"_s : u"referral"_s));
        QVERIFY(workbook->invalidValues().isEmpty());
        QVERIFY(workbook->candidate(id)->unknownStage.isEmpty());
        QVERIFY(workbook->candidate(id)->unknownStructure.isEmpty());
    }

    // A candidate whose stage is unknown gets no stage gate, and counts as no running
    // partnership.
    void unknownStageRaisesNoGate()
    {
        const QString path = handEdited(
            u"UPDATE candidates SET stage = 'exploded', revenue_theory = '' WHERE name = "
            u"'Ledgerly'"_s);
        StoreError error;
        auto workbook = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY(workbook);
        const qint64 id = *workbook->candidateIdByName(u"Ledgerly"_s);
        QVERIFY(CandidateRules::findings(*workbook->candidate(id)).isEmpty());
        QCOMPARE(workbook->partnershipKpis(id).stage, Stage::Sourced);
        QCOMPARE(workbook->activePartnershipCount(), 1); // Brightpath only
        QCOMPARE(workbook->candidateSummaries().at(0).unknownStage, u"exploded"_s);
    }
};

QTEST_GUILESS_MAIN(TestInvalidValues)
#include "tst_invalidvalues.moc"
