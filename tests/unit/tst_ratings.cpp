// Several raters (issue 17): a workbook scored by one person looks and ranks as before; a
// colleague's scores in their copy are kept beside the first rater's, each dimension scoring
// the mean; the spread and the disagreement finding; "rank as" one rater; undo; a removed
// candidate put back with its ratings; and a merge that brings a colleague's ratings in.
#include "EditorSide.h"
#include "TestFiles.h"
#include "domain/CandidateRules.h"
#include "domain/Ratings.h"
#include "domain/Scoring.h"
#include "io/CandidateCsv.h"
#include "io/CandidateCsvPipeline.h"
#include "io/SampleWorkbook.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::item::CandidateTableModel;
using pb::store::StoreError;
using pb::store::Workbook;

class TestRatings : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    using Side = test::EditorSide;
    Side open(const QString &name, const QString &author) const
    {
        return Side::open(path(name), author);
    }

    // Maya's workbook (she scored first), and Ravi's copy of it with his own scores of
    // Ledgerly: audience 1 where Maya has 4 or so, strategic as hers.
    void makeRatedPair(const QString &ours, const QString &theirs)
    {
        QFile::remove(path(ours));
        QFile::remove(path(theirs));
        QVERIFY(!io::SampleWorkbook::create(path(ours)));
        {
            Side maya = open(ours, u"Maya"_s);
            QCOMPARE(maya.set(u"Ledgerly"_s, CandidateField::AudienceOverlap, 4), QString());
        }
        QVERIFY(QFile::copy(path(ours), path(theirs)));
        Side ravi = open(theirs, u"Ravi"_s);
        QCOMPARE(ravi.set(u"Ledgerly"_s, CandidateField::AudienceOverlap, 1), QString());
        QCOMPARE(ravi.set(u"Ledgerly"_s, CandidateField::StrategicValue,
                            ravi.candidate(u"Ledgerly"_s).strategicValue.value_or(3)),
                 QString());
    }

private slots:
    // One person scoring: their scores are the candidate's own, nothing else changes.
    void singleRaterLooksAsBefore()
    {
        QVERIFY(!io::SampleWorkbook::create(path(u"one.playbook"_s)));
        Side maya = open(u"one.playbook"_s, u"Maya"_s);
        QCOMPARE(maya.workbook->firstRater(), u"Maya"_s); // the sample's filler is not a person
        const QList<Candidate> before = maya.workbook->candidates();
        QCOMPARE(maya.set(u"Ledgerly"_s, CandidateField::EaseOfIntegration, 2), QString());
        const Candidate ledgerly = maya.candidate(u"Ledgerly"_s);
        QCOMPARE(ledgerly.easeOfIntegration, std::optional<int>(2));
        QVERIFY(ledgerly.ratings.isEmpty());
        QCOMPARE(maya.workbook->firstRater(), u"Maya"_s);

        CandidateTableModel model(maya.editor.get());
        QAbstractItemModelTester tester(&model);
        QVERIFY(!model.hasSeveralRaters());
        const int row = model.rowOf(ledgerly.id);
        // A whole number, as before: not "2.0".
        QCOMPARE(model.index(row, CandidateTableModel::EaseOfIntegrationColumn).data(),
                 QVariant(2));
        QCOMPARE(model.index(row, CandidateTableModel::SpreadColumn).data().toString(), QString());
        QVERIFY(model.index(row, CandidateTableModel::EaseOfIntegrationColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .isEmpty());
        for (const Candidate &c : before)
            QVERIFY(c.ratings.isEmpty());
    }

    // A colleague's scores in their copy are a rating beside the first rater's.
    void colleagueScoresAreKeptBeside()
    {
        makeRatedPair(u"a.playbook"_s, u"b.playbook"_s);
        Side ravi = open(u"b.playbook"_s, u"Ravi"_s);
        QCOMPARE(ravi.workbook->firstRater(), u"Maya"_s);
        const Candidate ledgerly = ravi.candidate(u"Ledgerly"_s);
        QCOMPARE(ledgerly.audienceOverlap, std::optional<int>(4)); // Maya's, untouched
        QCOMPARE(ledgerly.ratings.size(), 1);
        QCOMPARE(ledgerly.ratings[0].rater, u"Ravi"_s);
        QCOMPARE(ledgerly.ratings[0].audienceOverlap, std::optional<int>(1));
        QCOMPARE(Ratings::mean(ledgerly, Dimension::AudienceOverlap), std::optional<double>(2.5));
        QCOMPARE(Ratings::spread(ledgerly, Dimension::AudienceOverlap), std::optional<int>(3));
        QVERIFY(Ratings::disagree(ledgerly));
        const Findings findings = CandidateRules::findings(ledgerly);
        QVERIFY(std::any_of(findings.begin(), findings.end(), [](const Finding &f) {
            return f.code == u"candidate.raters_disagree";
        }));

        CandidateTableModel model(ravi.editor.get());
        QAbstractItemModelTester tester(&model);
        QVERIFY(model.hasSeveralRaters());
        QCOMPARE(model.raters(), QStringList({u"Maya"_s, u"Ravi"_s}));
        const int row = model.rowOf(ledgerly.id);
        const QModelIndex audience = model.index(row, CandidateTableModel::AudienceOverlapColumn);
        QCOMPARE(audience.data().toString(), u"2.5"_s);
        QCOMPARE(audience.data(Qt::EditRole), QVariant(1)); // Ravi edits his own score
        QCOMPARE(audience.data(Qt::ToolTipRole).toString(),
                 u"Mean of 2 raters: Maya 4, Ravi 1"_s);
        QCOMPARE(model.index(row, CandidateTableModel::SpreadColumn).data().toString(),
                 u"⚠ 3"_s);
        // The score formula takes the means.
        QCOMPARE(model.rankAt(row).score,
                 candidateScore(ledgerly, WorkbookSettings::scoringWeights(
                                              ravi.workbook->settings())));

        // Undo takes his score back; with no score left, his rating goes.
        const qint64 other = ravi.id(u"Cobalt CRM"_s);
        QCOMPARE(ravi.editor->changeCandidateField(other, CandidateField::StrategicValue, 1),
                 QString());
        QCOMPARE(ravi.workbook->candidate(other)->ratings.size(), 1);
        ravi.editor->undoStack()->undo();
        QVERIFY(ravi.workbook->candidate(other)->ratings.isEmpty());
        ravi.editor->undoStack()->redo();
        QCOMPARE(ravi.workbook->candidate(other)->ratings.size(), 1);
        QCOMPARE(ravi.workbook->candidate(other)->ratings[0].strategicValue,
                 std::optional<int>(1));
    }

    // "Rank as Ravi scored it": his scores alone rank, and edits are his.
    void rankAsOneRater()
    {
        makeRatedPair(u"c.playbook"_s, u"d.playbook"_s);
        Side maya = open(u"d.playbook"_s, u"Maya"_s);
        CandidateTableModel model(maya.editor.get());
        QAbstractItemModelTester tester(&model);
        const int row = model.rowOf(maya.id(u"Ledgerly"_s));
        model.setRankAs(u"Ravi"_s);
        const QModelIndex audience = model.index(row, CandidateTableModel::AudienceOverlapColumn);
        QCOMPARE(audience.data(), QVariant(1));
        // Ravi scored nothing else: every other candidate is unscored.
        int scored = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            scored += model.rankAt(r).score ? 1 : 0;
        QCOMPARE(scored, model.rankAt(row).score ? 1 : 0);
        QVERIFY(model.setData(audience, 2));
        QCOMPARE(maya.candidate(u"Ledgerly"_s).ratings[0].audienceOverlap, std::optional<int>(2));
        QCOMPARE(maya.candidate(u"Ledgerly"_s).audienceOverlap, std::optional<int>(4));
        model.setRankAs({});
        QCOMPARE(audience.data(), QVariant(3));
        QCOMPARE(audience.data(Qt::EditRole), QVariant(4)); // Maya's own again
    }

    // Removing a rated candidate and undoing it puts the ratings back too.
    void removedCandidateComesBackWithRatings()
    {
        makeRatedPair(u"e.playbook"_s, u"f.playbook"_s);
        Side ravi = open(u"f.playbook"_s, u"Ravi"_s);
        const Candidate before = ravi.candidate(u"Ledgerly"_s);
        // Ledgerly has a partnership; use a candidate without one, rated by Ravi.
        const QList<qint64> partners = ravi.workbook->candidatesWithPartnership();
        qint64 id = 0;
        for (const Candidate &c : ravi.workbook->candidates()) {
            if (!partners.contains(c.id))
                id = c.id;
        }
        QVERIFY(id != 0);
        QCOMPARE(ravi.editor->changeCandidateField(id, CandidateField::AudienceOverlap, 5),
                 QString());
        const Candidate rated = *ravi.workbook->candidate(id);
        QCOMPARE(rated.ratings.size(), 1);
        QCOMPARE(ravi.editor->removeCandidates({id}), QString());
        ravi.editor->undoStack()->undo();
        QCOMPARE(*ravi.workbook->candidate(id), rated);
        QCOMPARE(ravi.candidate(u"Ledgerly"_s), before);
    }

    // A merge brings the colleague's ratings in, without conflicts; again changes nothing.
    void mergeBringsRatings()
    {
        makeRatedPair(u"g.playbook"_s, u"h.playbook"_s);
        Side maya = open(u"g.playbook"_s, u"Maya"_s);
        QCOMPARE(maya.set(u"Ledgerly"_s, CandidateField::EaseOfIntegration, 5), QString());
        MergeReport report;
        QCOMPARE(maya.editor->mergeFrom(path(u"h.playbook"_s), {}, &report), QString());
        QVERIFY(report.conflicts.isEmpty());
        QVERIFY(report.applied);
        const Candidate ledgerly = maya.candidate(u"Ledgerly"_s);
        QCOMPARE(ledgerly.audienceOverlap, std::optional<int>(4));
        QCOMPARE(ledgerly.easeOfIntegration, std::optional<int>(5));
        QCOMPARE(ledgerly.ratings.size(), 1);
        QCOMPARE(ledgerly.ratings[0].rater, u"Ravi"_s);
        QCOMPARE(ledgerly.ratings[0].audienceOverlap, std::optional<int>(1));
        MergeReport again;
        QCOMPARE(maya.editor->mergeFrom(path(u"h.playbook"_s), {}, &again), QString());
        QVERIFY(again.changes.isEmpty());

        // And the other way round: Ravi's copy gets Maya's new score, and the same data.
        Side ravi = open(u"h.playbook"_s, u"Ravi"_s);
        MergeReport back;
        QCOMPARE(ravi.editor->mergeFrom(path(u"g.playbook"_s), {}, &back), QString());
        QVERIFY(back.conflicts.isEmpty());
        QCOMPARE(ravi.candidate(u"Ledgerly"_s), maya.candidate(u"Ledgerly"_s));
    }

    QString importCsv(Side &side, const QByteArray &csv, store::ImportOutcome *outcome = nullptr)
    {
        store::ImportOutcome kept;
        QString storeError;
        const io::CandidateCsvImport result = side.editor->importCandidatesFile(
            csv, u"raters.csv"_s, {}, [](const store::ImportOutcome &) { return u"Import"_s; },
            outcome ? outcome : &kept, &storeError);
        if (!result.errors.isEmpty())
            return result.errors.constFirst();
        return storeError;
    }

    // The candidates CSV with a rater column: one row per candidate and rater; it exports
    // and imports back, undo and redo of the import take the ratings too.
    void csvWithRaters()
    {
        makeRatedPair(u"i.playbook"_s, u"j.playbook"_s);
        Side ravi = open(u"j.playbook"_s, u"Ravi"_s);
        const QList<Candidate> candidates = ravi.workbook->candidates();
        const auto ranked = Ranking(candidates).rank(
            WorkbookSettings::scoringWeights(ravi.workbook->settings()));
        const QByteArray csv =
            io::CandidateCsv::write(candidates, ranked, u',', false, ravi.workbook->firstRater());
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines[0].startsWith("rank,score,name,rater,"));
        QVERIFY(csv.contains(",Ledgerly,Maya,"));
        QVERIFY(csv.contains(",,Ledgerly,Ravi,"));
        // A workbook scored by one person exports as before: no rater column.
        Side maya = open(u"i.playbook"_s, u"Maya"_s);
        const QList<Candidate> hers = maya.workbook->candidates();
        const QByteArray plain = io::CandidateCsv::write(
            hers, Ranking(hers).rank(ScoringWeights{}), u',', false, maya.workbook->firstRater());
        QVERIFY(!plain.split('\n')[0].contains("rater"));

        // Maya imports Ravi's file: his rating comes in, her own scores stay hers.
        store::ImportOutcome outcome;
        QCOMPARE(importCsv(maya, csv, &outcome), QString());
        QCOMPARE(maya.workbook->candidates().size(), candidates.size());
        Candidate ledgerly = maya.candidate(u"Ledgerly"_s);
        QCOMPARE(ledgerly.audienceOverlap, std::optional<int>(4));
        QCOMPARE(ledgerly.ratings.size(), 1);
        QCOMPARE(ledgerly.ratings[0].audienceOverlap, std::optional<int>(1));
        maya.editor->undoStack()->undo();
        QVERIFY(maya.candidate(u"Ledgerly"_s).ratings.isEmpty());
        maya.editor->undoStack()->redo();
        QCOMPARE(maya.candidate(u"Ledgerly"_s), ledgerly);

        // Ana's scores by hand: a new rater, a new candidate with her row after its own.
        const QByteArray ana = "name,rater,audience_overlap,strategic_value\n"
                               "Ledgerly,Ana,5,\n"
                               "Nimbus Labs,,3,3\n"
                               "Nimbus Labs,Ana,5,1\n";
        QCOMPARE(importCsv(maya, ana), QString());
        ledgerly = maya.candidate(u"Ledgerly"_s);
        QCOMPARE(ledgerly.ratings.size(), 2);
        QCOMPARE(Ratings::mean(ledgerly, Dimension::AudienceOverlap),
                 std::optional<double>(10.0 / 3.0));
        const Candidate nimbus = maya.candidate(u"Nimbus Labs"_s);
        QCOMPARE(nimbus.audienceOverlap, std::optional<int>(3));
        QCOMPARE(nimbus.ratings.size(), 1);
        QVERIFY(Ratings::disagree(nimbus));
        // Ravi's copy imports its own export back to the same data.
        QCOMPARE(importCsv(ravi, csv), QString());
        QCOMPARE(ravi.workbook->candidates(), candidates);
        // The first rater's own row by name sets the candidate's own scores.
        QCOMPARE(importCsv(maya, "name,rater,ease_of_integration\nNimbus Labs,maya,2\n"),
                 QString());
        QCOMPARE(maya.candidate(u"Nimbus Labs"_s).easeOfIntegration, std::optional<int>(2));
        QCOMPARE(maya.candidate(u"Nimbus Labs"_s).ratings.size(), 1);
    }

    // A candidate that arrives with a colleague's scores (a small import) shows the raters at
    // once: the rater chooser and the Spread column follow the model's list.
    void arrivingRaterIsNoticed()
    {
        QFile::remove(path(u"o.playbook"_s));
        QVERIFY(!io::SampleWorkbook::create(path(u"o.playbook"_s)));
        Side maya = open(u"o.playbook"_s, u"Maya"_s);
        CandidateTableModel model(maya.editor.get());
        QAbstractItemModelTester tester(&model);
        QVERIFY(!model.hasSeveralRaters());
        QSignalSpy raters(&model, &CandidateTableModel::ratersChanged);
        QCOMPARE(importCsv(maya, "name,rater,audience_overlap\nZeta,,3\nZeta,Ana,5\n"), QString());
        QVERIFY(model.hasSeveralRaters());
        QCOMPARE(raters.count(), 1);
        QCOMPARE(model.raters(), QStringList({u"Maya"_s, u"Ana"_s}));
    }

    // A rater's row for a candidate nobody has, or twice: refused by line, nothing changes.
    void csvRaterRowsRefused()
    {
        makeRatedPair(u"k.playbook"_s, u"l.playbook"_s);
        Side maya = open(u"k.playbook"_s, u"Maya"_s);
        const QList<Candidate> before = maya.workbook->candidates();
        const QString unknown =
            importCsv(maya, "name,rater,audience_overlap\nLedgerly,Ana,2\nNobody Inc,Ana,3\n");
        QVERIFY2(unknown.contains(u"Line 3"_s) && unknown.contains(u"Nobody Inc"_s),
                 qPrintable(unknown));
        QCOMPARE(maya.workbook->candidates(), before);
        const QString twice =
            importCsv(maya, "name,rater,audience_overlap\nLedgerly,Ana,2\nLedgerly,ana,3\n");
        QVERIFY2(twice.contains(u"twice"_s), qPrintable(twice));
        const QString bad = importCsv(maya, "name,rater,audience_overlap\nLedgerly,Ana,7\n");
        QVERIFY2(bad.contains(u"not a score"_s), qPrintable(bad));
        QCOMPARE(maya.workbook->candidates(), before);
    }

    // `rank` ranks by the means; `rank --as NAME` by one rater's scores; an unknown rater is
    // a usage error naming the raters; `check` reports the disagreement.
    void cliRanksByMeansAndByOneRater()
    {
        makeRatedPair(u"m.playbook"_s, u"n.playbook"_s);
        const auto run = [this](const QStringList &arguments, int *exitCode) {
            QProcess cli;
            cli.start(test::builtProgram(u"app/playbook-cli"_s), arguments);
            cli.waitForFinished(30000);
            *exitCode = cli.exitCode();
            return cli.readAllStandardOutput() + cli.readAllStandardError();
        };
        const auto ledgerlyRow = [](const QByteArray &json) {
            const QJsonArray rows = QJsonDocument::fromJson(json).object()[u"candidates"_s].toArray();
            for (const QJsonValue &row : rows) {
                if (row[u"name"_s].toString() == u"Ledgerly")
                    return row.toObject();
            }
            return QJsonObject();
        };
        int code = -1;
        const QByteArray all = run({u"rank"_s, path(u"n.playbook"_s), u"--json"_s}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(ledgerlyRow(all)[u"audience_overlap"_s].toDouble(), 2.5);
        const QByteArray ravi =
            run({u"rank"_s, path(u"n.playbook"_s), u"--json"_s, u"--as"_s, u"ravi"_s}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(ledgerlyRow(ravi)[u"audience_overlap"_s].toInt(), 1);
        QVERIFY(ledgerlyRow(ravi)[u"ease_of_integration"_s].isNull());
        const QByteArray csv = run({u"rank"_s, path(u"n.playbook"_s)}, &code);
        QVERIFY2(csv.contains(",Ledgerly,") && csv.contains(",2.5,"), csv.constData());
        const QByteArray nobody =
            run({u"rank"_s, path(u"n.playbook"_s), u"--as"_s, u"Zed"_s}, &code);
        QCOMPARE(code, 2);
        QVERIFY2(nobody.contains("Maya, Ravi"), nobody.constData());
        const QByteArray check = run({u"check"_s, path(u"n.playbook"_s), u"--json"_s}, &code);
        QVERIFY2(check.contains("candidate.raters_disagree"), check.constData());
    }
};

QTEST_GUILESS_MAIN(TestRatings)
#include "tst_ratings.moc"
