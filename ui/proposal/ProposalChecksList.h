#pragma once

#include "domain/Finding.h"

#include <QWidget>

class QListWidget;

namespace pb::ui {

// The Proposal page's "Checks": every trap found in the terms, each marked by severity,
// or a tick when there is none. The page fills it after each reload.
class ProposalChecksList : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalChecksList(QWidget *parent = nullptr);

    // hasPartner false: an empty list (no tick either).
    void setFindings(const domain::Findings &findings, bool hasPartner);
    // The codes listed, in order.
    QStringList codes() const;

    // A finding's message with its severity mark, as the list and the form show it.
    static QString markedText(const domain::Finding &finding);

private:
    QListWidget *m_list;
};

} // namespace pb::ui
