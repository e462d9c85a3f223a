#include "RaciSidePanel.h"

#include "RaciProblemsList.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

RaciSidePanel::RaciSidePanel(QWidget *parent)
    : QWidget(parent)
    , m_problems(new RaciProblemsList(this))
    , m_balance(new QLabel(this))
    , m_parties(new QLabel(this))
{
    m_balance->setWordWrap(true);
    m_parties->setWordWrap(true);
    m_parties->setTextFormat(Qt::RichText);
    m_parties->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_parties->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_parties->setAccessibleName(tr("Who does what"));
    m_parties->setContentsMargins(4, 4, 4, 4);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_parties);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setBackgroundRole(QPalette::Base);

    // One layout for both halves, so the list and the text share the height 1 : 2.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Problems</b>"), this));
    layout->addWidget(m_problems, 1);
    layout->addWidget(new QLabel(tr("<b>Who does what</b>"), this));
    layout->addWidget(m_balance);
    layout->addWidget(scroll, 2);
    setMinimumWidth(260);
}

void RaciSidePanel::setGrid(const RaciGrid &grid, const QList<RaciProblem> &problems, bool hasGrid)
{
    m_problems->setProblems(problems, hasGrid);
    const QList<RaciWorkload> workload = RaciRules::workload(grid);
    QStringList parties;
    for (int p = 0; p < grid.parties.size(); ++p)
        parties.append(partyText(grid, p, workload.value(p)));
    m_parties->setText(parties.join(QString()));
    const auto share = RaciRules::responsibleShare(grid);
    // Rounded so that the two halves add up to 100.
    const int ours = qRound(share[0]);
    m_balance->setText(share[0] + share[1] <= 0
                           ? tr("Nobody is Responsible for anything yet.")
                           : tr("Responsible work: %1 % our side, %2 % the partner's side.")
                                 .arg(ours)
                                 .arg(100 - ours));
}

// One party: its name, side and load, then what it owns, is consulted on and informed of.
QString RaciSidePanel::partyText(const RaciGrid &grid, int p, const RaciWorkload &load)
{
    QStringList owns, consulted, informed;
    for (int a = 0; a < grid.activities.size(); ++a) {
        const RaciRole role = grid.cell(a, p);
        const QString activity = grid.activities[a].name;
        if (isResponsible(role) || isAccountable(role))
            owns.append(u"%1 (%2)"_s.arg(activity, raciRoleText(role)));
        else if (role == RaciRole::Consulted)
            consulted.append(activity);
        else if (role == RaciRole::Informed)
            informed.append(activity);
    }
    const QString side =
        grid.parties[p].side == RaciSide::Partner ? tr("partner's side") : tr("our side");
    QString html = u"<p style='margin: 0 0 6px 0'><b>%1</b> <span style='color: gray'>(%2)</span>"
                   u"<br>%3"_s.arg(grid.parties[p].name.toHtmlEscaped(), side,
                                   tr("R %1 · A %2 · C %3 · I %4")
                                       .arg(load.responsible)
                                       .arg(load.accountable)
                                       .arg(load.consulted)
                                       .arg(load.informed));
    for (const auto &[label, list] :
         {std::pair{tr("Owns (R/A)"), owns}, std::pair{tr("Consulted"), consulted},
          std::pair{tr("Informed"), informed}}) {
        if (!list.isEmpty())
            html += u"<br>&nbsp;&nbsp;%1: %2"_s.arg(label, list.join(u", "_s).toHtmlEscaped());
    }
    return html + u"</p>"_s;
}

} // namespace pb::ui
