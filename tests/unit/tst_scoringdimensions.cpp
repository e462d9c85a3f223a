// The one table of scoring dimensions: each dimension's weight lives in its own setting,
// the settings give back the weights they hold, and each has the words people see.
#include "domain/ScoringDimension.h"
#include "domain/WorkbookSettings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

class TestScoringDimensions : public QObject
{
    Q_OBJECT
private slots:
    void everyDimensionHasItsOwnWeightSetting()
    {
        QSet<SettingKey> keys;
        for (Dimension dimension : ScoringDimensions::all) {
            const SettingKey key = ScoringDimensions::weightKey(dimension);
            QVERIFY(!keys.contains(key));
            keys.insert(key);
            QVERIFY(WorkbookSettings::allKeys().contains(key));
            QCOMPARE(ScoringDimensions::fromWeightKey(key), std::optional(dimension));
            QVERIFY(!ScoringDimensions::label(dimension).isEmpty());
            QVERIFY(ScoringDimensions::formLabel(dimension).contains(u'&'));
            QCOMPARE(WorkbookSettings::displayName(key), ScoringDimensions::weightName(dimension));
            QVERIFY(!ScoringDimensions::weightTip(dimension).isEmpty());
        }
        QCOMPARE(ScoringDimensions::fromWeightKey(SettingKey::Title), std::nullopt);
        QCOMPARE(ScoringDimensions::field(Dimension::StrategicValue),
                 CandidateField::StrategicValue);
        QCOMPARE(ScoringDimensions::label(Dimension::EaseOfIntegration), u"Ease of integration"_s);
    }

    void weightsRoundTripThroughSettings()
    {
        ScoringWeights weights;
        weights.values = {2.0, 0.5, 0.0};
        const SettingValues values = WorkbookSettings::fromScoringWeights(weights);
        QCOMPARE(values.size(), kDimensionCount);
        QCOMPARE(values.value(SettingKey::WeightStrategicValue).toDouble(), 0.5);
        QCOMPARE(WorkbookSettings::scoringWeights(values).values, weights.values);
        // Missing weights fall back to the defaults.
        QCOMPARE(WorkbookSettings::scoringWeights({}).values, ScoringWeights().values);
    }
};

QTEST_GUILESS_MAIN(TestScoringDimensions)
#include "tst_scoringdimensions.moc"
