// Candidates in the store: field edits, unique names, removal and restore, imports that
// are all or nothing, and their undo through the editor.
#include "TestFiles.h"
#include "io/CandidateCsvPipeline.h"
#include "item/WorkbookEditor.h"
#include "store/CandidateImporter.h"
#include "store/Workbook.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

class TestCandidateStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;

    QList<Candidate> onDisk()
    {
        StoreError error;
        auto reader = Workbook::open(m_workbook->path(), {.readOnly = true}, &error);
        return reader ? reader->candidates() : QList<Candidate>();
    }

    static CandidatePatch patch(const QString &name, QMap<CandidateField, QVariant> values = {})
    {
        CandidatePatch p;
        p.name = name;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            p.set(it.key(), it.value());
        return p;
    }

private slots:
    void init()
    {
        StoreError error;
        m_workbook = Workbook::create(
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s),
            u"Test"_s, &error);
        QVERIFY(m_workbook);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        QList<Candidate> seed(2);
        seed[0].name = u"Acme"_s;
        seed[0].audienceOverlap = 3;
        seed[1].name = u"Globex"_s;
        QVERIFY(!m_workbook->insertCandidates(seed));
    }

    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void fieldEditsValidateAndUndo()
    {
        const qint64 id = m_workbook->candidates().first().id;
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::AudienceOverlap, u" 5 "_s),
                 QString());
        QCOMPARE(onDisk().first().audienceOverlap, std::optional<int>(5));
        QVERIFY(m_editor->changeCandidateField(id, CandidateField::AudienceOverlap, 7)
                    .contains(u"whole number from 1 to 5"_s));
        QVERIFY(m_editor->changeCandidateField(id, CandidateField::Stage, u"won"_s)
                    .contains(u"not a stage"_s));
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Readiness2, u"no"_s),
                 QString());
        QCOMPARE(onDisk().first().readiness[2], Readiness::No);
        QCOMPARE(m_editor->undoStack()->count(), 2);
        m_editor->undoStack()->undo();
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk().first().audienceOverlap, std::optional<int>(3));
        QCOMPARE(onDisk().first().readiness[2], Readiness::Unknown);
        // Clearing a score makes it "not scored".
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::AudienceOverlap, QString()),
                 QString());
        QCOMPARE(onDisk().first().audienceOverlap, std::nullopt);
    }

    void namesStayUnique()
    {
        const qint64 id = m_workbook->candidates().at(1).id;
        const QString error = m_editor->changeCandidateField(id, CandidateField::Name, u" ACME "_s);
        QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
        QVERIFY(m_editor->changeCandidateField(id, CandidateField::Name, u"  "_s)
                    .contains(u"must not be empty"_s));
        QCOMPARE(onDisk().at(1).name, u"Globex"_s);
        // Renaming to a different case of its own name is fine.
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Name, u"GLOBEX"_s), QString());
        QCOMPARE(onDisk().at(1).name, u"GLOBEX"_s);
    }

    void addAndDeleteUndo()
    {
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        QCOMPARE(m_workbook->candidate(id)->name, u"New candidate"_s);
        QCOMPARE(m_editor->addCandidate(nullptr), QString());
        QCOMPARE(onDisk().last().name, u"New candidate 2"_s);
        QCOMPARE(onDisk().size(), 4);

        const QList<Candidate> before = onDisk();
        QCOMPARE(m_editor->removeCandidates({before[0].id, before[1].id}), QString());
        QCOMPARE(onDisk().size(), 2);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(), before); // back with the same ids and fields
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk().size(), 2);
    }

    void candidatesWithPartnershipsAreKept()
    {
        const qint64 id = m_workbook->candidates().first().id;
        QList<KpiDefinition> kpis;
        QVERIFY(!m_workbook->addPartnership(id, {}, 90, kpis, nullptr));
        const QString error = m_editor->removeCandidates({id});
        QVERIFY(error.contains(u"has a partnership"_s));
        QCOMPARE(onDisk().size(), 2);
        QCOMPARE(m_editor->undoStack()->count(), 0);
    }

    void importAddsUpdatesAndUndoes()
    {
        const QList<Candidate> before = onDisk();
        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        store::ImportOutcome outcome;
        const QList<CandidatePatch> patches{
            patch(u" acme "_s, {{CandidateField::StrategicValue, 4}}),
            patch(u"Initech"_s, {{CandidateField::Structure, u"referral"_s},
                                 {CandidateField::AudienceOverlap, 2}}),
            patch(u"Globex"_s)};
        QCOMPARE(m_editor->importCandidates(patches, u"Import"_s, &outcome), QString());
        QCOMPARE(outcome.addedIds.size(), 1);
        QCOMPARE(outcome.updatedIds.size(), 1);
        QCOMPARE(outcome.unchanged, 1);
        QCOMPARE(spy.count(), 2);
        QList<Candidate> after = onDisk();
        QCOMPARE(after.size(), 3);
        QCOMPARE(after[0].name, u"Acme"_s);                        // the stored name is kept
        QCOMPARE(after[0].audienceOverlap, std::optional<int>(3)); // empty cell leaves it
        QCOMPARE(after[0].strategicValue, std::optional<int>(4));
        QCOMPARE(after[2].structure, Structure::Referral);

        QCOMPARE(m_editor->undoStack()->count(), 1);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(), before);
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk().size(), 3);
    }

    void importIsAllOrNothing()
    {
        const QList<Candidate> before = onDisk();
        // A value the schema refuses half-way through rolls everything back.
        QList<CandidatePatch> patches;
        for (int i = 0; i < 100; ++i)
            patches.append(patch(u"New %1"_s.arg(i)));
        patches.append(patch(u"Broken"_s, {{CandidateField::AudienceOverlap, 9}}));
        store::ImportOutcome outcome;
        const StoreError error = m_workbook->importCandidates(patches, &outcome);
        QVERIFY(error);
        QVERIFY(error.message.contains(u"nothing was changed"_s));
        QCOMPARE(onDisk(), before);
        QVERIFY(outcome.addedIds.isEmpty());
    }

    void pipelineRollsBackALateError()
    {
        const QList<Candidate> before = onDisk();
        const QByteArray original = test::readBytes(m_workbook->path());
        // Thousands of good rows (written in batches) and then one bad one.
        QByteArray csv = "name,audience_overlap\n";
        for (int i = 0; i < 5000; ++i)
            csv += "Bulk " + QByteArray::number(i) + "," + QByteArray::number(1 + i % 5) + "\n";
        csv += "Broken,8\n";
        {
            store::CandidateImporter importer(*m_workbook);
            bool storeFailed = false;
            const auto result = io::importCandidatesCsv(csv, u"big.csv"_s, importer, &storeFailed);
            QVERIFY(!storeFailed);
            QCOMPARE(result.errors.size(), 1);
            QVERIFY(
                result.errors.first().startsWith(u"big.csv:5002: column \"audience_overlap\""_s));
        } // dropped without commit: rolled back
        QCOMPARE(onDisk(), before);
        QCOMPARE(test::readBytes(m_workbook->path()), original);
        QVERIFY(m_workbook->integrityProblems().isEmpty());

        // The same file without the bad row imports completely.
        csv.chop(QByteArray("Broken,8\n").size());
        store::CandidateImporter importer(*m_workbook);
        bool storeFailed = false;
        const auto result = io::importCandidatesCsv(csv, u"big.csv"_s, importer, &storeFailed);
        QCOMPARE(result.errors, QStringList());
        store::ImportOutcome outcome;
        QVERIFY(!importer.commit(&outcome));
        QCOMPARE(outcome.addedIds.size(), 5000);
        QCOMPARE(onDisk().size(), 5002);
        // Batched rows got the ids the store reports.
        QCOMPARE(m_workbook->candidate(outcome.addedIds.last())->name, u"Bulk 4999"_s);
        QCOMPARE(m_workbook->candidate(outcome.addedIds.first())->name, u"Bulk 0"_s);
    }

    void bulkImportIntoAnEmptyTableRefusesADuplicateWithItsLine()
    {
        // The fast path (an empty table, rows bound in place) keeps the unique-name rule: a
        // name met twice, in any case, is refused with both lines and nothing is written.
        QList<qint64> ids;
        for (const Candidate &c : onDisk())
            ids.append(c.id);
        QVERIFY(!m_workbook->removeCandidates(ids));
        const QByteArray original = test::readBytes(m_workbook->path());
        QByteArray csv = "name,strategic_value\n";
        for (int i = 0; i < 5000; ++i)
            csv += "Bulk " + QByteArray::number(i) + ",3\n";
        csv += "BULK 10,4\n";
        store::CandidateImporter importer(*m_workbook);
        bool storeFailed = false;
        const auto result = io::importCandidatesCsv(csv, u"big.csv"_s, importer, &storeFailed);
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().startsWith(u"big.csv:5002: column \"name\""_s),
                 qPrintable(result.errors.first()));
        QVERIFY(result.errors.first().contains(u"line 12"_s));
        QCOMPARE(test::readBytes(m_workbook->path()), original);
        QVERIFY(onDisk().isEmpty());
    }

    void undoAndRedoOfAnImportKeepIdsAndValues()
    {
        QList<CandidatePatch> patches;
        for (int i = 0; i < 1500; ++i)
            patches.append(patch(u"New %1"_s.arg(i), {{CandidateField::Competes, u"no"_s}}));
        patches.append(patch(u"Acme"_s, {{CandidateField::Notes, u"imported"_s}}));
        const QList<Candidate> before = onDisk();
        store::ImportOutcome outcome;
        QCOMPARE(m_editor->importCandidates(patches, u"Import"_s, &outcome), QString());
        QCOMPARE(outcome.addedIds.size(), 1500);
        QCOMPARE(outcome.updatedIds.size(), 1);
        const QList<Candidate> after = onDisk();
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(), before);
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk(), after);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(), before);
    }

    void readOnlyRefusesEdits()
    {
        const QString path = m_workbook->path();
        m_editor.reset();
        m_workbook.reset();
        StoreError error;
        m_workbook = Workbook::open(path, {.readOnly = true}, &error);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        const qint64 id = m_workbook->candidates().first().id;
        QVERIFY(m_editor->changeCandidateField(id, CandidateField::Notes, u"x"_s)
                    .contains(u"read-only"_s));
        QVERIFY(!m_editor->addCandidate(nullptr).isEmpty());
        QVERIFY(!m_editor->removeCandidates({id}).isEmpty());
        store::ImportOutcome outcome;
        QVERIFY(!m_editor->importCandidates({patch(u"X"_s)}, u"Import"_s, &outcome).isEmpty());
        QCOMPARE(m_editor->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCandidateStore)
#include "tst_candidatestore.moc"
