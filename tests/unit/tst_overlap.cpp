// Audience overlap: every normalisation rule (data-driven), counts on lists with duplicates
// and junk rows, what the list reader refuses (the CSV reader's rules, data-driven), a tokens
// file that holds no plaintext domain of its input, the key-mismatch refusal, the min-count
// rule, and the score mapping. csv-spectrum runs against the list reader in tst_csvreader.
#include "domain/Overlap.h"
#include "io/AccountOverlap.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pb;
using namespace pb::domain;

namespace {

io::AccountOverlap::Side side(const QString &label, const QByteArray &bytes)
{
    return {label, bytes};
}

QByteArray keyFile()
{
    return io::AccountOverlap::newKeyFile();
}

QByteArray keyOf(const QByteArray &file)
{
    QString why;
    return io::AccountOverlap::readKey(file, u"k.key"_s, &why);
}

QByteArray tokensFor(const QByteArray &csv, const QByteArray &key)
{
    io::AccountOverlap::Accounts accounts;
    if (!io::AccountOverlap::readCsv(csv, u"in.csv"_s, {}, accounts).isEmpty())
        return {};
    return io::AccountOverlap::writeTokens(accounts, key);
}

} // namespace

class TestOverlap : public QObject
{
    Q_OBJECT

private slots:
    void normalise_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: no usable domain
        QTest::newRow("bare") << u"acme.com"_s << u"acme.com"_s;
        QTest::newRow("lower case") << u"ACME.Com"_s << u"acme.com"_s;
        QTest::newRow("spaces") << u"  acme.com \t"_s << u"acme.com"_s;
        QTest::newRow("https") << u"https://acme.com"_s << u"acme.com"_s;
        QTest::newRow("http and path") << u"http://acme.com/about/team"_s << u"acme.com"_s;
        QTest::newRow("other scheme") << u"ftp://files.acme.com"_s << u"files.acme.com"_s;
        QTest::newRow("query") << u"acme.com?ref=partner"_s << u"acme.com"_s;
        QTest::newRow("fragment") << u"https://acme.com#pricing"_s << u"acme.com"_s;
        QTest::newRow("port") << u"https://acme.com:8443/x"_s << u"acme.com"_s;
        QTest::newRow("user info") << u"https://bob:secret@acme.com/"_s << u"acme.com"_s;
        QTest::newRow("www") << u"www.acme.com"_s << u"acme.com"_s;
        QTest::newRow("www in URL") << u"https://WWW.acme.com/"_s << u"acme.com"_s;
        QTest::newRow("only a leading www") << u"shop.www.acme.com"_s << u"shop.www.acme.com"_s;
        QTest::newRow("trailing dot") << u"acme.com."_s << u"acme.com"_s;
        QTest::newRow("e-mail") << u"Jane.Doe@Acme.com"_s << u"acme.com"_s;
        QTest::newRow("mailto") << u"mailto:jane@acme.com"_s << u"acme.com"_s;
        QTest::newRow("name and address") << u"Jane Doe <jane@acme.com>"_s << u"acme.com"_s;
        QTest::newRow("subdomain kept") << u"eu.acme.com"_s << u"eu.acme.com"_s;
        QTest::newRow("IDN to punycode") << u"https://www.bücher.de/"_s << u"xn--bcher-kva.de"_s;
        QTest::newRow("IDN e-mail") << u"info@münchen.de"_s << u"xn--mnchen-3ya.de"_s;
        QTest::newRow("punycode as given") << u"xn--bcher-kva.de"_s << u"xn--bcher-kva.de"_s;
        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("no dot") << u"localhost"_s << u""_s;
        QTest::newRow("junk") << u"n/a"_s << u""_s;
        QTest::newRow("words") << u"call them"_s << u""_s;
        QTest::newRow("double dot") << u"acme..com"_s << u""_s;
        QTest::newRow("underscore") << u"ac_me.com"_s << u""_s;
    }

    void normalise()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto key = normaliseAccount(input);
        if (expected.isEmpty())
            QVERIFY2(!key, key ? key->constData() : "");
        else
            QCOMPARE(key.value_or(QByteArray()), expected.toLatin1());
    }

    void plainCountsDuplicatesAndJunk()
    {
        // Ours: 4 distinct (acme twice in other spellings), 2 junk rows.
        const QByteArray ours = "name,Website\n"
                                "Acme,https://www.acme.com/\n"
                                "Acme again,ACME.COM.\n"
                                "Beta,beta.io\n"
                                "Gamma,gamma.org\n"
                                "Delta,delta.net\n"
                                "Unknown,n/a\n"
                                "Empty,\n";
        // Theirs: an email column, 3 distinct, one junk.
        const QByteArray theirs = "EMAIL,who\n"
                                  "jane@acme.com,Jane\n"
                                  "bob@acme.com,Bob\n"
                                  "x@beta.io,X\n"
                                  "y@zeta.com,Y\n"
                                  "nobody,Z\n";
        OverlapResult result;
        QCOMPARE(io::AccountOverlap::compare(side(u"ours.csv"_s, ours),
                                             side(u"theirs.csv"_s, theirs), {}, {}, 5, result),
                 QString());
        QCOMPARE(result.ours, 4);
        QCOMPARE(result.theirs, 3);
        QCOMPARE(result.shared, 2); // plain: no minimum
        QCOMPARE(result.skippedOurs, 2);
        QCOMPARE(result.skippedTheirs, 1);
        QCOMPARE(result.shareOfOurs().value(), 50.0);
        // Ours as written (the first spelling), in the order of our list.
        QCOMPARE(result.sharedAccounts, (QStringList{u"https://www.acme.com/"_s, u"beta.io"_s}));
    }

    void columnChoice()
    {
        const QByteArray csv = "company,url,domain\nA,https://one.com,two.com\n";
        io::AccountOverlap::Accounts accounts;
        QCOMPARE(io::AccountOverlap::readCsv(csv, u"a.csv"_s, {}, accounts), QString());
        QVERIFY(accounts.contains("two.com")); // domain is preferred to url
        io::AccountOverlap::Accounts byName;
        QCOMPARE(io::AccountOverlap::readCsv(csv, u"a.csv"_s, u"URL"_s, byName), QString());
        QVERIFY(byName.contains("one.com"));
        io::AccountOverlap::Accounts none;
        QVERIFY(io::AccountOverlap::readCsv("company,size\nA,10\n", u"a.csv"_s, {}, none)
                    .startsWith(u"a.csv:1: no column named domain"_s));
        QVERIFY(io::AccountOverlap::readCsv(csv, u"a.csv"_s, u"site"_s, none)
                    .startsWith(u"a.csv:1: there is no column \"site\""_s));
        QVERIFY(io::AccountOverlap::readCsv("domain\n\"broken\n", u"a.csv"_s, {}, none)
                    .startsWith(u"a.csv:2:"_s));
    }

    // A list is read by the one CSV reader: what it refuses is refused, at FILE:LINE: and the
    // column, and the first problem stops the list.
    void listRefusals_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("text after closing quote")
            << QByteArray("name,domain\nA,\"a.com\"x\nB,b.com\n")
            << u"a.csv:2: column \"domain\": text after closing quote"_s;
        QTest::newRow("text after closing quote in another column")
            << QByteArray("domain,name\na.com,A\nb.com,\"Beta\" Inc\n")
            << u"a.csv:3: column \"name\": text after closing quote"_s;
        QTest::newRow("space after closing quote")
            << QByteArray("domain\n\"a.com\" \n")
            << u"a.csv:2: column \"domain\": text after closing quote"_s;
        QTest::newRow("unterminated quote") << QByteArray("domain\na.com\n\"b.com\nc.com\n")
                                            << u"a.csv:3: column \"domain\": unterminated quote"_s;
        QTest::newRow("too many fields")
            << QByteArray("domain\na.com,x\n")
            << u"a.csv:2: column 2: the row has 2 fields, the header has 1"_s;
        QTest::newRow("not UTF-8") << QByteArray("name,domain\nM\xFCller,mueller.de\n")
                                   << u"a.csv:2: column \"name\": bytes that are not UTF-8"_s;
        QTest::newRow("the header's problem before a missing column")
            << QByteArray("\"name\"x\na\n")
            << u"a.csv:1: column \"namex\": text after closing quote"_s;
        QTest::newRow("a missing column before the records' problems")
            << QByteArray("name\n\"x\"y\n")
            << u"a.csv:1: no column named domain, website, url or email; name the column with "
               "--column"_s;
    }

    void listRefusals()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        io::AccountOverlap::Accounts accounts;
        QCOMPARE(io::AccountOverlap::readCsv(csv, u"a.csv"_s, {}, accounts), message);
        // A comparison says the same, for either side.
        OverlapResult result;
        const auto good = side(u"b.csv"_s, "domain\nb.com\n");
        QCOMPARE(io::AccountOverlap::compare(side(u"a.csv"_s, csv), good, {}, {}, 0, result),
                 message);
        QCOMPARE(io::AccountOverlap::compare(good, side(u"a.csv"_s, csv), {}, {}, 0, result),
                 message);
    }

    void listQuotingAndLineEnds()
    {
        // Quoted accounts, a doubled quote, CRLF, a BOM, semicolons, blank lines, short rows.
        const QByteArray ours = "\xEF\xBB\xBFName;\"Web site\"\r\n"
                                "\"Acme; Inc\";\"https://acme.com/?q=\"\"x\"\"\"\r\n"
                                "\r\n"
                                "Beta;beta.io\r\n"
                                "Lonely\r\n";
        io::AccountOverlap::Accounts accounts;
        QCOMPARE(io::AccountOverlap::readCsv(ours, u"a.csv"_s, u"web-site"_s, accounts), QString());
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts.skipped, 1);
        OverlapResult result;
        QCOMPARE(io::AccountOverlap::compare(side(u"ours.csv"_s, ours),
                                             side(u"theirs.csv"_s, "WEB_SITE\nbeta.io\nacme.com\n"),
                                             {}, u"Web Site"_s, 0, result),
                 QString());
        QCOMPARE(result.sharedAccounts,
                 (QStringList{u"https://acme.com/?q=\"x\""_s, u"beta.io"_s}));
    }

    void tokensHoldNoPlaintext()
    {
        QByteArray csv = "domain\n";
        QStringList domains;
        for (int i = 0; i < 200; ++i) {
            const QString domain = u"customer-%1.example.com"_s.arg(i);
            domains << domain;
            csv += domain.toLatin1() + '\n';
        }
        const QByteArray key = keyOf(keyFile());
        QCOMPARE(key.size(), 32);
        const QByteArray tokens = tokensFor(csv, key);
        QVERIFY(io::AccountOverlap::isTokensFile(tokens));
        QVERIFY(tokens.contains("count 200\n"));
        QVERIFY(!tokens.contains(key.toHex())); // the key is not in it either
        for (const QString &domain : std::as_const(domains)) {
            const QByteArray plain = domain.toLatin1();
            QVERIFY(!tokens.contains(plain));
            QVERIFY(!tokens.contains("customer-"));
            // Nor a plain (unkeyed) hash of it.
            for (auto algorithm :
                 {QCryptographicHash::Sha256, QCryptographicHash::Sha1, QCryptographicHash::Md5}) {
                const QByteArray hash = QCryptographicHash::hash(plain, algorithm).toHex();
                QVERIFY(!tokens.contains(hash.left(32)));
            }
        }
        // Random order: not the input order twice.
        QVERIFY(tokensFor(csv, key) != tokens);
    }

    void privateComparison()
    {
        const QByteArray key = keyOf(keyFile());
        QByteArray ours = "domain\n", theirs = "email\n";
        for (int i = 0; i < 40; ++i)
            ours += "c" + QByteArray::number(i) + ".com\n";
        for (int i = 30; i < 100; ++i)
            theirs += "someone@c" + QByteArray::number(i) + ".com\n";
        const QByteArray theirTokens = tokensFor(theirs, key);
        OverlapResult result;
        bool usedTokens = false;
        QCOMPARE(io::AccountOverlap::compare(side(u"ours.csv"_s, ours),
                                             side(u"theirs.tokens"_s, theirTokens), key, {}, 5,
                                             result, &usedTokens),
                 QString());
        QVERIFY(usedTokens);
        QCOMPARE(result.ours, 40);
        QCOMPARE(result.theirs, 70);
        QCOMPARE(result.shared, 10);
        QCOMPARE(result.sharedAccounts.size(), 10); // ours, as written
        QVERIFY(result.sharedAccounts.contains(u"c35.com"_s));

        // Both as tokens: the same count, no accounts.
        const QByteArray ourTokens = tokensFor(ours, key);
        QCOMPARE(io::AccountOverlap::compare(side(u"ours.tokens"_s, ourTokens),
                                             side(u"theirs.tokens"_s, theirTokens), {}, {}, 5,
                                             result),
                 QString());
        QCOMPARE(result.shared, 10);
        QVERIFY(result.sharedAccounts.isEmpty());
    }

    void anotherKeyIsRefused()
    {
        const QByteArray key = keyOf(keyFile());
        const QByteArray other = keyOf(keyFile());
        QVERIFY(key != other);
        const QByteArray theirTokens = tokensFor("domain\na.com\nb.com\n", key);
        OverlapResult result;
        const QString error = io::AccountOverlap::compare(side(u"ours.csv"_s, "domain\na.com\n"),
                                                          side(u"theirs.tokens"_s, theirTokens),
                                                          other, {}, 0, result);
        QVERIFY2(error.contains(u"another key"_s) && error.contains(u"fingerprint"_s),
                 qPrintable(error));
        QVERIFY(
            io::AccountOverlap::compare(side(u"a.tokens"_s, tokensFor("domain\na.com\n", other)),
                                        side(u"b.tokens"_s, theirTokens), {}, {}, 0, result)
                .contains(u"different keys"_s));
        // No key at all.
        QVERIFY(io::AccountOverlap::compare(side(u"ours.csv"_s, "domain\na.com\n"),
                                            side(u"theirs.tokens"_s, theirTokens), {}, {}, 0,
                                            result)
                    .contains(u"--key"_s));
        // A key file that is not one; a tokens file cut short.
        QString why;
        QVERIFY(io::AccountOverlap::readKey("hello\n", u"k.key"_s, &why).isEmpty());
        QVERIFY(why.contains(u"k.key"_s));
        io::AccountOverlap::Tokens tokens;
        QVERIFY(!io::AccountOverlap::readTokens(theirTokens.left(theirTokens.size() - 33),
                                                u"t.tokens"_s, tokens)
                     .isEmpty());
    }

    void minCountHidesSmallResults()
    {
        const QByteArray key = keyOf(keyFile());
        const QByteArray theirTokens = tokensFor("domain\na.com\nb.com\nc.com\nd.com\n", key);
        OverlapResult result;
        // A probe of two accounts: 2 shared is fewer than 5, so nothing is told.
        QCOMPARE(io::AccountOverlap::compare(side(u"probe.csv"_s, "domain\na.com\nb.com\n"),
                                             side(u"theirs.tokens"_s, theirTokens), key, {}, 5,
                                             result),
                 QString());
        QVERIFY(!result.shared);
        QCOMPARE(result.sharedBelow, 5);
        QVERIFY(result.sharedAccounts.isEmpty());
        QVERIFY(!result.shareOfOurs());
        // With a lower minimum the count shows.
        QCOMPARE(io::AccountOverlap::compare(side(u"probe.csv"_s, "domain\na.com\nb.com\n"),
                                             side(u"theirs.tokens"_s, theirTokens), key, {}, 2,
                                             result),
                 QString());
        QCOMPARE(result.shared, 2);
    }

    void scoreMapping_data()
    {
        QTest::addColumn<double>("share");
        QTest::addColumn<int>("score");
        QTest::newRow("0 %") << 0.0 << 1;
        QTest::newRow("1.9 %") << 1.9 << 1;
        QTest::newRow("2 %") << 2.0 << 2;
        QTest::newRow("4.9 %") << 4.9 << 2;
        QTest::newRow("5 %") << 5.0 << 3;
        QTest::newRow("10 %") << 10.0 << 4;
        QTest::newRow("19.9 %") << 19.9 << 4;
        QTest::newRow("20 %") << 20.0 << 5;
        QTest::newRow("80 %") << 80.0 << 5;
    }

    void scoreMapping()
    {
        QFETCH(double, share);
        QFETCH(int, score);
        QCOMPARE(OverlapScoring::score(share, OverlapScoring::defaultThresholds()), score);
    }

    void scoreOfAResult()
    {
        OverlapResult result;
        result.ours = 200;
        result.shared = 30; // 15 %
        QCOMPARE(OverlapScoring::score(result, OverlapScoring::defaultThresholds()), 4);
        // Withheld: under 5 of 501 is under 1 %, so 1 whatever the count; of 100 it could
        // be up to 5 %, so no score can be given.
        result.shared.reset();
        result.sharedBelow = 5;
        result.ours = 501;
        QCOMPARE(OverlapScoring::score(result, OverlapScoring::defaultThresholds()), 1);
        result.ours = 100;
        QVERIFY(!OverlapScoring::score(result, OverlapScoring::defaultThresholds()));
    }

    void thresholdsText()
    {
        QCOMPARE(OverlapScoring::parseThresholds(u"1, 3,6,12"_s), (QList<double>{1, 3, 6, 12}));
        QString why;
        QVERIFY(!OverlapScoring::parseThresholds(u"5,2,10,20"_s, &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!OverlapScoring::parseThresholds(u"2,5,10"_s));
        QCOMPARE(OverlapScoring::thresholdsText({2, 5, 10, 20}), u"2,5,10,20"_s);
    }
};

QTEST_GUILESS_MAIN(TestOverlap)
#include "tst_overlap.moc"
