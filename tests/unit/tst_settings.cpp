// The rules for workbook settings: one table of keys and defaults, validation per key and
// across the scoring weights.
#include "domain/WorkbookSettings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void everyKeyHasStorageNameAndDefault()
    {
        QSet<QString> names;
        for (SettingKey key : WorkbookSettings::allKeys()) {
            const QString name = WorkbookSettings::storageKey(key);
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(WorkbookSettings::keyFromStorage(name), std::optional<SettingKey>(key));
            QVERIFY(WorkbookSettings::defaultValue(key).isValid());
            QVERIFY(!WorkbookSettings::displayName(key).isEmpty());
        }
        QCOMPARE(WorkbookSettings::keyFromStorage(u"no.such.key"_s), std::nullopt);
    }

    void validate_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QVariant>("stored");
        QTest::newRow("title trimmed")
            << int(SettingKey::Title) << QVariant(u"  Q3 "_s) << true << QVariant(u"Q3"_s);
        QTest::newRow("empty title")
            << int(SettingKey::Title) << QVariant(u"   "_s) << false << QVariant();
        QTest::newRow("owner may be empty")
            << int(SettingKey::Owner) << QVariant(QString()) << true << QVariant(QString());
        QTest::newRow("currency upper-cased")
            << int(SettingKey::Currency) << QVariant(u" eur "_s) << true << QVariant(u"EUR"_s);
        QTest::newRow("currency too long")
            << int(SettingKey::Currency) << QVariant(u"EURO"_s) << false << QVariant();
        QTest::newRow("currency digits")
            << int(SettingKey::Currency) << QVariant(u"E1R"_s) << false << QVariant();
        QTest::newRow("weight number")
            << int(SettingKey::WeightStrategicValue) << QVariant(u"2.5"_s) << true << QVariant(2.5);
        QTest::newRow("weight zero")
            << int(SettingKey::WeightStrategicValue) << QVariant(0) << true << QVariant(0.0);
        QTest::newRow("weight negative")
            << int(SettingKey::WeightAudienceOverlap) << QVariant(-1) << false << QVariant();
        QTest::newRow("weight text") << int(SettingKey::WeightEaseOfIntegration)
                                     << QVariant(u"lots"_s) << false << QVariant();
        QTest::newRow("weight infinite")
            << int(SettingKey::WeightEaseOfIntegration) << QVariant(qInf()) << false << QVariant();
    }

    void validate()
    {
        QFETCH(int, key);
        QFETCH(QVariant, input);
        QFETCH(bool, accepted);
        QFETCH(QVariant, stored);
        QVariant value = input;
        const QString why = WorkbookSettings::validate(SettingKey(key), value);
        QCOMPARE(why.isEmpty(), accepted);
        if (accepted)
            QCOMPARE(value, stored);
    }

    void weightsTogether()
    {
        const SettingValues current{{SettingKey::WeightAudienceOverlap, 1.0},
                                    {SettingKey::WeightStrategicValue, 0.0},
                                    {SettingKey::WeightEaseOfIntegration, 0.0}};
        QVERIFY(WorkbookSettings::validateTogether(current, {}).isEmpty());
        QVERIFY(
            !WorkbookSettings::validateTogether(current, {{SettingKey::WeightAudienceOverlap, 0.0}})
                 .isEmpty());
        QVERIFY(WorkbookSettings::validateTogether(current,
                                                   {{SettingKey::WeightAudienceOverlap, 0.0},
                                                    {SettingKey::WeightEaseOfIntegration, 3.0}})
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
