// The scoring rules: the score formula, the one ranking order with all its tie-breaks, and
// top-3 stability (hand-worked cases plus a brute-force cross-check).
#include "domain/Ratings.h"
#include "domain/Scoring.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace {

// Candidates written compactly as "name|audience|strategic|ease", "-" for not scored.
Candidate candidate(const QString &spec)
{
    const QStringList parts = spec.split(u'|');
    Q_ASSERT(parts.size() == 4);
    Candidate c;
    c.name = parts[0];
    const auto score = [](const QString &text) -> std::optional<int> {
        if (text == u"-")
            return std::nullopt;
        return text.toInt();
    };
    c.audienceOverlap = score(parts[1]);
    c.strategicValue = score(parts[2]);
    c.easeOfIntegration = score(parts[3]);
    return c;
}

QList<Candidate> candidates(const QStringList &specs)
{
    QList<Candidate> result;
    for (const QString &spec : specs)
        result.append(candidate(spec));
    return result;
}

ScoringWeights weights(const QList<double> &w)
{
    Q_ASSERT(w.size() == kDimensionCount);
    return ScoringWeights{{w[0], w[1], w[2]}};
}

// The indices of the top three, as a sorted list (the set is what stability is about).
QList<qsizetype> topSet(const Ranking &ranking, const ScoringWeights &w)
{
    QList<qsizetype> result;
    for (const RankEntry &e : ranking.rank(w)) {
        if (e.top3)
            result.append(e.index);
    }
    std::sort(result.begin(), result.end());
    return result;
}

// Normalised weights after moving t points from dimension i to dimension j.
ScoringWeights shifted(const ScoringWeights &w, int i, int j, double t)
{
    const auto p = w.normalised();
    ScoringWeights result{p};
    result.values[i] = p[i] - t;
    result.values[j] = p[j] + t;
    return result;
}

// Brute force: step t over every ordered pair and re-rank; the first t that changes the set.
std::optional<double> bruteForceStability(const Ranking &ranking, const ScoringWeights &w,
                                          double step)
{
    if (!w.isValid())
        return std::nullopt;
    const QList<qsizetype> base = topSet(ranking, w);
    const auto p = w.normalised();
    std::optional<double> best;
    for (int i = 0; i < kDimensionCount; ++i) {
        for (int j = 0; j < kDimensionCount; ++j) {
            if (i == j || !(p[i] > 0.0))
                continue;
            for (int k = 1;; ++k) {
                const double t = std::min(k * step, p[i]);
                if (topSet(ranking, shifted(w, i, j, t)) != base) {
                    if (!best || t < *best)
                        best = t;
                    break;
                }
                if (t >= p[i])
                    break;
            }
        }
    }
    return best;
}

std::optional<int> randomScore(QRandomGenerator &rng, int missingPercent)
{
    if (int(rng.bounded(100)) < missingPercent)
        return std::nullopt;
    return int(rng.bounded(1, 6));
}

// Up to two colleagues' ratings besides the candidate's own scores, on every other round:
// means such as 3.5 or 11/3 then meet whole numbers in the same ranking.
void addRandomRatings(QRandomGenerator &rng, Candidate &c, int round, int missingPercent)
{
    if (round % 2 == 0)
        return;
    const int raters = int(rng.bounded(3));
    for (int r = 0; r < raters; ++r) {
        c.ratings.append({u"rater %1"_s.arg(r), randomScore(rng, missingPercent),
                          randomScore(rng, missingPercent), randomScore(rng, missingPercent)});
    }
}

// The spec's order written directly with strings and candidateScore(), for cross-checking.
bool referenceLess(const Candidate &a, const Candidate &b, const ScoringWeights &w)
{
    const auto sa = candidateScore(a, w);
    const auto sb = candidateScore(b, w);
    if (sa.has_value() != sb.has_value())
        return sa.has_value();
    if (sa && std::abs(*sa - *sb) > 1e-9)
        return *sa > *sb;
    if (sa) {
        for (Dimension d : {Dimension::StrategicValue, Dimension::AudienceOverlap,
                            Dimension::EaseOfIntegration}) {
            const double da = Ratings::mean(a, d).value_or(0);
            const double db = Ratings::mean(b, d).value_or(0);
            if (da != db)
                return da > db;
        }
    }
    const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return QString::compare(a.name, b.name, Qt::CaseSensitive) < 0;
}

} // namespace

class TestScoring : public QObject
{
    Q_OBJECT
private slots:
    void isValid_data()
    {
        QTest::addColumn<QList<double>>("w");
        QTest::addColumn<bool>("valid");
        QTest::newRow("equal") << QList<double>{1, 1, 1} << true;
        QTest::newRow("one positive") << QList<double>{0, 0, 0.5} << true;
        QTest::newRow("all zero") << QList<double>{0, 0, 0} << false;
        QTest::newRow("negative") << QList<double>{2, -1, 1} << false;
        QTest::newRow("nan") << QList<double>{1, qQNaN(), 1} << false;
        QTest::newRow("infinite") << QList<double>{1, qInf(), 1} << false;
        QTest::newRow("sum overflows") << QList<double>{1e308, 1e308, 0} << false;
    }
    void isValid()
    {
        QFETCH(QList<double>, w);
        QFETCH(bool, valid);
        QCOMPARE(weights(w).isValid(), valid);
    }

    void normalised_data()
    {
        QTest::addColumn<QList<double>>("w");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("1,1,2") << QList<double>{1, 1, 2} << QList<double>{25, 25, 50};
        QTest::newRow("scaled") << QList<double>{30, 10, 10} << QList<double>{60, 20, 20};
        QTest::newRow("thirds") << QList<double>{1, 1, 1}
                                << QList<double>{100.0 / 3, 100.0 / 3, 100.0 / 3};
        QTest::newRow("one only") << QList<double>{0, 7, 0} << QList<double>{0, 100, 0};
        QTest::newRow("invalid gives zeros") << QList<double>{0, 0, 0} << QList<double>{0, 0, 0};
    }
    void normalised()
    {
        QFETCH(QList<double>, w);
        QFETCH(QList<double>, expected);
        const auto p = weights(w).normalised();
        for (int k = 0; k < kDimensionCount; ++k)
            QVERIFY2(std::abs(p[k] - expected[k]) < 1e-12, qPrintable(QString::number(p[k])));
        if (weights(w).isValid())
            QVERIFY(std::abs(p[0] + p[1] + p[2] - 100.0) < 1e-9);
    }

    void score_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<double>>("w");
        QTest::addColumn<bool>("scored");
        QTest::addColumn<double>("expected");
        // 100·Σw(s−1) / (4·Σw)
        QTest::newRow("all 1s") << u"a|1|1|1"_s << QList<double>{1, 1, 1} << true << 0.0;
        QTest::newRow("all 5s") << u"a|5|5|5"_s << QList<double>{1, 2, 3} << true << 100.0;
        QTest::newRow("all 3s") << u"a|3|3|3"_s << QList<double>{1, 1, 1} << true << 50.0;
        // 100·(4+2+0)/12 = 50
        QTest::newRow("equal weights") << u"a|5|3|1"_s << QList<double>{1, 1, 1} << true << 50.0;
        // 100·(2·4 + 1·2 + 1·0)/(4·4) = 62.5
        QTest::newRow("unequal") << u"a|5|3|1"_s << QList<double>{2, 1, 1} << true << 62.5;
        // 100·(1·3 + 3·1)/(4·4) = 37.5
        QTest::newRow("zero weight ignored")
            << u"a|4|5|2"_s << QList<double>{1, 0, 3} << true << 37.5;
        // 100·(0.5·2)/(4·0.5) = 50
        QTest::newRow("zero weights, missing scores")
            << u"a|3|-|-"_s << QList<double>{0.5, 0, 0} << true << 50.0;
        QTest::newRow("missing with positive weight")
            << u"a|3|-|5"_s << QList<double>{1, 0.1, 1} << false << 0.0;
        QTest::newRow("nothing scored") << u"a|-|-|-"_s << QList<double>{1, 1, 1} << false << 0.0;
        QTest::newRow("invalid weights") << u"a|5|5|5"_s << QList<double>{0, 0, 0} << false << 0.0;
        QTest::newRow("negative weight") << u"a|5|5|5"_s << QList<double>{1, -1, 1} << false << 0.0;
        QTest::newRow("out-of-range is not a score")
            << u"a|6|3|3"_s << QList<double>{1, 1, 1} << false << 0.0;
    }
    void score()
    {
        QFETCH(QString, spec);
        QFETCH(QList<double>, w);
        QFETCH(bool, scored);
        QFETCH(double, expected);
        const auto s = candidateScore(candidate(spec), weights(w));
        QCOMPARE(s.has_value(), scored);
        if (scored)
            QCOMPARE(*s, expected);
        // The ranking reports the very same value.
        const auto ranked = Ranking({candidate(spec)}).rank(weights(w));
        QCOMPARE(ranked.size(), 1);
        QCOMPARE(ranked[0].score, s);
    }

    // Each row isolates one rule: the rows before it in the order are equal.
    void order_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QList<double>>("w");
        QTest::addColumn<QStringList>("expected"); // names in rank order
        const QList<double> equal{1, 1, 1};
        QTest::newRow("score first") << QStringList{u"low|2|2|2"_s, u"high|4|4|4"_s, u"mid|3|3|3"_s}
                                     << equal << QStringList{u"high"_s, u"mid"_s, u"low"_s};
        // Both 50; strategic value 5 beats 3.
        QTest::newRow("strategic value")
            << QStringList{u"a|5|3|1"_s, u"b|3|5|1"_s} << equal << QStringList{u"b"_s, u"a"_s};
        // Both 75, strategic 4; audience 5 beats 3.
        QTest::newRow("audience overlap")
            << QStringList{u"a|3|4|5"_s, u"b|5|4|3"_s} << equal << QStringList{u"b"_s, u"a"_s};
        // Ease weighs nothing, so all three score 75; ease 5 > 2 > missing.
        QTest::newRow("ease of integration")
            << QStringList{u"a|4|4|2"_s, u"none|4|4|-"_s, u"b|4|4|5"_s} << QList<double>{1, 1, 0}
            << QStringList{u"b"_s, u"a"_s, u"none"_s};
        QTest::newRow("missing strategic lowest")
            << QStringList{u"a|5|-|5"_s, u"b|5|1|5"_s} << QList<double>{1, 0, 1}
            << QStringList{u"b"_s, u"a"_s};
        // Binary order would put "Beta" first.
        QTest::newRow("name case-insensitive") << QStringList{u"Beta|3|3|3"_s, u"alpha|3|3|3"_s}
                                               << equal << QStringList{u"alpha"_s, u"Beta"_s};
        QTest::newRow("exact name last") << QStringList{u"acme|3|3|3"_s, u"Acme|3|3|3"_s} << equal
                                         << QStringList{u"Acme"_s, u"acme"_s};
        QTest::newRow("unscored after scored, by name")
            << QStringList{u"Bravo|5|5|-"_s, u"zed|1|1|1"_s, u"alpha|-|-|-"_s, u"Alpha|-|-|-"_s}
            << equal << QStringList{u"zed"_s, u"Alpha"_s, u"alpha"_s, u"Bravo"_s};
        // 49.99999999999999 vs 50.0 (see scoresWithinEpsilon): equal, strategic decides.
        QTest::newRow("scores within 1e-9 equal")
            << QStringList{u"y|3|3|3"_s, u"x|2|5|2"_s} << QList<double>{0.1, 0.2, 0.3}
            << QStringList{u"x"_s, u"y"_s};
        QTest::newRow("invalid weights: all unscored by name")
            << QStringList{u"b|5|5|5"_s, u"a|1|1|1"_s} << QList<double>{0, 0, 0}
            << QStringList{u"a"_s, u"b"_s};
    }
    void order()
    {
        QFETCH(QStringList, specs);
        QFETCH(QList<double>, w);
        QFETCH(QStringList, expected);
        const QList<Candidate> list = candidates(specs);
        QStringList names;
        for (const RankEntry &e : Ranking(list).rank(weights(w)))
            names.append(list[e.index].name);
        QCOMPARE(names, expected);
        // Reversing the input must not change the outcome.
        QList<Candidate> reversed(list.rbegin(), list.rend());
        names.clear();
        for (const RankEntry &e : Ranking(reversed).rank(weights(w)))
            names.append(reversed[e.index].name);
        QCOMPARE(names, expected);
    }

    // Several raters: each dimension counts the mean of the raters who scored it, through
    // the unchanged formula; a candidate scored by one person keeps its whole-number score.
    void meanOfRaters()
    {
        const ScoringWeights w{{1, 1, 1}};
        Candidate c = candidate(u"Acme|4|2|-"_s);
        const auto alone = candidateScore(c, w);
        QVERIFY(!alone); // ease not scored
        c.ratings.append({u"Maya"_s, 2, 5, 3});
        c.ratings.append({u"Tom"_s, std::nullopt, 5, std::nullopt});
        QCOMPARE(Ratings::mean(c, Dimension::AudienceOverlap), std::optional<double>(3.0));
        QCOMPARE(Ratings::mean(c, Dimension::StrategicValue), std::optional<double>(4.0));
        QCOMPARE(Ratings::mean(c, Dimension::EaseOfIntegration), std::optional<double>(3.0));
        // 100 × ((3−1) + (4−1) + (3−1)) / (4 × 3)
        QCOMPARE(candidateScore(c, w), std::optional<double>(100.0 * 7.0 / 12.0));
        QCOMPARE(Ratings::raterCount(c), 3);

        // One rater: identical to the plain candidate, in score and in rank.
        const QList<Candidate> plain = candidates({u"A|3|4|2"_s, u"B|5|1|3"_s, u"C|4|4|4"_s});
        QList<Candidate> rated = plain;
        for (Candidate &r : rated)
            r.ratings.append({u"Maya"_s, std::nullopt, std::nullopt, std::nullopt});
        const ScoringWeights uneven{{2, 3, 1}};
        const auto a = Ranking(plain).rank(uneven);
        const auto b = Ranking(rated).rank(uneven);
        for (qsizetype k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].index, b[k].index);
            QCOMPARE(a[k].score, b[k].score);
            QCOMPARE(a[k].score, candidateScore(plain[a[k].index], uneven));
        }
        QCOMPARE(Ranking(plain).top3Stability(uneven), Ranking(rated).top3Stability(uneven));
    }

    // A mean between two whole numbers ranks between them.
    void meansRankBetweenWholeScores()
    {
        QList<Candidate> list = candidates({u"Four|4|4|4"_s, u"Three|3|3|3"_s, u"Mixed|3|3|3"_s});
        list[2].ratings.append({u"Maya"_s, 4, 4, 4}); // means 3.5
        const auto ranked = Ranking(list).rank(ScoringWeights{});
        QCOMPARE(list[ranked[0].index].name, u"Four"_s);
        QCOMPARE(list[ranked[1].index].name, u"Mixed"_s);
        QCOMPARE(ranked[1].score, std::optional<double>(62.5));
        QCOMPARE(list[ranked[2].index].name, u"Three"_s);
    }

    void scoresWithinEpsilon()
    {
        const ScoringWeights w{{0.1, 0.2, 0.3}};
        const auto x = candidateScore(candidate(u"x|2|5|2"_s), w);
        const auto y = candidateScore(candidate(u"y|3|3|3"_s), w);
        // The precondition of the "within 1e-9" order row: rounding makes x a hair lower.
        QVERIFY(x && y);
        QVERIFY(*x < *y);
        QVERIFY(*y - *x < 1e-9);
    }

    void ranksAndTop3()
    {
        const QList<Candidate> list =
            candidates({u"d|2|2|2"_s, u"u|-|3|3"_s, u"a|5|5|5"_s, u"c|3|3|3"_s, u"b|4|4|4"_s});
        const auto ranked = Ranking(list).rank(ScoringWeights{});
        QCOMPARE(ranked.size(), 5);
        const QList<qsizetype> index{2, 4, 3, 0, 1};
        const QList<int> ranks{1, 2, 3, 4, 0};
        const QList<bool> top{true, true, true, false, false};
        for (qsizetype k = 0; k < ranked.size(); ++k) {
            QCOMPARE(ranked[k].index, index[k]);
            QCOMPARE(ranked[k].rank, ranks[k]);
            QCOMPARE(ranked[k].top3, top[k]);
            QCOMPARE(ranked[k].score.has_value(), ranks[k] > 0);
        }
    }

    void fewerThanThree()
    {
        QVERIFY(Ranking().rank(ScoringWeights{}).isEmpty());
        QVERIFY(Ranking(QList<Candidate>{}).rank(ScoringWeights{}).isEmpty());
        const QList<Candidate> list = candidates({u"u|-|-|-"_s, u"b|1|2|3"_s, u"a|2|2|2"_s});
        const auto ranked = Ranking(list).rank(ScoringWeights{});
        QCOMPARE(ranked.size(), 3);
        QCOMPARE(ranked[0].index, 2);
        QCOMPARE(ranked[0].rank, 1);
        QVERIFY(ranked[0].top3);
        QCOMPARE(ranked[1].index, 1);
        QCOMPARE(ranked[1].rank, 2);
        QVERIFY(ranked[1].top3);
        QCOMPARE(ranked[2].index, 0);
        QCOMPARE(ranked[2].rank, 0);
        QVERIFY(!ranked[2].top3);
    }

    // rank() against the spec's order written directly, on random lists with many ties.
    void rankMatchesReference()
    {
        QRandomGenerator rng(20240611);
        const QStringList pool{u"acme"_s,  u"Acme"_s,  u"ACME"_s,  u"beta"_s, u"Beta"_s,
                               u"gamma"_s, u"Ärger"_s, u"ärger"_s, u"zulu"_s, u"Z"_s};
        for (int round = 0; round < 500; ++round) {
            QList<Candidate> list;
            const int n = int(rng.bounded(25));
            for (int k = 0; k < n; ++k) {
                Candidate c;
                c.name = pool[int(rng.bounded(qsizetype(pool.size())))];
                c.audienceOverlap = randomScore(rng, 15);
                c.strategicValue = randomScore(rng, 15);
                c.easeOfIntegration = randomScore(rng, 15);
                addRandomRatings(rng, c, round / 2, 15);
                list.append(c);
            }
            ScoringWeights w{
                {double(rng.bounded(4)), double(rng.bounded(4)), double(rng.bounded(4))}};
            const auto ranked = Ranking(list).rank(w);
            QCOMPARE(ranked.size(), list.size());
            for (qsizetype k = 0; k < ranked.size(); ++k) {
                const Candidate &c = list[ranked[k].index];
                QCOMPARE(ranked[k].score, candidateScore(c, w));
                if (k > 0) {
                    const Candidate &prev = list[ranked[k - 1].index];
                    QVERIFY2(!referenceLess(c, prev, w), qPrintable(u"round %1"_s.arg(round)));
                }
            }
        }
    }

    void stability_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QList<double>>("w");
        QTest::addColumn<bool>("changes");
        QTest::addColumn<double>("expected");
        const QString a = u"A|5|5|5"_s, b = u"B|4|4|4"_s, c = u"C|3|3|3"_s;

        // p = 33⅓ each. S = Σp(s−1)/4: A 100, B 75, C 50, D 33⅓. Moving t from strategic (or
        // ease) to audience: D gains t·(5−1)/4 = t, C gains 0 → they meet at t = 50/3.
        QTest::newRow("equal weights, crossing")
            << QStringList{a, b, c, u"D|5|1|1"_s} << QList<double>{1, 1, 1} << true << 16.666667;
        // D is below C in every dimension, so below it for any weights.
        QTest::newRow("top 3 dominate: never")
            << QStringList{a, b, c, u"D|2|2|2"_s} << QList<double>{1, 1, 1} << false << 0.0;
        // p = 25,25,50. C 2,5,3 = 6.25+25+25 = 56.25, D 50. Strategic → audience: C changes
        // by (2−5)/4 = −0.75 per point: 6.25/0.75 = 25/3 (ease → audience: 25, strategic
        // → ease: 12.5). At the crossing C still wins on strategic 5 > 3.
        QTest::newRow("inside falls") << QStringList{a, b, u"C|2|5|3"_s, u"D|3|3|3"_s}
                                      << QList<double>{1, 1, 2} << true << 8.333333;
        // p = 25,25,50. D 5,1,2 = 25+0+12.5 = 37.5; strategic → audience gains D (5−1)/4 = 1
        // per point: 12.5. Tie-break at the crossing favours C (strategic 3 > 1): the set
        // changes just after 12.5, which is still the answer.
        QTest::newRow("crossing, tie-break keeps inside")
            << QStringList{a, b, c, u"D|5|1|2"_s} << QList<double>{1, 1, 2} << true << 12.5;
        // D 5,4,1 = 25+18.75+0 = 43.75; ease → audience gains (5−1)/4 = 1: 6.25. At the
        // crossing D wins on strategic 4 > 3: the set changes at 6.25 itself.
        QTest::newRow("crossing, tie-break lets outside in")
            << QStringList{a, b, c, u"D|5|4|1"_s} << QList<double>{1, 1, 2} << true << 6.25;
        // Ease weighs 0 and A (in the top 3) has no ease score: any move into ease makes A
        // unscored.
        QTest::newRow("zero weight, top-3 missing it")
            << QStringList{u"A|5|5|-"_s, b, c, u"D|2|2|2"_s} << QList<double>{1, 1, 0} << true
            << 0.0;
        // p = 50,50,0. E has no audience score, so it is unscored until audience weighs
        // nothing: audience → strategic (or ease) at t = 50 gives E 100 and it enters.
        QTest::newRow("only the full transfer")
            << QStringList{a, b, c, u"E|-|5|5"_s} << QList<double>{1, 1, 0} << true << 50.0;
        // p = 50,50,0. C 3,3,1 = 50, D 3,2,- = 37.5, E 2,2,5 = 25. Into ease D drops out
        // (no ease score); audience → ease: C −0.5/pt, E +0.75/pt: 25/1.25 = 20 (same from
        // strategic). Strategic → audience lifts D 0.25/pt: meets C at 50 = all of strategic,
        // where C keeps its place on strategic 3 > 2.
        QTest::newRow("outside without zero-weight dimension cannot enter")
            << QStringList{a, b, u"C|3|3|1"_s, u"D|3|2|-"_s, u"E|2|2|5"_s} << QList<double>{1, 1, 0}
            << true << 20.0;
        // p = 33⅓ each. Y 5,1,5 = 66⅔, X1 and X2 3,3,3 = 50 (X2 out on the name). Audience
        // (or ease) → strategic: Y falls by (1−5)/4 = 1 per point, X2 stays: 16⅔. X2 has
        // the same scores as X1 inside, and it still counts as an outside candidate.
        QTest::newRow("outside twin of an inside candidate")
            << QStringList{u"X2|3|3|3"_s, u"Y|5|1|5"_s, u"X1|3|3|3"_s, a} << QList<double>{1, 1, 1}
            << true << 16.666667;
        // C and D both 50; C ahead on strategic. Strategic → audience lifts D at once.
        QTest::newRow("tie at the start")
            << QStringList{a, b, c, u"D|4|1|4"_s} << QList<double>{1, 1, 1} << true << 0.0;
        QTest::newRow("three candidates: never")
            << QStringList{a, u"B|1|5|2"_s, c} << QList<double>{1, 1, 1} << false << 0.0;
        // X has no ease score, ease weighs 0: moving weight into ease unscored X.
        QTest::newRow("two candidates, one drops out")
            << QStringList{u"X|5|5|-"_s, c} << QList<double>{1, 1, 0} << true << 0.0;
        QTest::newRow("one candidate") << QStringList{a} << QList<double>{1, 1, 1} << false << 0.0;
        QTest::newRow("no candidates") << QStringList{} << QList<double>{1, 1, 1} << false << 0.0;
        QTest::newRow("invalid weights")
            << QStringList{a, b, c, u"D|5|1|1"_s} << QList<double>{0, 0, 0} << false << 0.0;
        // Nobody has an audience score, which is all the weight: at t = 100 both are scored.
        QTest::newRow("nobody scored until the full transfer")
            << QStringList{u"X|-|5|5"_s, u"Y|-|3|3"_s} << QList<double>{1, 0, 0} << true << 100.0;
    }
    void stability()
    {
        QFETCH(QStringList, specs);
        QFETCH(QList<double>, w);
        QFETCH(bool, changes);
        QFETCH(double, expected);
        const auto t = Ranking(candidates(specs)).top3Stability(weights(w));
        QCOMPARE(t.has_value(), changes);
        if (changes)
            QCOMPARE(*t, expected);
    }

    // At the crossing itself the tie-breaks decide; just before it nothing has changed and
    // just after it the set has.
    void stabilityAtCrossing_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<double>("crossing");
        QTest::addColumn<bool>("changedAtCrossing");
        // Weights 1,1,2 as in stability(): see the rows there for the arithmetic.
        QTest::newRow("inside keeps its place")
            << QStringList{u"A|5|5|5"_s, u"B|4|4|4"_s, u"C|3|3|3"_s, u"D|5|1|2"_s}
            << int(Dimension::StrategicValue) << int(Dimension::AudienceOverlap) << 12.5 << false;
        QTest::newRow("outside takes it")
            << QStringList{u"A|5|5|5"_s, u"B|4|4|4"_s, u"C|3|3|3"_s, u"D|5|4|1"_s}
            << int(Dimension::EaseOfIntegration) << int(Dimension::AudienceOverlap) << 6.25 << true;
    }
    void stabilityAtCrossing()
    {
        QFETCH(QStringList, specs);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(double, crossing);
        QFETCH(bool, changedAtCrossing);
        const ScoringWeights w{{1, 1, 2}};
        const Ranking ranking(candidates(specs));
        QCOMPARE(ranking.top3Stability(w), std::optional<double>(crossing));
        const QList<qsizetype> base = topSet(ranking, w);
        QCOMPARE(topSet(ranking, shifted(w, from, to, crossing - 1e-3)), base);
        QCOMPARE(topSet(ranking, shifted(w, from, to, crossing)) != base, changedAtCrossing);
        QVERIFY(topSet(ranking, shifted(w, from, to, crossing + 1e-3)) != base);
    }

    // The analytic answer against stepping t over every pair on random small lists.
    void stabilityMatchesBruteForce()
    {
        constexpr double step = 0.05;
        QRandomGenerator rng(7);
        int changed = 0;
        int atZero = 0;
        int never = 0;
        for (int round = 0; round < 600; ++round) {
            // Vary how sparse the scores are: missing scores and zero weights are where
            // scored-ness changes along a transfer.
            const int missingPercent = QList<int>{10, 25, 40}[round % 3];
            QList<Candidate> list;
            const int n = int(rng.bounded(11));
            for (int k = 0; k < n; ++k) {
                Candidate c;
                c.name = u"c%1"_s.arg(rng.bounded(5));
                c.audienceOverlap = randomScore(rng, missingPercent);
                c.strategicValue = randomScore(rng, missingPercent);
                c.easeOfIntegration = randomScore(rng, missingPercent);
                addRandomRatings(rng, c, round / 3, missingPercent);
                list.append(c);
            }
            ScoringWeights w;
            do {
                for (double &v : w.values) {
                    // Whole numbers (many exact ties) or arbitrary fractions, sometimes 0.
                    v = round % 2 == 0 ? double(rng.bounded(4))
                                       : (rng.bounded(4) == 0 ? 0.0 : rng.generateDouble());
                }
            } while (!w.isValid());
            const Ranking ranking(list);
            const auto analytic = ranking.top3Stability(w);
            const auto brute = bruteForceStability(ranking, w, step);
            const QString what = u"round %1: analytic %2, brute force %3"_s.arg(round)
                                     .arg(analytic ? QString::number(*analytic) : u"none"_s)
                                     .arg(brute ? QString::number(*brute) : u"none"_s);
            QVERIFY2(analytic.has_value() == brute.has_value(), qPrintable(what));
            if (!analytic) {
                ++never;
                continue;
            }
            QVERIFY2(*analytic <= *brute + 1e-6 && *brute - *analytic <= step + 1e-6,
                     qPrintable(what));
            ++changed;
            atZero += *analytic == 0.0 ? 1 : 0;
        }
        qInfo("brute force agrees: %d lists change (%d at 0), %d never change", changed, atZero,
              never);
    }

    // Prints how long the three operations take on 100,000 candidates; never fails on time.
    void timing()
    {
        QRandomGenerator rng(42);
        QList<Candidate> list;
        list.reserve(100000);
        for (int k = 0; k < 100000; ++k) {
            Candidate c;
            const int length = int(rng.bounded(5, 16));
            for (int l = 0; l < length; ++l) {
                const int letter = int(rng.bounded(26));
                c.name.append(QChar(char16_t((rng.bounded(4) == 0 ? u'A' : u'a') + letter)));
            }
            // Scores 1..4 plus three standouts, so the top three is not one big tie and
            // the stability search has real crossings to find.
            const int high = k < 3 ? 5 : 4;
            const auto score = [&]() -> std::optional<int> {
                if (rng.bounded(10) == 0)
                    return std::nullopt;
                return int(rng.bounded(1, high + 1));
            };
            c.audienceOverlap = score();
            c.strategicValue = score();
            c.easeOfIntegration = score();
            list.append(c);
        }
        const ScoringWeights w{{2, 3, 1}};
        QElapsedTimer timer;
        timer.start();
        const Ranking ranking(list);
        const double build = timer.nsecsElapsed() / 1e6;
        double rankFirst = 0, rankBest = 1e9, stabilityFirst = 0, stabilityBest = 1e9;
        std::optional<double> t;
        for (int run = 0; run < 5; ++run) {
            timer.restart();
            const auto ranked = ranking.rank(w);
            const double rank = timer.nsecsElapsed() / 1e6;
            QCOMPARE(ranked.size(), list.size());
            timer.restart();
            t = ranking.top3Stability(w);
            const double stability = timer.nsecsElapsed() / 1e6;
            rankFirst = run == 0 ? rank : rankFirst;
            stabilityFirst = run == 0 ? stability : stabilityFirst;
            rankBest = std::min(rankBest, rank);
            stabilityBest = std::min(stabilityBest, stability);
        }
        qInfo("100000 candidates: Ranking() %.1f ms; rank() %.1f ms first, %.1f ms best of 5; "
              "top3Stability() %.2f ms first, %.2f ms best of 5 (= %s)",
              build, rankFirst, rankBest, stabilityFirst, stabilityBest,
              qPrintable(t ? QString::number(*t) : u"none"_s));
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
