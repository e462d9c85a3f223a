// A workbook's identity and history (issue 17): the lineage a copy keeps, the lasting ids of
// records (kept through undo, redo and an upgrade), one step per edit with its author,
// label and field changes, undo and redo as steps, imports, and `playbook-cli history`.
#include "TestFiles.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

class TestHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    qint64 idOf(const QString &name) { return m_workbook->candidateIdByName(name).value_or(0); }
    HistoryStep newest() const
    {
        const QList<HistoryStep> steps = m_workbook->history({{}, {}, 1});
        return steps.isEmpty() ? HistoryStep{} : steps.constFirst();
    }
    // The sample workbook at name, opened for editing with an editor.
    bool openSample(const QString &name)
    {
        if (io::SampleWorkbook::create(path(name)))
            return false;
        StoreError error;
        m_workbook = Workbook::open(path(name), {}, &error);
        if (!m_workbook)
            return false;
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        return true;
    }
    bool openNew(const QString &name)
    {
        StoreError error;
        m_workbook = Workbook::create(path(name), u"Team"_s, &error);
        if (!m_workbook)
            return false;
        m_workbook->setAuthor(u"Maya"_s);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        return true;
    }

private slots:
    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void newWorkbookHasItsOwnLineageAndNoHistory()
    {
        QVERIFY(openNew(u"a.playbook"_s));
        const QByteArray lineage = m_workbook->lineage();
        QCOMPARE(lineage.size(), 16);
        QCOMPARE(m_workbook->historyStepCount(), 0);
        m_workbook.reset();
        // A plain copy of the file is of the same lineage; another new workbook is not.
        QVERIFY(QFile::copy(path(u"a.playbook"_s), path(u"copy.playbook"_s)));
        StoreError error;
        QCOMPARE(Workbook::open(path(u"copy.playbook"_s), {}, &error)->lineage(), lineage);
        QVERIFY(openNew(u"b.playbook"_s));
        QVERIFY(m_workbook->lineage() != lineage);
    }

    void editIsOneStepWithAuthorLabelAndField()
    {
        QVERIFY(openNew(u"edit.playbook"_s));
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        const QByteArray uid = m_workbook->candidateUid(id);
        QCOMPARE(uid.size(), 16);
        HistoryStep step = newest();
        QCOMPARE(step.author, u"Maya"_s);
        QCOMPARE(step.kind, HistoryKind::Edit);
        QCOMPARE(step.changes.size(), 1);
        QCOMPARE(step.changes[0].op, HistoryOp::Add);
        QCOMPARE(step.changes[0].record, uid);
        QCOMPARE(step.changes[0].after.toString(), u"New candidate"_s);

        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Stage, u"pilot"_s), QString());
        step = newest();
        QCOMPARE(step.label, m_editor->undoStack()->text(m_editor->undoStack()->count() - 1));
        QCOMPARE(step.changes.size(), 1); // updated_at and name_key follow; not changes
        const HistoryChange change = step.changes[0];
        QCOMPARE(change.entity, u"candidates"_s);
        QCOMPARE(change.field, u"stage"_s);
        QCOMPARE(change.op, HistoryOp::Change);
        QCOMPARE(change.before.toString(), u"sourced"_s);
        QCOMPARE(change.after.toString(), u"pilot"_s);
        QCOMPARE(change.owner, uid);
        QCOMPARE(step.madeAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(step.madeAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(step.id.size(), 16);
    }

    void anUndoStepThatTakesInTheNextEditStaysOneStep()
    {
        QVERIFY(openNew(u"merge.playbook"_s));
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Notes, u"Ca"_s), QString());
        const int commands = m_editor->undoStack()->count();
        const qint64 steps = m_workbook->historyStepCount();
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Notes, u"Call"_s), QString());
        QCOMPARE(m_editor->undoStack()->count(), commands); // merged into one undo step
        QCOMPARE(m_workbook->historyStepCount(), steps);     // and one step in the history
        const HistoryStep step = newest();
        QCOMPARE(step.changes.size(), 2);
        QCOMPARE(step.changes[1].after.toString(), u"Call"_s);
    }

    void nothingChangedLeavesNoStep()
    {
        QVERIFY(openNew(u"same.playbook"_s));
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        const qint64 steps = m_workbook->historyStepCount();
        QVERIFY(!m_workbook->setCandidateField(id, CandidateField::Stage, u"sourced"_s));
        QVERIFY(!m_workbook->setSettings(
            {{SettingKey::Title, m_workbook->setting(SettingKey::Title)}}));
        QCOMPARE(m_workbook->historyStepCount(), steps);
    }

    void undoAndRedoAreStepsAndKeepIds()
    {
        QVERIFY(openNew(u"undo.playbook"_s));
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        const QByteArray uid = m_workbook->candidateUid(id);
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Owner, u"Ravi"_s), QString());
        m_editor->undoStack()->undo();
        HistoryStep step = newest();
        QCOMPARE(step.kind, HistoryKind::Undo);
        QCOMPARE(step.changes.size(), 1);
        QCOMPARE(step.changes[0].before.toString(), u"Ravi"_s);
        QCOMPARE(step.changes[0].after.toString(), QString());
        m_editor->undoStack()->redo();
        QCOMPARE(newest().kind, HistoryKind::Redo);

        // Removed, then put back by undo: the same record, with the same lasting id.
        QCOMPARE(m_editor->removeCandidates({id}), QString());
        step = newest();
        QCOMPARE(step.changes.size(), 1);
        QCOMPARE(step.changes[0].op, HistoryOp::Remove);
        QCOMPARE(step.changes[0].before.toString(), u"New candidate"_s);
        m_editor->undoStack()->undo();
        QCOMPARE(newest().changes.value(0).op, HistoryOp::Add);
        QCOMPARE(m_workbook->candidateUid(id), uid);
        m_editor->undoStack()->undo(); // the owner edit
        m_editor->undoStack()->undo(); // the candidate's addition
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->candidateUid(id), uid);
        // A new candidate never takes the lasting id of one removed earlier.
        QCOMPARE(m_editor->removeCandidates({id}), QString());
        qint64 other = 0;
        QCOMPARE(m_editor->addCandidate(&other), QString());
        QVERIFY(m_workbook->candidateUid(other) != uid);
    }

    void importIsOneStepAndUndoKeepsIds()
    {
        QVERIFY(openNew(u"import.playbook"_s));
        const QByteArray csv = "name,stage\nAcme,sourced\nBeta,pilot\nGamma,qualified\n";
        store::ImportOutcome outcome;
        QString storeError;
        const io::CandidateCsvImport result = m_editor->importCandidatesFile(
            csv, u"team.csv"_s, {}, [](const store::ImportOutcome &) { return u"Import"_s; },
            &outcome, &storeError);
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(outcome.addedIds.size(), 3);
        HistoryStep step = newest();
        QCOMPARE(step.kind, HistoryKind::Import);
        QCOMPARE(step.label, u"Import team.csv"_s);
        // An import's added records are counted, not listed (imports stay fast).
        QCOMPARE(step.changes.size(), 1);
        QVERIFY(step.changes[0].record.isEmpty());
        QCOMPARE(step.changes[0].after.toInt(), 3);
        const QByteArray beta = m_workbook->candidateUid(idOf(u"Beta"_s));
        m_editor->undoStack()->undo();
        QCOMPARE(newest().changes.size(), 3);
        QCOMPARE(newest().changes[0].op, HistoryOp::Remove);
        m_editor->undoStack()->redo();
        QCOMPARE(m_workbook->candidateUid(idOf(u"Beta"_s)), beta);
    }

    void historyOfOneCandidate()
    {
        QVERIFY(openSample(u"sample.playbook"_s));
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        QCOMPARE(m_editor->changeCandidateField(ledgerly, CandidateField::Notes, u"Call"_s),
                 QString());
        QCOMPARE(m_editor->changeCandidateField(idOf(u"Cobalt CRM"_s), CandidateField::Notes,
                                                u"Later"_s),
                 QString());
        HistoryQuery query;
        query.owner = m_workbook->candidateUid(ledgerly);
        const QList<HistoryStep> steps = m_workbook->history(query);
        QVERIFY(steps.size() >= 2); // the note, and the sample's own steps
        QCOMPARE(steps.constFirst().changes.value(0).after.toString(), u"Call"_s);
        for (const HistoryStep &step : steps) {
            QVERIFY(!step.changes.isEmpty());
            for (const HistoryChange &change : step.changes)
                QCOMPARE(change.owner, query.owner);
        }
        // Every record of the sample has its own lasting id.
        QCOMPARE(m_workbook->candidateNamesByUid().size(), m_workbook->candidates().size());
        // --since later than everything: nothing.
        query = {QDateTime::currentDateTimeUtc().addDays(1), {}, 0};
        QVERIFY(m_workbook->history(query).isEmpty());
    }

    void raciEditRecordsOnlyWhatChanged()
    {
        QVERIFY(openSample(u"raci.playbook"_s));
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        RaciGrid grid = m_workbook->raciGrid(ledgerly);
        QVERIFY(grid.parties.size() >= 2 && grid.activities.size() >= 2);
        const QString oldName = grid.parties[0].name;
        grid.parties[0].name = u"Head of Partnerships"_s;
        const RaciRole oldRole = grid.cell(1, 1);
        grid.cells[1][1] = oldRole == RaciRole::Consulted ? RaciRole::Informed
                                                          : RaciRole::Consulted;
        QCOMPARE(m_editor->changeRaciGrid(ledgerly, grid, u"Edit grid"_s), QString());
        HistoryStep step = newest();
        QCOMPARE(step.changes.size(), 2);
        QCOMPARE(step.changes[0].entity, u"raci_parties"_s);
        QCOMPARE(step.changes[0].field, u"name"_s);
        QCOMPARE(step.changes[0].before.toString(), oldName);
        QCOMPARE(step.changes[1].entity, u"raci_cells"_s);
        // Undo puts the name back in the same record.
        const QByteArray party = step.changes[0].record;
        m_editor->undoStack()->undo();
        step = newest();
        QCOMPARE(step.kind, HistoryKind::Undo);
        QCOMPARE(step.changes[0].record, party);
        QCOMPARE(step.changes[0].after.toString(), oldName);
        QCOMPARE(m_workbook->raciGrid(ledgerly).cell(1, 1), oldRole);
    }

    void kpiEditRecordsOnlyWhatChanged()
    {
        QVERIFY(openSample(u"kpis.playbook"_s));
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        QList<KpiSeries> kpis = m_workbook->partnershipKpis(ledgerly).kpis;
        QVERIFY(kpis.size() >= 2);
        kpis[0].definition.target = kpis[0].definition.target.value_or(0) + 7;
        QCOMPARE(m_editor->changeKpis(ledgerly, kpis, u"Change target"_s), QString());
        const HistoryStep step = newest();
        QCOMPARE(step.changes.size(), 1);
        QCOMPARE(step.changes[0].entity, u"kpis"_s);
        QCOMPARE(step.changes[0].field, u"target"_s);
    }

    // Revert This Change for a record without an editor of its own here: a KPI's target and a
    // RACI cell are set back by their lasting keys, as one undo step.
    void revertKpiTargetAndRaciCell()
    {
        QVERIFY(openSample(u"revert.playbook"_s));
        const qint64 ledgerly = idOf(u"Ledgerly"_s);
        QList<KpiSeries> kpis = m_workbook->partnershipKpis(ledgerly).kpis;
        const std::optional<double> target = kpis[0].definition.target;
        kpis[0].definition.target = target.value_or(0) + 7;
        QCOMPARE(m_editor->changeKpis(ledgerly, kpis, u"Change target"_s), QString());
        const HistoryStep kpiStep = newest();
        RaciGrid grid = m_workbook->raciGrid(ledgerly);
        const RaciRole role = grid.cell(0, 0);
        grid.cells[0][0] = role == RaciRole::Informed ? RaciRole::Consulted : RaciRole::Informed;
        QCOMPARE(m_editor->changeRaciGrid(ledgerly, grid, u"Edit grid"_s), QString());
        const HistoryStep raciStep = newest();
        QCOMPARE(raciStep.changes.size(), 1);

        QCOMPARE(m_editor->revertChange(kpiStep, kpiStep.changes[0]), QString());
        QCOMPARE(m_workbook->partnershipKpis(ledgerly).kpis[0].definition.target, target);
        QCOMPARE(newest().kind, HistoryKind::Revert);
        QCOMPARE(m_editor->revertChange(raciStep, raciStep.changes[0]), QString());
        QCOMPARE(m_workbook->raciGrid(ledgerly).cell(0, 0), role);
        // Undo takes the revert back; the cell's earlier revert is now refused (a later change).
        m_editor->undoStack()->undo();
        QVERIFY(m_workbook->raciGrid(ledgerly).cell(0, 0) != role);
        QVERIFY(!m_editor->revertChange(kpiStep, kpiStep.changes[0]).isEmpty());
    }

    void upgradeGivesRecordsIdsAndTheWorkbookALineage()
    {
        const QString file = path(u"v10.playbook"_s);
        QVERIFY(!Workbook::createAtVersion(file, 10, u"Version 10"_s));
        {
            store::SqliteDatabase db;
            QVERIFY(db.open(file, store::SqliteDatabase::Access::ReadWrite));
            QVERIFY(db.exec(u"INSERT INTO candidates(name, name_key) VALUES ('A', 'a'), "
                            u"('B', 'b'); INSERT INTO partnerships(candidate_id) VALUES (1);"_s));
        }
        StoreError error;
        m_workbook = Workbook::open(file, {}, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        QCOMPARE(m_workbook->lineage().size(), 16);
        QCOMPARE(m_workbook->historyStepCount(), 0); // the upgrade is not an edit
        const QHash<QByteArray, QString> names = m_workbook->candidateNamesByUid();
        QCOMPARE(names.size(), 2);
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            QCOMPARE(it.key().size(), 16);
    }

    void cliHistory()
    {
        QVERIFY(openNew(u"cli.playbook"_s));
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Name, u"Acme"_s), QString());
        m_editor.reset();
        m_workbook.reset();
        QProcess cli;
        cli.start(test::builtProgram(u"app/playbook-cli"_s),
                  {u"history"_s, path(u"cli.playbook"_s), u"--json"_s});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject root = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonArray steps = root.value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 2);
        const QJsonObject rename = steps.at(0).toObject();
        QCOMPARE(rename.value(u"author"_s).toString(), u"Maya"_s);
        const QJsonObject change = rename.value(u"changes"_s).toArray().at(0).toObject();
        QCOMPARE(change.value(u"field"_s).toString(), u"name"_s);
        QCOMPARE(change.value(u"before"_s).toString(), u"New candidate"_s);
        QCOMPARE(change.value(u"after"_s).toString(), u"Acme"_s);
        QCOMPARE(change.value(u"candidate"_s).toString(), u"Acme"_s);
        QCOMPARE(root.value(u"lineage"_s).toString().size(), 32);

        cli.start(test::builtProgram(u"app/playbook-cli"_s),
                  {u"history"_s, path(u"cli.playbook"_s), u"--since"_s, u"soon"_s});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(cli.readAllStandardError().contains("--since"));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
