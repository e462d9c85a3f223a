#pragma once

#include "domain/Finding.h"

#include <QWidget>

class QListWidget;

namespace pb::ui {

// The Proposal page's "Checks": every trap found in the terms, each marked by severity,
// or a tick when there is none. It stays in view above the scrolling form, as tall as its
// checks (up to a few lines), and clicking a check asks for the field it concerns. The page
// fills it after each reload.
class ProposalChecksList : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalChecksList(QWidget *parent = nullptr);

    // hasPartner false: an empty list (no tick either).
    void setFindings(const domain::Findings &findings, bool hasPartner);
    // The codes listed, in order.
    QStringList codes() const;
    QListWidget *list() const { return m_list; }

    // A finding's message with its severity mark, as the list and the form show it.
    static QString markedText(const domain::Finding &finding);

signals:
    // A check about a field (its key in the field table) was clicked.
    void fieldChosen(const QString &key);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();

    QListWidget *m_list;
};

} // namespace pb::ui
