#include "RaciStartPanel.h"

#include "store/Workbook.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pb::ui {

namespace {
// A row of widgets at their natural width, from the left.
QHBoxLayout *leftAligned(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QHBoxLayout;
    for (QWidget *widget : widgets)
        row->addWidget(widget);
    row->addStretch(1);
    return row;
}
} // namespace

RaciStartPanel::RaciStartPanel(store::Workbook *workbook, QWidget *parent)
    : QWidget(parent)
    , m_workbook(workbook)
    , m_title(new QLabel(this))
    , m_copySource(new QComboBox(this))
{
    auto *defaultsButton = new QPushButton(tr("Start with the &Default Activities"), this);
    auto *copyButton = new QPushButton(tr("&Copy"), this);
    m_title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_title);
    layout->addLayout(leftAligned({defaultsButton}));
    layout->addLayout(
        leftAligned({new QLabel(tr("or copy the grid of"), this), m_copySource, copyButton}));
    layout->addStretch(1);

    defaultsButton->setEnabled(!workbook->isReadOnly());
    copyButton->setEnabled(!workbook->isReadOnly());
    connect(defaultsButton, &QPushButton::clicked, this, &RaciStartPanel::defaultsRequested);
    connect(copyButton, &QPushButton::clicked, this, [this] {
        if (m_copySource->currentIndex() >= 0)
            emit copyRequested(m_copySource->currentData().toLongLong());
    });
}

void RaciStartPanel::setPartner(qint64 candidateId, const QString &name)
{
    m_title->setText(candidateId
                         ? tr("<h3>No RACI grid for %1 yet</h3><p>Agree who is Responsible, "
                              "Accountable, Consulted and Informed for each activity, on both "
                              "sides, so neither assumes the other will drive.</p>")
                               .arg(name.toHtmlEscaped())
                         : tr("<h3>No candidates yet</h3><p>Add candidates first.</p>"));
}

void RaciStartPanel::invalidateCopySources()
{
    m_copySourcesDirty = true;
    if (isVisible())
        populateCopySources();
}

void RaciStartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Filled when first seen, not at every open of a workbook.
    if (m_copySourcesDirty)
        populateCopySources();
}

// The grids a new one can be copied from.
void RaciStartPanel::populateCopySources()
{
    m_copySourcesDirty = false;
    const QSignalBlocker block(m_copySource);
    m_copySource->clear();
    for (qint64 id : m_workbook->candidatesWithRaciGrid()) {
        if (const auto candidate = m_workbook->candidate(id))
            m_copySource->addItem(candidate->name, id);
    }
}

} // namespace pb::ui
