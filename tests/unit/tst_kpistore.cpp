// The KPI tracker in the store: definitions written whole with their ids and order, single
// values set and cleared all or nothing, pilot and reviews, what survives a reopen, what a
// read-only workbook refuses, the change notifications, and the upgrade from version 3.
#include "TestFiles.h"
#include "store/Schema.h"
#include "store/SqliteDatabase.h"
#include "store/Workbook.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::Change;
using pb::store::SqliteDatabase;
using pb::store::StoreError;
using pb::store::Workbook;
using Code = pb::store::StoreError::Code;

namespace {

KpiPeriod month(int year, int m)
{
    return KpiPeriod::month(year, m);
}

KpiPeriod day(int year, int m, int d)
{
    return KpiPeriod::day(QDate(year, m, d));
}

KpiDefinition kpi(const QString &name, KpiUnit unit, KpiDirection direction,
                  std::optional<double> target, std::optional<double> baseline, KpiMetric metric)
{
    KpiDefinition d;
    d.name = name;
    d.unit = unit;
    d.direction = direction;
    d.target = target;
    d.baseline = baseline;
    d.metric = metric;
    return d;
}

// Three KPIs that differ in every stored field, with a few values (months and days).
QList<KpiSeries> threeKpis()
{
    return {
        {kpi(u"Referrals"_s, KpiUnit::Count, KpiDirection::HigherIsBetter, 10, 2,
             KpiMetric::Referrals),
         {{month(2026, 1), 4}, {month(2026, 2), 7}}},
        {kpi(u"Time to close"_s, KpiUnit::Days, KpiDirection::LowerIsBetter, 45, std::nullopt,
             KpiMetric::TimeToClose),
         {{day(2026, 1, 20), 61.5}}},
        {kpi(u"Webinar sign-ups"_s, KpiUnit::Score, KpiDirection::HigherIsBetter, std::nullopt,
             std::nullopt, KpiMetric::Custom),
         {}},
    };
}

QStringList names(const PartnershipKpis &p)
{
    QStringList result;
    for (const KpiSeries &s : p.kpis)
        result.append(s.definition.name);
    return result;
}

QList<qint64> ids(const PartnershipKpis &p)
{
    QList<qint64> result;
    for (const KpiSeries &s : p.kpis)
        result.append(s.definition.id);
    return result;
}

Review review(const QDate &date, ReviewDecision decision, const QString &note = {})
{
    Review r;
    r.date = date;
    r.decision = decision;
    r.note = note;
    return r;
}

} // namespace

class TestKpiStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    qint64 m_ledgerly = 0;
    qint64 m_cobalt = 0;
    int m_files = 0;

    PartnershipKpis stored(qint64 candidateId) const
    {
        return m_workbook->partnershipKpis(candidateId);
    }

    // What another process reads from the file right now.
    PartnershipKpis onDisk(qint64 candidateId) const
    {
        StoreError error;
        auto reader = Workbook::open(m_workbook->path(), {.readOnly = true}, &error);
        return reader ? reader->partnershipKpis(candidateId) : PartnershipKpis();
    }

    void reopen(const store::OpenOptions &options = {})
    {
        const QString path = m_workbook->path();
        m_workbook.reset();
        StoreError error;
        m_workbook = Workbook::open(path, options, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
    }

    // Ledgerly tracks threeKpis(); returns them with their ids.
    QList<KpiSeries> track()
    {
        QList<KpiSeries> kpis = threeKpis();
        const StoreError error = m_workbook->replaceKpis(m_ledgerly, kpis);
        if (error)
            qWarning("%s", qPrintable(error.message));
        return kpis;
    }

    // A workbook at schema version 3, as that version wrote it: a partnership with two KPIs
    // (no metric column yet) and a RACI party.
    QString makeVersion3(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (Workbook::createAtVersion(path, 3, u"Old programme"_s))
            return {};
        SqliteDatabase db;
        if (!db.open(path, SqliteDatabase::Access::ReadWrite) ||
            !db.exec(u"INSERT INTO candidates(id, name, name_key) VALUES (7, 'Ledgerly', "
                     u"'ledgerly');"
                     u"INSERT INTO partnerships(id, candidate_id, pilot_start, pilot_days) "
                     u"VALUES (3, 7, '2026-01-15', 120);"
                     u"INSERT INTO kpis(id, partnership_id, position, name, unit, direction, "
                     u"target, baseline) VALUES "
                     u"(21, 3, 1, 'Time to close', 'days', 'lower', 45, NULL),"
                     u"(20, 3, 0, 'Referrals', 'count', 'higher', 10, 2);"
                     u"INSERT INTO raci_parties(partnership_id, position, name, side) "
                     u"VALUES (3, 0, 'Partner manager', 'ours');"_s))
            return {};
        return path;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        StoreError error;
        // A file per test and data row.
        m_workbook = Workbook::create(
            m_dir.filePath(
                u"%1-%2.playbook"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))
                    .arg(++m_files)),
            u"KPIs"_s, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        QList<Candidate> candidates(2);
        candidates[0].name = u"Ledgerly"_s;
        candidates[1].name = u"Cobalt CRM"_s;
        QVERIFY(!m_workbook->insertCandidates(candidates));
        m_ledgerly = candidates[0].id;
        m_cobalt = candidates[1].id;
    }

    void cleanup() { m_workbook.reset(); }

    void noPartnershipYet()
    {
        const PartnershipKpis p = stored(m_ledgerly);
        QCOMPARE(p.partner, u"Ledgerly"_s);
        QVERIFY(p.kpis.isEmpty());
        QVERIFY(p.reviews.isEmpty());
        QVERIFY(!p.pilot.start.isValid());
        QVERIFY(m_workbook->allPartnershipKpis().isEmpty());
    }

    void replaceKpisStoresEveryField()
    {
        const qint64 partnerships = m_workbook->counts().partnerships;
        QList<KpiSeries> kpis = track();
        QCOMPARE(m_workbook->counts().partnerships, partnerships + 1); // created on the way
        QCOMPARE(m_workbook->counts().kpis, 3);
        for (const KpiSeries &s : kpis)
            QVERIFY(s.definition.id > 0);
        const PartnershipKpis p = stored(m_ledgerly);
        QCOMPARE(p.partner, u"Ledgerly"_s);
        QCOMPARE(p.kpis, kpis); // ids, order, unit, direction, target, baseline, metric, values
        QCOMPARE(onDisk(m_ledgerly).kpis, kpis);
        QCOMPARE(m_workbook->allPartnershipKpis().size(), 1);
        QCOMPARE(m_workbook->allPartnershipKpis().first(), p);
        // The other candidate is untouched.
        QVERIFY(stored(m_cobalt).kpis.isEmpty());
    }

    void replaceKpisKeepsIdsAndOrder()
    {
        QList<KpiSeries> kpis = track();
        const QList<qint64> original = ids(stored(m_ledgerly));

        // Reordered, one renamed, one removed, one new.
        QList<KpiSeries> changed = {kpis.at(2), kpis.at(0)};
        changed[1].definition.name = u"  Partner referrals  "_s;
        changed.append({kpi(u"Revenue"_s, KpiUnit::Currency, KpiDirection::HigherIsBetter, 15000,
                            std::nullopt, KpiMetric::PartnerRevenue),
                        {{month(2026, 2), 12500}}});
        QVERIFY(!m_workbook->replaceKpis(m_ledgerly, changed));
        QCOMPARE(changed.at(0).definition.id, original.at(2));
        QCOMPARE(changed.at(1).definition.id, original.at(0));
        QVERIFY(!original.contains(changed.at(2).definition.id));
        QCOMPARE(changed.at(1).definition.name, u"Partner referrals"_s); // trimmed, as stored
        const PartnershipKpis p = stored(m_ledgerly);
        QCOMPARE(names(p),
                 (QStringList{u"Webinar sign-ups"_s, u"Partner referrals"_s, u"Revenue"_s}));
        QCOMPARE(p.kpis, changed);
        // The removed KPI's values went with it.
        QCOMPARE(m_workbook->counts().kpis, 3);

        // Undo: the first list again, with its ids.
        QVERIFY(!m_workbook->replaceKpis(m_ledgerly, kpis));
        QCOMPARE(ids(stored(m_ledgerly)), original);
        QCOMPARE(stored(m_ledgerly).kpis, kpis);
    }

    void replaceKpisRefusesBadLists_data()
    {
        QTest::addColumn<QList<KpiSeries>>("kpis");
        QList<KpiSeries> twins = threeKpis();
        twins[2].definition.name = u" referrals"_s;
        QTest::newRow("two with one name") << twins;
        QList<KpiSeries> unnamed = threeKpis();
        unnamed[1].definition.name = u"   "_s;
        QTest::newRow("no name") << unnamed;
        QList<KpiSeries> notANumber = threeKpis();
        notANumber[0].values.append({month(2026, 3), qQNaN()});
        QTest::newRow("not a number") << notANumber;
        QList<KpiSeries> noPeriod = threeKpis();
        noPeriod[0].values.append({KpiPeriod(), 1});
        QTest::newRow("no period") << noPeriod;
    }

    void replaceKpisRefusesBadLists()
    {
        QFETCH(QList<KpiSeries>, kpis);
        const QList<KpiSeries> before = track();
        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        const StoreError error = m_workbook->replaceKpis(m_ledgerly, kpis);
        QCOMPARE(error.code, Code::InvalidValue);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(stored(m_ledgerly).kpis, before);
        QCOMPARE(spy.count(), 0);
    }

    void setKpiValuesUpsertsAndDeletes()
    {
        const QList<KpiSeries> kpis = track();
        const qint64 referrals = kpis.at(0).definition.id;
        const qint64 close = kpis.at(1).definition.id;
        QList<KpiValueEdit> edits;
        edits.append({referrals, month(2026, 1), 5});            // updated
        edits.append({referrals, month(2026, 2), std::nullopt}); // removed
        edits.append({referrals, month(2026, 3), 9});            // added
        edits.append({referrals, day(2026, 3, 9), 2});           // a day beside its month
        edits.append({close, day(2026, 1, 20), std::nullopt});   // the KPI's only value
        edits.append({close, month(2026, 4), std::nullopt});     // never set: nothing to do
        QVERIFY(!m_workbook->setKpiValues(m_ledgerly, edits));
        const PartnershipKpis p = stored(m_ledgerly);
        QCOMPARE(p.kpis.at(0).values,
                 (QList<KpiValue>{{month(2026, 1), 5}, {month(2026, 3), 9}, {day(2026, 3, 9), 2}}));
        QVERIFY(p.kpis.at(1).values.isEmpty());
        QCOMPARE(p.kpis.at(2).values, kpis.at(2).values);
        QCOMPARE(p.kpis.at(0).definition, kpis.at(0).definition); // definitions untouched
        QCOMPARE(onDisk(m_ledgerly), p);

        // The last edit of a period wins.
        QVERIFY(!m_workbook->setKpiValues(
            m_ledgerly, {{referrals, month(2026, 1), 6}, {referrals, month(2026, 1), 8}}));
        QCOMPARE(stored(m_ledgerly).kpis.at(0).valueAt(month(2026, 1)).value_or(-1), 8.0);
        QVERIFY(!m_workbook->setKpiValues(m_ledgerly, {}));
    }

    void setKpiValuesIsAllOrNothing_data()
    {
        QTest::addColumn<int>("badKpi"); // 0: an unknown id, 1: a KPI of another partnership
        QTest::addColumn<Code>("code");
        QTest::newRow("unknown KPI id") << 0 << Code::NotFound;
        QTest::newRow("another partnership's KPI") << 1 << Code::NotFound;
    }

    void setKpiValuesIsAllOrNothing()
    {
        QFETCH(int, badKpi);
        QFETCH(Code, code);
        const QList<KpiSeries> kpis = track();
        QList<KpiSeries> cobaltKpis = {
            {kpi(u"Referrals"_s, KpiUnit::Count, KpiDirection::HigherIsBetter, 5, std::nullopt,
                 KpiMetric::Referrals),
             {}}};
        QVERIFY(!m_workbook->replaceKpis(m_cobalt, cobaltKpis));
        const PartnershipKpis before = stored(m_ledgerly);
        const qint64 bad = badKpi == 0 ? 999999 : cobaltKpis.at(0).definition.id;

        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        const qint64 referrals = kpis.at(0).definition.id;
        const StoreError error =
            m_workbook->setKpiValues(m_ledgerly, {{referrals, month(2026, 1), 100},
                                                  {referrals, month(2026, 2), std::nullopt},
                                                  {bad, month(2026, 1), 1},
                                                  {referrals, month(2026, 5), 3}});
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(stored(m_ledgerly), before);
        QCOMPARE(onDisk(m_ledgerly), before);
        QVERIFY(stored(m_cobalt).kpis.first().values.isEmpty());
        QCOMPARE(spy.count(), 0);
        // The workbook still takes edits afterwards (no transaction left open).
        QVERIFY(!m_workbook->setKpiValues(m_ledgerly, {{referrals, month(2026, 1), 100}}));
        QCOMPARE(onDisk(m_ledgerly).kpis.first().valueAt(month(2026, 1)).value_or(-1), 100.0);
    }

    void setKpiValuesRefusals()
    {
        const QList<KpiSeries> kpis = track();
        const qint64 referrals = kpis.at(0).definition.id;
        const PartnershipKpis before = stored(m_ledgerly);
        StoreError error = m_workbook->setKpiValues(
            m_ledgerly, {{referrals, month(2026, 3), 1}, {referrals, month(2026, 4), qInf()}});
        QCOMPARE(error.code, Code::InvalidValue);
        error = m_workbook->setKpiValues(m_ledgerly, {{referrals, KpiPeriod(), 1}});
        QCOMPARE(error.code, Code::InvalidValue);
        QCOMPARE(stored(m_ledgerly), before);
        // A candidate without a partnership has no KPIs to set.
        error = m_workbook->setKpiValues(m_cobalt, {{referrals, month(2026, 1), 1}});
        QCOMPARE(error.code, Code::NotFound);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(m_workbook->counts().partnerships, 1);
    }

    void setPilot()
    {
        const qint64 partnerships = m_workbook->counts().partnerships;
        QVERIFY(!m_workbook->setPilot(m_ledgerly, {QDate(2026, 1, 15), 120}));
        QCOMPARE(m_workbook->counts().partnerships, partnerships + 1);
        QCOMPARE(stored(m_ledgerly).pilot, (Pilot{QDate(2026, 1, 15), 120}));
        QCOMPARE(onDisk(m_ledgerly).pilot, (Pilot{QDate(2026, 1, 15), 120}));
        // Cleared start: not started, length kept as given.
        QVERIFY(!m_workbook->setPilot(m_ledgerly, {QDate(), 60}));
        QCOMPARE(onDisk(m_ledgerly).pilot, (Pilot{QDate(), 60}));
        for (int days : {0, -5, 3651}) {
            const StoreError error = m_workbook->setPilot(m_ledgerly, {QDate(2026, 2, 1), days});
            QCOMPARE(error.code, Code::InvalidValue);
            QVERIFY(!error.message.isEmpty());
        }
        QCOMPARE(onDisk(m_ledgerly).pilot, (Pilot{QDate(), 60}));
        QCOMPARE(m_workbook->counts().partnerships, partnerships + 1);
    }

    void addAndRemoveReviews()
    {
        Review later = review(QDate(2026, 3, 14), ReviewDecision::Scale, u"Double the budget"_s);
        Review earlier = review(QDate(2026, 2, 15), ReviewDecision::Continue);
        QVERIFY(!m_workbook->addReview(m_ledgerly, later));
        QVERIFY(!m_workbook->addReview(m_ledgerly, earlier));
        QVERIFY(later.id > 0);
        QVERIFY(earlier.id > 0 && earlier.id != later.id);
        QCOMPARE(stored(m_ledgerly).reviews, (QList<Review>{earlier, later})); // by date
        QCOMPARE(onDisk(m_ledgerly).reviews, (QList<Review>{earlier, later}));

        QVERIFY(!m_workbook->removeReview(m_ledgerly, later.id));
        QCOMPARE(onDisk(m_ledgerly).reviews, QList<Review>{earlier});
        // Undo of the removal: the same review, the same id.
        Review restored = later;
        QVERIFY(!m_workbook->addReview(m_ledgerly, restored));
        QCOMPARE(restored.id, later.id);
        QCOMPARE(onDisk(m_ledgerly).reviews, (QList<Review>{earlier, later}));

        // Another candidate cannot remove Ledgerly's review.
        QVERIFY(!m_workbook->removeReview(m_cobalt, earlier.id));
        QCOMPARE(onDisk(m_ledgerly).reviews.size(), 2);

        Review undated = review(QDate(), ReviewDecision::End);
        const StoreError error = m_workbook->addReview(m_ledgerly, undated);
        QCOMPARE(error.code, Code::InvalidValue);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(onDisk(m_ledgerly).reviews.size(), 2);

        for (ReviewDecision decision : {ReviewDecision::Pause, ReviewDecision::End}) {
            Review r = review(QDate(2026, 4, 15), decision);
            QVERIFY(!m_workbook->addReview(m_cobalt, r));
            QCOMPARE(stored(m_cobalt).reviews.last().decision, decision);
        }
    }

    void everythingSurvivesReopen()
    {
        QList<KpiSeries> kpis = track();
        QVERIFY(!m_workbook->setKpiValues(m_ledgerly,
                                          {{kpis.at(2).definition.id, day(2026, 2, 28), 71.25}}));
        QVERIFY(!m_workbook->setPilot(m_ledgerly, {QDate(2026, 1, 15), 90}));
        Review r = review(QDate(2026, 2, 16), ReviewDecision::Pause, u"Waiting on legal — ✓"_s);
        QVERIFY(!m_workbook->addReview(m_ledgerly, r));
        const PartnershipKpis before = stored(m_ledgerly);
        QCOMPARE(before.kpis.at(2).values.size(), 1);
        QCOMPARE(before.reviews.size(), 1);

        reopen();
        QCOMPARE(stored(m_ledgerly), before);
        reopen({.readOnly = true});
        QCOMPARE(stored(m_ledgerly), before);
        QVERIFY(m_workbook->integrityProblems().isEmpty());
    }

    void readOnlyRefusesWrites()
    {
        QList<KpiSeries> kpis = track();
        Review first = review(QDate(2026, 2, 15), ReviewDecision::Continue);
        QVERIFY(!m_workbook->addReview(m_ledgerly, first));
        const PartnershipKpis before = stored(m_ledgerly);
        const QString path = m_workbook->path();
        reopen({.readOnly = true});
        QVERIFY(m_workbook->isReadOnly());
        const test::Fingerprint print = test::fingerprint(path);
        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);

        QList<KpiSeries> changed = kpis;
        changed.removeLast();
        Review another = review(QDate(2026, 3, 15), ReviewDecision::Scale);
        const QList<StoreError> errors = {
            m_workbook->replaceKpis(m_ledgerly, changed),
            m_workbook->replaceKpis(m_cobalt, changed),
            m_workbook->setKpiValues(m_ledgerly, {{kpis.at(0).definition.id, month(2026, 1), 1}}),
            m_workbook->setPilot(m_ledgerly, {QDate(2026, 1, 1), 30}),
            m_workbook->addReview(m_ledgerly, another),
            m_workbook->removeReview(m_ledgerly, first.id),
        };
        for (const StoreError &error : errors) {
            QCOMPARE(error.code, Code::ReadOnly);
            QVERIFY2(error.message.contains(QFileInfo(path).fileName()), qPrintable(error.message));
        }
        QCOMPARE(another.id, 0);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(stored(m_ledgerly), before);
        QCOMPARE(m_workbook->counts().partnerships, 1);
        QCOMPARE(test::fingerprint(path), print);
    }

    void changesAreAnnounced()
    {
        QSignalSpy spy(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        QList<KpiSeries> kpis = threeKpis();
        Review r = review(QDate(2026, 2, 15), ReviewDecision::Continue);
        QVERIFY(!m_workbook->replaceKpis(m_ledgerly, kpis));
        QVERIFY(
            !m_workbook->setKpiValues(m_ledgerly, {{kpis.at(0).definition.id, month(2026, 3), 1}}));
        QVERIFY(!m_workbook->setPilot(m_ledgerly, {QDate(2026, 1, 15), 90}));
        QVERIFY(!m_workbook->addReview(m_ledgerly, r));
        QVERIFY(!m_workbook->removeReview(m_ledgerly, r.id));
        QCOMPARE(spy.count(), 5);
        for (const auto &arguments : std::as_const(spy)) {
            const auto change = arguments.first().value<Change>();
            QCOMPARE(change.entity, Change::Entity::Kpi);
            QCOMPARE(change.ids, QList<qint64>{m_ledgerly});
        }
        QCOMPARE(spy.at(0).first().value<Change>().kind, Change::Kind::Reset);
        QCOMPARE(spy.at(1).first().value<Change>().fields, QStringList{u"values"_s});
        QCOMPARE(spy.at(2).first().value<Change>().fields, QStringList{u"pilot"_s});
        QCOMPARE(spy.at(3).first().value<Change>().fields, QStringList{u"reviews"_s});
        QCOMPARE(spy.at(4).first().value<Change>().fields, QStringList{u"reviews"_s});
    }

    void version3Upgrades()
    {
        QVERIFY(store::schema::currentVersion() > 3);
        const QString path = makeVersion3(u"v3.playbook"_s);
        QVERIFY(!path.isEmpty());
        StoreError error;
        m_workbook = Workbook::open(path, {}, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        QCOMPARE(m_workbook->upgradedFromVersion(), 3);
        QCOMPARE(m_workbook->schemaVersion(), store::schema::currentVersion());
        QCOMPARE(m_workbook->fileSchemaVersion(), store::schema::currentVersion());
        QVERIFY(m_workbook->integrityProblems().isEmpty());

        // The KPIs are kept, in their order, and measure nothing in particular yet.
        const qint64 ledgerly = m_workbook->candidateIdByName(u"Ledgerly"_s).value_or(0);
        QCOMPARE(ledgerly, qint64(7));
        const PartnershipKpis p = m_workbook->partnershipKpis(ledgerly);
        QCOMPARE(p.partner, u"Ledgerly"_s);
        QCOMPARE(p.pilot, (Pilot{QDate(2026, 1, 15), 120}));
        QCOMPARE(names(p), (QStringList{u"Referrals"_s, u"Time to close"_s}));
        QCOMPARE(ids(p), (QList<qint64>{20, 21}));
        KpiDefinition referrals = kpi(u"Referrals"_s, KpiUnit::Count, KpiDirection::HigherIsBetter,
                                      10, 2, KpiMetric::Custom);
        referrals.id = 20;
        QCOMPARE(p.kpis.at(0).definition, referrals);
        QCOMPARE(p.kpis.at(1).definition.direction, KpiDirection::LowerIsBetter);
        QCOMPARE(p.kpis.at(1).definition.metric, KpiMetric::Custom);
        QVERIFY(p.kpis.at(0).values.isEmpty());
        QVERIFY(p.reviews.isEmpty());
        QCOMPARE(m_workbook->raciGrid(ledgerly).parties.size(), 1);

        // The new tables are there and take values and reviews.
        QVERIFY(!m_workbook->setKpiValues(ledgerly, {{20, month(2026, 2), 6}}));
        Review r = review(QDate(2026, 2, 15), ReviewDecision::Continue);
        QVERIFY(!m_workbook->addReview(ledgerly, r));
        QList<KpiSeries> kpis = m_workbook->partnershipKpis(ledgerly).kpis;
        kpis[0].definition.metric = KpiMetric::Referrals;
        QVERIFY(!m_workbook->replaceKpis(ledgerly, kpis));
        m_workbook.reset();

        SqliteDatabase db;
        QVERIFY(db.open(path, SqliteDatabase::Access::ReadOnly));
        QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), store::schema::currentVersion());
        for (const QString &table : {u"kpi_values"_s, u"reviews"_s}) {
            QCOMPARE(db.scalar(u"SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                               u"name = '%1'"_s.arg(table))
                         .toInt(),
                     1);
        }
        QCOMPARE(db.scalar(u"SELECT value FROM kpi_values WHERE kpi_id = 20"_s).toDouble(), 6.0);
        QCOMPARE(db.scalar(u"SELECT metric FROM kpis WHERE id = 20"_s).toString(), u"referrals"_s);
        QCOMPARE(db.scalar(u"SELECT metric FROM kpis WHERE id = 21"_s).toString(), QString());
        QCOMPARE(db.scalar(u"SELECT count(*) FROM reviews"_s).toInt(), 1);
    }

    void version3ReadOnlyUpgradesInMemory()
    {
        const QString path = makeVersion3(u"v3-view.playbook"_s);
        QVERIFY(!path.isEmpty());
        const test::Fingerprint print = test::fingerprint(path);
        StoreError error;
        m_workbook = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        QCOMPARE(m_workbook->fileSchemaVersion(), 3);
        const PartnershipKpis p = m_workbook->partnershipKpis(7);
        QCOMPARE(names(p), (QStringList{u"Referrals"_s, u"Time to close"_s}));
        QCOMPARE(p.kpis.at(0).definition.metric, KpiMetric::Custom);
        QVERIFY(p.reviews.isEmpty());
        m_workbook.reset();
        QCOMPARE(test::fingerprint(path), print);
    }
};

QTEST_GUILESS_MAIN(TestKpiStore)
#include "tst_kpistore.moc"
