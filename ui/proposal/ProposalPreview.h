#pragma once

#include <QWidget>

class QLabel;
class QScrollArea;

namespace pb::io {
class ProposalDocument;
}

namespace pb::ui {

// The Proposal page's right side: the page itself, rendered from the same layout as the
// PDF and scaled to the available width, under a line that says whether it fits on one
// page (and, in red, which section to shorten when it does not; the overflow is also
// marked across the bottom of the rendered page).
class ProposalPreview : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalPreview(QWidget *parent = nullptr);

    // The document to show (owned by the page; null: none chosen). Renders it now.
    void setDocument(const io::ProposalDocument *document);
    QLabel *image() const { return m_image; }
    QLabel *fitLabel() const { return m_fit; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();

    QScrollArea *m_area;
    QLabel *m_image;
    QLabel *m_fit;
    const io::ProposalDocument *m_document = nullptr;
};

} // namespace pb::ui
