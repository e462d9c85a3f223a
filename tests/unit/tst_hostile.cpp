// Text fields take anything: SQL fragments, markup, formulas, control characters,
// right-to-left marks, 100 kB strings, emoji. Stored and read back exactly, through the
// candidates, KPI and RACI round trips as CSV and as XLSX, and the proposal's page text;
// nothing is interpreted. And the connection is defensive: a workbook cannot load an
// extension or run schema code.
#include "TestFiles.h"
#include "domain/Scoring.h"
#include "io/CandidateCsv.h"
#include "io/KpiCsv.h"
#include "io/RaciCsv.h"
#include "io/SampleWorkbook.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

QStringList hostile()
{
    return {
        u"'); DROP TABLE candidates;--"_s,
        u"Robert\"); DELETE FROM settings WHERE ('1'='1"_s,
        u"<b>bold</b> <img src=\"file:///etc/passwd\"> &amp; <script>alert(1)</script>"_s,
        u"=HYPERLINK(\"http://x\")"_s,
        u"=cmd|' /C calc'!A0"_s,
        u"+1 555 0100"_s,
        u"-2+3"_s,
        u"@SUM(A1:A9)"_s,
        u"'=quoted already"_s,
        u"''+twice"_s,
        u"\t=tabbed"_s,
        u"\r=returned"_s,
        u"tab\there, bell\u0007, escape\u001B[31m, nul-free control\u0001"_s,
        u"\u202Egnp.exe\u202C right-to-left \u200F mark \u200E"_s,
        u"emoji 🚀👩‍💼🇪🇺 and 東京 Łódź"_s,
        u"line one\nline two\r\nline three"_s,
        u"  leading and trailing spaces kept?  "_s.trimmed(),
        u"x"_s.repeated(100 * 1024),
    };
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    store::StoreError m_error;

private slots:
    void candidatesKeepAnyText()
    {
        const QString path = m_dir.filePath(u"hostile.playbook"_s);
        auto workbook = store::Workbook::create(path, u"Hostile"_s, &m_error);
        QVERIFY2(workbook, qPrintable(m_error.message));
        QList<Candidate> candidates;
        const QStringList texts = hostile();
        for (qsizetype i = 0; i < texts.size(); ++i) {
            Candidate c;
            // The text first, so that a name starts with a formula character.
            c.name = texts.at(i).left(200).simplified() + u" #%1"_s.arg(i);
            c.notes = texts.at(i);
            c.revenueTheory = texts.at(i);
            candidates.append(c);
        }
        QVERIFY(!workbook->insertCandidates(candidates));
        workbook.reset();

        // Read back exactly, after a reopen: nothing ran, every table is still there.
        workbook = store::Workbook::open(path, {}, &m_error);
        QVERIFY2(workbook, qPrintable(m_error.message));
        QVERIFY(workbook->integrityProblems().isEmpty());
        const QList<Candidate> stored = workbook->candidates();
        QCOMPARE(stored.size(), texts.size());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const auto it = std::find_if(stored.cbegin(), stored.cend(), [&](const Candidate &c) {
                return c.name == candidates.at(i).name;
            });
            QVERIFY2(it != stored.cend(), qPrintable(candidates.at(i).name.left(60)));
            QCOMPARE(it->notes, texts.at(i));
            QCOMPARE(it->revenueTheory, texts.at(i));
        }

        // The candidates CSV round trip keeps them too.
        const Ranking ranking(stored);
        const QByteArray csv = io::CandidateCsv::write(
            stored, ranking.rank(WorkbookSettings::scoringWeights(workbook->settings())));
        const io::CandidateCsvImport parsed = io::CandidateCsv::parse(csv, u"x.csv"_s);
        QVERIFY2(parsed.errors.isEmpty(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.patches.size(), stored.size());
        for (const CandidatePatch &patch : parsed.patches) {
            const auto it = std::find_if(stored.cbegin(), stored.cend(),
                                         [&](const Candidate &c) { return c.name == patch.name; });
            QVERIFY(it != stored.cend());
            // Line breaks come back as \n (a CRLF inside a quoted field is one line break).
            QCOMPARE(patch.value(CandidateField::Notes).toString(),
                     QString(it->notes).replace(u"\r\n"_s, u"\n"_s));
        }

        // As XLSX: a cell holds at most 32,767 characters, so the 100 kB text is refused
        // (and nothing is written); without it, every text comes back exactly.
        const QString xlsx = m_dir.filePath(u"hostile.xlsx"_s);
        const QString refused = io::CandidateCsv::save(xlsx, stored, ranking.rank({}));
        QVERIFY2(refused.contains(u"a spreadsheet cell holds at most 32767"_s),
                 qPrintable(refused));
        QVERIFY(!QFile::exists(xlsx));
        QList<Candidate> fits = stored;
        fits.removeIf([](const Candidate &c) { return c.notes.size() > 32767; });
        QCOMPARE(fits.size(), stored.size() - 1);
        QCOMPARE(io::CandidateCsv::save(xlsx, fits, Ranking(fits).rank({})), QString());
        const io::CandidateCsvImport sheet =
            io::CandidateCsv::parse(test::readBytes(xlsx), u"hostile.xlsx"_s);
        QVERIFY2(sheet.errors.isEmpty(), qPrintable(sheet.errors.join(u'\n')));
        QCOMPARE(sheet.patches.size(), fits.size());
        for (const CandidatePatch &patch : sheet.patches) {
            const auto it = std::find_if(fits.cbegin(), fits.cend(),
                                         [&](const Candidate &c) { return c.name == patch.name; });
            QVERIFY2(it != fits.cend(), qPrintable(patch.name.left(60)));
            QCOMPARE(patch.value(CandidateField::Notes).toString(), it->notes);
            QCOMPARE(patch.value(CandidateField::RevenueTheory).toString(), it->revenueTheory);
        }
    }

    void kpiAndRaciNamesKeepAnyText()
    {
        QList<KpiSeries> kpis;
        RaciGrid grid;
        for (const QString &text : hostile()) {
            KpiSeries series;
            series.definition.name = text.left(300).simplified();
            series.values = {{KpiPeriod::month(2026, 1), 1}};
            if (std::none_of(kpis.cbegin(), kpis.cend(), [&](const KpiSeries &s) {
                    return s.definition.name.compare(series.definition.name, Qt::CaseInsensitive) ==
                           0;
                }))
                kpis.append(series);
            grid.activities.append({0, text.left(300).simplified()});
        }
        grid.parties = {{0, u"'); DROP TABLE raci_cells;--"_s, RaciSide::Ours},
                        {0, u"<i>Them</i> 🚀"_s, RaciSide::Partner},
                        {0, u"=1+1"_s, RaciSide::Ours},
                        {0, u"'-quoted"_s, RaciSide::Partner}};
        grid.normalise();
        const io::KpiCsvImport kpiBack = io::KpiCsv::parse(io::KpiCsv::write(kpis), u"k.csv"_s);
        QVERIFY2(kpiBack.errors.isEmpty(), qPrintable(kpiBack.errors.join(u'\n')));
        QCOMPARE(io::KpiCsv::merge({}, kpiBack.kpis), kpis);
        io::RaciCsvImport raciBack = io::RaciCsv::parse(io::RaciCsv::write(grid), u"r.csv"_s);
        QVERIFY2(raciBack.errors.isEmpty(), qPrintable(raciBack.errors.join(u'\n')));
        raciBack.grid.normalise();
        QCOMPARE(raciBack.grid, grid);

        // The same through .xlsx files.
        const QString kpiFile = m_dir.filePath(u"k.xlsx"_s);
        QCOMPARE(io::KpiCsv::save(kpiFile, kpis), QString());
        const io::KpiCsvImport kpiSheet = io::KpiCsv::parse(test::readBytes(kpiFile), u"k.xlsx"_s);
        QVERIFY2(kpiSheet.errors.isEmpty(), qPrintable(kpiSheet.errors.join(u'\n')));
        QCOMPARE(io::KpiCsv::merge({}, kpiSheet.kpis), kpis);
        const QString raciFile = m_dir.filePath(u"r.xlsx"_s);
        QCOMPARE(io::RaciCsv::save(raciFile, grid), QString());
        io::RaciCsvImport raciSheet = io::RaciCsv::parse(test::readBytes(raciFile), u"r.xlsx"_s);
        QVERIFY2(raciSheet.errors.isEmpty(), qPrintable(raciSheet.errors.join(u'\n')));
        raciSheet.grid.normalise();
        QCOMPARE(raciSheet.grid, grid);
    }

    void theConnectionIsDefensive()
    {
        const QString path = m_dir.filePath(u"defensive.playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        store::SqliteDatabase db;
        QVERIFY(db.open(path, store::SqliteDatabase::Access::ReadWrite));
        // No extensions, no writable schema, no schema-defined code trusted.
        QVERIFY(!db.exec(u"SELECT load_extension('/tmp/evil.so')"_s));
        QVERIFY(!db.exec(u"PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql='x'"_s));
        bool ok = false;
        QCOMPARE(db.scalar(u"PRAGMA trusted_schema"_s, &ok).toInt(), 0);
        QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
