#include "ProposalPreview.h"

#include "io/ProposalDocument.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProposalPreview::ProposalPreview(QWidget *parent)
    : QWidget(parent)
    , m_area(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_fit(new QLabel(this))
{
    m_image->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_image->setAccessibleName(tr("Proposal preview"));
    m_image->setBackgroundRole(QPalette::Dark);
    m_area->setWidget(m_image);
    m_area->setWidgetResizable(true);
    m_area->setBackgroundRole(QPalette::Dark);
    m_area->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_fit->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fit);
    layout->addWidget(m_area, 1);
}

void ProposalPreview::setDocument(const io::ProposalDocument *document)
{
    m_document = document;
    render();
}

void ProposalPreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_document)
        render();
}

void ProposalPreview::render()
{
    if (!m_document) {
        m_image->setPixmap({});
        m_image->setText(tr("Choose a partner above to write its proposal."));
        m_fit->clear();
        return;
    }
    const QSizeF page = m_document->pageSizePoints();
    const int available = std::max(200, m_area->viewport()->width() - 24);
    const double scale = std::min(available / page.width(), 1.6);
    const qreal ratio = devicePixelRatioF();
    QImage image = m_document->render(scale * ratio);
    image.setDevicePixelRatio(ratio);
    m_image->setPixmap(QPixmap::fromImage(image));
    if (m_document->fits()) {
        m_fit->setStyleSheet(QString());
        m_fit->setText(tr("One page, %1 pt text. This preview is the PDF.")
                           .arg(QLocale().toString(m_document->bodyPointSize())));
    } else {
        m_fit->setStyleSheet(u"color: #b2182b; font-weight: bold;"_s);
        m_fit->setText(m_document->overflowMessage());
    }
}

} // namespace pb::ui
