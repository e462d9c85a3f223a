#pragma once

#include "PdfPage.h"
#include "item/ProgrammeData.h"

#include <QCoreApplication>
#include <QImage>
#include <QPageSize>

#include <memory>

class QPainter;

namespace pb::io {

// What the programme review page shows: the workbook's title, who and when, the two charts of
// the Programme area (drawn into images by the charts library, which this core library
// cannot link) and the programme's numbers.
struct ProgrammeReview
{
    QString title;
    QString company;
    QString date;
    QImage funnelChart;
    QImage pnlChart;
    QSizeF chartSize; // the size the pictures were drawn at
    item::ProgrammeData data;
};

// The Programme area on one landscape page (*Export Programme Review…*): the funnel and the
// programme's P&L side by side, then the funnel's counts against the practice and the stalled
// candidates, each partnership's P&L, the health benchmarks against their bands and the
// findings. Long lists show their first entries and say how many more there are; the text
// shrinks from 9 pt to 7 pt to fit, and a page that still does not fit is refused, never
// continued on a second page. Embedded fonts, as the proposal (PdfPage). Needs a
// QGuiApplication (fonts).
class ProgrammeReviewDocument
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeReviewDocument)
public:
    ProgrammeReviewDocument(const ProgrammeReview &review, QPageSize::PageSizeId pageSize);
    ~ProgrammeReviewDocument();
    ProgrammeReviewDocument(const ProgrammeReviewDocument &) = delete;
    ProgrammeReviewDocument &operator=(const ProgrammeReviewDocument &) = delete;

    bool fits() const { return m_fits; }
    QString overflowMessage() const { return m_overflow; }
    QSizeF pageSizePoints() const;
    void paint(QPainter *painter) const;
    QImage render(double dotsPerPoint) const;
    // Refuses (returns the overflow message, writes nothing) when the page does not fit.
    QString writePdf(const QString &path, const QString &author) const;
    QByteArray pdfBytes(const QString &author) const;
    QString plainText() const;

private:
    void layOut(double body, int listed);
    QString bodyHtml(double body, int listed) const;
    double bodyTop() const;

    ProgrammeReview m_review;
    QPageSize m_pageSize;
    std::unique_ptr<PdfPage::SealedDocument> m_heading;
    std::unique_ptr<PdfPage::SealedDocument> m_body;
    bool m_fits = false;
    QString m_overflow;
};

} // namespace pb::io
