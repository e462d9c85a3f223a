// The RACI CSV format: what a BD lead's spreadsheet may look like, every reason an import
// is refused (with its FILE:LINE: column "NAME" message), the error cap and the round trip.
#include "io/RaciCsv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

// Parties "Name" (ours) or "p:Name" (partner's); each row is the activity name, then cells.
RaciGrid makeGrid(const QStringList &parties, const QList<QStringList> &rows)
{
    RaciGrid grid;
    for (const QString &text : parties) {
        RaciParty party;
        party.side = text.startsWith(u"p:") ? RaciSide::Partner : RaciSide::Ours;
        party.name = party.side == RaciSide::Partner ? text.mid(2) : text;
        grid.parties.append(party);
    }
    for (const QStringList &row : rows) {
        RaciActivity activity;
        activity.name = row.value(0);
        grid.activities.append(activity);
        QList<RaciRole> cells;
        for (qsizetype i = 1; i < row.size(); ++i)
            cells.append(raciRoleFromText(row.at(i)).value());
        grid.cells.append(cells);
    }
    grid.normalise();
    return grid;
}

// The grid as lines of text, so that a failing comparison shows what differs.
QStringList describe(const RaciGrid &grid)
{
    QStringList parties;
    for (const RaciParty &p : grid.parties)
        parties.append((p.side == RaciSide::Partner ? u"p:"_s : QString()) + p.name);
    QStringList lines{u"parties: "_s + parties.join(u" | "_s)};
    for (qsizetype a = 0; a < grid.activities.size(); ++a) {
        QStringList cells;
        for (RaciRole role : grid.cells.value(a))
            cells.append(raciRoleText(role));
        lines.append(grid.activities.at(a).name + u": "_s + cells.join(u',') +
                     u" (%1 cells)"_s.arg(grid.cells.value(a).size()));
    }
    if (grid.cells.size() != grid.activities.size())
        lines.append(u"%1 rows of cells"_s.arg(grid.cells.size()));
    return lines;
}

io::RaciCsvImport parse(const QByteArray &bytes)
{
    return io::RaciCsv::parse(bytes, u"raci.csv"_s);
}

const QString kNotRaci = u"is not a RACI value: use R, A, C, I, A/R or leave it empty"_s;

} // namespace

class TestRaciCsv : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("parties");
        QTest::addColumn<QList<QStringList>>("rows");

        QTest::newRow("basic") << QByteArray("activity,Our BD lead,partner:Sales lead\n"
                                             "Lead generation,A/R,C\nSupport,I,R\n")
                               << QStringList{u"Our BD lead"_s, u"p:Sales lead"_s}
                               << QList<QStringList>{{u"Lead generation"_s, u"A/R"_s, u"C"_s},
                                                     {u"Support"_s, u"I"_s, u"R"_s}};
        QTest::newRow("BOM and CRLF")
            << QByteArray("\xEF\xBB\xBF"
                          "Activity,Ours\r\nOnboarding,a\r\nSupport,\r\n")
            << QStringList{u"Ours"_s}
            << QList<QStringList>{{u"Onboarding"_s, u"A"_s}, {u"Support"_s, u""_s}};
        QTest::newRow("semicolon")
            << QByteArray("ACTIVITY;Ours;partner:Them\nX;R;A\nY;c;i\n")
            << QStringList{u"Ours"_s, u"p:Them"_s}
            << QList<QStringList>{{u"X"_s, u"R"_s, u"A"_s}, {u"Y"_s, u"C"_s, u"I"_s}};
        QTest::newRow("quoted names with commas")
            << QByteArray("activity,\"Sales, EMEA\",\"partner:Success, APAC\"\n"
                          "\"Sales follow-up, renewals\",R,\"A/R\"\n")
            << QStringList{u"Sales, EMEA"_s, u"p:Success, APAC"_s}
            << QList<QStringList>{{u"Sales follow-up, renewals"_s, u"R"_s, u"A/R"_s}};
        QTest::newRow("partner prefix forms")
            << QByteArray("activity,Partner: Sales lead,PARTNER:Success, partner :  Ops ,"
                          "Partnership team\nX,R,A,C,I\n")
            << QStringList{u"p:Sales lead"_s, u"p:Success"_s, u"p:Ops"_s, u"Partnership team"_s}
            << QList<QStringList>{{u"X"_s, u"R"_s, u"A"_s, u"C"_s, u"I"_s}};
        QTest::newRow("A/R spellings")
            << QByteArray("activity,One,Two,Three,Four\nX,r/a, a / r ,R/A,A/R\n")
            << QStringList{u"One"_s, u"Two"_s, u"Three"_s, u"Four"_s}
            << QList<QStringList>{{u"X"_s, u"A/R"_s, u"A/R"_s, u"A/R"_s, u"A/R"_s}};
        QTest::newRow("spaces trimmed")
            << QByteArray("  Activity  ,  Our sales  \n  Support  ,  i  \n")
            << QStringList{u"Our sales"_s} << QList<QStringList>{{u"Support"_s, u"I"_s}};
        QTest::newRow("empty cells and short rows")
            << QByteArray("activity,A,B,C\nX,R\nY,,,I\nZ,,,\n")
            << QStringList{u"A"_s, u"B"_s, u"C"_s}
            << QList<QStringList>{{u"X"_s, u"R"_s, u""_s, u""_s},
                                  {u"Y"_s, u""_s, u""_s, u"I"_s},
                                  {u"Z"_s, u""_s, u""_s, u""_s}};
        QTest::newRow("header only") << QByteArray("activity,Ours,partner:Them\n")
                                     << QStringList{u"Ours"_s, u"p:Them"_s} << QList<QStringList>();
        QTest::newRow("activity column only") << QByteArray("activity\nX\nY\n") << QStringList()
                                              << QList<QStringList>{{u"X"_s}, {u"Y"_s}};
        QTest::newRow("same name on both sides")
            << QByteArray("activity,Sales,partner:sales\nX,R,A\n")
            << QStringList{u"Sales"_s, u"p:sales"_s}
            << QList<QStringList>{{u"X"_s, u"R"_s, u"A"_s}};
        QTest::newRow("blank lines")
            << QByteArray("\nactivity,Ours\n\nX,R\n\r\n\nY,A\n\n") << QStringList{u"Ours"_s}
            << QList<QStringList>{{u"X"_s, u"R"_s}, {u"Y"_s, u"A"_s}};
        QTest::newRow("line break in a quoted activity")
            << QByteArray("activity,Ours\n\"Joint\r\nwebinars\",R\n") << QStringList{u"Ours"_s}
            << QList<QStringList>{{u"Joint\nwebinars"_s, u"R"_s}};
        QTest::newRow("emoji and accents")
            << QByteArray("activity,\xC3\x89quipe \xF0\x9F\x9A\x80\nSupport \xF0\x9F\x8E\xA7,C\n")
            << QStringList{u"Équipe 🚀"_s} << QList<QStringList>{{u"Support 🎧"_s, u"C"_s}};
    }

    void valid()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, parties);
        QFETCH(QList<QStringList>, rows);
        const io::RaciCsvImport result = parse(bytes);
        QCOMPARE(result.errors, QStringList());
        const RaciGrid expected = makeGrid(parties, rows);
        QCOMPARE(describe(result.grid), describe(expected));
        QVERIFY(result.grid == expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QString empty =
            u"raci.csv:1: the file is empty; a header row starting with activity is required"_s;
        QTest::newRow("empty file") << QByteArray() << empty;
        QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << empty;
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << empty;
        QTest::newRow("first column not activity")
            << QByteArray("task,Ours\nX,R\n")
            << u"raci.csv:1: column \"task\": the header must start with an activity column"_s;
        QTest::newRow("activity not first")
            << QByteArray("Ours,activity\nR,X\n")
            << u"raci.csv:1: column \"Ours\": the header must start with an activity column"_s;
        QTest::newRow("first header cell empty")
            << QByteArray(",Ours\nX,R\n")
            << u"raci.csv:1: column 1: the header must start with an activity column"_s;
        QTest::newRow("activities")
            << QByteArray("activities,Ours\nX,R\n")
            << u"raci.csv:1: column \"activities\": the header must start with an activity "
               u"column"_s;
        QTest::newRow("empty partner name")
            << QByteArray("activity,partner: \nX,R\n")
            << u"raci.csv:1: column \"partner:\": the party name is empty"_s;
        QTest::newRow("empty header cell") << QByteArray("activity,Ours,\nX,R,\n")
                                           << u"raci.csv:1: column 3: the party name is empty"_s;
        QTest::newRow("repeated party")
            << QByteArray("activity,Sales lead, sales LEAD \n")
            << u"raci.csv:1: column \"sales LEAD\": the party appears twice in the header "
               u"(also column 2)"_s;
        QTest::newRow("repeated partner party")
            << QByteArray("activity,partner:Ops,Ours,Partner : ops\nX,R,A,C\n")
            << u"raci.csv:1: column \"Partner : ops\": the party appears twice in the header "
               u"(also column 2)"_s;
        QTest::newRow("invalid cell") << QByteArray("activity,Our sales\nSupport,X\n")
                                      << u"raci.csv:2: column \"Our sales\": \"X\" "_s + kNotRaci;
        QTest::newRow("A/C on the partner's side")
            << QByteArray("activity,Ours,partner:Them\nSupport,R,A/C\n")
            << u"raci.csv:2: column \"partner:Them\": \"A/C\" "_s + kNotRaci;
        QTest::newRow("word, trimmed in the message")
            << QByteArray("activity,Ours\nSupport, responsible \n")
            << u"raci.csv:2: column \"Ours\": \"responsible\" "_s + kNotRaci;
        QTest::newRow("line of a later row")
            << QByteArray("activity,Ours\n\"Two\nlines\",R\n\nY,Q\n")
            << u"raci.csv:5: column \"Ours\": \"Q\" "_s + kNotRaci;
        QTest::newRow("empty activity")
            << QByteArray("activity,Ours\nX,R\n  ,A\n")
            << u"raci.csv:3: column \"activity\": the activity name is empty"_s;
        QTest::newRow("empty quoted activity, header as written")
            << QByteArray("Activity,Ours\n\"\",R\n")
            << u"raci.csv:2: column \"Activity\": the activity name is empty"_s;
        QTest::newRow("repeated activity")
            << QByteArray("activity,Ours\nSupport,R\nOther,A\n SUPPORT ,C\n")
            << u"raci.csv:4: column \"activity\": \"SUPPORT\" appears twice in the file (also "
               u"on line 2)"_s;
        QTest::newRow("too many fields")
            << QByteArray("activity,Ours\nX,R,A\n")
            << u"raci.csv:2: column 3: the row has 3 fields, the header has 2"_s;
        QTest::newRow("unterminated quote") << QByteArray("activity,Ours\nX,\"R\nY,A\n")
                                            << u"raci.csv:2: column \"Ours\": unterminated quote"_s;
        QTest::newRow("not UTF-8") << QByteArray("activity,Ours\nX,\xff\n")
                                   << u"raci.csv:2: column \"Ours\": bytes that are not UTF-8"_s;
    }

    void invalid()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const io::RaciCsvImport result = parse(bytes);
        QVERIFY(!result.errors.isEmpty());
        QCOMPARE(result.errors.first(), expected);
        QVERIFY(result.grid == RaciGrid()); // all or nothing
    }

    void everyErrorInFileOrder()
    {
        const io::RaciCsvImport result =
            parse("activity,Ours,ours\nX,Q,R\n,R,\nx,,Z\nY,A/R,partly\n");
        QCOMPARE(
            result.errors,
            (QStringList{
                u"raci.csv:1: column \"ours\": the party appears twice in the header (also "
                u"column 2)"_s,
                u"raci.csv:2: column \"Ours\": \"Q\" "_s + kNotRaci,
                u"raci.csv:3: column \"activity\": the activity name is empty"_s,
                u"raci.csv:4: column \"activity\": \"x\" appears twice in the file (also on line "
                u"2)"_s,
                u"raci.csv:4: column \"ours\": \"Z\" "_s + kNotRaci,
                u"raci.csv:5: column \"ours\": \"partly\" "_s + kNotRaci}));
        QVERIFY(result.grid == RaciGrid());
    }

    void fileProblemsComeAlone()
    {
        // The bad cell on line 2 is not reported: the file itself is broken further down.
        const io::RaciCsvImport result = parse("task,Ours\nX,bad\nY,\"R\n");
        QCOMPARE(result.errors, QStringList{u"raci.csv:3: column \"Ours\": unterminated quote"_s});
        QVERIFY(result.grid == RaciGrid());
    }

    void errorsAreCapped_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("last");
        QByteArray cells("activity,Ours\n");
        QByteArray fields("activity,Ours\n");
        QByteArray header("activity,Sales");
        for (int i = 1; i <= 30; ++i) {
            cells += "Row " + QByteArray::number(i) + ",bad\n";
            fields += "Row " + QByteArray::number(i) + ",R,A\n";
            header += ",Sales";
        }
        QTest::newRow("cells") << cells << u"raci.csv:21: column \"Ours\": \"bad\" "_s + kNotRaci;
        QTest::newRow("fields")
            << fields << u"raci.csv:21: column 3: the row has 3 fields, the header has 2"_s;
        QTest::newRow("header")
            << header + "\nX,R\n"
            << u"raci.csv:1: column \"Sales\": the party appears twice in the header (also "
               u"column 2)"_s;
    }

    void errorsAreCapped()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, last);
        const io::RaciCsvImport result = parse(bytes);
        QCOMPARE(result.errors.size(), io::RaciCsv::kMaxErrors);
        QCOMPARE(result.errors.last(), last);
        QVERIFY(result.grid == RaciGrid());
    }

    void writeFormat()
    {
        const RaciGrid grid =
            makeGrid({u"Our BD lead"_s, u"p:Sales, EMEA"_s, u"p:The \"A\" team"_s},
                     {{u"Lead generation"_s, u"A/R"_s, u"C"_s, u""_s},
                      {u"Support"_s, u"I"_s, u"R"_s, u"A"_s}});
        const QByteArray expected("activity,Our BD lead,\"partner:Sales, EMEA\","
                                  "\"partner:The \"\"A\"\" team\"\r\n"
                                  "Lead generation,A/R,C,\r\n"
                                  "Support,I,R,A\r\n");
        QCOMPARE(io::RaciCsv::write(grid, false), expected);
        QCOMPARE(io::RaciCsv::write(grid), "\xEF\xBB\xBF" + expected);
        QCOMPARE(io::RaciCsv::write(RaciGrid(), false), QByteArray("activity\r\n"));

        // Cells a grid is missing (before normalise) are written empty.
        RaciGrid ragged = grid;
        ragged.cells[1].resize(1);
        QVERIFY(io::RaciCsv::write(ragged, false).endsWith("Support,I,,\r\n"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QStringList>("parties");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<bool>("withBom");
        QTest::newRow("defaults")
            << QStringList{u"Our BD lead"_s, u"Our sales"_s, u"p:Partner's sales lead"_s,
                           u"p:Partner's success team"_s}
            << QList<QStringList>{{u"Lead generation"_s, u"A/R"_s, u"C"_s, u"R"_s, u"I"_s},
                                  {u"Qualification"_s, u"A"_s, u"R"_s, u"C"_s, u""_s},
                                  {u"Sales follow-up"_s, u"C"_s, u"A"_s, u"R"_s, u"I"_s},
                                  {u"Onboarding"_s, u"I"_s, u""_s, u"A"_s, u"R"_s},
                                  {u"Support"_s, u""_s, u""_s, u"I"_s, u"A/R"_s}}
            << true;
        QTest::newRow("awkward names")
            << QStringList{u"Sales, EMEA"_s, u"The \"A\" team"_s, u"p:Équipe 🚀"_s, u"p:a;b"_s,
                           u"p:Sales, EMEA"_s}
            << QList<QStringList>{{u"Follow-up, renewals"_s, u"R"_s, u"A"_s, u""_s, u"C"_s, u"I"_s},
                                  {u"\"Quoted\" 🎧"_s, u""_s, u""_s, u""_s, u""_s, u"A/R"_s},
                                  {u"Two\nlines"_s, u"I"_s, u"C"_s, u"A"_s, u"R"_s, u""_s}}
            << false;
        QTest::newRow("semicolons in names")
            << QStringList{u"a;b"_s, u"p:c;d;e"_s} << QList<QStringList>{{u"x;y"_s, u"R"_s, u"A"_s}}
            << true;
        QTest::newRow("empty grid") << QStringList() << QList<QStringList>() << true;
        QTest::newRow("parties only")
            << QStringList{u"Ours"_s, u"p:Theirs"_s} << QList<QStringList>() << false;
        QTest::newRow("activities only")
            << QStringList() << QList<QStringList>{{u"X"_s}, {u"Y"_s}} << true;
        QTest::newRow("all empty cells")
            << QStringList{u"Ours"_s} << QList<QStringList>{{u"X"_s, u""_s}} << false;
    }

    void roundTrip()
    {
        QFETCH(QStringList, parties);
        QFETCH(QList<QStringList>, rows);
        QFETCH(bool, withBom);
        const RaciGrid grid = makeGrid(parties, rows);
        const QByteArray bytes = io::RaciCsv::write(grid, withBom);
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), withBom);
        const io::RaciCsvImport result = parse(bytes);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(describe(result.grid), describe(grid));
        QVERIFY(result.grid == grid);
    }

    void surroundingSpacesAreNotKept()
    {
        // The writer keeps the spaces (quoted), but names are trimmed on import: " Ops" and
        // "Ops" are one party to whoever reads the sheet.
        const RaciGrid grid =
            makeGrid({u" Ops "_s, u"p:  Sales"_s}, {{u"  Support"_s, u"R"_s, u"A"_s}});
        const QByteArray bytes = io::RaciCsv::write(grid, false);
        QVERIFY2(bytes.startsWith("activity,\" Ops \",partner:  Sales\r\n\"  Support\",R,A"),
                 bytes.constData());
        const io::RaciCsvImport result = parse(bytes);
        QCOMPARE(result.errors, QStringList());
        QCOMPARE(describe(result.grid),
                 describe(makeGrid({u"Ops"_s, u"p:Sales"_s}, {{u"Support"_s, u"R"_s, u"A"_s}})));
    }
};

QTEST_GUILESS_MAIN(TestRaciCsv)
#include "tst_racicsv.moc"
