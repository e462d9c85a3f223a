#include "Overlap.h"

#include <QLocale>
#include <QUrl>

#include <cctype>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

bool isAsciiDomainChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    return text;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView lowerPrefix)
{
    if (text.size() < lowerPrefix.size())
        return false;
    for (qsizetype i = 0; i < lowerPrefix.size(); ++i) {
        const char c = text.at(i);
        if (((c >= 'A' && c <= 'Z') ? char(c + 32) : c) != lowerPrefix.at(i))
            return false;
    }
    return true;
}

// The rules on ASCII text, byte by byte; appends the domain to out.
bool normaliseAscii(QByteArrayView rest, QByteArray &out)
{
    rest = trimmed(rest);
    if (rest.endsWith('>')) {
        if (const qsizetype angle = rest.lastIndexOf('<'); angle >= 0)
            rest = rest.sliced(angle + 1, rest.size() - angle - 2);
    }
    if (const qsizetype scheme = rest.indexOf("://"); scheme > 0) {
        bool plain = true;
        for (char c : rest.first(scheme))
            plain = plain && (std::isalnum(uchar(c)) || c == '+' || c == '.' || c == '-');
        if (plain)
            rest = rest.sliced(scheme + 3);
    } else if (startsWithNoCase(rest, "mailto:")) {
        rest = rest.sliced(7);
    }
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const char c = rest.at(i);
        if (c == '/' || c == '?' || c == '#' || c == '\\') {
            rest = rest.first(i);
            break;
        }
    }
    if (const qsizetype at = rest.lastIndexOf('@'); at >= 0)
        rest = rest.sliced(at + 1);
    if (const qsizetype colon = rest.lastIndexOf(':'); colon >= 0)
        rest = rest.first(colon);
    rest = trimmed(rest);
    while (rest.endsWith('.'))
        rest.chop(1);
    if (startsWithNoCase(rest, "www."))
        rest = rest.sliced(4);
    if (rest.isEmpty() || rest.front() == '.' || rest.indexOf('.') < 0 || rest.indexOf("..") >= 0)
        return false;
    const qsizetype start = out.size();
    out.resize(start + rest.size());
    char *to = out.data() + start;
    for (char c : rest) {
        const char lower = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        if (!isAsciiDomainChar(char16_t(uchar(lower)))) {
            out.truncate(start);
            return false;
        }
        *to++ = lower;
    }
    return true;
}

bool isAscii(QByteArrayView text)
{
    for (char c : text) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

bool appendNormalisedAccount(QByteArrayView utf8, QByteArray &out)
{
    if (isAscii(utf8))
        return normaliseAscii(utf8, out);
    const auto domain = normaliseAccount(QString::fromUtf8(utf8));
    if (!domain)
        return false;
    out += *domain;
    return true;
}

std::optional<QByteArray> normaliseAccount(QStringView text)
{
    {
        bool ascii = true;
        for (QChar c : text)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii) {
            QByteArray out;
            if (!normaliseAscii(text.toLatin1(), out))
                return std::nullopt;
            return out;
        }
    }
    QStringView rest = text.trimmed();
    if (rest.size() >= 2 && rest.front() == u'<' && rest.back() == u'>')
        rest = rest.mid(1, rest.size() - 2).trimmed(); // "Name <a@b.com>" style leftovers
    if (const qsizetype angle = rest.lastIndexOf(u'<'); angle >= 0 && rest.endsWith(u'>'))
        rest = rest.mid(angle + 1, rest.size() - angle - 2);
    // The scheme: "https://", and "mailto:" which has no slashes.
    if (const qsizetype scheme = rest.indexOf(u"://"); scheme > 0) {
        bool plain = true;
        for (QChar c : rest.left(scheme))
            plain = plain && (c.isLetterOrNumber() || c == u'+' || c == u'.' || c == u'-');
        if (plain)
            rest = rest.mid(scheme + 3);
    } else if (rest.startsWith(u"mailto:", Qt::CaseInsensitive)) {
        rest = rest.mid(7);
    }
    // Path, query and fragment end the host.
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        if (c == u'/' || c == u'?' || c == u'#' || c == u'\\') {
            rest = rest.left(i);
            break;
        }
    }
    // User info (and e-mail addresses): the host is what follows the last '@'.
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0)
        rest = rest.mid(at + 1);
    // The port.
    if (const qsizetype colon = rest.lastIndexOf(u':'); colon >= 0)
        rest = rest.left(colon);
    rest = rest.trimmed();
    while (rest.endsWith(u'.'))
        rest.chop(1);

    QString host = rest.toString().toLower();
    bool ascii = true;
    for (QChar c : std::as_const(host))
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii) {
        // Internationalised names compare in their ASCII form (IDNA / punycode).
        const QByteArray ace = QUrl::toAce(host);
        if (ace.isEmpty())
            return std::nullopt;
        host = QString::fromLatin1(ace).toLower();
    }
    if (host.startsWith(u"www."))
        host = host.mid(4);
    if (!host.contains(u'.') || host.startsWith(u'.') || host.contains(u".."))
        return std::nullopt;
    for (QChar c : std::as_const(host)) {
        if (!isAsciiDomainChar(c.unicode()))
            return std::nullopt;
    }
    return host.toLatin1();
}

QString overlapMethodId(OverlapMethod method)
{
    return method == OverlapMethod::Private ? u"private"_s : u"plain"_s;
}

std::optional<OverlapMethod> overlapMethodFromId(const QString &text)
{
    if (text == u"plain")
        return OverlapMethod::Plain;
    if (text == u"private")
        return OverlapMethod::Private;
    return std::nullopt;
}

std::optional<double> OverlapResult::shareOfOurs() const
{
    if (!shared || ours == 0)
        return std::nullopt;
    return 100.0 * double(*shared) / double(ours);
}

std::optional<double> OverlapResult::shareOfTheirs() const
{
    if (!shared || theirs == 0)
        return std::nullopt;
    return 100.0 * double(*shared) / double(theirs);
}

int OverlapScoring::score(double shareOfOursPercent, const QList<double> &thresholds)
{
    int score = 1;
    for (double threshold : thresholds) {
        if (shareOfOursPercent < threshold)
            return score;
        ++score;
    }
    return std::min(score, 5);
}

std::optional<int> OverlapScoring::score(const OverlapResult &result,
                                         const QList<double> &thresholds)
{
    if (const auto share = result.shareOfOurs())
        return score(*share, thresholds);
    // Withheld: fewer than the minimum are shared, so the share is at most this much.
    if (!result.shared && result.ours > 0 && !thresholds.isEmpty()) {
        const double atMost = 100.0 * double(result.sharedBelow) / double(result.ours);
        if (atMost < thresholds.first())
            return 1;
    }
    return std::nullopt;
}

QList<double> OverlapScoring::defaultThresholds()
{
    return {2, 5, 10, 20};
}

std::optional<QList<double>> OverlapScoring::parseThresholds(const QString &text, QString *why)
{
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    QList<double> thresholds;
    for (const QString &part : parts) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || value < 0 || value > 100) {
            if (why)
                *why = tr("\"%1\" is not a percentage").arg(part.trimmed());
            return std::nullopt;
        }
        if (!thresholds.isEmpty() && value <= thresholds.last()) {
            if (why)
                *why = tr("the thresholds must go up");
            return std::nullopt;
        }
        thresholds.append(value);
    }
    if (thresholds.size() != 4) {
        if (why)
            *why = tr("four thresholds are needed, one for each step from 1 to 5");
        return std::nullopt;
    }
    return thresholds;
}

QString OverlapScoring::thresholdsText(const QList<double> &thresholds)
{
    QStringList parts;
    for (double value : thresholds)
        parts.append(QString::number(value));
    return parts.join(u',');
}

QString OverlapScoring::describe(const OverlapEvidence &evidence)
{
    const QLocale locale;
    const QString how = evidence.method == OverlapMethod::Private
                            ? tr("private comparison (keyed hashes)")
                            : tr("both lists compared here");
    if (!evidence.shared)
        return tr("Measured on %1 by %2: fewer than the minimum shared accounts (ours %3, "
                  "theirs %4).")
            .arg(locale.toString(evidence.measuredOn, QLocale::ShortFormat), how,
                 locale.toString(qint64(evidence.ours)), locale.toString(qint64(evidence.theirs)));
    return tr("Measured on %1 by %2: %3 shared accounts, %4 % of ours (%5) and %6 % of theirs "
              "(%7).")
        .arg(locale.toString(evidence.measuredOn, QLocale::ShortFormat), how,
             locale.toString(qint64(*evidence.shared)),
             locale.toString(evidence.shareOfOurs.value_or(0), 'f', 1),
             locale.toString(qint64(evidence.ours)),
             locale.toString(evidence.shareOfTheirs.value_or(0), 'f', 1),
             locale.toString(qint64(evidence.theirs)));
}

} // namespace pb::domain
