#include "ProposalChecksList.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProposalChecksList::ProposalChecksList(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
{
    m_list->setWordWrap(true);
    m_list->setMaximumHeight(110);
    m_list->setAccessibleName(tr("Checks on the terms"));
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

QString ProposalChecksList::markedText(const domain::Finding &finding)
{
    const QString mark = finding.severity == domain::Finding::Severity::Error ? u"⛔ "_s : u"⚠ "_s;
    return mark + finding.message;
}

} // namespace pb::ui
