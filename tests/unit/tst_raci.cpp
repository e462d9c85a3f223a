// The RACI grid's rules: cell values, the per-activity checks, workload, balance between
// the two sides and the order in which problems are reported.
#include "domain/Raci.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

// Parties are written "Name" (our side) or "p:Name" (the partner's side); each row is the
// cells of one activity, named "Activity 1", "Activity 2", ...
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
        activity.name = u"Activity %1"_s.arg(grid.activities.size() + 1);
        grid.activities.append(activity);
        QList<RaciRole> cells;
        for (const QString &cell : row)
            cells.append(raciRoleFromText(cell).value());
        grid.cells.append(cells);
    }
    return grid;
}

// "code activity party", so that a failing comparison shows the whole list readably.
QStringList describe(const QList<RaciProblem> &problems)
{
    QStringList lines;
    for (const RaciProblem &p : problems)
        lines.append(u"%1 %2 %3"_s.arg(p.finding.code).arg(p.activity).arg(p.party));
    return lines;
}

} // namespace

class TestRaci : public QObject
{
    Q_OBJECT

private slots:
    void roleFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<RaciRole>("role");
        const auto ok = [](const char *tag, const QString &text, RaciRole role) {
            QTest::newRow(tag) << text << true << role;
        };
        const auto bad = [](const char *tag, const QString &text) {
            QTest::newRow(tag) << text << false << RaciRole::None;
        };
        ok("R", u"R"_s, RaciRole::Responsible);
        ok("r", u"r"_s, RaciRole::Responsible);
        ok(" r ", u" r "_s, RaciRole::Responsible);
        ok("A", u"A"_s, RaciRole::Accountable);
        ok("a", u"a"_s, RaciRole::Accountable);
        ok("C", u"C"_s, RaciRole::Consulted);
        ok("c tab", u"\tc"_s, RaciRole::Consulted);
        ok("I", u"I"_s, RaciRole::Informed);
        ok("i", u"i"_s, RaciRole::Informed);
        ok("A/R", u"A/R"_s, RaciRole::AccountableResponsible);
        ok("a/r", u"a/r"_s, RaciRole::AccountableResponsible);
        ok("a / r", u"a / r"_s, RaciRole::AccountableResponsible);
        ok("R/A", u"R/A"_s, RaciRole::AccountableResponsible);
        ok("r/A", u"r/A"_s, RaciRole::AccountableResponsible);
        ok(" R /  a ", u" R /  a "_s, RaciRole::AccountableResponsible);
        ok("empty", QString(), RaciRole::None);
        ok("spaces", u"   "_s, RaciRole::None);
        ok("whitespace", u" \t "_s, RaciRole::None);
        bad("X", u"X"_s);
        bad("RA", u"RA"_s);
        bad("A R", u"A R"_s);
        bad("A/C", u"A/C"_s);
        bad("R/R", u"R/R"_s);
        bad("A//R", u"A//R"_s);
        bad("A/R/A", u"A/R/A"_s);
        bad("slash", u"/"_s);
        bad("word", u"Responsible"_s);
        bad("dash", u"-"_s);
        bad("x mark", u"x"_s);
    }

    void roleFromText()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(RaciRole, role);
        const std::optional<RaciRole> parsed = raciRoleFromText(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, role);
    }

    void roleText_data()
    {
        QTest::addColumn<RaciRole>("role");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("responsible");
        QTest::addColumn<bool>("accountable");
        QTest::newRow("none") << RaciRole::None << QString() << false << false;
        QTest::newRow("R") << RaciRole::Responsible << u"R"_s << true << false;
        QTest::newRow("A") << RaciRole::Accountable << u"A"_s << false << true;
        QTest::newRow("C") << RaciRole::Consulted << u"C"_s << false << false;
        QTest::newRow("I") << RaciRole::Informed << u"I"_s << false << false;
        QTest::newRow("A/R") << RaciRole::AccountableResponsible << u"A/R"_s << true << true;
    }

    void roleText()
    {
        QFETCH(RaciRole, role);
        QFETCH(QString, text);
        QFETCH(bool, responsible);
        QFETCH(bool, accountable);
        QCOMPARE(raciRoleText(role), text);
        QCOMPARE(raciRoleFromText(raciRoleText(role)), std::optional<RaciRole>(role));
        QCOMPARE(isResponsible(role), responsible);
        QCOMPARE(isAccountable(role), accountable);
    }

    void cellOutOfRange()
    {
        const RaciGrid grid = makeGrid({u"Ours"_s, u"p:Theirs"_s}, {{u"A"_s, u"R"_s}});
        QCOMPARE(grid.cell(0, 0), RaciRole::Accountable);
        QCOMPARE(grid.cell(0, 1), RaciRole::Responsible);
        QCOMPARE(grid.cell(0, 2), RaciRole::None);
        QCOMPARE(grid.cell(1, 0), RaciRole::None);
        QCOMPARE(grid.cell(-1, 0), RaciRole::None);
        QCOMPARE(grid.cell(0, -1), RaciRole::None);
        QCOMPARE(RaciGrid().cell(0, 0), RaciRole::None);
    }

    void normalise()
    {
        // Ragged: a short row, a long row, and one activity without a row at all.
        RaciGrid grid = makeGrid({u"Ours"_s, u"p:Theirs"_s}, {{u"A"_s}, {u"R"_s, u"C"_s, u"I"_s}});
        RaciActivity third;
        third.name = u"Activity 3"_s;
        grid.activities.append(third);
        grid.normalise();
        QCOMPARE(grid.cells.size(), 3);
        for (const QList<RaciRole> &row : grid.cells)
            QCOMPARE(row.size(), 2);
        QCOMPARE(grid.cells[0], (QList<RaciRole>{RaciRole::Accountable, RaciRole::None}));
        QCOMPARE(grid.cells[1], (QList<RaciRole>{RaciRole::Responsible, RaciRole::Consulted}));
        QCOMPARE(grid.cells[2], (QList<RaciRole>{RaciRole::None, RaciRole::None}));

        // Removing a party and an activity truncates.
        grid.parties.removeLast();
        grid.activities.removeLast();
        grid.normalise();
        QCOMPARE(grid.cells,
                 (QList<QList<RaciRole>>{{RaciRole::Accountable}, {RaciRole::Responsible}}));
        grid.activities.clear();
        grid.normalise();
        QVERIFY(grid.cells.isEmpty());
    }

    void check_data()
    {
        QTest::addColumn<QStringList>("parties");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QStringList>("expected");
        const QStringList two{u"Our BD lead"_s, u"p:Their sales"_s};

        QTest::newRow("clean") << two << QList<QStringList>{{u"A"_s, u"R"_s}, {u"R"_s, u"A"_s}}
                               << QStringList();
        QTest::newRow("A/R alone is enough")
            << two << QList<QStringList>{{u"A/R"_s, u"I"_s}, {u"C"_s, u"r/a"_s}} << QStringList();
        QTest::newRow("no accountable")
            << two << QList<QStringList>{{u"R"_s, u"C"_s}, {u"A"_s, u"R"_s}}
            << QStringList{u"raci.no_accountable 0 -1"_s};
        QTest::newRow("no responsible")
            << two << QList<QStringList>{{u"A"_s, u"C"_s}, {u"R"_s, u"A/R"_s}}
            << QStringList{u"raci.no_responsible 0 -1"_s};
        QTest::newRow("neither")
            << two << QList<QStringList>{{u"A"_s, u"R"_s}, {u"C"_s, u"I"_s}, {u"R"_s, u"A"_s}}
            << QStringList{u"raci.no_accountable 1 -1"_s, u"raci.no_responsible 1 -1"_s};
        QTest::newRow("multiple accountable, A/R counts")
            << QStringList{u"Ours 1"_s, u"Ours 2"_s, u"p:Theirs"_s}
            << QList<QStringList>{{u"A"_s, u"A/R"_s, u"R"_s},
                                  {u"R"_s, u"C"_s, u"A"_s},
                                  {u"A"_s, u"R"_s, u"C"_s},
                                  {u"C"_s, u"R"_s, u"A"_s}}
            << QStringList{u"raci.multiple_accountable 0 -1"_s};
        QTest::newRow("three accountable, one problem")
            << QStringList{u"Ours 1"_s, u"Ours 2"_s, u"p:Theirs"_s}
            << QList<QStringList>{{u"A"_s, u"A"_s, u"A/R"_s},
                                  {u"A"_s, u"R"_s, u"C"_s},
                                  {u"R"_s, u"A"_s, u"C"_s},
                                  {u"C"_s, u"R"_s, u"A"_s}}
            << QStringList{u"raci.multiple_accountable 0 -1"_s};
        QTest::newRow("accountable for exactly half") << two
                                                      << QList<QStringList>{{u"A"_s, u"R"_s},
                                                                            {u"A"_s, u"R"_s},
                                                                            {u"R"_s, u"A"_s},
                                                                            {u"R"_s, u"A"_s}}
                                                      << QStringList();
        QTest::newRow("accountable for more than half")
            << two
            << QList<QStringList>{{u"A"_s, u"R"_s},
                                  {u"A"_s, u"R"_s},
                                  {u"A/R"_s, u"R"_s},
                                  {u"R"_s, u"A"_s}}
            << QStringList{u"raci.overloaded_party -1 0"_s};
        QTest::newRow("two of three, A/R counts")
            << two << QList<QStringList>{{u"C"_s, u"A/R"_s}, {u"R"_s, u"A/R"_s}, {u"A"_s, u"R"_s}}
            << QStringList{u"raci.overloaded_party -1 1"_s};
        QTest::newRow("single activity") << two << QList<QStringList>{{u"A/R"_s, u"R"_s}}
                                         << QStringList{u"raci.overloaded_party -1 0"_s};
        QTest::newRow("R does not count towards overload")
            << two << QList<QStringList>{{u"A"_s, u"R"_s}, {u"R"_s, u"A"_s}, {u"R"_s, u"A"_s}}
            << QStringList{u"raci.overloaded_party -1 1"_s};
        QTest::newRow("our side has no R")
            << two << QList<QStringList>{{u"A"_s, u"R"_s}, {u"C"_s, u"A/R"_s}}
            << QStringList{u"raci.one_sided -1 -1"_s};
        QTest::newRow("partner's side has no R")
            << QStringList{u"Ours"_s, u"p:Theirs 1"_s, u"p:Theirs 2"_s}
            << QList<QStringList>{{u"A/R"_s, u"C"_s, u"I"_s}, {u"R"_s, u"I"_s, u"A"_s}}
            << QStringList{u"raci.one_sided -1 -1"_s};
        QTest::newRow("no partner parties")
            << QStringList{u"Ours 1"_s, u"Ours 2"_s}
            << QList<QStringList>{{u"A"_s, u"R"_s}, {u"R"_s, u"A"_s}}
            << QStringList{u"raci.one_sided -1 -1"_s};
        QTest::newRow("no parties of ours")
            << QStringList{u"p:Theirs 1"_s, u"p:Theirs 2"_s}
            << QList<QStringList>{{u"A"_s, u"R"_s}, {u"R"_s, u"A"_s}}
            << QStringList{u"raci.one_sided -1 -1"_s};
        QTest::newRow("empty grid") << QStringList() << QList<QStringList>() << QStringList();
        QTest::newRow("parties, no activities") << two << QList<QStringList>() << QStringList();
        QTest::newRow("activities, no parties")
            << QStringList() << QList<QStringList>{{}, {}}
            << QStringList{u"raci.no_accountable 0 -1"_s, u"raci.no_responsible 0 -1"_s,
                           u"raci.no_accountable 1 -1"_s, u"raci.no_responsible 1 -1"_s};
        QTest::newRow("empty cells")
            << two << QList<QStringList>{{u""_s, u""_s}}
            << QStringList{u"raci.no_accountable 0 -1"_s, u"raci.no_responsible 0 -1"_s};
        QTest::newRow("no R anywhere is not one-sided")
            << two << QList<QStringList>{{u"A"_s, u"C"_s}, {u"C"_s, u"A"_s}}
            << QStringList{u"raci.no_responsible 0 -1"_s, u"raci.no_responsible 1 -1"_s};
        QTest::newRow("overloaded in column order")
            << two << QList<QStringList>{{u"A"_s, u"A"_s}, {u"A"_s, u"A"_s}}
            << QStringList{u"raci.multiple_accountable 0 -1"_s, u"raci.no_responsible 0 -1"_s,
                           u"raci.multiple_accountable 1 -1"_s, u"raci.no_responsible 1 -1"_s,
                           u"raci.overloaded_party -1 0"_s,     u"raci.overloaded_party -1 1"_s};
        QTest::newRow("everything, in order")
            << two << QList<QStringList>{{u"C"_s, u"C"_s}, {u"A"_s, u"A"_s}, {u"A"_s, u"R"_s}}
            << QStringList{u"raci.no_accountable 0 -1"_s,       u"raci.no_responsible 0 -1"_s,
                           u"raci.multiple_accountable 1 -1"_s, u"raci.no_responsible 1 -1"_s,
                           u"raci.overloaded_party -1 0"_s,     u"raci.one_sided -1 -1"_s};
    }

    void check()
    {
        QFETCH(QStringList, parties);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QStringList, expected);
        const RaciGrid grid = makeGrid(parties, rows);
        // With more running partnerships than the founder-led first five, so that overload
        // is judged on both sides (tst_practice checks the founder-led case).
        const QList<RaciProblem> problems =
            RaciRules::check(grid, u"Acme"_s, RaciRules::kFounderLedPartnerships + 1);
        QCOMPARE(describe(problems), expected);
        // Whatever the rule, a finding says where it applies and what is wrong there.
        for (const RaciProblem &p : problems) {
            QCOMPARE(p.finding.severity, Finding::Severity::Warning);
            QCOMPARE(p.finding.partner, u"Acme"_s);
            QCOMPARE(p.finding.subject, u"Acme"_s);
            QVERIFY(!p.finding.message.isEmpty());
            QVERIFY2(p.finding.message.endsWith(u'.'), qPrintable(p.finding.message));
            const QString activity = p.activity >= 0 ? grid.activities[p.activity].name : QString();
            const QString party = p.party >= 0 ? grid.parties[p.party].name : QString();
            QCOMPARE(p.finding.activity, activity);
            QCOMPARE(p.finding.party, party);
            QVERIFY2(p.finding.message.contains(activity), qPrintable(p.finding.message));
            QVERIFY2(p.finding.message.contains(party), qPrintable(p.finding.message));
        }
    }

    void messagesNameWhatTheyAreAbout()
    {
        RaciGrid grid = makeGrid({u"Maya"_s, u"Ben"_s, u"p:Sales lead"_s},
                                 {{u"A"_s, u"A/R"_s, u"C"_s}, {u"I"_s, u"C"_s, u"C"_s}});
        grid.activities[0].name = u"Onboarding"_s;
        grid.activities[1].name = u"Support"_s;
        const QList<RaciProblem> problems = RaciRules::check(grid, u"Acme"_s);
        QCOMPARE(describe(problems),
                 (QStringList{u"raci.multiple_accountable 0 -1"_s, u"raci.no_accountable 1 -1"_s,
                              u"raci.no_responsible 1 -1"_s, u"raci.one_sided -1 -1"_s}));
        const QString multiple = problems[0].finding.message;
        QVERIFY2(multiple.contains(u"Onboarding"_s), qPrintable(multiple));
        QVERIFY2(multiple.contains(u"Maya"_s) && multiple.contains(u"Ben"_s), qPrintable(multiple));
        QVERIFY2(!multiple.contains(u"Sales lead"_s), qPrintable(multiple));
        QCOMPARE(problems[0].finding.activity, u"Onboarding"_s);
        QVERIFY(problems[1].finding.message.contains(u"Support"_s));
        QVERIFY(problems[2].finding.message.contains(u"Support"_s));
        QVERIFY2(problems[3].finding.message.contains(u"the partner's side"_s),
                 qPrintable(problems[3].finding.message));

        const RaciGrid ours =
            makeGrid({u"Ours"_s, u"p:Theirs"_s}, {{u"A"_s, u"R"_s}, {u"C"_s, u"A/R"_s}});
        const QList<RaciProblem> oursProblems = RaciRules::check(ours, u"Acme"_s);
        QCOMPARE(oursProblems.size(), 1);
        QVERIFY(oursProblems[0].finding.message.contains(u"our side"_s));
        QVERIFY(!oursProblems[0].finding.message.contains(u"the partner's side"_s));

        const RaciGrid overloaded = makeGrid({u"Maya"_s, u"p:Theirs"_s}, {{u"A/R"_s, u"R"_s}});
        const QList<RaciProblem> overload =
            RaciRules::check(overloaded, u"Acme"_s, RaciRules::kFounderLedPartnerships + 1);
        QCOMPARE(describe(overload), QStringList{u"raci.overloaded_party -1 0"_s});
        QCOMPARE(overload[0].finding.party, u"Maya"_s);
        QVERIFY(overload[0].finding.message.contains(u"Maya"_s));
        QVERIFY(overload[0].finding.activity.isEmpty());
    }

    void workload_data()
    {
        QTest::addColumn<QStringList>("parties");
        QTest::addColumn<QList<QStringList>>("rows");
        // "R A C I" per party, in column order.
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("every role") << QStringList{u"Ours"_s, u"p:Theirs"_s, u"Ours 2"_s}
                                    << QList<QStringList>{{u"A/R"_s, u"C"_s, u"I"_s},
                                                          {u"R"_s, u"A"_s, u""_s},
                                                          {u"A"_s, u"I"_s, u"C"_s},
                                                          {u"C"_s, u"A/R"_s, u"I"_s}}
                                    << QStringList{u"2 2 1 0"_s, u"1 2 1 1"_s, u"0 0 1 2"_s};
        QTest::newRow("no activities")
            << QStringList{u"Ours"_s, u"p:Theirs"_s} << QList<QStringList>()
            << QStringList{u"0 0 0 0"_s, u"0 0 0 0"_s};
        QTest::newRow("no parties") << QStringList() << QList<QStringList>{{}} << QStringList();
        QTest::newRow("short row")
            << QStringList{u"Ours"_s, u"p:Theirs"_s} << QList<QStringList>{{u"R"_s}}
            << QStringList{u"1 0 0 0"_s, u"0 0 0 0"_s};
    }

    void workload()
    {
        QFETCH(QStringList, parties);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QStringList, expected);
        QStringList actual;
        for (const RaciWorkload &w : RaciRules::workload(makeGrid(parties, rows)))
            actual.append(u"%1 %2 %3 %4"_s.arg(w.responsible)
                              .arg(w.accountable)
                              .arg(w.consulted)
                              .arg(w.informed));
        QCOMPARE(actual, expected);
    }

    void responsibleShare_data()
    {
        QTest::addColumn<QStringList>("parties");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<double>("ours");
        QTest::addColumn<double>("partner");
        const QStringList two{u"Ours"_s, u"p:Theirs"_s};
        QTest::newRow("empty") << QStringList() << QList<QStringList>() << 0.0 << 0.0;
        QTest::newRow("no R") << two << QList<QStringList>{{u"A"_s, u"C"_s}} << 0.0 << 0.0;
        QTest::newRow("even") << two << QList<QStringList>{{u"A/R"_s, u"R"_s}} << 50.0 << 50.0;
        QTest::newRow("one in four")
            << QStringList{u"Ours"_s, u"p:Theirs 1"_s, u"p:Theirs 2"_s}
            << QList<QStringList>{{u"R"_s, u"R"_s, u"A"_s}, {u"A"_s, u"R"_s, u"A/R"_s}} << 25.0
            << 75.0;
        QTest::newRow("all ours") << two << QList<QStringList>{{u"R"_s, u"A"_s}, {u"r/a"_s, u"I"_s}}
                                  << 100.0 << 0.0;
        QTest::newRow("three quarters")
            << two << QList<QStringList>{{u"R"_s, u"A"_s}, {u"A/R"_s, u"R"_s}, {u"R"_s, u"A"_s}}
            << 100.0 * 3 / 4 << 100.0 / 4;
        QTest::newRow("one third") << two << QList<QStringList>{{u"R"_s, u"R"_s}, {u"A"_s, u"R"_s}}
                                   << 100.0 / 3 << 200.0 / 3;
    }

    void responsibleShare()
    {
        QFETCH(QStringList, parties);
        QFETCH(QList<QStringList>, rows);
        QFETCH(double, ours);
        QFETCH(double, partner);
        const std::array<double, 2> share = RaciRules::responsibleShare(makeGrid(parties, rows));
        QCOMPARE(share[0], ours);
        QCOMPARE(share[1], partner);
    }

    void defaults()
    {
        QCOMPARE(RaciRules::defaultActivities(),
                 (QStringList{u"Lead generation"_s, u"Qualification"_s, u"Sales follow-up"_s,
                              u"Onboarding"_s, u"Support"_s}));
        const QList<RaciParty> parties = RaciRules::defaultParties();
        QStringList names;
        QList<RaciSide> sides;
        for (const RaciParty &p : parties) {
            names.append(p.name);
            sides.append(p.side);
            QCOMPARE(p.id, qint64(0));
        }
        QCOMPARE(names, (QStringList{u"Our BD lead"_s, u"Our sales"_s, u"Partner's sales lead"_s,
                                     u"Partner's success team"_s}));
        QCOMPARE(sides, (QList<RaciSide>{RaciSide::Ours, RaciSide::Ours, RaciSide::Partner,
                                         RaciSide::Partner}));
    }
};

QTEST_GUILESS_MAIN(TestRaci)
#include "tst_raci.moc"
