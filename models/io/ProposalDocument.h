#pragma once

#include "domain/ProposalBuilder.h"

#include <QCoreApplication>
#include <QImage>
#include <QPageSize>

#include <memory>

class QPainter;
class QTextDocument;

namespace pb::io {

// The one-page proposal laid out on A4 or Letter: the same layout is painted into the
// preview and into the PDF, so the preview is exactly what the PDF will be.
//
// One page, always: the body is laid out at 11 pt and shrunk in half-point steps down to
// 9 pt until it fits; when it does not fit even then, the document says which section is
// longest and by about how much the page overflows, the preview marks the overflow, and
// writePdf refuses. User text is text: it is escaped, and the document loads no resource
// but the workbook's own logo (never a file or a URL named in the text).
//
// Needs a QGuiApplication (fonts).
class ProposalDocument
{
    Q_DECLARE_TR_FUNCTIONS(ProposalDocument)
public:
    static constexpr double kLargestBody = 11;
    static constexpr double kSmallestBody = 9;

    ProposalDocument(const domain::ProposalContent &content, QPageSize::PageSizeId pageSize,
                     const QByteArray &logo = {});
    ~ProposalDocument();
    ProposalDocument(const ProposalDocument &) = delete;
    ProposalDocument &operator=(const ProposalDocument &) = delete;

    // A4, or Letter where the locale's country uses it.
    static QPageSize::PageSizeId defaultPageSize(const QLocale &locale);

    bool fits() const { return m_fits; }
    double bodyPointSize() const { return m_bodySize; }
    // When it does not fit: "The proposal is about 6 lines too long … shorten
    // “Commercial terms”", naming the longest section.
    QString overflowMessage() const { return m_overflow; }
    QString longestSection() const { return m_longest; }
    QSizeF pageSizePoints() const;

    // Paints the page; the painter's unit is one point, the origin the page's top left.
    void paint(QPainter *painter) const;
    // The page as an image, dotsPerPoint pixels per point (1 is 72 dpi), on white; when
    // it does not fit, the overflow is marked across the bottom of the page.
    QImage render(double dotsPerPoint) const;
    // Writes the PDF through SafeFile. Refuses (returns the overflow message, writes no
    // file) when the page does not fit. title and author go into the PDF's metadata.
    QString writePdf(const QString &path, const QString &author) const;
    QByteArray pdfBytes(const QString &author) const;
    // The page's text, for tests and accessibility.
    QString plainText() const;

private:
    void layOut(double bodySize);
    void describeOverflow();
    double bodyHeight() const;

    domain::ProposalContent m_content;
    QPageSize m_pageSize;
    QImage m_logo;
    std::unique_ptr<QTextDocument> m_body;
    std::unique_ptr<QTextDocument> m_footer;
    bool m_fits = false;
    double m_bodySize = kLargestBody;
    QString m_overflow;
    QString m_longest;
};

} // namespace pb::io
