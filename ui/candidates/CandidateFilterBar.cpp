#include "CandidateFilterBar.h"

#include "item/CandidateFilterModel.h"
#include "item/CandidateTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

using namespace pb::domain;

namespace pb::ui {

CandidateFilterBar::CandidateFilterBar(item::CandidateFilterModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_model(proxy->table())
    , m_proxy(proxy)
    , m_text(new QLineEdit(this))
    , m_structure(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_count(new QLabel(this))
{
    m_text->setPlaceholderText(tr("Filter by name, website, owner, notes…"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Text in the name, website, owner, revenue theory or notes; or a "
                          "qualification answer by its column, such as competes:yes, "
                          "relative_size:much bigger or territory:DACH"));
    m_text->setAccessibleName(tr("Filter candidates"));
    connect(m_text, &QLineEdit::textChanged, m_proxy, &item::CandidateFilterModel::setText);
    connect(m_text, &QLineEdit::textChanged, this, &CandidateFilterBar::updateCount);
    addStructures();
    addStages();
    m_owner->addItem(tr("All owners"));
    connect(m_owner, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setOwner(index <= 0 ? QString() : m_owner->itemText(index));
        updateCount();
    });
    for (QComboBox *combo : {m_structure, m_stage, m_owner})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    Q_ASSERT(m_model);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CandidateFilterBar::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CandidateFilterBar::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CandidateFilterBar::updateCount);
    connect(m_model, &item::CandidateTableModel::rankingChanged, this,
            &CandidateFilterBar::updateCount);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_structure);
    layout->addWidget(m_stage);
    layout->addWidget(m_owner);
    layout->addStretch(1);
    layout->addWidget(m_count);
}

void CandidateFilterBar::addStructures()
{
    m_structure->addItem(tr("All structures"));
    for (Structure s : {Structure::Referral, Structure::Reseller, Structure::Integration,
                        Structure::CoMarketing, Structure::JointVenture, Structure::Unset}) {
        const QString id = structureId(s);
        m_structure->addItem(id.isEmpty() ? tr("No structure yet") : id, int(s));
    }
    connect(m_structure, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStructure(index <= 0
                                  ? std::nullopt
                                  : std::optional(Structure(m_structure->itemData(index).toInt())));
        updateCount();
    });
}

void CandidateFilterBar::addStages()
{
    m_stage->addItem(tr("All stages"));
    for (int s = int(Stage::Sourced); s <= int(Stage::Ended); ++s)
        m_stage->addItem(stageId(Stage(s)), s);
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setStage(index <= 0 ? std::nullopt
                                     : std::optional(Stage(m_stage->itemData(index).toInt())));
        updateCount();
    });
}

void CandidateFilterBar::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    int scored = 0;
    for (int row = 0; row < total; ++row)
        scored += m_model->rankAt(row).rank > 0 ? 1 : 0;
    const QLocale locale;
    m_count->setText(
        shown == total
            ? tr("%1 candidates, %2 scored").arg(locale.toString(total), locale.toString(scored))
            : tr("showing %1 of %2").arg(locale.toString(shown), locale.toString(total)));
}

void CandidateFilterBar::updateOwners()
{
    QStringList owners;
    QSet<QString> seen;
    for (const Candidate &c : m_model->candidates()) {
        if (!c.owner.isEmpty() && !seen.contains(c.owner.toCaseFolded())) {
            seen.insert(c.owner.toCaseFolded());
            owners.append(c.owner);
            if (owners.size() > 200)
                break;
        }
    }
    owners.sort(Qt::CaseInsensitive);
    const QString current = m_owner->currentIndex() > 0 ? m_owner->currentText() : QString();
    const QSignalBlocker block(m_owner);
    while (m_owner->count() > 1)
        m_owner->removeItem(1);
    m_owner->addItems(owners);
    if (!current.isEmpty())
        m_owner->setCurrentIndex(std::max(0, m_owner->findText(current)));
}

void CandidateFilterBar::clearFilters()
{
    m_text->clear();
    m_structure->setCurrentIndex(0);
    m_stage->setCurrentIndex(0);
    m_owner->setCurrentIndex(0);
}

void CandidateFilterBar::clearText()
{
    m_text->clear();
}

void CandidateFilterBar::focusText()
{
    m_text->setFocus();
    m_text->selectAll();
}

} // namespace pb::ui
