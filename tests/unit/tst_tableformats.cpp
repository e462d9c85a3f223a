// The table formats both ways (issue 18): the one formula-injection rule (FormulaGuard), the
// candidates, RACI and KPI formats through .xlsx and back without loss, their errors located
// as FILE:SHEET!CELL, numbers kept numbers, and what a spreadsheet reader (openpyxl; python's
// csv module) sees in the files we export: text, never a formula.
#include "domain/QualificationFields.h"
#include "domain/Scoring.h"
#include "io/CandidateCsv.h"
#include "io/FormulaGuard.h"
#include "io/KpiCsv.h"
#include "io/RaciCsv.h"
#include "io/XlsxWriter.h"
#include "unit/TestFiles.h"
#include "unit/XlsxFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using io::FormulaGuard;
using io::TableCell;

namespace {

// Names a spreadsheet would run, and the awkward cases of the rule itself.
QStringList formulaNames()
{
    return {u"=HYPERLINK(\"http://evil.example\",\"click\")"_s,
            u"+49 30 1234"_s,
            u"-5"_s,
            u"@SUM(A1:A9)"_s,
            u"'=already quoted"_s,
            u"''-twice"_s,
            u"'plain quote"_s,
            u"'"_s,
            u"a=b"_s};
}

KpiSeries kpi(const QString &name, std::optional<double> target,
              const QList<QPair<QString, double>> &values)
{
    KpiSeries s;
    s.definition.name = name;
    s.definition.unit = KpiUnit::Currency;
    s.definition.target = target;
    for (const auto &[period, value] : values)
        s.values.append({KpiPeriod::parse(period).value(), value});
    return s;
}

} // namespace

class TestTableFormats : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Writes cells with XlsxWriter (header first), for import tests.
    QByteArray sheet(const QString &sheetName, const QList<QStringList> &rows);
    void seen(const QString &file, const QJsonArray &expected);

private slots:
    void formulaGuard_data();
    void formulaGuard();
    void importsDropOneQuote();
    void numbersStayNumbers();
    void candidatesRoundTripXlsx();
    void raciRoundTripXlsx();
    void kpisRoundTripXlsx();
    void sheetErrorsNameTheCell();
    void aSheetWithAMargin();
    void spreadsheetSeesText();
};

void TestTableFormats::formulaGuard_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("sheet");
    QTest::newRow("plain") << u"Acme"_s << u"Acme"_s << u"Acme"_s;
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("=") << u"=1+1"_s << u"'=1+1"_s << u"=1+1"_s;
    QTest::newRow("+") << u"+49"_s << u"'+49"_s << u"+49"_s;
    QTest::newRow("-") << u"-5"_s << u"'-5"_s << u"-5"_s;
    QTest::newRow("@") << u"@cmd"_s << u"'@cmd"_s << u"@cmd"_s;
    QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s << u"\tx"_s;
    QTest::newRow("CR") << u"\rx"_s << u"'\rx"_s << u"\rx"_s;
    // Text that starts with quotes and then a formula character: one more quote, so that the
    // reader's one dropped quote gives it back.
    QTest::newRow("'=") << u"'=x"_s << u"''=x"_s << u"''=x"_s;
    QTest::newRow("''-") << u"''-x"_s << u"'''-x"_s << u"'''-x"_s;
    QTest::newRow("quote, no formula") << u"'x"_s << u"'x"_s << u"'x"_s;
    QTest::newRow("quotes only") << u"''"_s << u"''"_s << u"''"_s;
    QTest::newRow("= inside") << u"a=b"_s << u"a=b"_s << u"a=b"_s;
    QTest::newRow("space first") << u" =x"_s << u" =x"_s << u" =x"_s;
    QTest::newRow("LF first") << u"\nx"_s << u"\nx"_s << u"\nx"_s;
}

void TestTableFormats::formulaGuard()
{
    QFETCH(QString, text);
    QFETCH(QString, csv);
    QFETCH(QString, sheet);
    QCOMPARE(FormulaGuard::forCsv(text), csv);
    QCOMPARE(FormulaGuard::forSheet(text), sheet);
    QVERIFY(!FormulaGuard::startsFormula(csv));
    QCOMPARE(FormulaGuard::read(csv), text);
    QCOMPARE(FormulaGuard::read(sheet), text);
    QStringList cells{csv, sheet};
    FormulaGuard::read(cells);
    QCOMPARE(cells, (QStringList{text, text}));
}

void TestTableFormats::importsDropOneQuote()
{
    // As a colleague's spreadsheet saves text it was told is text; a quoted number in a
    // number column is a number again.
    const io::CandidateCsvImport candidates =
        io::CandidateCsv::parse("name,notes\n'=SUM(A1),'-note\n''=x,'plain\n", u"c.csv"_s);
    QCOMPARE(candidates.errors, QStringList());
    QCOMPARE(candidates.patches.at(0).name, u"=SUM(A1)"_s);
    QCOMPARE(candidates.patches.at(0).value(CandidateField::Notes).toString(), u"-note"_s);
    QCOMPARE(candidates.patches.at(1).name, u"'=x"_s);
    QCOMPARE(candidates.patches.at(1).value(CandidateField::Notes).toString(), u"'plain"_s);
    const io::KpiCsvImport kpis =
        io::KpiCsv::parse("kpi,period,value,target\n'@Revenue,2026-01,'-5,'-7\n", u"k.csv"_s);
    QCOMPARE(kpis.errors, QStringList());
    QCOMPARE(kpis.kpis.at(0).name, u"@Revenue"_s);
    QCOMPARE(kpis.kpis.at(0).values.at(0).value, -5.0);
    QCOMPARE(kpis.kpis.at(0).target, -7.0);
    // Pasted rows (tab-separated) follow the same rule.
    const io::CandidateCsvImport pasted =
        io::CandidateCsv::parse("name\tnotes\n'+1 555\t'@x\n", u"pasted"_s, u'\t');
    QCOMPARE(pasted.errors, QStringList());
    QCOMPARE(pasted.patches.at(0).name, u"+1 555"_s);
    QCOMPARE(pasted.patches.at(0).value(CandidateField::Notes).toString(), u"@x"_s);
}

void TestTableFormats::numbersStayNumbers()
{
    const QByteArray csv = io::KpiCsv::write(
        {kpi(u"-Churn"_s, -2, {{u"2026-01"_s, -5}, {u"2026-02-15"_s, -0.25}})}, false);
    QCOMPARE(csv, QByteArray("kpi,period,value,target,unit,direction,baseline,measures,status\r\n"
                             "'-Churn,2026-01,-5,-2,currency,higher,,custom,off_track\r\n"
                             "'-Churn,2026-02-15,-0.25,-2,currency,higher,,custom,on_track\r\n"));
    QList<Candidate> candidates(1);
    candidates[0].name = u"-5"_s;
    candidates[0].audienceOverlap = 3;
    const QByteArray list =
        io::CandidateCsv::write(candidates, Ranking(candidates).rank({}), u',', false);
    // The qualification columns follow the notes, empty.
    const QByteArray unknown = QByteArray(",").repeated(QualificationFields::all().size());
    QVERIFY2(list.contains("\r\n,,'-5,,,3,,,sourced,,," + unknown + "\r\n"), list.constData());
}

void TestTableFormats::candidatesRoundTripXlsx()
{
    QList<Candidate> candidates;
    const QStringList names = formulaNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        Candidate c;
        c.name = names.at(i);
        c.website = u"www.example%1.com"_s.arg(i);
        c.structure = i % 2 ? Structure::Reseller : Structure::Unset;
        c.audienceOverlap = int(i % 5) + 1;
        c.strategicValue = i % 3 ? std::optional<int>(int(i % 5) + 1) : std::nullopt;
        c.easeOfIntegration = 2;
        c.stage = i % 2 ? Stage::Pilot : Stage::Sourced;
        c.owner = u"Maya Chen"_s;
        c.revenueTheory = u"=1+1 they \"love\" us;\nreally 🤝\r\nand \u0007 _x0041_"_s;
        c.notes = names.at(names.size() - 1 - i);
        candidates.append(c);
    }
    const QString file = path(u"candidates.xlsx"_s);
    QCOMPARE(io::CandidateCsv::save(file, candidates, Ranking(candidates).rank({})), QString());
    QVERIFY(test::readBytes(file).startsWith("PK\x03\x04"));
    const io::CandidateCsvImport back =
        io::CandidateCsv::parse(test::readBytes(file), u"candidates.xlsx"_s);
    QCOMPARE(back.errors, QStringList());
    QCOMPARE(back.warnings, QStringList());
    QCOMPARE(back.patches.size(), candidates.size());
    for (const CandidatePatch &patch : back.patches) {
        const auto it = std::find_if(candidates.cbegin(), candidates.cend(),
                                     [&](const Candidate &c) { return c.name == patch.name; });
        QVERIFY2(it != candidates.cend(), qPrintable(patch.name));
        for (CandidateField field : io::CandidateCsv::importableFields()) {
            if (field == CandidateField::Name)
                continue; // found by it
            const QVariant stored = CandidateFields::value(*it, field);
            const QString expected = field == CandidateField::Structure && stored == u""_s
                                         ? QString()
                                         : stored.toString();
            QVERIFY2((patch.has(field) ? patch.value(field).toString() : QString()) == expected,
                     qPrintable(patch.name + u": "_s + CandidateFields::columnName(field)));
        }
    }
}

void TestTableFormats::raciRoundTripXlsx()
{
    RaciGrid grid;
    grid.parties = {{0, u"=Our lead"_s, RaciSide::Ours},
                    {0, u"Sales; EMEA"_s, RaciSide::Ours},
                    {0, u"'-their team"_s, RaciSide::Partner}};
    for (const QString &name : formulaNames())
        grid.activities.append({0, name});
    grid.normalise();
    for (qsizetype a = 0; a < grid.activities.size(); ++a)
        grid.cells[a] = {RaciRole(a % 5), RaciRole((a + 1) % 5), RaciRole((a + 2) % 5)};
    const QString file = path(u"raci.xlsx"_s);
    QCOMPARE(io::RaciCsv::save(file, grid), QString());
    io::RaciCsvImport back = io::RaciCsv::parse(test::readBytes(file), u"raci.xlsx"_s);
    QCOMPARE(back.errors, QStringList());
    back.grid.normalise();
    QVERIFY(back.grid == grid);
    // And CSV, the same grid.
    io::RaciCsvImport csv = io::RaciCsv::parse(io::RaciCsv::write(grid), u"raci.csv"_s);
    QCOMPARE(csv.errors, QStringList());
    csv.grid.normalise();
    QVERIFY(csv.grid == grid);
}

void TestTableFormats::kpisRoundTripXlsx()
{
    QList<KpiSeries> kpis = {
        kpi(u"=Revenue"_s, 15000,
            {{u"2025-12"_s, 0},
             {u"2026-01"_s, -5},
             {u"2026-02"_s, 12500.75},
             {u"2026-03"_s, 1e22}}),
        kpi(u"Time to close"_s, std::nullopt,
            {{u"1900-01-01"_s, 1}, {u"1900-03-01"_s, 2}, {u"2026-01-31"_s, 0.000125}}),
        kpi(u"Only defined"_s, 3, {}),
    };
    kpis[1].definition.unit = KpiUnit::Days;
    kpis[1].definition.direction = KpiDirection::LowerIsBetter;
    kpis[1].definition.baseline = -0.5;
    kpis[0].definition.metric = KpiMetric::PartnerRevenue;
    const QString file = path(u"kpis.xlsx"_s);
    QCOMPARE(io::KpiCsv::save(file, kpis), QString());
    const io::KpiCsvImport back = io::KpiCsv::parse(test::readBytes(file), u"kpis.xlsx"_s);
    QCOMPARE(back.errors, QStringList());
    QCOMPARE(back.valueCount, 7);
    QCOMPARE(io::KpiCsv::merge({}, back.kpis), kpis);
}

QByteArray TestTableFormats::sheet(const QString &sheetName, const QList<QStringList> &rows)
{
    io::XlsxWriter writer(sheetName);
    writer.setHeader(rows.value(0));
    for (const QStringList &row : rows.mid(1)) {
        QList<TableCell> cells;
        for (const QString &text : row)
            cells.append(TableCell::ofText(text));
        writer.addRow(cells);
    }
    const QString file = path(u"made.xlsx"_s);
    if (!writer.save(file).isEmpty())
        return {};
    return test::readBytes(file);
}

void TestTableFormats::sheetErrorsNameTheCell()
{
    const QByteArray bad = sheet(u"Q1 list"_s, {{u"name"_s, u"stage"_s, u"audience_overlap"_s},
                                                {u"Ledgerly"_s, u"pilot"_s, u"7"_s},
                                                {u"Cobalt"_s, u"won"_s, u"2"_s},
                                                {u"ledgerly"_s, u""_s, u""_s}});
    const io::CandidateCsvImport candidates = io::CandidateCsv::parse(bad, u"list.xlsx"_s);
    QCOMPARE(candidates.errors,
             (QStringList{u"list.xlsx:'Q1 list'!C2: column \"audience_overlap\": \"7\" is not a "
                          u"score: use a whole number from 1 to 5, or leave it empty"_s,
                          u"list.xlsx:'Q1 list'!B3: column \"stage\": \"won\" is not a stage: "
                          u"use sourced, qualified, proposed, pilot, scaled, paused or ended"_s,
                          u"list.xlsx:'Q1 list'!A4: column \"name\": \"ledgerly\" appears twice "
                          u"in the file (also on row 2)"_s}));
    QVERIFY(candidates.patches.isEmpty());

    const io::RaciCsvImport raci = io::RaciCsv::parse(
        sheet(u"RACI"_s, {{u"activity"_s, u"Ours"_s}, {u"Support"_s, u"X"_s}}), u"r.xlsx"_s);
    QCOMPARE(raci.errors.value(0).left(40), u"r.xlsx:RACI!B2: column \"Ours\": \"X\" is no"_s);
    const io::KpiCsvImport kpis = io::KpiCsv::parse(
        sheet(u"KPIs"_s, {{u"kpi"_s, u"period"_s, u"value"_s}, {u"A"_s, u"2026-13"_s, u"1"_s}}),
        u"k.xlsx"_s);
    QVERIFY2(kpis.errors.value(0).startsWith(u"k.xlsx:KPIs!B2: column \"period\": \"2026-13\""_s),
             qPrintable(kpis.errors.value(0)));

    // The sheet itself: empty, more cells than the header, not there.
    QCOMPARE(io::CandidateCsv::parse(sheet(u"Empty"_s, {}), u"e.xlsx"_s).errors,
             QStringList{u"e.xlsx:Empty!A1: the sheet is empty; a header row with at least a "
                         u"name column is required"_s});
    const QByteArray wide = sheet(u"S"_s, {{u"name"_s}, {u"A"_s, u"stray"_s}});
    QCOMPARE(io::CandidateCsv::parse(wide, u"w.xlsx"_s).errors,
             QStringList{u"w.xlsx:S!B2: the row has 2 cells, the header has 1"_s});
    QCOMPARE(io::CandidateCsv::parse(wide, u"w.xlsx"_s, QChar(), u"Other"_s).errors,
             QStringList{u"w.xlsx has no sheet named \"Other\" (its sheets: S)"_s});
    QCOMPARE(io::CandidateCsv::parse(wide, u"w.xlsx"_s, QChar(), u"s"_s).errors.size(), 1);
    // A text file named .xlsx is refused as not a workbook, not read as CSV.
    QCOMPARE(io::RaciCsv::parse("activity\nSupport\n", u"r.xlsx"_s).errors,
             QStringList{u"r.xlsx is not an XLSX workbook (not a zip archive)"_s});
}

void TestTableFormats::aSheetWithAMargin()
{
    // A table that starts in column B: cells are named where they are.
    const QByteArray bytes =
        sheet(u"S"_s, {{QString(), u"name"_s, u"stage"_s}, {QString(), u"A"_s, u"won"_s}});
    QCOMPARE(io::CandidateCsv::parse(bytes, u"m.xlsx"_s).errors.value(0).left(32),
             u"m.xlsx:S!C2: column \"stage\": \"wo"_s);
}

void TestTableFormats::seen(const QString &file, const QJsonArray &expected)
{
    const QString python = test::openpyxlPython();
    if (python.isEmpty())
        QSKIP("python3-openpyxl is not installed");
    const QString expect = path(u"expect.json"_s);
    QVERIFY(test::writeBytes(expect, QJsonDocument(expected).toJson()));
    QProcess process;
    process.start(python,
                  {QStringLiteral(PLAYBOOK_SOURCE_DIR "/tests/unit/table_seen.py"), file, expect});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestTableFormats::spreadsheetSeesText()
{
    QList<Candidate> candidates(2);
    candidates[0].name = u"=HYPERLINK(\"http://x\",\"y\")"_s;
    candidates[0].audienceOverlap = 5;
    candidates[0].strategicValue = 4;
    candidates[0].easeOfIntegration = 4;
    candidates[0].notes = u"@SUM(1)"_s;
    candidates[1].name = u"'=quoted"_s;
    const auto ranked = Ranking(candidates).rank({});
    const QList<KpiSeries> kpis = {kpi(u"+Revenue"_s, 10, {{u"2026-01"_s, -5}})};
    RaciGrid grid;
    grid.parties = {{0, u"-Ops"_s, RaciSide::Ours}};
    grid.activities = {{0, u"\tSupport"_s}};
    grid.normalise();

    for (const QString &type : {u"xlsx"_s, u"csv"_s}) {
        const bool xlsx = type == u"xlsx";
        const QString c = path(u"c."_s + type), k = path(u"k."_s + type), r = path(u"r."_s + type);
        QCOMPARE(io::CandidateCsv::save(c, candidates, ranked), QString());
        QCOMPARE(io::KpiCsv::save(k, kpis), QString());
        QCOMPARE(io::RaciCsv::save(r, grid), QString());
        const QString q = xlsx ? QString() : u"'"_s; // the CSV's text mark
        seen(c, {QJsonArray{u"A2"_s, u"n"_s, 1}, QJsonArray{u"B2"_s, u"n"_s, 83.3},
                 QJsonArray{u"C2"_s, u"s"_s, q + u"=HYPERLINK(\"http://x\",\"y\")"_s},
                 QJsonArray{u"L2"_s, u"s"_s, q + u"@SUM(1)"_s},
                 QJsonArray{u"C3"_s, u"s"_s, u"''=quoted"_s}});
        seen(k, {QJsonArray{u"A2"_s, u"s"_s, q + u"+Revenue"_s},
                 QJsonArray{u"B2"_s, u"d"_s, xlsx ? u"2026-01-01"_s : u"2026-01"_s},
                 QJsonArray{u"C2"_s, u"n"_s, -5}, QJsonArray{u"D2"_s, u"n"_s, 10}});
        seen(r, {QJsonArray{u"B1"_s, u"s"_s, q + u"-Ops"_s},
                 QJsonArray{u"A2"_s, u"s"_s, q + u"\tSupport"_s}});
    }
}

QTEST_GUILESS_MAIN(TestTableFormats)
#include "tst_tableformats.moc"
