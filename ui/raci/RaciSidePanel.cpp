#include "RaciSidePanel.h"

#include "RaciProblemsList.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

RaciSidePanel::RaciSidePanel(QWidget *parent)
    : QWidget(parent)
    , m_problems(new RaciProblemsList(this))
    , m_balance(new QLabel(this))
    , m_parties(new QTreeWidget(this))
{
    m_parties->setHeaderLabels({tr("Party"), tr("Activities")});
    m_parties->setAccessibleName(tr("Who does what"));
    m_parties->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_balance->setWordWrap(true);

    // One layout for both halves, so the list and the tree share the height 1 : 2.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Problems</b>"), this));
    layout->addWidget(m_problems, 1);
    layout->addWidget(new QLabel(tr("<b>Who does what</b>"), this));
    layout->addWidget(m_balance);
    layout->addWidget(m_parties, 2);
    setMinimumWidth(260);
}

void RaciSidePanel::setGrid(const RaciGrid &grid, const QList<RaciProblem> &problems, bool hasGrid)
{
    m_problems->setProblems(problems, hasGrid);
    const QList<RaciWorkload> workload = RaciRules::workload(grid);
    m_parties->clear();
    for (int p = 0; p < grid.parties.size(); ++p)
        addParty(grid, p, workload.value(p));
    m_parties->expandAll();
    const auto share = RaciRules::responsibleShare(grid);
    // Rounded so that the two halves add up to 100.
    const int ours = qRound(share[0]);
    m_balance->setText(share[0] + share[1] <= 0
                           ? tr("Nobody is Responsible for anything yet.")
                           : tr("Responsible work: %1 % our side, %2 % the partner's side.")
                                 .arg(ours)
                                 .arg(100 - ours));
}

// One party's line, with its activities grouped under it.
void RaciSidePanel::addParty(const RaciGrid &grid, int p, const RaciWorkload &load)
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
    auto *party = new QTreeWidgetItem(m_parties);
    party->setText(0, grid.parties[p].name);
    party->setText(1, tr("R %1 · A %2 · C %3 · I %4")
                          .arg(load.responsible)
                          .arg(load.accountable)
                          .arg(load.consulted)
                          .arg(load.informed));
    party->setToolTip(0, grid.parties[p].side == RaciSide::Partner ? tr("Partner's side")
                                                                   : tr("Our side"));
    for (const auto &[label, list] :
         {std::pair{tr("Owns (R/A)"), owns}, std::pair{tr("Consulted"), consulted},
          std::pair{tr("Informed"), informed}}) {
        if (list.isEmpty())
            continue;
        auto *child = new QTreeWidgetItem(party);
        child->setText(0, label);
        child->setText(1, list.join(u", "_s));
        child->setToolTip(1, list.join(u"\n"_s));
    }
}

} // namespace pb::ui
