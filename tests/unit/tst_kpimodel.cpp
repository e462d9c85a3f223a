// The KPI tracker's item models and undo commands: the KPI list and the entry grid pass
// QAbstractItemModelTester, every edit is one undo step written through the store, and
// the grid keeps its rows (and the cell being edited) while values change.
#include "TestFiles.h"
#include "item/KpiListModel.h"
#include "item/KpiTracker.h"
#include "item/KpiValuesModel.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

class TestKpiModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;
    std::unique_ptr<item::KpiTracker> m_tracker;
    std::unique_ptr<item::KpiListModel> m_list;
    std::unique_ptr<item::KpiValuesModel> m_values;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_valuesTester;
    qint64 m_partner = 0;

    static KpiDefinition kpi(const QString &name, KpiUnit unit, double target,
                             KpiDirection direction = KpiDirection::HigherIsBetter)
    {
        KpiDefinition d;
        d.name = name;
        d.unit = unit;
        d.target = target;
        d.direction = direction;
        d.metric = kpiMetricForName(name);
        return d;
    }

    static KpiPeriod month(int year, int m) { return KpiPeriod::month(year, m); }

    // What another process reads from the file right now.
    PartnershipKpis onDisk()
    {
        StoreError error;
        auto reader = Workbook::open(m_workbook->path(), {.readOnly = true}, &error);
        return reader ? reader->partnershipKpis(m_partner) : PartnershipKpis();
    }

    // Two KPIs for the partner: referrals (count) and revenue (currency).
    void startTracking()
    {
        QList<KpiSeries> kpis = {{kpi(u"Referrals"_s, KpiUnit::Count, 10), {}},
                                 {kpi(u"Partner-sourced revenue"_s, KpiUnit::Currency, 5000), {}}};
        QCOMPARE(m_editor->changeKpis(m_partner, kpis, u"Start"_s), QString());
    }

private slots:
    void init()
    {
        StoreError error;
        m_workbook = Workbook::create(
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s),
            u"KPIs"_s, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        QList<Candidate> candidates(1);
        candidates[0].name = u"Ledgerly"_s;
        QVERIFY(!m_workbook->insertCandidates(candidates));
        m_partner = candidates[0].id;
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        m_tracker = std::make_unique<item::KpiTracker>(m_editor.get());
        m_tracker->setToday(QDate(2026, 6, 15));
        m_list = std::make_unique<item::KpiListModel>(m_tracker.get());
        m_values = std::make_unique<item::KpiValuesModel>(m_tracker.get());
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            m_list.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_valuesTester = std::make_unique<QAbstractItemModelTester>(
            m_values.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_tracker->setCandidate(m_partner);
    }

    void cleanup()
    {
        m_valuesTester.reset();
        m_listTester.reset();
        m_values.reset();
        m_list.reset();
        m_tracker.reset();
        m_editor.reset();
        m_workbook.reset();
    }

    void startingCreatesColumnsAndRows()
    {
        QCOMPARE(m_list->rowCount(), 0);
        QCOMPARE(m_values->columnCount(), 0);
        startTracking();
        QCOMPARE(m_list->rowCount(), 2);
        QCOMPARE(m_values->columnCount(), 2);
        QCOMPARE(m_values->rowCount(), 0);
        QCOMPARE(m_list->index(1, item::KpiListModel::Name).data().toString(),
                 u"Partner-sourced revenue"_s);
        QCOMPARE(m_list->index(1, item::KpiListModel::Measures).data().toString(),
                 u"Partner revenue"_s);
        QCOMPARE(m_list->index(0, item::KpiListModel::Status)
                     .data(item::KpiListModel::StatusRole)
                     .toInt(),
                 int(KpiStatus::NoData));
        QCOMPARE(onDisk().kpis.size(), 2);
        m_editor->undoStack()->undo();
        QCOMPARE(m_list->rowCount(), 0);
        QCOMPARE(onDisk().kpis.size(), 0);
    }

    void typingAValueWritesItAndUndoTakesItBack()
    {
        startTracking();
        QCOMPARE(m_values->addPeriod(month(2026, 4)), 0);
        QCOMPARE(m_values->rowCount(), 1);
        const QModelIndex cell = m_values->index(0, 1);
        QVERIFY(m_values->setData(cell, u"$4,200"_s));
        QCOMPARE(cell.data(Qt::EditRole).toString(), u"4200"_s);
        QCOMPARE(cell.data(Qt::DisplayRole).toString(), u"$4,200"_s);
        QCOMPARE(cell.data(item::KpiValuesModel::StatusRole).toInt(), int(KpiStatus::AtRisk));
        QCOMPARE(onDisk().kpis.at(1).values, (QList<KpiValue>{{month(2026, 4), 4200}}));
        QCOMPARE(m_editor->undoStack()->undoText(), u"Set Partner-sourced revenue for 2026-04"_s);
        // The list shows the latest value and its status.
        QCOMPARE(m_list->index(1, item::KpiListModel::Latest).data().toString(), u"$4,200"_s);
        QCOMPARE(m_list->index(1, item::KpiListModel::Status).data().toString(), u"At risk"_s);

        m_editor->undoStack()->undo();
        QVERIFY(onDisk().kpis.at(1).values.isEmpty());
        // The row stays, empty, so the cursor does not jump.
        QCOMPARE(m_values->rowCount(), 1);
        QVERIFY(!cell.data(Qt::DisplayRole).isValid());
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk().kpis.at(1).values.size(), 1);
    }

    void badValueIsRefusedWithAReason()
    {
        startTracking();
        m_values->addPeriod(month(2026, 4));
        QSignalSpy refused(m_values.get(), &item::KpiValuesModel::editRefused);
        QVERIFY(!m_values->setData(m_values->index(0, 0), u"twelve"_s));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.at(0).at(0).toString().contains(u"Referrals, 2026-04"_s),
                 qPrintable(refused.at(0).at(0).toString()));
        QCOMPARE(m_editor->undoStack()->count(), 1); // only the start
        QVERIFY(onDisk().kpis.at(0).values.isEmpty());
    }

    void pasteFillsABlockAndAddsPeriods()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        const QString block = u"3\t1,200\r\n4\t$2,500\n5\t\n"_s;
        QCOMPARE(m_values->paste(m_values->index(0, 0), block), QString());
        QCOMPARE(m_values->rowCount(), 3);
        QCOMPARE(m_values->period(2), month(2026, 3));
        const PartnershipKpis disk = onDisk();
        QCOMPARE(disk.kpis.at(0).values,
                 (QList<KpiValue>{{month(2026, 1), 3}, {month(2026, 2), 4}, {month(2026, 3), 5}}));
        QCOMPARE(disk.kpis.at(1).values,
                 (QList<KpiValue>{{month(2026, 1), 1200}, {month(2026, 2), 2500}}));
        QCOMPARE(m_editor->undoStack()->undoText(), u"Paste 6 value(s)"_s);
        QCOMPARE(m_values->copy({m_values->index(0, 0), m_values->index(1, 1)}),
                 u"3\t1200\n4\t2500\n"_s);
        m_editor->undoStack()->undo();
        QVERIFY(onDisk().kpis.at(0).values.isEmpty());
    }

    void badPasteChangesNothing()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        const QString error = m_values->paste(m_values->index(0, 0), u"3\t100\n4\tabc\n"_s);
        QVERIFY2(error.contains(u"row 2, column 2"_s), qPrintable(error));
        QVERIFY(onDisk().kpis.at(0).values.isEmpty());
        QVERIFY(m_values->paste(m_values->index(0, 1), u"1\t2\n"_s).contains(u"wide"_s));
        QCOMPARE(m_editor->undoStack()->count(), 1);
    }

    void clearingCellsIsOneStep()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        QCOMPARE(m_values->paste(m_values->index(0, 0), u"3\t100\n4\t200\n"_s), QString());
        QCOMPARE(m_values->clear({m_values->index(0, 0), m_values->index(1, 0)}), QString());
        QVERIFY(onDisk().kpis.at(0).values.isEmpty());
        QCOMPARE(onDisk().kpis.at(1).values.size(), 2);
        QCOMPARE(m_values->rowCount(), 2);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk().kpis.at(0).values.size(), 2);
    }

    void editingDefinitionsKeepsValues()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        QVERIFY(m_values->setData(m_values->index(0, 0), u"8"_s));
        QVERIFY(m_list->setData(m_list->index(0, item::KpiListModel::Target), u"6"_s));
        QCOMPARE(onDisk().kpis.at(0).definition.target, std::optional<double>(6));
        QCOMPARE(onDisk().kpis.at(0).values.size(), 1);
        QCOMPARE(m_list->index(0, item::KpiListModel::Status).data().toString(), u"On track"_s);
        QVERIFY(m_list->setData(m_list->index(0, item::KpiListModel::Direction),
                                kpiDirectionDisplayName(KpiDirection::LowerIsBetter)));
        QCOMPARE(onDisk().kpis.at(0).definition.direction, KpiDirection::LowerIsBetter);
        QCOMPARE(m_list->index(0, item::KpiListModel::Status).data().toString(), u"Off track"_s);
        QVERIFY(m_list->setData(m_list->index(0, item::KpiListModel::Target), QString()));
        QCOMPARE(onDisk().kpis.at(0).definition.target, std::nullopt);
        QVERIFY(m_list->setData(m_list->index(0, item::KpiListModel::Name), u"Deals"_s));
        QCOMPARE(onDisk().kpis.at(0).definition.name, u"Deals"_s);
        // Undo walks back each definition edit; the value was never touched.
        for (int i = 0; i < 4; ++i)
            m_editor->undoStack()->undo();
        QCOMPARE(onDisk().kpis.at(0).definition.target, std::optional<double>(10));
        QCOMPARE(onDisk().kpis.at(0).definition.name, u"Referrals"_s);
        QCOMPARE(onDisk().kpis.at(0).values.size(), 1);
    }

    void duplicateNameIsRefused()
    {
        startTracking();
        QSignalSpy refused(m_list.get(), &item::KpiListModel::editRefused);
        QVERIFY(!m_list->setData(m_list->index(0, item::KpiListModel::Name),
                                 u"partner-sourced REVENUE"_s));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(onDisk().kpis.at(0).definition.name, u"Referrals"_s);
    }

    void removingAKpiAndUndoBringsItsValuesBack()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        QCOMPARE(m_values->paste(m_values->index(0, 0), u"3\t100\n"_s), QString());
        const qint64 id = onDisk().kpis.at(1).definition.id;
        QCOMPARE(m_list->removeKpis({1}), QString());
        QCOMPARE(m_values->columnCount(), 1);
        QCOMPARE(onDisk().kpis.size(), 1);
        m_editor->undoStack()->undo();
        QCOMPARE(m_values->columnCount(), 2);
        QCOMPARE(onDisk().kpis.at(1).definition.id, id);
        QCOMPARE(onDisk().kpis.at(1).values, (QList<KpiValue>{{month(2026, 1), 100}}));
    }

    void addAndMoveKpis()
    {
        startTracking();
        const int row = m_list->addKpi(kpi(u"Referrals"_s, KpiUnit::Count, 1));
        QCOMPARE(row, 2);
        QCOMPARE(onDisk().kpis.at(2).definition.name, u"Referrals 2"_s);
        QCOMPARE(m_list->moveKpi(2, -1), QString());
        QCOMPARE(onDisk().kpis.at(1).definition.name, u"Referrals 2"_s);
        QCOMPARE(m_values->headerData(1, Qt::Horizontal).toString(), u"Referrals 2\ncount"_s);
    }

    void pilotAndReviewsAreUndoable()
    {
        startTracking();
        QCOMPARE(m_editor->changePilot(m_partner, {QDate(2026, 1, 10), 60}), QString());
        QCOMPARE(onDisk().pilot, (Pilot{QDate(2026, 1, 10), 60}));
        // Reviews were due from 2026-02-10; none recorded by "today" (2026-06-15).
        QVERIFY(std::any_of(m_tracker->findings().cbegin(), m_tracker->findings().cend(),
                            [](const Finding &f) { return f.code == u"review.overdue"; }));
        QCOMPARE(m_editor->recordReview(
                     m_partner, {0, QDate(2026, 6, 1), ReviewDecision::Scale, u"Going well"_s}),
                 QString());
        QCOMPARE(onDisk().reviews.size(), 1);
        const qint64 reviewId = onDisk().reviews.at(0).id;
        QCOMPARE(m_editor->removeReview(m_partner, reviewId), QString());
        QVERIFY(onDisk().reviews.isEmpty());
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk().reviews.size(), 1);
        QCOMPARE(onDisk().reviews.at(0).id, reviewId);
        m_editor->undoStack()->undo();
        QVERIFY(onDisk().reviews.isEmpty());
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk().pilot, (Pilot{QDate(), 90}));
    }

    void settingsChangeTheStatus()
    {
        startTracking();
        m_values->addPeriod(month(2026, 1));
        QVERIFY(m_values->setData(m_values->index(0, 1), u"3500"_s)); // 30 % under 5000
        QCOMPARE(m_list->index(1, item::KpiListModel::Status).data().toString(), u"Off track"_s);
        QCOMPARE(m_editor->changeSettings({{SettingKey::KpiAtRiskPercent, 40.0}}), QString());
        QCOMPARE(m_list->index(1, item::KpiListModel::Status).data().toString(), u"At risk"_s);
        QCOMPARE(m_editor->changeSettings({{SettingKey::Currency, u"EUR"_s}}), QString());
        QCOMPARE(m_values->index(0, 1).data().toString(), u"€3,500"_s);
    }

    void readOnlyWorkbookIsNotEditable()
    {
        startTracking();
        const QString path = m_workbook->path();
        cleanup();
        StoreError error;
        m_workbook = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY(m_workbook);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        m_tracker = std::make_unique<item::KpiTracker>(m_editor.get());
        m_list = std::make_unique<item::KpiListModel>(m_tracker.get());
        m_values = std::make_unique<item::KpiValuesModel>(m_tracker.get());
        m_tracker->setCandidate(m_partner);
        QVERIFY(!(m_list->flags(m_list->index(0, 0)) & Qt::ItemIsEditable));
        m_values->addPeriod(month(2026, 1));
        QVERIFY(!(m_values->flags(m_values->index(0, 0)) & Qt::ItemIsEditable));
        QVERIFY(!m_values->setData(m_values->index(0, 0), u"3"_s));
    }
};

QTEST_GUILESS_MAIN(TestKpiModel)
#include "tst_kpimodel.moc"
