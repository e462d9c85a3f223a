#include "PartnerPicker.h"

#include "domain/Scoring.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {
const QString kStar = u"★ "_s;
}

PartnerPicker::PartnerPicker(store::Workbook *workbook, Order order, QWidget *parent)
    : QComboBox(parent)
    , m_workbook(workbook)
    , m_order(order)
    , m_allNames(new QStringListModel(this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    auto *completer = new QCompleter(m_allNames, this);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            &PartnerPicker::chooseByName);
    connect(lineEdit(), &QLineEdit::returnPressed, this, &PartnerPicker::onReturnPressed);
    setMinimumWidth(260);
    setAccessibleName(tr("Partner"));
    connect(this, &QComboBox::activated, this, &PartnerPicker::onActivated);
    connect(workbook->notifier(), &store::WorkbookNotifier::changed, this,
            &PartnerPicker::onChange);
}

QString PartnerPicker::currentName() const
{
    QString name = currentText();
    if (name.startsWith(kStar))
        name = name.mid(kStar.size());
    return name;
}

void PartnerPicker::showEvent(QShowEvent *event)
{
    QComboBox::showEvent(event);
    refresh();
}

void PartnerPicker::refresh()
{
    if (m_dirty)
        populate();
}

void PartnerPicker::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (change.entity != Entity::Candidate && change.entity != Entity::Partnership &&
        change.entity != Entity::Settings && change.entity != Entity::Raci &&
        change.entity != Entity::Kpi)
        return;
    // A value typed in a grid changes nothing here; a new partnership or a rename does.
    if (change.entity == Entity::Kpi || change.entity == Entity::Raci) {
        if (findData(change.ids.value(0)) >= 0)
            return;
    }
    // Re-ranking a long list for a picker nobody is looking at would slow every edit.
    m_dirty = true;
    if (isVisible())
        populate();
}

void PartnerPicker::populate()
{
    m_dirty = false;
    const QList<Candidate> candidates = m_workbook->candidateSummaries();
    const Ranking ranking(candidates);
    const QList<RankEntry> ranked =
        ranking.rank(WorkbookSettings::scoringWeights(m_workbook->settings()));
    const QList<qint64> partnerships = m_workbook->candidatesWithPartnership();

    QStringList names;
    names.reserve(candidates.size());
    QHash<qint64, qsizetype> indexById;
    indexById.reserve(candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        names.append(candidates[i].name);
        indexById.insert(candidates[i].id, i);
    }
    m_allNames->setStringList(names);

    QSignalBlocker block(this);
    clear();
    QList<qint64> topThree;
    for (const RankEntry &entry : ranked) {
        if (!entry.top3)
            break;
        topThree.append(candidates[entry.index].id);
    }
    QList<qint64> others = partnerships;
    if (m_current && !others.contains(m_current))
        others.append(m_current);
    std::sort(others.begin(), others.end(), [&](qint64 a, qint64 b) {
        return candidates.value(indexById.value(a))
                   .name.compare(candidates.value(indexById.value(b)).name, Qt::CaseInsensitive) <
               0;
    });
    const auto addStarred = [&] {
        for (qint64 id : std::as_const(topThree)) {
            if (findData(id) < 0)
                addItem(kStar + candidates[indexById.value(id)].name, id);
        }
    };
    if (m_order == Order::TopThreeFirst)
        addStarred();
    for (qint64 id : std::as_const(others)) {
        if (findData(id) < 0 && !topThree.contains(id) && indexById.contains(id))
            addItem(candidates[indexById.value(id)].name, id);
        else if (m_order == Order::PartnershipsFirst && topThree.contains(id))
            addItem(kStar + candidates[indexById.value(id)].name, id);
    }
    if (m_order == Order::PartnershipsFirst)
        addStarred();
    block.unblock(); // the choice below must reach the page
    const int index = m_current ? findData(m_current) : 0;
    if (index >= 0 && index < count()) {
        setCurrentIndex(index);
        if (!m_current || !m_announced)
            onActivated(index);
    } else if (m_current) {
        m_current = 0; // the partner is gone
        emit partnerChosen(0, {});
    }
}

bool PartnerPicker::selectPartner(qint64 candidateId)
{
    refresh();
    int index = findData(candidateId);
    if (index < 0) {
        const auto candidate = m_workbook->candidate(candidateId);
        if (!candidate)
            return false;
        addItem(candidate->name, candidateId);
        index = count() - 1;
    }
    setCurrentIndex(index);
    onActivated(index);
    return true;
}

void PartnerPicker::setInitialPartner(qint64 candidateId)
{
    if (candidateId && !m_announced && m_workbook->candidate(candidateId)) {
        m_current = candidateId;
        m_dirty = true;
    }
}

QString PartnerPicker::bestMatch(const QString &typed) const
{
    QString text = typed.trimmed();
    if (text.startsWith(kStar.trimmed()))
        text = text.mid(kStar.trimmed().size()).trimmed();
    if (text.isEmpty())
        return {};
    const QStringList names = m_allNames->stringList();
    QString prefixed, containing;
    for (const QString &name : names) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return name;
        if (prefixed.isEmpty() && name.startsWith(text, Qt::CaseInsensitive))
            prefixed = name;
        else if (containing.isEmpty() && name.contains(text, Qt::CaseInsensitive))
            containing = name;
    }
    return prefixed.isEmpty() ? containing : prefixed;
}

// Enter in the search: the entry chosen in the completions, else the best match.
void PartnerPicker::onReturnPressed()
{
    const QAbstractItemView *popup = completer()->popup();
    if (popup->isVisible() && popup->currentIndex().isValid())
        return; // the completer opens the chosen entry
    refresh();
    const QString name = bestMatch(lineEdit()->text());
    if (!name.isEmpty())
        chooseByName(name);
    else
        setCurrentIndex(findData(m_current)); // nothing matches: show the current partner
}

void PartnerPicker::chooseByName(const QString &name)
{
    const auto id = m_workbook->candidateIdByName(name);
    if (!id)
        return;
    if (findData(*id) < 0)
        addItem(name, *id);
    selectPartner(*id);
}

void PartnerPicker::onActivated(int index)
{
    if (index < 0)
        return;
    m_current = itemData(index).toLongLong();
    m_announced = true;
    emit partnerChosen(m_current, currentName());
}

} // namespace pb::ui
