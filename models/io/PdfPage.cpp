#include "PdfPage.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>

using namespace Qt::StringLiterals;

namespace pb::io::PdfPage {

namespace {

// Text is laid out on a 72-dpi device with design metrics: one layout unit is one point,
// the same for the preview and the PDF whatever the screen.
QPaintDevice *layoutDevice()
{
    static QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(qRound(72 / 0.0254));
        image.setDotsPerMeterY(qRound(72 / 0.0254));
        return image;
    }();
    return &device;
}

QString xml(const QString &text)
{
    return text.toHtmlEscaped();
}

QByteArray xmpMetadata(const QString &title, const QString &author, const QString &creator)
{
    return (u"<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
            u"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
            u"xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            u"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
            u"xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
            u"xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
            u"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>"
            u"<dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>"
            u"<xmp:CreatorTool>%3</xmp:CreatorTool><pdf:Producer>%3</pdf:Producer>"
            u"</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"_s)
        .arg(xml(title), xml(author), xml(creator))
        .toUtf8();
}

} // namespace

SealedDocument::SealedDocument()
{
    setUseDesignMetrics(true);
    documentLayout()->setPaintDevice(layoutDevice());
    setDocumentMargin(0);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString pt(double size)
{
    return QString::number(size, 'f', 2) + u"pt"_s;
}

QString px(double size)
{
    return QString::number(qRound(size)) + u"px"_s;
}

void fill(QTextDocument &document, const QString &html, double body, double width,
          const QImage &image, const QUrl &imageUrl)
{
    QFont font = document.defaultFont();
    font.setPointSizeF(body);
    document.setDefaultFont(font);
    if (!image.isNull())
        document.addResource(QTextDocument::ImageResource, imageUrl, image);
    document.setHtml(u"<html><body style=\"font-size:%1; color:#222222;\">%2</body></html>"_s.arg(
        pt(body), html));
    // No ligatures: with them "file" is copied out of the PDF, and found by search, as
    // "ﬁle". PreferNoShaping drops the cosmetic shaping of Latin text (ligatures) and keeps
    // what other scripts need.
    QTextCursor all(&document);
    all.select(QTextCursor::Document);
    QTextCharFormat plain;
    plain.setFontStyleStrategy(QFont::PreferNoShaping);
    all.mergeCharFormat(plain);
    document.setTextWidth(width);
}

QByteArray onePagePdf(const QPageSize &pageSize, const QString &title, const QString &author,
                      const std::function<void(QPainter *)> &paint)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        const QString creator =
            u"Playbook Workbench %1"_s.arg(QCoreApplication::applicationVersion());
        writer.setTitle(title);
        writer.setCreator(creator);
        writer.setDocumentXmpMetadata(xmpMetadata(title, author, creator));
        writer.setPageSize(pageSize);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(1200);
        QPainter painter(&writer);
        painter.scale(writer.resolution() / 72.0, writer.resolution() / 72.0);
        paint(&painter);
    }
    return bytes;
}

QImage render(const QSizeF &pagePoints, double dotsPerPoint,
              const std::function<void(QPainter *)> &paint)
{
    QImage image(QSize(qRound(pagePoints.width() * dotsPerPoint),
                       qRound(pagePoints.height() * dotsPerPoint)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(qRound(72 * dotsPerPoint / 0.0254));
    image.setDotsPerMeterY(qRound(72 * dotsPerPoint / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(dotsPerPoint, dotsPerPoint);
    paint(&painter);
    return image;
}

} // namespace pb::io::PdfPage
