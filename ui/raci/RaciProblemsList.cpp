#include "RaciProblemsList.h"

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {
constexpr int kActivityRole = Qt::UserRole;
constexpr int kPartyRole = Qt::UserRole + 1;
} // namespace

RaciProblemsList::RaciProblemsList(QWidget *parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Problems"));
    setWordWrap(true);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit cellChosen(item->data(kActivityRole).toInt(), item->data(kPartyRole).toInt());
    });
    connect(this, &QListWidget::itemClicked, this, &QListWidget::itemActivated);
}

void RaciProblemsList::setProblems(const QList<domain::RaciProblem> &problems, bool hasGrid)
{
    clear();
    for (const domain::RaciProblem &problem : problems) {
        auto *item = new QListWidgetItem(u"⚠ "_s + problem.finding.message, this);
        item->setData(kActivityRole, problem.activity);
        item->setData(kPartyRole, problem.party);
        item->setToolTip(problem.finding.code);
    }
    if (hasGrid && problems.isEmpty())
        new QListWidgetItem(tr("✓ Every activity has one Accountable and a Responsible."), this);
}

} // namespace pb::ui
