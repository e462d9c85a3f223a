#include "ProposalBar.h"

#include "PartnerPicker.h"
#include "io/ProposalDocument.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProposalBar::ProposalBar(store::Workbook *workbook, QWidget *parent)
    : QWidget(parent)
    , m_partner(new PartnerPicker(workbook, PartnerPicker::Order::PartnershipsFirst, this))
    , m_pageSize(new QComboBox(this))
    , m_print(new QAction(tr("&Print Proposal…"), this))
    , m_export(new QAction(tr("&Export Proposal PDF…"), this))
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
    m_print->setIconText(tr("Print…"));
    m_print->setShortcut(QKeySequence::Print);
    m_print->setToolTip(tr("Print the page (%1)").arg(printKey()));
    connect(m_print, &QAction::triggered, this, &ProposalBar::printRequested);
    m_export->setIconText(tr("Export PDF…"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(exportTip());
    connect(m_export, &QAction::triggered, this, &ProposalBar::exportRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Partner:"), this));
    layout->addWidget(m_partner);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Paper:"), this));
    layout->addWidget(m_pageSize);
    layout->addStretch(1);
    for (QAction *action : {m_print, m_export}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        layout->addWidget(button);
    }
}

QString ProposalBar::printKey()
{
    return QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText);
}

QString ProposalBar::exportTip()
{
    return tr("Save the page as a one-page PDF (%1)")
        .arg(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText));
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
    m_export->setToolTip(!document || fits ? exportTip() : document->overflowMessage());
}

} // namespace pb::ui
