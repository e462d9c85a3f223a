// The candidate item models under QAbstractItemModelTester: editing with undo through the
// store, live ranking, sorting and filtering, and following changes made elsewhere.
#include "TestFiles.h"
#include "io/SampleWorkbook.h"
#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"
#include "item/CollationKeys.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QCollatorSortKey>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <climits>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;
using pb::item::CandidateTableModel;
using pb::store::StoreError;
using pb::store::Workbook;

// The default locale for the life of a test function.
struct LocaleGuard
{
    explicit LocaleGuard(const QLocale &locale)
        : m_previous(QLocale())
    {
        QLocale::setDefault(locale);
    }
    ~LocaleGuard() { QLocale::setDefault(m_previous); }
    QLocale m_previous;
};

class TestCandidateModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;
    std::unique_ptr<CandidateTableModel> m_model;
    std::unique_ptr<item::CandidateFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    int rowNamed(const QString &name) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->candidateAt(row).name == name)
                return row;
        }
        return -1;
    }

    // The proxy's texts in a column are in collation order (case-insensitive, numbers
    // by value), empty ones last.
    void verifyCollated(int column) const
    {
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        QString previous;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QString text = m_proxy->index(row, column).data(Qt::EditRole).toString();
            if (row > 0 && !text.isEmpty())
                QVERIFY2(!previous.isEmpty() &&
                             collator.sortKey(previous).compare(collator.sortKey(text)) <= 0,
                         qPrintable(u"row %1: %2 after %3"_s.arg(row).arg(text, previous)));
            previous = text;
        }
    }

    // Enough candidates for the sort keys of the name and website to be built by a worker.
    void importMany(int count)
    {
        store::ImportOutcome outcome;
        QList<CandidatePatch> patches(count);
        for (int i = 0; i < patches.size(); ++i) {
            patches[i].name = (i % 2 ? u"bulk %1"_s : u"Bulk %1 Ltd"_s).arg(count - i);
            patches[i].set(CandidateField::Website, u"w%1.example"_s.arg(i % 97));
        }
        QCOMPARE(m_editor->importCandidates(patches, u"Import"_s, &outcome), QString());
    }

    QStringList proxyNames() const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            names << m_proxy->index(row, CandidateTableModel::NameColumn).data().toString();
        return names;
    }

private slots:
    void init()
    {
        const QString path =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s);
        QVERIFY(!io::SampleWorkbook::create(path));
        StoreError error;
        m_workbook = Workbook::open(path, {}, &error);
        QVERIFY(m_workbook);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        m_model = std::make_unique<CandidateTableModel>(m_editor.get());
        m_proxy = std::make_unique<item::CandidateFilterModel>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
        m_editor.reset();
        m_workbook.reset();
    }

    void showsTheSampleRanked()
    {
        QCOMPARE(m_model->rowCount(), 30);
        QCOMPARE(m_model->columnCount(), int(CandidateTableModel::ColumnCount));
        QCOMPARE(m_model->top3Rows().size(), 3);
        const int ledgerly = rowNamed(u"Ledgerly"_s);
        // Ledgerly 5/4/4 with equal weights: 100 × (4+3+3) / 12 = 83.3
        QCOMPARE(m_model->index(ledgerly, CandidateTableModel::ScoreColumn).data().toString(),
                 u"83.3"_s);
        QCOMPARE(m_model->index(ledgerly, CandidateTableModel::StructureColumn).data().toString(),
                 u"Integration"_s);
        QVERIFY(m_model->index(ledgerly, CandidateTableModel::RankColumn)
                    .data(CandidateTableModel::Top3Role)
                    .toBool());
        QVERIFY(m_model->index(ledgerly, CandidateTableModel::RankColumn)
                    .data()
                    .toString()
                    .contains(u'★'));
        QVERIFY(m_model->index(ledgerly, 0).data(Qt::FontRole).value<QFont>().bold());
        const int unscored = rowNamed(u"Nimbus Notes"_s);
        QCOMPARE(m_model->rankAt(unscored).rank, 0);
        QCOMPARE(m_model->index(unscored, CandidateTableModel::ScoreColumn).data().toString(),
                 QString());
        QVERIFY(!(m_model->flags(m_model->index(0, CandidateTableModel::RankColumn)) &
                  Qt::ItemIsEditable));
        QVERIFY(m_model->flags(m_model->index(0, CandidateTableModel::NameColumn)) &
                Qt::ItemIsEditable);
    }

    void editingGoesThroughTheStoreWithUndo()
    {
        const int row = rowNamed(u"Quanta Forms"_s);
        const QModelIndex strategic =
            m_model->index(row, CandidateTableModel::StrategicValueColumn);
        QSignalSpy ranking(m_model.get(), &CandidateTableModel::rankingChanged);
        QVERIFY(m_model->setData(strategic, 5));
        QCOMPARE(strategic.data().toInt(), 5);
        QCOMPARE(m_workbook->candidate(m_model->candidateAt(row).id)->strategicValue, 5);
        QVERIFY(ranking.count() >= 1);
        QSignalSpy refused(m_model.get(), &CandidateTableModel::editRefused);
        QVERIFY(!m_model->setData(strategic, 9));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(strategic.data().toInt(), 5);
        m_editor->undoStack()->undo();
        QCOMPARE(strategic.data().toInt(), 2);
        m_editor->undoStack()->redo();
        QCOMPARE(strategic.data().toInt(), 5);
    }

    void weightsReRank()
    {
        m_proxy->sort(CandidateTableModel::RankColumn);
        const QString leaderBefore = proxyNames().first();
        QCOMPARE(leaderBefore, u"Ledgerly"_s);
        // Only ease of integration counts: a 5 in ease wins.
        QCOMPARE(m_editor->changeSettings({{SettingKey::WeightAudienceOverlap, 0.0},
                                           {SettingKey::WeightStrategicValue, 0.0},
                                           {SettingKey::WeightEaseOfIntegration, 1.0}}),
                 QString());
        const QString leader = proxyNames().first();
        const Candidate &top = m_model->candidateAt(rowNamed(leader));
        QCOMPARE(top.easeOfIntegration, std::optional<int>(5));
        // Nimbus is unscored and stays last while its scores are missing.
        QCOMPARE(proxyNames().last(), u"Nimbus Notes"_s);
        m_editor->undoStack()->undo();
        QCOMPARE(proxyNames().first(), u"Ledgerly"_s);
    }

    void sortsEveryColumnBothWays()
    {
        for (int column = 0; column < CandidateTableModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy->sort(column, order);
                QCOMPARE(m_proxy->rowCount(), 30);
                for (int row = 1; row < m_proxy->rowCount(); ++row) {
                    const int a = m_proxy->mapToSource(m_proxy->index(row - 1, 0)).row();
                    const int b = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
                    // Never out of order: the later row does not belong before the earlier
                    // one (descending, the proxy asks lessThan(right, left)).
                    if (order == Qt::AscendingOrder)
                        QVERIFY2(!m_model->lessThan(column, b, a, order),
                                 qPrintable(QString::number(column)));
                    else
                        QVERIFY2(!m_model->lessThan(column, a, b, order),
                                 qPrintable(QString::number(column)));
                }
            }
        }
        m_proxy->sort(CandidateTableModel::NameColumn);
        QCOMPARE(proxyNames().first(), u"Atlas Payroll"_s);
    }

    // Edits, additions and removals made right after a load, while a worker builds the
    // name keys, still leave the sorted view in order; so does undoing them.
    void keepsSortOrderThroughEditsWhileKeysBuild()
    {
        // A locale with ICU collation (the C locale's compares bytes: "B" before "a").
        const LocaleGuard english(QLocale(QLocale::English, QLocale::UnitedStates));
        // The testers walk every row on each re-sort: 30 s at 4,000 rows. The other
        // functions run them through the same signals on the sample.
        m_proxyTester.reset();
        m_tester.reset();
        m_proxy->sort(CandidateTableModel::NameColumn);
        importMany(4000);
        QCOMPARE(m_model->rowCount(), 4030);
        // At once, before the worker can be done.
        const qint64 first = m_model->candidateAt(4000).id;
        QCOMPARE(m_editor->changeCandidateField(first, CandidateField::Name, u"aardvark 2"_s),
                 QString());
        QCOMPARE(proxyNames().first(), u"aardvark 2"_s);
        verifyCollated(CandidateTableModel::NameColumn);
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        QCOMPARE(m_editor->changeCandidateField(id, CandidateField::Name, u"Aardvark 10"_s),
                 QString());
        QCOMPARE(proxyNames().mid(0, 2), (QStringList{u"aardvark 2"_s, u"Aardvark 10"_s}));
        QCOMPARE(m_editor->removeCandidates({first}), QString());
        QCOMPARE(proxyNames().first(), u"Aardvark 10"_s);
        verifyCollated(CandidateTableModel::NameColumn);
        // Many new texts in one place (the keys between two neighbours run out of room).
        for (int i = 0; i < 40; ++i) {
            const qint64 row = m_model->candidateAt(100 + i).id;
            QCOMPARE(m_editor->changeCandidateField(row, CandidateField::Name,
                                                    u"Aardvark 10%1"_s.arg(i, 2, 10, QChar(u'0'))),
                     QString());
        }
        verifyCollated(CandidateTableModel::NameColumn);
        QCOMPARE(proxyNames().mid(0, 3),
                 (QStringList{u"Aardvark 10"_s, u"Aardvark 1000"_s, u"Aardvark 1001"_s}));
        for (int column :
             {int(CandidateTableModel::WebsiteColumn), int(CandidateTableModel::OwnerColumn)}) {
            m_proxy->sort(column);
            verifyCollated(column);
        }
        m_proxy->sort(CandidateTableModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(proxyNames().constLast(), u"Aardvark 10"_s);
        while (m_editor->undoStack()->canUndo())
            m_editor->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 30);
        m_proxy->sort(CandidateTableModel::NameColumn);
        verifyCollated(CandidateTableModel::NameColumn);
    }

    // The worker stops and is joined when the model goes (run under the asan build).
    void closesWhileKeysBuild()
    {
        importMany(5000);
        m_proxyTester.reset();
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
        m_model = std::make_unique<CandidateTableModel>(m_editor.get());
        m_model.reset();
    }

    // A text's key sorts like the text, after any number of edits in one place.
    void collationKeysFollowEdits()
    {
        const LocaleGuard english(QLocale(QLocale::English, QLocale::UnitedStates));
        QStringList texts{u"b"_s, u"A 10"_s, u"a 9"_s, {}, u"C"_s, u"b"_s, u"B"_s};
        item::CollationKeys keys;
        QVERIFY(keys.build(QLocale(), texts.size(), [&](qsizetype row) { return texts[row]; }));
        for (int i = 0; i < 120; ++i) {
            const QString text = u"b %1"_s.arg(1000 - i);
            keys.setText(i % texts.size(), text);
            texts[i % texts.size()] = text;
            keys.append(u"a %1"_s.arg(i));
            texts.append(u"a %1"_s.arg(i));
        }
        keys.remove(3);
        texts.removeAt(3);
        QCOMPARE(keys.size(), texts.size());
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        for (int a = 0; a < texts.size(); ++a) {
            for (int b = 0; b < texts.size(); ++b) {
                const double x = keys.keys()[std::size_t(a)], y = keys.keys()[std::size_t(b)];
                if (texts[a].isEmpty() || texts[b].isEmpty()) {
                    QCOMPARE(std::isnan(x), texts[a].isEmpty());
                    continue;
                }
                const int c = collator.sortKey(texts[a]).compare(collator.sortKey(texts[b]));
                QVERIFY2((c < 0) == (x < y) && (c == 0) == (x == y),
                         qPrintable(texts[a] + u" / "_s + texts[b]));
            }
        }
    }

    // Equal values keep rank order, unranked rows after the ranked ones, in either order;
    // rows without a value come last.
    void tiesStayInRankOrder()
    {
        using M = CandidateTableModel;
        for (int column : {int(M::StageColumn), int(M::StructureColumn), int(M::RankColumn),
                           int(M::AudienceOverlapColumn)}) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy->sort(column, order);
                const auto value = [&](int row) {
                    return m_proxy->index(row, column).data(Qt::DisplayRole).toString();
                };
                const auto rank = [&](int row) {
                    const int r =
                        m_model->rankAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).rank;
                    return r > 0 ? r : INT_MAX;
                };
                bool emptySeen = false;
                for (int row = 1; row < m_proxy->rowCount(); ++row) {
                    const QString where = u"column %1, row %2"_s.arg(column).arg(row);
                    emptySeen = emptySeen || value(row - 1).isEmpty();
                    QVERIFY2(!emptySeen || value(row).isEmpty(), qPrintable(where));
                    if (column == M::RankColumn && order == Qt::DescendingOrder &&
                        rank(row) != INT_MAX)
                        QVERIFY2(rank(row - 1) > rank(row), qPrintable(where));
                    else if (value(row - 1) == value(row))
                        QVERIFY2(rank(row - 1) <= rank(row), qPrintable(where));
                }
            }
        }
    }

    void filters()
    {
        m_proxy->setText(u"ledger"_s);
        QCOMPARE(proxyNames(), QStringList{u"Ledgerly"_s});
        m_proxy->setText({});
        m_proxy->setStructure(Structure::Referral);
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            QCOMPARE(
                m_model->candidateAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).structure,
                Structure::Referral);
        m_proxy->setStage(Stage::Qualified);
        // The sample has two qualified referral partners.
        QCOMPARE(proxyNames().size(), 2);
        QVERIFY(proxyNames().contains(u"Harbor & Quay Advisors"_s));
        QVERIFY(proxyNames().contains(u"Atlas Payroll"_s));
        m_proxy->setStructure(std::nullopt);
        m_proxy->setStage(std::nullopt);
        m_proxy->setOwner(u"maya chen"_s);
        QVERIFY(m_proxy->rowCount() > 0 && m_proxy->rowCount() < 30);
    }

    void followsChangesMadeElsewhere()
    {
        qint64 id = 0;
        QCOMPARE(m_editor->addCandidate(&id), QString());
        QCOMPARE(m_model->rowCount(), 31);
        QVERIFY(m_model->rowOf(id) >= 0);
        QCOMPARE(m_editor->removeCandidates({id}), QString());
        QCOMPARE(m_model->rowCount(), 30);
        QCOMPARE(m_model->rowOf(id), -1);
        store::ImportOutcome outcome;
        QList<CandidatePatch> patches(3000);
        for (int i = 0; i < patches.size(); ++i)
            patches[i].name = u"Bulk %1"_s.arg(i);
        QCOMPARE(m_editor->importCandidates(patches, u"Import"_s, &outcome), QString());
        QCOMPARE(m_model->rowCount(), 3030);
        m_editor->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 30);
    }
};

QTEST_GUILESS_MAIN(TestCandidateModel)
#include "tst_candidatemodel.moc"
