#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace pb::domain {

// An account, as two companies compare them: the domain of a website, URL or e-mail
// address, normalised the same way everywhere (README, "Audience overlap"): lower case;
// no scheme, user info, port, path, query or fragment; no leading "www." or trailing dot;
// an e-mail address gives its domain; internationalised names in their ASCII (punycode)
// form. Nullopt when the text holds no usable domain (empty, no dot, invalid characters).
std::optional<QByteArray> normaliseAccount(QStringView text);
// The same for UTF-8 bytes, appending the domain to out (without allocating, for ASCII
// text): what reading a million-row list uses. False, and nothing appended, when there is
// no usable domain.
bool appendNormalisedAccount(QByteArrayView utf8, QByteArray &out);

// How overlap was measured, as recorded on a candidate.
enum class OverlapMethod { Plain, Private };
QString overlapMethodId(OverlapMethod method); // "plain", "private"
std::optional<OverlapMethod> overlapMethodFromId(const QString &text);

// The result of comparing our account list with theirs.
struct OverlapResult
{
    qsizetype ours = 0;   // distinct accounts in our list
    qsizetype theirs = 0; // in theirs
    // Shared accounts; nullopt when it is below the minimum count and may not be shown.
    std::optional<qsizetype> shared;
    qsizetype sharedBelow = 0;  // the minimum count, when shared is withheld
    QStringList sharedAccounts; // ours as written, when our side is a list we hold
    qsizetype skippedOurs = 0;  // rows with no usable domain
    qsizetype skippedTheirs = 0;

    std::optional<double> shareOfOurs() const; // percent
    std::optional<double> shareOfTheirs() const;
};

// What a candidate keeps of a measurement: the evidence behind its audience-overlap score.
struct OverlapEvidence
{
    QDate measuredOn;
    OverlapMethod method = OverlapMethod::Plain;
    qsizetype ours = 0;
    qsizetype theirs = 0;
    std::optional<qsizetype> shared;
    std::optional<double> shareOfOurs; // percent
    std::optional<double> shareOfTheirs;

    friend bool operator==(const OverlapEvidence &, const OverlapEvidence &) = default;
};

class OverlapScoring
{
    Q_DECLARE_TR_FUNCTIONS(OverlapScoring)
public:
    // The audience-overlap score (1–5) for a share of our accounts, with thresholds in
    // percent, ascending: below the first 1, below the second 2, … else 5. The default
    // (a workbook setting) is 2, 5, 10, 20.
    static int score(double shareOfOursPercent, const QList<double> &thresholds);
    // The score a comparison gives, if one can be given: from the share of ours, or, when
    // the count was withheld, 1 if even the minimum count would be under the first step.
    static std::optional<int> score(const OverlapResult &result, const QList<double> &thresholds);
    static QList<double> defaultThresholds();
    // "2,5,10,20" ⇄ thresholds; nullopt (and why) when it is not four ascending numbers.
    static std::optional<QList<double>> parseThresholds(const QString &text,
                                                        QString *why = nullptr);
    static QString thresholdsText(const QList<double> &thresholds);
    // One line for the candidate's detail pane.
    static QString describe(const OverlapEvidence &evidence);
};

} // namespace pb::domain
