// The candidates CSV format: header rules, value rules, all-or-nothing errors with
// FILE:LINE: column "NAME" messages, and the export/import round trip.
#include "io/CandidateCsv.h"
#include "io/FirstLines.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

class TestCandidateCsv : public QObject
{
    Q_OBJECT

    static io::CandidateCsvImport parse(const QString &text)
    {
        return io::CandidateCsv::parse(text.toUtf8(), u"list.csv"_s);
    }

private slots:
    void firstLinesRemembersEveryKey()
    {
        // Through several growths of its table: every key found again with its own line,
        // non-ASCII keys compared by their text, never a false duplicate.
        io::FirstLines lines;
        for (int i = 0; i < 50000; ++i)
            QCOMPARE(lines.insert(u"partner %1 ü"_s.arg(i), i + 2), 0);
        QCOMPARE(lines.size(), 50000);
        for (int i : {0, 1, 4095, 49999})
            QCOMPARE(lines.insert(u"partner %1 ü"_s.arg(i), 90000), i + 2);
        QCOMPARE(lines.insert(u"partner 1 u"_s, 90001), 0);
        QCOMPARE(lines.insert(u""_s, 90002), 0);
        QCOMPARE(lines.insert(u""_s, 90003), 90002);
    }

    void headerNamesAreForgiving()
    {
        const auto result = parse(u"Name;Audience Overlap;strategic-value;EASE_OF_INTEGRATION;"
                                  u"Structure;stage;Revenue theory\n"
                                  u"Acme;4;5;3;Technology;Qualified;They sell to our buyers\n"_s);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.patches.size(), 1);
        const CandidatePatch &p = result.patches.first();
        QCOMPARE(p.name, u"Acme"_s);
        QCOMPARE(p.line, 2);
        QCOMPARE(p.value(CandidateField::AudienceOverlap), QVariant(4));
        QCOMPARE(p.value(CandidateField::StrategicValue), QVariant(5));
        QCOMPARE(p.value(CandidateField::EaseOfIntegration), QVariant(3));
        QCOMPARE(p.value(CandidateField::Structure), QVariant(u"integration"_s));
        QCOMPARE(p.value(CandidateField::Stage), QVariant(u"qualified"_s));
        QCOMPARE(p.value(CandidateField::RevenueTheory), QVariant(u"They sell to our buyers"_s));
    }

    void aliasesAndEmptyCells()
    {
        const auto result = parse(u"name,structure,audience_overlap,owner\n"
                                  u"A,distribution,,\n"
                                  u"B,channel, 2 ,Maya\n"
                                  u"C,jv,,\n"
                                  u"D,,,\n"_s);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.patches.size(), 4);
        QCOMPARE(result.patches[0].value(CandidateField::Structure), QVariant(u"reseller"_s));
        QVERIFY(!result.patches[0].has(CandidateField::AudienceOverlap));
        QCOMPARE(result.patches[1].value(CandidateField::Structure), QVariant(u"reseller"_s));
        QCOMPARE(result.patches[1].value(CandidateField::AudienceOverlap), QVariant(2));
        QCOMPARE(result.patches[2].value(CandidateField::Structure), QVariant(u"joint-venture"_s));
        // An empty cell leaves the stored value: it is not in the patch at all.
        QVERIFY(result.patches[3].isEmpty());
    }

    void unknownColumnsWarn()
    {
        const auto result = parse(u"rank,score,name,Region,Tier\n,,A\n"_s);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.first().contains(u"Region, Tier"_s));
        QVERIFY(!result.warnings.first().contains(u"rank"_s));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad score")
            << u"name,audience_overlap\nA,6\n"_s
            << u"list.csv:2: column \"audience_overlap\": \"6\" is not a score"_s;
        QTest::newRow("decimal score") << u"name,Strategic value\nA,2.5\n"_s
                                       << u"list.csv:2: column \"Strategic value\": \"2.5\""_s;
        QTest::newRow("unknown structure")
            << u"name,structure\nA,partner\n"_s
            << u"list.csv:2: column \"structure\": \"partner\" is not a structure"_s;
        QTest::newRow("unknown stage") << u"name,stage\nA,won\n"_s
                                       << u"list.csv:2: column \"stage\": \"won\" is not a stage"_s;
        QTest::newRow("empty name")
            << u"name,owner\nA,x\n ,y\n"_s << u"list.csv:3: column \"name\": the name is empty"_s;
        QTest::newRow("same name twice")
            << u"name\nAcme\nOther\n acme \n"_s
            << u"list.csv:4: column \"name\": \"acme\" appears twice in the file (also on line 2)"_s;
        QTest::newRow("more fields than header")
            << u"name,owner\nA,x,extra\n"_s
            << u"list.csv:2: column 3: the row has 3 fields, the header has 2"_s;
        QTest::newRow("unterminated quote")
            << u"name,owner\nA,\"Maya\nB,x\n"_s << u"list.csv:2: column \"owner\":"_s;
        QTest::newRow("not utf-8")
            << u"name\nA\n"_s + QString::fromLatin1("\xff") << u"list.csv:3:"_s;
        QTest::newRow("no name column")
            << u"company,owner\nA,x\n"_s
            << u"list.csv:1: column \"name\": the header has no name column"_s;
        QTest::newRow("name column twice")
            << u"name,Name\nA,B\n"_s << u"list.csv:1: column \"Name\": the column appears twice"_s;
        QTest::newRow("empty file") << QString() << u"list.csv:1: the file is empty"_s;
    }

    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QByteArray bytes = text.toUtf8();
        if (QLatin1String(QTest::currentDataTag()) == QLatin1String("not utf-8"))
            bytes = QByteArray("name\nA\n\xff\xfe\n");
        const auto result = io::CandidateCsv::parse(bytes, u"list.csv"_s);
        QVERIFY(!result.errors.isEmpty());
        QVERIFY2(result.errors.first().startsWith(expected), qPrintable(result.errors.first()));
        QVERIFY(result.patches.isEmpty()); // all or nothing
    }

    void streamingMatchesWholeFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("valid") << u"name;stage;audience overlap\nA;qualified;4\nB;;\nC;pilot;5\n"_s;
        QTest::newRow("bad value late") << u"name,audience_overlap\nA,1\nB,2\nC,9\nD,3\n"_s;
        QTest::newRow("file problem") << u"name,owner\nA,x\nB,\"open\n"_s;
        QTest::newRow("header only") << u"name,owner\n"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("no name column") << u"owner\nx\n"_s;
    }

    void streamingMatchesWholeFile()
    {
        QFETCH(QString, text);
        const QByteArray bytes = text.toUtf8();
        const auto whole = io::CandidateCsv::parse(bytes, u"f.csv"_s);
        QList<CandidatePatch> streamed;
        const auto streaming = io::CandidateCsv::parse(
            bytes, u"f.csv"_s, QChar(), [&](CandidatePatch &&p) {
                streamed.append(p);
                return true;
            });
        QCOMPARE(streaming.errors, whole.errors);
        QCOMPARE(streaming.warnings, whole.warnings);
        QVERIFY(streaming.patches.isEmpty());
        if (whole.errors.isEmpty()) {
            QCOMPARE(streamed.size(), whole.patches.size());
            for (qsizetype i = 0; i < streamed.size(); ++i) {
                QCOMPARE(streamed[i].name, whole.patches[i].name);
                QCOMPARE(streamed[i].provided, whole.patches[i].provided);
                QCOMPARE(streamed[i].values, whole.patches[i].values);
            }
        } else {
            // Rows before the first problem may have been handed on; none after it.
            for (const CandidatePatch &p : std::as_const(streamed))
                QVERIFY(p.line < 4);
        }
    }

    void errorsAreCappedAtTwenty()
    {
        QString text = u"name,audience_overlap\n"_s;
        for (int i = 0; i < 50; ++i)
            text += u"C%1,9\n"_s.arg(i);
        const auto result = parse(text);
        QCOMPARE(result.errors.size(), io::CandidateCsv::kMaxErrors);
        QVERIFY(result.errors.last().startsWith(u"list.csv:21:"_s));
    }

    void exportHeaderAndScores()
    {
        QCOMPARE(io::CandidateCsv::exportHeader().mid(0, 3),
                 (QStringList{u"rank"_s, u"score"_s, u"name"_s}));
        QCOMPARE(io::CandidateCsv::formatScore(62.5), u"62.5"_s);
        QCOMPARE(io::CandidateCsv::formatScore(200.0 / 3), u"66.7"_s);
        QCOMPARE(io::CandidateCsv::formatScore(std::nullopt), QString());
    }

    void roundTrip()
    {
        QList<Candidate> candidates(3);
        candidates[0].name = u"Ledgerly, Inc."_s;
        candidates[0].website = u"ledgerly.io"_s;
        candidates[0].structure = Structure::Integration;
        candidates[0].audienceOverlap = 5;
        candidates[0].strategicValue = 4;
        candidates[0].easeOfIntegration = 4;
        candidates[0].stage = Stage::Pilot;
        candidates[0].owner = u"Maya Chen"_s;
        candidates[0].revenueTheory = u"They \"love\" us;\nreally 🤝"_s;
        candidates[0].notes = u"'); DROP TABLE candidates;--"_s;
        candidates[1].name = u"Unscored"_s;
        candidates[2].name = u"  Spaces kept?  "_s;
        candidates[2].notes = u"  leading and trailing  "_s;
        candidates[2].structure = Structure::JointVenture;
        const Ranking ranking(candidates);
        const QByteArray bytes = io::CandidateCsv::write(candidates, ranking.rank({}));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const auto back = io::CandidateCsv::parse(bytes, u"export.csv"_s);
        QCOMPARE(back.errors, QStringList());
        QCOMPARE(back.warnings, QStringList());
        QCOMPARE(back.patches.size(), 3);
        for (const CandidatePatch &patch : back.patches) {
            const auto it =
                std::find_if(candidates.cbegin(), candidates.cend(),
                             [&](const Candidate &c) { return c.name.trimmed() == patch.name; });
            QVERIFY2(it != candidates.cend(), qPrintable(patch.name));
            Candidate rebuilt;
            patch.applyTo(rebuilt);
            rebuilt.name = patch.name;
            Candidate expected = *it;
            expected.name = expected.name.trimmed();
            QCOMPARE(rebuilt, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestCandidateCsv)
#include "tst_candidatecsv.moc"
