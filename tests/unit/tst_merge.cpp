// Merging a colleague's copy of a workbook (issue 17): changes made on one side only are
// applied, whichever side; both orders give the same workbook; each kind of conflict; the
// options that settle them (--prefer, one by one); a dry run; merging twice; a plain file
// copy; another lineage, an older file and the workbook itself refused; undo and redo of a
// merge; and `playbook-cli merge`.
#include "EditorSide.h"
#include "TestFiles.h"
#include "io/SampleWorkbook.h"
#include "item/WorkbookEditor.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace {

// Everything a merge can bring in, as text: candidates with every field, each partnership's
// RACI grid, KPIs with their values, contract checklist and terms, and the settings.
QString fingerprint(Workbook &workbook)
{
    QStringList lines;
    for (const Candidate &candidate : workbook.candidates()) {
        QStringList fields;
        for (int f = 0; f < kCandidateFieldCount; ++f)
            fields << CandidateFields::value(candidate, CandidateField(f)).toString();
        lines << fields.join(u'|');
    }
    for (const qint64 id : workbook.candidatesWithPartnership()) {
        const QString name = workbook.candidate(id)->name;
        const RaciGrid grid = workbook.raciGrid(id);
        for (const RaciParty &party : grid.parties)
            lines << name + u" party "_s + party.name;
        for (qsizetype a = 0; a < grid.activities.size(); ++a) {
            QString row = name + u" activity "_s + grid.activities[a].name;
            for (qsizetype p = 0; p < grid.parties.size(); ++p)
                row += u' ' + raciRoleText(grid.cell(a, p));
            lines << row;
        }
        for (const KpiSeries &kpi : workbook.partnershipKpis(id).kpis) {
            QString row = name + u" kpi "_s + kpi.definition.name + u' ' +
                          QString::number(kpi.definition.target.value_or(-1));
            for (const KpiValue &value : kpi.values)
                row += u' ' + value.period.toString() + u'=' + QString::number(value.value);
            lines << row;
        }
        for (const ChecklistItem &item : workbook.checklist(id, ChecklistKind::Contract))
            lines << name + u" contract "_s + item.key + u' ' + itemStatusId(item.status);
        const Proposal proposal = workbook.proposal(id);
        for (int f = 0; f < kProposalFieldCount; ++f)
            lines << name + u" proposal "_s + QString::number(f) + u' ' +
                         proposal.value(ProposalField(f)).toString();
    }
    const SettingValues settings = workbook.settings();
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        lines << WorkbookSettings::storageKey(it.key()) + u'=' + it.value().toString();
    lines.sort();
    return lines.join(u'\n');
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The sample, and a plain copy of its file: two colleagues' copies of one workbook.
    void makePair(const QString &ours, const QString &theirs)
    {
        QFile::remove(path(ours));
        QFile::remove(path(theirs));
        QVERIFY(!io::SampleWorkbook::create(path(ours)));
        QVERIFY(QFile::copy(path(ours), path(theirs)));
    }

    using Side = test::EditorSide;
    Side open(const QString &name, const QString &author) const
    {
        return Side::open(path(name), author);
    }
    MergeReport merge(Side &side, const QString &other, const MergeOptions &options = {})
    {
        MergeReport report;
        const QString error = side.editor->mergeFrom(path(other), options, &report);
        if (!error.isEmpty())
            qWarning() << error;
        return report;
    }

    // Theirs: a field of a candidate, a new candidate, a RACI cell, a KPI value, a checklist
    // item, a term, a setting, a removed candidate. Ours: another field and a new candidate.
    void editBothSides()
    {
        makePair(u"a.playbook"_s, u"b.playbook"_s);
        Side theirs = open(u"b.playbook"_s, u"Ravi"_s);
        QVERIFY(theirs.workbook);
        QCOMPARE(theirs.set(u"Cobalt CRM"_s, CandidateField::Notes, u"Call Ana"_s), QString());
        QCOMPARE(theirs.set(u"Brightpath Consulting"_s, CandidateField::Name, u"Brightpath"_s),
                 QString());
        qint64 added = 0;
        QCOMPARE(theirs.editor->addCandidate(&added), QString());
        QCOMPARE(theirs.editor->changeCandidateField(added, CandidateField::Name, u"Zeta"_s),
                 QString());
        const qint64 ledgerly = theirs.id(u"Ledgerly"_s);
        RaciGrid grid = theirs.workbook->raciGrid(ledgerly);
        grid.cells[0][1] = grid.cell(0, 1) == RaciRole::Informed ? RaciRole::Consulted
                                                                 : RaciRole::Informed;
        QCOMPARE(theirs.editor->changeRaciGrid(ledgerly, grid, u"Edit grid"_s), QString());
        const KpiSeries kpi = theirs.workbook->partnershipKpis(ledgerly).kpis.constFirst();
        QCOMPARE(theirs.editor->changeKpiValues(
                     ledgerly, {{kpi.definition.id, KpiPeriod::month(2031, 1), 42.0}}, u"Enter"_s),
                 QString());
        QCOMPARE(theirs.editor->changeChecklist(ledgerly, ChecklistKind::Contract,
                                                {{u"scope"_s, ItemStatus::Agreed, {}, {}}},
                                                u"Agree scope"_s),
                 QString());
        QCOMPARE(theirs.editor->changeSettings({{SettingKey::Currency, u"GBP"_s}}), QString());
        const QList<Candidate> all = theirs.workbook->candidates();
        const auto loose = std::find_if(all.cbegin(), all.cend(), [&](const Candidate &c) {
            return !theirs.workbook->candidatesWithPartnership().contains(c.id);
        });
        QVERIFY(loose != all.cend());
        m_removed = loose->name;
        QCOMPARE(theirs.editor->removeCandidates({loose->id}), QString());

        Side ours = open(u"a.playbook"_s, u"Maya"_s);
        QCOMPARE(ours.set(u"Ledgerly"_s, CandidateField::Owner, u"Maya"_s), QString());
        QCOMPARE(ours.editor->addCandidate(&added), QString());
        QCOMPARE(ours.editor->changeCandidateField(added, CandidateField::Name, u"Alpha"_s),
                 QString());
    }
    QString m_removed;

private slots:
    void changesOfEachSideMeetAndBothOrdersAgree()
    {
        editBothSides();
        QString afterOurs;
        {
            Side ours = open(u"a.playbook"_s, u"Maya"_s);
            const MergeReport report = merge(ours, u"b.playbook"_s);
            QVERIFY(report.applied);
            QCOMPARE(report.conflicts.size(), 0);
            QCOMPARE(report.otherAuthors, QStringList{u"Ravi"_s});
            QVERIFY(report.theirSteps >= 7);
            const Workbook &w = *ours.workbook;
            QCOMPARE(w.candidate(ours.id(u"Cobalt CRM"_s))->notes, u"Call Ana"_s);
            QCOMPARE(w.candidate(ours.id(u"Ledgerly"_s))->owner, u"Maya"_s);
            QVERIFY(ours.id(u"Zeta"_s) != 0);
            QVERIFY(ours.id(u"Brightpath"_s) != 0); // renamed there: found by its new name
            QCOMPARE(ours.id(u"Brightpath Consulting"_s), 0);
            QVERIFY(ours.id(u"Alpha"_s) != 0);
            QCOMPARE(ours.id(m_removed), 0);
            QCOMPARE(w.setting(SettingKey::Currency).toString(), u"GBP"_s);
            const qint64 ledgerly = ours.id(u"Ledgerly"_s);
            QCOMPARE(w.partnershipKpis(ledgerly).kpis.constFirst().valueAt(
                         KpiPeriod::month(2031, 1)),
                     42.0);
            afterOurs = fingerprint(*ours.workbook);
            // The merge is one step in the history, naming the other file and its author.
            const QList<HistoryStep> merges = [&] {
                QList<HistoryStep> found;
                for (const HistoryStep &s : w.history())
                    if (s.kind == HistoryKind::Merge)
                        found << s;
                return found;
            }();
            QCOMPARE(merges.size(), 1);
            // Newest: above the steps of theirs it brought in.
            QCOMPARE(w.history({{}, {}, 1}).constFirst().kind, HistoryKind::Merge);
            QVERIFY(merges[0].origin.contains(u"b.playbook"_s));
            QVERIFY(merges[0].origin.contains(u"Ravi"_s));
        }
        Side theirs = open(u"b.playbook"_s, u"Ravi"_s);
        const MergeReport back = merge(theirs, u"a.playbook"_s);
        QVERIFY(back.applied);
        QCOMPARE(back.conflicts.size(), 0);
        QCOMPARE(fingerprint(*theirs.workbook), afterOurs);
    }

    void mergingTwiceChangesNothing()
    {
        editBothSides();
        Side ours = open(u"a.playbook"_s, u"Maya"_s);
        QVERIFY(merge(ours, u"b.playbook"_s).applied);
        const QString once = fingerprint(*ours.workbook);
        const qint64 steps = ours.workbook->historyStepCount();
        const MergeReport again = merge(ours, u"b.playbook"_s);
        QCOMPARE(again.theirSteps, 0);
        QCOMPARE(again.changes.size(), 0);
        QCOMPARE(fingerprint(*ours.workbook), once);
        QCOMPARE(ours.workbook->historyStepCount(), steps);
        QCOMPARE(ours.editor->undoStack()->count(), 1); // this session: the first merge only
    }

    void dryRunWritesNothing()
    {
        editBothSides();
        Side ours = open(u"a.playbook"_s, u"Maya"_s);
        const QString before = fingerprint(*ours.workbook);
        const qint64 steps = ours.workbook->historyStepCount();
        MergeOptions options;
        options.dryRun = true;
        const MergeReport report = merge(ours, u"b.playbook"_s, options);
        QVERIFY(!report.applied);
        QVERIFY(report.changes.size() >= 7);
        QCOMPARE(fingerprint(*ours.workbook), before);
        QCOMPARE(ours.workbook->historyStepCount(), steps);
        QCOMPARE(ours.editor->undoStack()->count(), 0);
    }

    void undoAndRedoOfAMerge()
    {
        editBothSides();
        Side ours = open(u"a.playbook"_s, u"Maya"_s);
        const QString before = fingerprint(*ours.workbook);
        QVERIFY(merge(ours, u"b.playbook"_s).applied);
        const QString after = fingerprint(*ours.workbook);
        ours.editor->undoStack()->undo();
        QCOMPARE(fingerprint(*ours.workbook), before);
        // Undone, their steps are no longer ours: merging again brings them in again.
        MergeOptions dry;
        dry.dryRun = true;
        QVERIFY(merge(ours, u"b.playbook"_s, dry).theirSteps >= 7);
        ours.editor->undoStack()->redo();
        QCOMPARE(fingerprint(*ours.workbook), after);
        QCOMPARE(merge(ours, u"b.playbook"_s, dry).theirSteps, 0);
    }

    void sameValueOnBothSidesIsNoConflict()
    {
        makePair(u"s1.playbook"_s, u"s2.playbook"_s);
        for (const QString &name : {u"s1.playbook"_s, u"s2.playbook"_s}) {
            Side side = open(name, name);
            QCOMPARE(side.set(u"Ledgerly"_s, CandidateField::Owner, u"Ravi"_s), QString());
        }
        Side ours = open(u"s1.playbook"_s, u"Maya"_s);
        const MergeReport report = merge(ours, u"s2.playbook"_s);
        QVERIFY(report.applied);
        QCOMPARE(report.conflicts.size(), 0);
        QCOMPARE(report.changes.size(), 0);
    }

    void fieldChangedOnBothSides_data()
    {
        QTest::addColumn<int>("prefer"); // -1 none, 0 ours, 1 theirs, 2 chosen one by one
        QTest::addColumn<QString>("owner");
        QTest::newRow("open") << -1 << u"Ours"_s;
        QTest::newRow("prefer ours") << 0 << u"Ours"_s;
        QTest::newRow("prefer theirs") << 1 << u"Theirs"_s;
        QTest::newRow("chosen") << 2 << u"Theirs"_s;
    }
    void fieldChangedOnBothSides()
    {
        QFETCH(int, prefer);
        QFETCH(QString, owner);
        makePair(u"c1.playbook"_s, u"c2.playbook"_s);
        QString baseOwner;
        {
            Side theirs = open(u"c2.playbook"_s, u"Ravi"_s);
            baseOwner = theirs.workbook->candidate(theirs.id(u"Ledgerly"_s))->owner;
            QCOMPARE(theirs.set(u"Ledgerly"_s, CandidateField::Owner, u"Theirs"_s), QString());
        }
        Side ours = open(u"c1.playbook"_s, u"Maya"_s);
        QCOMPARE(ours.set(u"Ledgerly"_s, CandidateField::Owner, u"Ours"_s), QString());
        MergeOptions options;
        if (prefer == 0 || prefer == 1)
            options.prefer = MergeSide(prefer);
        if (prefer == 2) {
            MergeOptions dry;
            dry.dryRun = true;
            const MergeReport first = merge(ours, u"c2.playbook"_s, dry);
            QCOMPARE(first.conflicts.size(), 1);
            options.choices.insert(first.conflicts[0].key(), MergeSide::Theirs);
        }
        const MergeReport report = merge(ours, u"c2.playbook"_s, options);
        QCOMPARE(report.conflicts.size(), 1);
        const MergeConflict &conflict = report.conflicts[0];
        QCOMPARE(conflict.kind, MergeConflictKind::ChangedOnBoth);
        QCOMPARE(conflict.field, u"owner"_s);
        QCOMPARE(conflict.ownerName, u"Ledgerly"_s);
        QCOMPARE(conflict.ours.toString(), u"Ours"_s);
        QCOMPARE(conflict.theirs.toString(), u"Theirs"_s);
        QCOMPARE(conflict.base.toString(), baseOwner);
        QCOMPARE(report.applied, prefer != -1);
        QCOMPARE(ours.workbook->candidate(ours.id(u"Ledgerly"_s))->owner, owner);
    }

    void removedOnOneSideChangedOnTheOther()
    {
        for (const bool removedByUs : {true, false}) {
            makePair(u"r1.playbook"_s, u"r2.playbook"_s);
            QString victim;
            {
                Side remover = open(removedByUs ? u"r1.playbook"_s : u"r2.playbook"_s, u"R"_s);
                const QList<Candidate> all = remover.workbook->candidates();
                for (const Candidate &c : all) {
                    if (!remover.workbook->candidatesWithPartnership().contains(c.id)) {
                        victim = c.name;
                        break;
                    }
                }
                QCOMPARE(remover.editor->removeCandidates({remover.id(victim)}), QString());
                Side editor = open(removedByUs ? u"r2.playbook"_s : u"r1.playbook"_s, u"E"_s);
                QCOMPARE(editor.set(victim, CandidateField::Notes, u"Keep!"_s), QString());
            }
            Side ours = open(u"r1.playbook"_s, u"Maya"_s);
            MergeReport report = merge(ours, u"r2.playbook"_s);
            QCOMPARE(report.conflicts.size(), 1);
            QCOMPARE(report.conflicts[0].kind, removedByUs
                                                   ? MergeConflictKind::RemovedByUsChangedByThem
                                                   : MergeConflictKind::ChangedByUsRemovedByThem);
            QCOMPARE(report.conflicts[0].ownerName, victim);
            QVERIFY(!report.applied);
            MergeOptions theirs;
            theirs.prefer = MergeSide::Theirs;
            report = merge(ours, u"r2.playbook"_s, theirs);
            QVERIFY(report.applied);
            // Theirs wins: the removal (theirs removed it) or their edit (we removed it).
            QCOMPARE(ours.id(victim) != 0, removedByUs);
            if (removedByUs)
                QCOMPARE(ours.workbook->candidate(ours.id(victim))->notes, u"Keep!"_s);
        }
    }

    void sameNameAddedOnBothSides()
    {
        makePair(u"n1.playbook"_s, u"n2.playbook"_s);
        for (const QString &name : {u"n1.playbook"_s, u"n2.playbook"_s}) {
            Side side = open(name, name);
            qint64 id = 0;
            QCOMPARE(side.editor->addCandidate(&id), QString());
            QCOMPARE(side.editor->changeCandidateField(id, CandidateField::Name, u"Omega"_s),
                     QString());
            QCOMPARE(side.editor->changeCandidateField(id, CandidateField::Notes, name),
                     QString());
        }
        Side ours = open(u"n1.playbook"_s, u"Maya"_s);
        MergeReport report = merge(ours, u"n2.playbook"_s);
        QCOMPARE(report.conflicts.size(), 1);
        QCOMPARE(report.conflicts[0].kind, MergeConflictKind::AddedOnBoth);
        MergeOptions theirs;
        theirs.prefer = MergeSide::Theirs;
        QVERIFY(merge(ours, u"n2.playbook"_s, theirs).applied);
        QCOMPARE(ours.workbook->candidate(ours.id(u"Omega"_s))->notes, u"n2.playbook"_s);
    }

    // Two colleagues each start the RACI grid of the same candidate, with the same parties and
    // activity: merged, it is one grid (one partnership, no party twice), with both their cells.
    void bothStartTheSameGrid()
    {
        makePair(u"g1.playbook"_s, u"g2.playbook"_s);
        QString name;
        for (const QString &file : {u"g1.playbook"_s, u"g2.playbook"_s}) {
            Side side = open(file, file);
            if (name.isEmpty()) {
                for (const Candidate &c : side.workbook->candidates()) {
                    if (!side.workbook->candidatesWithPartnership().contains(c.id)) {
                        name = c.name;
                        break;
                    }
                }
            }
            RaciGrid grid;
            grid.parties = {{0, u"BD lead"_s, RaciSide::Ours},
                            {0, u"Partner manager"_s, RaciSide::Partner}};
            grid.activities = {{0, u"Joint pitch"_s}};
            grid.normalise();
            grid.cells[0][0] = RaciRole::Accountable;
            if (file == u"g2.playbook")
                grid.cells[0][1] = RaciRole::Responsible;
            QCOMPARE(side.editor->changeRaciGrid(side.id(name), grid, u"Start grid"_s), QString());
        }
        Side ours = open(u"g1.playbook"_s, u"Maya"_s);
        const MergeReport report = merge(ours, u"g2.playbook"_s);
        QVERIFY(report.applied);
        QCOMPARE(report.conflicts.size(), 0);
        const RaciGrid merged = ours.workbook->raciGrid(ours.id(name));
        QCOMPARE(merged.parties.size(), 2);
        QCOMPARE(merged.activities.size(), 1);
        QCOMPARE(merged.cell(0, 0), RaciRole::Accountable);
        QCOMPARE(merged.cell(0, 1), RaciRole::Responsible);
    }

    // Merging again after they worked on what the first merge brought in, and then merging
    // back: no conflict (our merge step is not an edit of ours).
    void mergingAgainAfterTheyWorkedOn()
    {
        makePair(u"m1.playbook"_s, u"m2.playbook"_s);
        {
            Side theirs = open(u"m2.playbook"_s, u"Ravi"_s);
            qint64 added = 0;
            QCOMPARE(theirs.editor->addCandidate(&added), QString());
            QCOMPARE(theirs.editor->changeCandidateField(added, CandidateField::Name, u"Zeta"_s),
                     QString());
            Side ours = open(u"m1.playbook"_s, u"Maya"_s);
            QCOMPARE(ours.set(u"Ledgerly"_s, CandidateField::Owner, u"Maya"_s), QString());
            QVERIFY(merge(ours, u"m2.playbook"_s).applied);
            QCOMPARE(theirs.set(u"Zeta"_s, CandidateField::Notes, u"later"_s), QString());
            // Edited and set back there: no change of theirs at all.
            const QString owner = theirs.workbook->candidate(theirs.id(u"Ledgerly"_s))->owner;
            QCOMPARE(theirs.set(u"Ledgerly"_s, CandidateField::Owner, u"Ravi"_s), QString());
            QCOMPARE(theirs.set(u"Ledgerly"_s, CandidateField::Owner, owner), QString());
        }
        Side ours = open(u"m1.playbook"_s, u"Maya"_s);
        MergeReport report = merge(ours, u"m2.playbook"_s);
        QVERIFY(report.applied);
        QCOMPARE(report.conflicts.size(), 0);
        QCOMPARE(ours.workbook->candidate(ours.id(u"Zeta"_s))->notes, u"later"_s);
        QCOMPARE(ours.workbook->candidate(ours.id(u"Ledgerly"_s))->owner, u"Maya"_s);
        Side theirs = open(u"m2.playbook"_s, u"Ravi"_s);
        report = merge(theirs, u"m1.playbook"_s);
        QVERIFY(report.applied);
        QCOMPARE(report.conflicts.size(), 0);
        QCOMPARE(fingerprint(*theirs.workbook), fingerprint(*ours.workbook));
    }

    // Each side sets a different item of the same checklist: both come in, no conflict.
    void differentChecklistItemsMeet()
    {
        makePair(u"l1.playbook"_s, u"l2.playbook"_s);
        for (const QString &file : {u"l1.playbook"_s, u"l2.playbook"_s}) {
            Side side = open(file, file);
            const qint64 ledgerly = side.id(u"Ledgerly"_s);
            QList<ChecklistItem> items = side.workbook->checklist(ledgerly, ChecklistKind::Contract);
            const QString key = file == u"l1.playbook" ? u"scope"_s : u"exclusivity"_s;
            const auto stored = std::find_if(items.begin(), items.end(),
                                             [&](const ChecklistItem &i) { return i.key == key; });
            if (stored != items.end())
                stored->note = u"agreed by "_s + file;
            else
                items.append({key, ItemStatus::Agreed, {}, u"agreed by "_s + file});
            QCOMPARE(side.editor->changeChecklist(ledgerly, ChecklistKind::Contract, items,
                                                  u"Agree"_s),
                     QString());
            // Written in place: only the item set is in the history.
            QCOMPARE(side.workbook->history({{}, {}, 1}).constFirst().changes.size(), 1);
        }
        Side ours = open(u"l1.playbook"_s, u"Maya"_s);
        const MergeReport report = merge(ours, u"l2.playbook"_s);
        QVERIFY(report.applied);
        QCOMPARE(report.conflicts.size(), 0);
        QStringList notes;
        for (const ChecklistItem &item :
             ours.workbook->checklist(ours.id(u"Ledgerly"_s), ChecklistKind::Contract))
            notes << item.key + u' ' + item.note;
        QVERIFY(notes.contains(u"scope agreed by l1.playbook"_s));
        QVERIFY(notes.contains(u"exclusivity agreed by l2.playbook"_s));
    }

    void refusals()
    {
        makePair(u"x1.playbook"_s, u"x2.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path(u"other.playbook"_s)));
        QVERIFY(!Workbook::createAtVersion(path(u"old.playbook"_s), 10, u"Old"_s));
        QFile text(path(u"notes.playbook"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a workbook\n");
        text.close();
        Side ours = open(u"x1.playbook"_s, u"Maya"_s);
        const QString before = fingerprint(*ours.workbook);
        const auto refused = [&](const QString &other, StoreError::Code code, const char *says) {
            MergeReport report;
            const StoreError error = ours.workbook->merge(path(other), {}, &report);
            QCOMPARE(error.code, code);
            QVERIFY2(error.message.contains(QLatin1StringView(says)), qPrintable(error.message));
        };
        refused(u"other.playbook"_s, StoreError::Code::NotACopy, "Import Candidates");
        refused(u"old.playbook"_s, StoreError::Code::NotACopy, "without a history");
        refused(u"x1.playbook"_s, StoreError::Code::Exists, "itself");
        refused(u"notes.playbook"_s, StoreError::Code::NotSqlite, "notes.playbook");
        refused(u"missing.playbook"_s, StoreError::Code::Missing, "missing.playbook");
        QCOMPARE(fingerprint(*ours.workbook), before);
    }

    void cliMerge()
    {
        makePair(u"k1.playbook"_s, u"k2.playbook"_s);
        {
            Side theirs = open(u"k2.playbook"_s, u"Ravi"_s);
            QCOMPARE(theirs.set(u"Ledgerly"_s, CandidateField::Owner, u"Theirs"_s), QString());
            QCOMPARE(theirs.set(u"Cobalt CRM"_s, CandidateField::Notes, u"Theirs"_s), QString());
            Side ours = open(u"k1.playbook"_s, u"Maya"_s);
            QCOMPARE(ours.set(u"Ledgerly"_s, CandidateField::Owner, u"Ours"_s), QString());
        }
        const auto run = [&](const QStringList &extra, QByteArray *out) {
            QProcess cli;
            cli.start(test::builtProgram(u"app/playbook-cli"_s),
                      QStringList{u"merge"_s, path(u"k1.playbook"_s), path(u"k2.playbook"_s)} +
                          extra);
            cli.waitForFinished(30000);
            *out = cli.readAllStandardOutput();
            return cli.exitCode();
        };
        QByteArray out;
        QCOMPARE(run({}, &out), 2); // a conflict: nothing written
        QVERIFY(out.contains("nothing was written"));
        QCOMPARE(run({u"--dry-run"_s, u"--json"_s, u"--prefer"_s, u"theirs"_s}, &out), 0);
        QJsonObject root = QJsonDocument::fromJson(out).object();
        QCOMPARE(root.value(u"applied"_s).toBool(), false);
        QCOMPARE(root.value(u"conflicts"_s).toArray().size(), 1);
        QCOMPARE(root.value(u"changes"_s).toArray().size(), 2);
        QCOMPARE(run({u"--prefer"_s, u"sideways"_s}, &out), 2);
        {
            QProcess cli; // a workbook that is not a copy: refused, exit 2
            QVERIFY(!io::SampleWorkbook::create(path(u"k3.playbook"_s)));
            cli.start(test::builtProgram(u"app/playbook-cli"_s),
                      {u"merge"_s, path(u"k1.playbook"_s), path(u"k3.playbook"_s)});
            QVERIFY(cli.waitForFinished(30000));
            QCOMPARE(cli.exitCode(), 2);
            QVERIFY(cli.readAllStandardError().contains("not a copy"));
        }
        QCOMPARE(run({u"--prefer"_s, u"ours"_s, u"--json"_s}, &out), 0);
        root = QJsonDocument::fromJson(out).object();
        QCOMPARE(root.value(u"applied"_s).toBool(), true);
        const QJsonObject conflict = root.value(u"conflicts"_s).toArray().at(0).toObject();
        QCOMPARE(conflict.value(u"kind"_s).toString(), u"changed-on-both"_s);
        QCOMPARE(conflict.value(u"kept"_s).toString(), u"ours"_s);
        StoreError error;
        const auto merged = Workbook::open(path(u"k1.playbook"_s), {}, &error);
        QCOMPARE(merged->candidate(*merged->candidateIdByName(u"Ledgerly"_s))->owner, u"Ours"_s);
        QCOMPARE(merged->candidate(*merged->candidateIdByName(u"Cobalt CRM"_s))->notes,
                 u"Theirs"_s);
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
