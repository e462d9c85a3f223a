#include "ProposalBar.h"

#include "PartnerPicker.h"
#include "io/ProposalDocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProposalBar::ProposalBar(store::Workbook *workbook, QWidget *parent)
    : QWidget(parent)
    , m_partner(new PartnerPicker(workbook, PartnerPicker::Order::PartnershipsFirst, this))
    , m_pageSize(new QComboBox(this))
    , m_print(new QPushButton(tr("Print…"), this))
    , m_export(new QPushButton(tr("Export PDF…"), this))
{
    m_partner->setToolTip(tr("The partnership whose proposal you are writing; type to search"));
    connect(m_partner, &PartnerPicker::partnerChosen, this,
            [this](qint64 id, const QString &) { emit partnerChosen(id); });
    m_pageSize->addItem(u"A4"_s, int(QPageSize::A4));
    m_pageSize->addItem(tr("Letter"), int(QPageSize::Letter));
    m_pageSize->setCurrentIndex(
        io::ProposalDocument::defaultPageSize(QLocale()) == QPageSize::Letter ? 1 : 0);
    m_pageSize->setToolTip(tr("Paper size of the page and the PDF"));
    connect(m_pageSize, &QComboBox::currentIndexChanged, this, &ProposalBar::pageSizeChanged);
    m_print->setToolTip(tr("Print the page"));
    connect(m_print, &QPushButton::clicked, this, &ProposalBar::printRequested);
    m_export->setToolTip(tr("Save the page as a one-page PDF"));
    m_export->setShortcut(QKeySequence(u"Ctrl+E"_s));
    connect(m_export, &QPushButton::clicked, this, &ProposalBar::exportRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Partner:"), this));
    layout->addWidget(m_partner);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Paper:"), this));
    layout->addWidget(m_pageSize);
    layout->addStretch(1);
    layout->addWidget(m_print);
    layout->addWidget(m_export);
}

QPageSize::PageSizeId ProposalBar::pageSize() const
{
    return QPageSize::PageSizeId(m_pageSize->currentData().toInt());
}

void ProposalBar::setPageSize(QPageSize::PageSizeId size)
{
    m_pageSize->setCurrentIndex(size == QPageSize::Letter ? 1 : 0);
}

void ProposalBar::showDocument(const io::ProposalDocument *document)
{
    const bool fits = document && document->fits();
    m_print->setEnabled(document);
    m_export->setEnabled(fits);
    m_export->setToolTip(!document || fits ? tr("Save the page as a one-page PDF")
                                           : document->overflowMessage());
}

} // namespace pb::ui
