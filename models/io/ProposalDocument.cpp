#include "ProposalDocument.h"

#include "PdfPage.h"
#include "SafeFile.h"

#include <QPainter>
#include <QTextDocument>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::io {

namespace {

// Page margins in points (about 15 mm at the sides, 14 mm top and bottom).
constexpr double kSide = 42;
constexpr double kTop = 40;
constexpr double kBottom = 36;
constexpr double kFooterGap = 8;
const QString kInk = u"#222222"_s;
const QString kAccent = u"#1f3b57"_s;
const QString kMuted = u"#666666"_s;
const QUrl kLogoUrl(u"pb-logo:logo"_s);

using PdfPage::escaped;
using PdfPage::pt;
using PdfPage::px;
using PdfPage::SealedDocument;

QString heading(int number, const QString &title, double body)
{
    return u"<p style=\"font-size:%1; font-weight:700; color:%2; margin-top:%3; "
           u"margin-bottom:%4;\">%5&nbsp;&nbsp;%6</p>"_s
               .arg(pt(body * 1.15), kAccent, px(body * 1.1), px(body * 0.35))
               .arg(number)
               .arg(title.toHtmlEscaped());
}

QString table(const QList<ProposalContent::Row> &rows, const QStringList &header, double body,
              bool threeColumns)
{
    QString html = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\" "
                   u"style=\"border-collapse:collapse;\">"_s.arg(qRound(body * 0.22));
    if (!header.isEmpty()) {
        html += u"<tr style=\"background-color:#e8edf2;\">"_s;
        for (const QString &cell : header)
            html +=
                u"<td style=\"font-weight:600; color:%1;\">%2</td>"_s.arg(kAccent, escaped(cell));
        html += u"</tr>"_s;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ProposalContent::Row &row = rows.at(i);
        html += i % 2 ? u"<tr style=\"background-color:#f6f8fa;\">"_s : u"<tr>"_s;
        html +=
            u"<td width=\"%1%\" style=\"font-weight:600;\">%2</td>"_s.arg(threeColumns ? 34 : 30)
                .arg(escaped(row.label));
        html += u"<td>%1</td>"_s.arg(escaped(row.ours));
        if (threeColumns)
            html += u"<td>%1</td>"_s.arg(escaped(row.theirs));
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString paragraph(const QString &html, double body, const QString &colour = kInk)
{
    return u"<p style=\"margin-top:%1; margin-bottom:0; color:%2;\">%3</p>"_s.arg(px(body * 0.45),
                                                                                  colour, html);
}

QString placeholder(const QString &text, double body)
{
    return paragraph(u"<i>%1</i>"_s.arg(text.toHtmlEscaped()), body, kMuted);
}

// The heading block: logo, who proposes and when, the partner's name and the title.
QString headingBlock(const ProposalContent &c, double body, bool hasLogo)
{
    QString html = u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"_s;
    html += hasLogo ? u"<td valign=\"middle\"><img src=\"%1\" height=\"%2\"></td>"_s.arg(
                          kLogoUrl.toString(), QString::number(qRound(body * 3.4)))
                    : u"<td></td>"_s;
    html += u"<td align=\"right\" valign=\"middle\" style=\"color:%1; font-size:%2;\">"
            u"%3<br>%4</td></tr></table>"_s.arg(
                kMuted, pt(body * 0.9),
                ProposalDocument::tr("Proposal from %1").toHtmlEscaped().arg(escaped(c.company)),
                escaped(c.date));
    html += u"<p style=\"font-size:%1; font-weight:700; color:%2; margin-top:%3; "
            u"margin-bottom:0;\">%4</p>"_s.arg(pt(body * 2.1), kAccent, px(body * 0.6),
                                               escaped(c.partner));
    html += u"<p style=\"font-size:%1; color:%2; margin-top:0; margin-bottom:0;\">%3</p>"_s.arg(
        pt(body * 1.35), kAccent, escaped(c.title));
    return html;
}

QString labelled(const QString &label, const QString &text, double body)
{
    return paragraph(u"<b>%1</b> %2"_s.arg(label.toHtmlEscaped(), escaped(text)), body);
}

QString hypothesisSection(const ProposalContent &c, double body)
{
    QString html = heading(1, ProposalDocument::tr("Hypothesis and structure"), body);
    html += labelled(ProposalDocument::tr("Structure:"), c.structure, body);
    html += labelled(ProposalDocument::tr("Why this partner:"), c.score, body);
    html += c.hypothesis.isEmpty()
                ? placeholder(ProposalDocument::tr("The partnership hypothesis is not written "
                                                   "yet: what we do together, who benefits."),
                              body)
                : paragraph(escaped(c.hypothesis), body);
    return html;
}

QString motionSection(const ProposalContent &c, double body)
{
    const QString html = heading(2, ProposalDocument::tr("Joint motion"), body);
    if (c.motion.isEmpty())
        return html + placeholder(ProposalDocument::tr("No RACI grid yet: agree who does what "
                                                       "in the RACI area."),
                                  body);
    return html + table(c.motion,
                        {ProposalDocument::tr("Activity"),
                         ProposalDocument::tr("Led by %1").arg(c.company),
                         ProposalDocument::tr("Led by %1").arg(c.partner)},
                        body, true);
}

QString metricsSection(const ProposalContent &c, double body)
{
    QString html = heading(3, ProposalDocument::tr("Success metrics and pilot"), body);
    html += c.metrics.isEmpty() ? placeholder(ProposalDocument::tr("No success metrics yet: "
                                                                   "agree three to five KPIs in "
                                                                   "the KPIs area."),
                                              body)
                                : table(c.metrics, {}, body, false);
    html += paragraph(escaped(c.cadence), body);
    html += labelled(ProposalDocument::tr("Pilot:"), c.pilot, body);
    return html;
}

QString termsSection(const ProposalContent &c, double body)
{
    QString html = heading(4, ProposalDocument::tr("Commercial terms"), body);
    html += c.terms.isEmpty() ? placeholder(ProposalDocument::tr("No terms agreed yet."), body)
                              : table(c.terms, {}, body, false);
    if (!c.essentials.isEmpty())
        html += labelled(ProposalDocument::tr("Contract:"), c.essentials, body);
    if (!c.notes.isEmpty())
        html += labelled(ProposalDocument::tr("Notes:"), c.notes, body);
    return html;
}

// The page's parts: 0 the heading block, 1–4 the four sections.
QString part(const ProposalContent &c, int index, double body, bool hasLogo)
{
    switch (index) {
    case 0:
        return headingBlock(c, body, hasLogo);
    case 1:
        return hypothesisSection(c, body);
    case 2:
        return motionSection(c, body);
    case 3:
        return metricsSection(c, body);
    case 4:
        return termsSection(c, body);
    default:
        return {};
    }
}

QString sectionName(int index)
{
    switch (index) {
    case 0:
        return ProposalDocument::tr("Title");
    case 1:
        return ProposalDocument::tr("Hypothesis and structure");
    case 2:
        return ProposalDocument::tr("Joint motion");
    case 3:
        return ProposalDocument::tr("Success metrics and pilot");
    case 4:
        return ProposalDocument::tr("Commercial terms");
    default:
        return {};
    }
}

void fillWithLogo(QTextDocument &document, const QString &html, double body, double width,
                  const QImage &logo)
{
    PdfPage::fill(document, html, body, width, logo, kLogoUrl);
}

} // namespace

ProposalDocument::ProposalDocument(const ProposalContent &content, QPageSize::PageSizeId pageSize,
                                   const QByteArray &logo)
    : m_content(content)
    , m_pageSize(pageSize)
    , m_body(std::make_unique<SealedDocument>())
    , m_footer(std::make_unique<SealedDocument>())
{
    if (!logo.isEmpty())
        m_logo = QImage::fromData(logo);
    // The largest body size that fits, in half points.
    for (double size = kLargestBody; size >= kSmallestBody - 1e-9; size -= 0.5) {
        layOut(size);
        if (m_fits)
            return;
    }
    describeOverflow();
}

// Still too long at the smallest size: says by how much, and which section is longest.
void ProposalDocument::describeOverflow()
{
    const double width = pageSizePoints().width() - 2 * kSide;
    const double overflow = m_body->size().height() - bodyHeight();
    int longest = 1;
    double longestHeight = 0;
    for (int index = 1; index <= 4; ++index) {
        SealedDocument section;
        fillWithLogo(section, part(m_content, index, kSmallestBody, !m_logo.isNull()),
                     kSmallestBody, width, m_logo);
        if (section.size().height() > longestHeight) {
            longestHeight = section.size().height();
            longest = index;
        }
    }
    const double line = kSmallestBody * 1.25;
    const int lines = std::max(1, int(std::ceil(overflow / line)));
    m_longest = sectionName(longest);
    const QString howMuch = lines == 1 ? tr("about 1 line") : tr("about %1 lines").arg(lines);
    m_overflow = tr("The proposal does not fit on one page even at %1 pt: it is %2 too long. "
                    "The longest section is \u201c%3\u201d (about %4 lines); shorten it.")
                     .arg(kSmallestBody)
                     .arg(howMuch, m_longest)
                     .arg(qRound(longestHeight / line));
}

// The height left for the body: the page less its margins and the footer.
double ProposalDocument::bodyHeight() const
{
    return pageSizePoints().height() - kTop - kBottom - kFooterGap - m_footer->size().height();
}

ProposalDocument::~ProposalDocument() = default;

QPageSize::PageSizeId ProposalDocument::defaultPageSize(const QLocale &locale)
{
    // The countries that use US Letter.
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::CostaRica:
    case QLocale::Guatemala:
    case QLocale::Panama:
    case QLocale::Philippines:
    case QLocale::PuertoRico:
    case QLocale::Venezuela:
    case QLocale::DominicanRepublic:
    case QLocale::ElSalvador:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

QSizeF ProposalDocument::pageSizePoints() const
{
    return m_pageSize.size(QPageSize::Point);
}

void ProposalDocument::layOut(double bodySize)
{
    m_bodySize = bodySize;
    const QSizeF page = pageSizePoints();
    const double width = page.width() - 2 * kSide;
    QString html;
    for (int index = 0; index <= 4; ++index)
        html += part(m_content, index, bodySize, !m_logo.isNull());
    fillWithLogo(*m_body, html, bodySize, width, m_logo);

    // The footer: date and contacts, small and grey, at the bottom of the page.
    QStringList contacts;
    if (!m_content.ourContacts.isEmpty())
        contacts << u"<b>%1</b>: %2"_s.arg(escaped(m_content.company),
                                           escaped(m_content.ourContacts));
    if (!m_content.partnerContacts.isEmpty())
        contacts << u"<b>%1</b>: %2"_s.arg(escaped(m_content.partner),
                                           escaped(m_content.partnerContacts));
    const QString footer = u"<p style=\"color:%1;\">%2%3</p>"_s.arg(
        kMuted,
        tr("%1 · %2 · for discussion; the contract holds the details")
            .toHtmlEscaped()
            .arg(escaped(m_content.date), escaped(m_content.company)),
        contacts.isEmpty() ? QString() : u"<br>"_s + contacts.join(u" &nbsp;·&nbsp; "_s));
    fillWithLogo(*m_footer, footer, 7.5, width, {});

    m_fits = m_body->size().height() <= bodyHeight();
}

void ProposalDocument::paint(QPainter *painter) const
{
    const QSizeF page = pageSizePoints();
    const double width = page.width() - 2 * kSide;
    const double footerHeight = m_footer->size().height();
    painter->save();
    painter->translate(kSide, kTop);
    // Clipped to its area: whatever does not fit is never drawn over the footer.
    m_body->drawContents(painter, QRectF(0, 0, width, bodyHeight()));
    painter->restore();

    painter->save();
    const double footerTop = page.height() - kBottom - footerHeight;
    painter->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0.5));
    painter->drawLine(QPointF(kSide, footerTop - kFooterGap / 2),
                      QPointF(page.width() - kSide, footerTop - kFooterGap / 2));
    painter->translate(kSide, footerTop);
    m_footer->drawContents(painter, QRectF(0, 0, width, footerHeight));
    painter->restore();
}

QImage ProposalDocument::render(double dotsPerPoint) const
{
    const QSizeF page = pageSizePoints();
    QImage image = PdfPage::render(page, dotsPerPoint, [this](QPainter *p) { paint(p); });
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(dotsPerPoint, dotsPerPoint);
    if (!m_fits) {
        // Mark the overflow: a red band across the bottom with what is wrong.
        const QRectF band(0, page.height() - kBottom - m_footer->size().height() - kFooterGap,
                          page.width(), kBottom + m_footer->size().height() + kFooterGap);
        painter.fillRect(band, QColor(178, 24, 43, 215));
        QFont font = painter.font();
        font.setPointSizeF(9);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(band.adjusted(kSide, 4, -kSide, -4), Qt::AlignCenter | Qt::TextWordWrap,
                         m_overflow);
    }
    return image;
}

QByteArray ProposalDocument::pdfBytes(const QString &author) const
{
    return PdfPage::onePagePdf(m_pageSize, u"%1 — %2"_s.arg(m_content.partner, m_content.title),
                               author, [this](QPainter *painter) { paint(painter); });
}

QString ProposalDocument::writePdf(const QString &path, const QString &author) const
{
    if (!m_fits)
        return m_overflow;
    return SafeFile::write(path, pdfBytes(author));
}

QString ProposalDocument::plainText() const
{
    return m_body->toPlainText() + u'\n' + m_footer->toPlainText();
}

} // namespace pb::io
