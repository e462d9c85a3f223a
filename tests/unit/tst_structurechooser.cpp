// The structure chooser: every answer combination the practice speaks to (DOMAIN.md §3) gives
// the structure it prescribes, with its reasons; and the decision matrix in its words.
#include "domain/StructureChooser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

// "new=y pmf=y fund=n track=y eng=n long=y role=sell stage=growth": the answers spelled out.
ChooserAnswers answers(const QString &spec)
{
    ChooserAnswers a;
    for (const QString &pair : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = pair.section(u'=', 0, 0);
        const QString value = pair.section(u'=', 1);
        const YesNo yesNo = StructureChooser::yesNoFromId(value).value_or(YesNo::Unknown);
        if (key == u"new")
            a.newToMarket = yesNo;
        else if (key == u"pmf")
            a.productMarketFit = yesNo;
        else if (key == u"fund")
            a.canFundEnablement = yesNo;
        else if (key == u"track")
            a.trackRecord = yesNo;
        else if (key == u"eng")
            a.needsEngineering = yesNo;
        else if (key == u"long")
            a.longTerm = yesNo;
        else if (key == u"role")
            a.partnerRole = *StructureChooser::partnerRoleFromId(value);
        else if (key == u"stage")
            a.gtmStage = *StructureChooser::gtmStageFromId(value);
    }
    return a;
}

} // namespace

class TestStructureChooser : public QObject
{
    Q_OBJECT

private slots:
    void recommends_data();
    void recommends();
    void matrixHasEveryStructureInThePracticesWords();
    void idsRoundTrip();
};

void TestStructureChooser::recommends_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<Structure>("expected");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("change");

    const auto row = [](const char *name, const char *spec, Structure s, const char *reason,
                        const char *change = "") {
        QTest::newRow(name) << QString::fromUtf8(spec) << s << QString::fromUtf8(reason)
                            << QString::fromUtf8(change);
    };
    row("nothing known", "", Structure::Referral, "Little is known yet", "reseller agreement");
    row("new to the market", "new=y", Structure::Referral, "new to this market");
    row("testing, even when they could sell", "new=y role=sell pmf=y fund=y", Structure::Referral,
        "we are new to this market", "move to a reseller agreement");
    row("only to refer", "role=refer pmf=y fund=y", Structure::Referral, "only to refer");
    row("before product-market fit", "pmf=n", Structure::Referral, "Before product-market fit");
    row("sell, with fit and enablement", "role=sell pmf=y fund=y", Structure::Reseller,
        "We can fund the enablement", "referral partnership");
    row("sell and deliver at growth", "role=sell-and-deliver pmf=y fund=y stage=growth",
        Structure::Reseller, "sell and deliver");
    row("growth stage, channel for reach", "stage=growth pmf=y fund=y", Structure::Reseller,
        "a channel gives reach");
    row("sell without fit", "role=sell pmf=n fund=y", Structure::Referral,
        "we do not have product-market fit yet");
    row("sell without enablement", "role=sell pmf=y fund=n", Structure::Referral,
        "we cannot fund enablement");
    row("sell, fit unconfirmed", "role=sell fund=y", Structure::Referral,
        "product-market fit is not confirmed");
    row("growth without fit", "stage=growth pmf=n", Structure::Referral,
        "Distribution needs product-market fit");
    row("long-term with history", "long=y track=y", Structure::JointVenture, "trusted track record",
        "without a track record is a trap");
    row("long-term with history beats selling", "long=y track=y role=sell pmf=y fund=y",
        Structure::JointVenture, "long-term strategic market");
    row("long-term without history", "long=y track=n", Structure::Referral, "",
        "once you have a track record together, a joint venture");
    row("engineering on both sides", "eng=y", Structure::Integration, "engineering on both sides");
    row("engineering at the early stage", "eng=y stage=early", Structure::Integration,
        "integrations build credibility");
    row("early stage alone", "stage=early", Structure::Integration,
        "integrations build credibility", "referral partnership");
    row("early stage, no engineering", "stage=early eng=n", Structure::Referral, "");
    row("early stage, new to the market", "stage=early new=y", Structure::Referral,
        "new to this market");
    row("mature stage", "stage=mature", Structure::CoMarketing, "strategic alliances",
        "joint venture");
    row("mature, long-term with history", "stage=mature long=y track=y", Structure::JointVenture,
        "long-term strategic market");
}

void TestStructureChooser::recommends()
{
    QFETCH(QString, spec);
    QFETCH(Structure, expected);
    QFETCH(QString, reason);
    QFETCH(QString, change);
    const StructureRecommendation rec = StructureChooser::recommend(answers(spec));
    QCOMPARE(rec.structure, expected);
    QVERIFY(!rec.reasons.isEmpty());
    QVERIFY(!rec.wouldChange.isEmpty());
    const QString reasons = rec.reasons.join(u' ');
    QVERIFY2(reasons.contains(reason), qPrintable(reasons));
    const QString changes = rec.wouldChange.join(u' ');
    QVERIFY2(changes.contains(change), qPrintable(changes));
}

void TestStructureChooser::matrixHasEveryStructureInThePracticesWords()
{
    const auto matrix = StructureChooser::matrix();
    QCOMPARE(matrix.size(), size_t(5));
    QCOMPARE(StructureChooser::matrixRowNames().size(), 6);
    const auto column = [&matrix](Structure s) {
        for (const MatrixColumn &c : matrix) {
            if (c.structure == s)
                return StructureChooser::matrixValues(c);
        }
        return QStringList();
    };
    QCOMPARE(column(Structure::Referral),
             (QStringList{u"low"_s, u"none"_s, u"10–20 % referral fee"_s, u"high"_s, u"fast"_s,
                          u"low"_s}));
    QCOMPARE(column(Structure::Reseller),
             (QStringList{u"medium"_s, u"some (enablement)"_s, u"30–50 % margin"_s, u"medium"_s,
                          u"medium"_s, u"medium"_s}));
    QCOMPARE(column(Structure::JointVenture),
             (QStringList{u"high"_s, u"major"_s, u"50-50 equity or profit split"_s, u"low"_s,
                          u"slow"_s, u"high"_s}));
    QCOMPARE(column(Structure::Integration).at(1), u"engineering and upkeep"_s);
    QCOMPARE(column(Structure::CoMarketing).at(2), u"rarely direct money"_s);
}

void TestStructureChooser::idsRoundTrip()
{
    for (PartnerRole role :
         {PartnerRole::Unknown, PartnerRole::Refer, PartnerRole::Sell, PartnerRole::SellAndDeliver})
        QCOMPARE(StructureChooser::partnerRoleFromId(StructureChooser::partnerRoleId(role)), role);
    for (GtmStage stage : {GtmStage::Unknown, GtmStage::Early, GtmStage::Growth, GtmStage::Mature})
        QCOMPARE(StructureChooser::gtmStageFromId(StructureChooser::gtmStageId(stage)), stage);
    QCOMPARE(StructureChooser::yesNoFromId(u"Yes"_s), YesNo::Yes);
    QCOMPARE(StructureChooser::yesNoFromId(u"maybe"_s), std::nullopt);
    QCOMPARE(StructureChooser::partnerRoleFromId(u"close"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestStructureChooser)
#include "tst_structurechooser.moc"
