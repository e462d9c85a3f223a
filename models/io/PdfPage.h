#pragma once

#include <QImage>
#include <QPageSize>
#include <QString>
#include <QTextDocument>

#include <functional>

class QPainter;

namespace pb::io {

// What the one-page documents share (the proposal, the programme review): text laid out in
// points, the same for the preview and the PDF whatever the screen, and a PDF of one page with
// embedded fonts and title/author/creator metadata.
namespace PdfPage {

// A text document laid out in points (one layout unit is one point) that never loads
// anything by itself: a picture is added as a resource, and a name from anywhere else (a file,
// a URL) gives nothing. User text is escaped before it goes in.
class SealedDocument : public QTextDocument
{
public:
    SealedDocument();

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Lays html out at body points over width points, without ligatures (so that "file" is copied
// out of the PDF as "file"), with image as the resource imageUrl when given.
void fill(QTextDocument &document, const QString &html, double body, double width,
          const QImage &image = {}, const QUrl &imageUrl = {});

// Plain text in, HTML out: markup shows literally, line breaks stay.
QString escaped(const QString &text);
QString pt(double size);
// Qt's rich text takes lengths in pixels; the layout device has 72 to the inch, so a pixel
// is a point.
QString px(double size);

// A PDF of one page of pageSize whose content paint() draws in points from the page's top
// left; title, author and creator go into its metadata (the author in XMP, which Qt's Info
// dictionary lacks).
QByteArray onePagePdf(const QPageSize &pageSize, const QString &title, const QString &author,
                      const std::function<void(QPainter *)> &paint);
// The page as an image, dotsPerPoint pixels per point (1 is 72 dpi), on white.
QImage render(const QSizeF &pagePoints, double dotsPerPoint,
              const std::function<void(QPainter *)> &paint);

} // namespace PdfPage
} // namespace pb::io
