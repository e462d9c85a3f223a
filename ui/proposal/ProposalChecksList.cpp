#include "ProposalChecksList.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {
constexpr int kMaxLines = 6; // beyond that the list scrolls, leaving room for the form
}

ProposalChecksList::ProposalChecksList(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Checks on the terms"));
    m_list->setToolTip(tr("Click a check to go to the field it concerns"));
    m_list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (const QString key = item->data(Qt::UserRole).toString(); !key.isEmpty())
            emit fieldChosen(key);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Checks</b>"), this));
    layout->addWidget(m_list);
}

void ProposalChecksList::setFindings(const domain::Findings &findings, bool hasPartner)
{
    m_list->clear();
    for (const domain::Finding &finding : findings) {
        auto *item = new QListWidgetItem(markedText(finding), m_list);
        item->setToolTip(finding.code);
        item->setData(Qt::UserRole, finding.subject);
    }
    if (findings.isEmpty())
        new QListWidgetItem(hasPartner ? tr("✓ No traps found in the terms.") : QString(), m_list);
    fitHeight();
}

QStringList ProposalChecksList::codes() const
{
    QStringList codes;
    for (int i = 0; i < m_list->count(); ++i) {
        if (!m_list->item(i)->toolTip().isEmpty())
            codes.append(m_list->item(i)->toolTip());
    }
    return codes;
}

void ProposalChecksList::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHeight(); // another width wraps the checks anew
}

// As tall as the checks, wrapped at this width, up to kMaxLines lines.
void ProposalChecksList::fitHeight()
{
    const QFontMetrics metrics = m_list->fontMetrics();
    const int width = std::max(40, m_list->viewport()->width() - 8);
    int height = 0;
    for (int row = 0; row < m_list->count(); ++row)
        height += metrics
                      .boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap,
                                    m_list->item(row)->text())
                      .height() +
                  4;
    const int line = metrics.lineSpacing();
    height = std::clamp(height, line, kMaxLines * line);
    m_list->setFixedHeight(height + 2 * m_list->frameWidth() + 4);
}

QString ProposalChecksList::markedText(const domain::Finding &finding)
{
    const QString mark = finding.severity == domain::Finding::Severity::Error ? u"⛔ "_s : u"⚠ "_s;
    return mark + finding.message;
}

} // namespace pb::ui
