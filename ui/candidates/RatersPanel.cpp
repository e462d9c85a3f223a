#include "RatersPanel.h"

#include "item/CandidateTableModel.h"
#include "domain/Ratings.h"
#include "item/RatingText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace pb::ui {

RatersPanel::RatersPanel(item::CandidateTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_chooser(new QComboBox(this))
{
    auto *label = new QLabel(tr("Ran&k by:"), this);
    label->setBuddy(m_chooser);
    m_chooser->setToolTip(tr("Everyone's scores (each dimension the mean of its raters), or one "
                             "rater's alone: the table then shows and edits that rater's "
                             "scores."));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_chooser, 1);
    connect(m_chooser, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setRankAs(index <= 0 ? QString() : m_chooser->itemData(index).toString());
    });
    connect(model, &item::CandidateTableModel::ratersChanged, this, &RatersPanel::refresh);
    refresh();
}

void RatersPanel::refresh()
{
    const QSignalBlocker blocker(m_chooser);
    m_chooser->clear();
    const QStringList raters = m_model->raters();
    // Shown only with two raters or more.
    m_chooser->addItem(tr("Everyone (mean of %1 raters)").arg(raters.size()));
    for (const QString &rater : raters) {
        m_chooser->addItem(tr("%1 alone").arg(item::RatingText::raterName(rater)), rater);
        if (!m_model->rankAs().isEmpty() && domain::Ratings::sameRater(rater, m_model->rankAs()))
            m_chooser->setCurrentIndex(m_chooser->count() - 1);
    }
    setVisible(m_model->hasSeveralRaters());
}

} // namespace pb::ui
