#include "ProgrammeReviewDocument.h"

#include "SafeFile.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::io::PdfPage::escaped;
using pb::io::PdfPage::pt;
using pb::io::PdfPage::px;

namespace pb::io {

namespace {

// Page margins and gaps, in points.
constexpr double kSide = 36;
constexpr double kTop = 30;
constexpr double kBottom = 28;
constexpr double kGap = 10;
constexpr double kChartHeight = 200;
constexpr double kLargestBody = 9;
constexpr double kSmallestBody = 7;
const QString kAccent = u"#1f3b57"_s;
const QString kMuted = u"#666666"_s;

QString sectionHeading(const QString &text, double body)
{
    return u"<p style=\"font-size:%1; font-weight:700; color:%2; margin-top:%3; "
           u"margin-bottom:%4;\">%5</p>"_s.arg(pt(body * 1.2), kAccent, px(body * 0.6),
                                               px(body * 0.25), escaped(text));
}

// A table with a header row; cells are escaped text.
QString table(const QStringList &header, const QList<QStringList> &rows, double body,
              int boldLast = 0)
{
    QString html =
        u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\">"_s.arg(qRound(body * 0.18));
    html += u"<tr style=\"background-color:#e8edf2;\">"_s;
    for (qsizetype i = 0; i < header.size(); ++i)
        html += u"<td%1 style=\"font-weight:600; color:%2;\">%3</td>"_s.arg(
            i == 0 ? QString() : u" align=\"right\""_s, kAccent, escaped(header.at(i)));
    html += u"</tr>"_s;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const bool bold = r >= rows.size() - boldLast;
        html += r % 2 ? u"<tr style=\"background-color:#f6f8fa;\">"_s : u"<tr>"_s;
        for (qsizetype c = 0; c < rows.at(r).size(); ++c)
            html += u"<td%1%2>%3</td>"_s.arg(c == 0 ? QString() : u" align=\"right\""_s,
                                             bold ? u" style=\"font-weight:700;\""_s : QString(),
                                             escaped(rows.at(r).at(c)));
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString lines(const QStringList &items, qsizetype total, double body)
{
    QString html;
    for (const QString &item : items)
        html += u"<p style=\"margin-top:%1; margin-bottom:0;\">%2</p>"_s.arg(px(body * 0.2),
                                                                             escaped(item));
    if (total > items.size())
        html += u"<p style=\"margin-top:%1; margin-bottom:0; color:%2;\"><i>%3</i></p>"_s.arg(
            px(body * 0.2), kMuted,
            escaped(ProgrammeReviewDocument::tr("… and %1 more").arg(total - items.size())));
    return html;
}

QString statusWords(BenchmarkStatus status)
{
    switch (status) {
    case BenchmarkStatus::NoData:
        return ProgrammeReviewDocument::tr("no data");
    case BenchmarkStatus::Below:
        return ProgrammeReviewDocument::tr("below");
    case BenchmarkStatus::Healthy:
        return ProgrammeReviewDocument::tr("healthy");
    case BenchmarkStatus::Above:
        return ProgrammeReviewDocument::tr("above");
    }
    return {};
}

QString stageName(Stage stage)
{
    QString id = stageId(stage);
    id[0] = id[0].toUpper();
    return id;
}

QString funnelColumn(const item::ProgrammeData &data, double body, int listed)
{
    QList<QStringList> rows;
    for (int s = 0; s < kStageCount; ++s) {
        const auto range = Funnel::practiceRange(Stage(s));
        rows.append({stageName(Stage(s)), QString::number(data.stages[size_t(s)]),
                     range ? u"%1–%2"_s.arg(range->first).arg(range->second) : u"—"_s});
    }
    QString html = sectionHeading(ProgrammeReviewDocument::tr("Funnel"), body);
    html += table({ProgrammeReviewDocument::tr("Stage"), ProgrammeReviewDocument::tr("Now"),
                   ProgrammeReviewDocument::tr("The practice")},
                  rows, body);
    html += sectionHeading(
        ProgrammeReviewDocument::tr("Stalled candidates (%1)").arg(data.stalled.size()), body);
    QStringList stalled;
    for (qsizetype i = 0; i < std::min<qsizetype>(listed, data.stalled.size()); ++i) {
        const StalledCandidate &s = data.stalled.at(i);
        stalled << ProgrammeReviewDocument::tr("%1 — %2, %3 days")
                       .arg(s.name, stageId(s.stage))
                       .arg(s.days);
    }
    if (data.stalled.isEmpty())
        stalled << ProgrammeReviewDocument::tr("None: every candidate is within the practice's "
                                               "timing.");
    return html + lines(stalled, std::max<qsizetype>(1, data.stalled.size()), body);
}

QString pnlColumn(const item::ProgrammeData &data, double body, int listed)
{
    const QLocale locale;
    const auto money = [&](double value) {
        return formatKpiValue(value, KpiUnit::Currency, data.currency, locale);
    };
    const auto row = [&](const PartnershipPnl &pnl) {
        return QStringList{pnl.partner, money(pnl.totalNet),
                           pnl.breakEvenMonth ? locale.toString(*pnl.breakEvenMonth, u"MMM yyyy"_s)
                                              : u"—"_s,
                           pnl.lastQuarterNet ? money(*pnl.lastQuarterNet) : u"—"_s};
    };
    QList<item::PartnerPnl> largest = data.partnerships;
    std::stable_sort(largest.begin(), largest.end(), [](const auto &a, const auto &b) {
        return std::abs(a.pnl.totalNet) > std::abs(b.pnl.totalNet);
    });
    QList<QStringList> rows;
    for (qsizetype i = 0; i < std::min<qsizetype>(listed, largest.size()); ++i)
        rows.append(row(largest.at(i).pnl));
    if (largest.size() > listed)
        rows.append({ProgrammeReviewDocument::tr("… and %1 more").arg(largest.size() - listed),
                     {},
                     {},
                     {}});
    rows.append(row(data.total));
    return sectionHeading(ProgrammeReviewDocument::tr("P&L by partnership"), body) +
           table({ProgrammeReviewDocument::tr("Partnership"),
                  ProgrammeReviewDocument::tr("Net to date"),
                  ProgrammeReviewDocument::tr("Break-even"),
                  ProgrammeReviewDocument::tr("Last quarter")},
                 rows, body, 1);
}

QString healthColumn(const item::ProgrammeData &data, double body, int listed)
{
    QList<QStringList> rows;
    for (const Benchmark &benchmark : data.health.benchmarks)
        rows.append(
            {benchmark.name,
             benchmark.value ? QLocale().toString(*benchmark.value, 'f', 0) + u" %"_s : u"—"_s,
             benchmark.bandText(), statusWords(benchmark.status)});
    QString html = sectionHeading(ProgrammeReviewDocument::tr("Health benchmarks"), body);
    html += table({ProgrammeReviewDocument::tr("Benchmark"), ProgrammeReviewDocument::tr("Now"),
                   ProgrammeReviewDocument::tr("Healthy"), QString()},
                  rows, body);
    html += sectionHeading(ProgrammeReviewDocument::tr("Findings (%1)").arg(data.findings.size()),
                           body);
    QStringList findings;
    for (qsizetype i = 0; i < std::min<qsizetype>(listed, data.findings.size()); ++i)
        findings << u"• "_s + data.findings.at(i).message;
    if (data.findings.isEmpty())
        findings << ProgrammeReviewDocument::tr("None.");
    return html + lines(findings, std::max<qsizetype>(1, data.findings.size()), body);
}

} // namespace

ProgrammeReviewDocument::ProgrammeReviewDocument(const ProgrammeReview &review,
                                                 QPageSize::PageSizeId pageSize)
    : m_review(review)
    , m_pageSize(QPageSize(pageSize).size(QPageSize::Point).transposed(), QPageSize::Point,
                 QString(), QPageSize::ExactMatch)
    , m_heading(std::make_unique<PdfPage::SealedDocument>())
    , m_body(std::make_unique<PdfPage::SealedDocument>())
{
    const double width = pageSizePoints().width() - 2 * kSide;
    PdfPage::fill(
        *m_heading,
        u"<p style=\"font-size:%1; font-weight:700; color:%2; margin:0;\">%3</p>"
        u"<p style=\"color:%4; margin:0;\">%5</p>"_s.arg(
            pt(17), kAccent, escaped(tr("Programme review — %1").arg(review.title)), kMuted,
            escaped(tr("%1 · %2 · figures as of that day").arg(review.company, review.date))),
        10, width);
    // The largest text that fits, listing eight of each list, then fewer.
    for (int listed : {8, 5, 3}) {
        for (double body = kLargestBody; body >= kSmallestBody - 1e-9; body -= 0.5) {
            layOut(body, listed);
            if (m_fits)
                return;
        }
    }
    m_overflow = tr("The programme review does not fit on one page, even at %1 pt with three "
                    "entries per list: some names or findings are very long. playbook-cli "
                    "programme --json gives every number.")
                     .arg(kSmallestBody);
}

ProgrammeReviewDocument::~ProgrammeReviewDocument() = default;

QSizeF ProgrammeReviewDocument::pageSizePoints() const
{
    return m_pageSize.size(QPageSize::Point);
}

double ProgrammeReviewDocument::bodyTop() const
{
    return kTop + m_heading->size().height() + kGap + kChartHeight + kGap;
}

QString ProgrammeReviewDocument::bodyHtml(double body, int listed) const
{
    const item::ProgrammeData &data = m_review.data;
    return u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
           u"<td width=\"30%\" valign=\"top\">%1</td><td width=\"2%\"></td>"
           u"<td width=\"33%\" valign=\"top\">%2</td><td width=\"2%\"></td>"
           u"<td width=\"33%\" valign=\"top\">%3</td></tr></table>"_s.arg(
               funnelColumn(data, body, listed), pnlColumn(data, body, listed),
               healthColumn(data, body, listed));
}

void ProgrammeReviewDocument::layOut(double body, int listed)
{
    const QSizeF page = pageSizePoints();
    PdfPage::fill(*m_body, bodyHtml(body, listed), body, page.width() - 2 * kSide);
    m_fits = m_body->size().height() <= page.height() - kBottom - bodyTop();
}

void ProgrammeReviewDocument::paint(QPainter *painter) const
{
    const QSizeF page = pageSizePoints();
    const double width = page.width() - 2 * kSide;
    painter->save();
    painter->translate(kSide, kTop);
    m_heading->drawContents(painter);
    painter->restore();

    // The two charts side by side, each scaled into its half.
    const double chartWidth = (width - kGap) / 2;
    const double top = kTop + m_heading->size().height() + kGap;
    const QSizeF drawn = m_review.chartSize.isValid() ? m_review.chartSize : QSizeF(1, 1);
    int slot = 0;
    const double scale = std::min(chartWidth / drawn.width(), kChartHeight / drawn.height());
    for (const QImage *image : {&m_review.funnelChart, &m_review.pnlChart}) {
        const QRectF target(kSide + slot++ * (chartWidth + kGap), top, drawn.width() * scale,
                            drawn.height() * scale);
        painter->drawImage(target, *image);
    }

    painter->save();
    painter->translate(kSide, bodyTop());
    m_body->drawContents(painter, QRectF(0, 0, width, page.height() - kBottom - bodyTop()));
    painter->restore();
}

QImage ProgrammeReviewDocument::render(double dotsPerPoint) const
{
    return PdfPage::render(pageSizePoints(), dotsPerPoint, [this](QPainter *p) { paint(p); });
}

QByteArray ProgrammeReviewDocument::pdfBytes(const QString &author) const
{
    return PdfPage::onePagePdf(m_pageSize, tr("Programme review — %1").arg(m_review.title), author,
                               [this](QPainter *painter) { paint(painter); });
}

QString ProgrammeReviewDocument::writePdf(const QString &path, const QString &author) const
{
    if (!m_fits)
        return m_overflow;
    return SafeFile::write(path, pdfBytes(author));
}

QString ProgrammeReviewDocument::plainText() const
{
    return m_heading->toPlainText() + u'\n' + m_body->toPlainText();
}

} // namespace pb::io
