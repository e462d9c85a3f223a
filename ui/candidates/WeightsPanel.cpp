#include "WeightsPanel.h"

#include "domain/WorkbookSettings.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using pb::domain::Dimension;
using pb::domain::ScoringDimensions;

namespace pb::ui {

namespace {
constexpr int kSliderSteps = 10; // slider units per weight point
} // namespace

WeightsPanel::WeightsPanel(item::WorkbookEditor *editor, item::CandidateTableModel *model,
                           QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_model(model)
    , m_stability(new QLabel(this))
    , m_top3(new QLabel(this))
{
    auto *heading = new QLabel(tr("Weights"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    for (Dimension dimension : ScoringDimensions::all)
        addDimension(grid, int(dimension));

    m_stability->setWordWrap(true);
    m_stability->setToolTip(tr("The smallest shift of weight, in percentage points, from one "
                               "dimension to another that changes who is in the top three."));
    m_top3->setWordWrap(true);
    m_top3->setTextFormat(Qt::RichText);
    m_top3->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_top3, &QLabel::linkActivated, this,
            [this](const QString &link) { emit candidateActivated(link.toLongLong()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addLayout(grid);
    layout->addWidget(m_stability);
    layout->addSpacing(6);
    layout->addWidget(m_top3);

    for (int i = 0; i < domain::kDimensionCount; ++i) {
        m_sliders[i]->setEnabled(!editor->workbook()->isReadOnly());
        m_spins[i]->setEnabled(!editor->workbook()->isReadOnly());
    }
    connect(model, &item::CandidateTableModel::rankingChanged, this, &WeightsPanel::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &WeightsPanel::refresh);
    refresh();
}

// One dimension's rows: its name, then slider, number and share.
void WeightsPanel::addDimension(QGridLayout *grid, int i)
{
    const QString name = ScoringDimensions::label(Dimension(i));
    const QString tip = ScoringDimensions::weightTip(Dimension(i));
    auto *label = new QLabel(name, this);
    m_sliders[i] = new QSlider(Qt::Horizontal, this);
    m_sliders[i]->setRange(0, 10 * kSliderSteps);
    m_sliders[i]->setPageStep(kSliderSteps);
    // Write once the slider is let go, not on every pixel of a drag.
    m_sliders[i]->setTracking(false);
    m_sliders[i]->setToolTip(tip);
    m_sliders[i]->setAccessibleName(name);
    m_spins[i] = new QDoubleSpinBox(this);
    m_spins[i]->setRange(0, 10);
    m_spins[i]->setDecimals(1);
    m_spins[i]->setSingleStep(0.5);
    m_spins[i]->setKeyboardTracking(false);
    m_spins[i]->setToolTip(tip);
    m_spins[i]->setAccessibleName(name);
    m_shares[i] = new QLabel(this);
    m_shares[i]->setMinimumWidth(fontMetrics().horizontalAdvance(u"100 %"_s));
    m_shares[i]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_shares[i]->setToolTip(tr("Share of the total weight"));
    label->setBuddy(m_spins[i]);
    grid->addWidget(label, 2 * i, 0, 1, 3);
    grid->addWidget(m_sliders[i], 2 * i + 1, 0, 1, 2);
    grid->addWidget(m_spins[i], 2 * i + 1, 2);
    grid->addWidget(m_shares[i], 2 * i + 1, 3);
    connect(m_sliders[i], &QSlider::valueChanged, this,
            [this, i](int value) { applyWeight(i, double(value) / kSliderSteps); });
    connect(m_sliders[i], &QSlider::sliderMoved, this, [this, i](int value) {
        const QSignalBlocker block(m_spins[i]);
        m_spins[i]->setValue(double(value) / kSliderSteps);
    });
    connect(m_spins[i], &QDoubleSpinBox::valueChanged, this,
            [this, i](double value) { applyWeight(i, value); });
}

void WeightsPanel::applyWeight(int dimension, double value)
{
    if (m_updating)
        return;
    const QString error =
        m_editor->changeSettings({{ScoringDimensions::weightKey(Dimension(dimension)), value}});
    if (!error.isEmpty()) {
        emit editRefused(error);
        refresh();
    }
}

QString WeightsPanel::stabilityText() const
{
    return m_stability->text();
}

void WeightsPanel::refresh()
{
    m_updating = true;
    const domain::ScoringWeights weights = m_model->weights();
    const auto shares = weights.normalised();
    for (int i = 0; i < domain::kDimensionCount; ++i) {
        const QSignalBlocker blockSlider(m_sliders[i]);
        const QSignalBlocker blockSpin(m_spins[i]);
        m_sliders[i]->setValue(int(std::lround(weights.values[i] * kSliderSteps)));
        m_spins[i]->setValue(weights.values[i]);
        m_shares[i]->setText(u"%1 %"_s.arg(std::lround(shares[i])));
    }
    m_updating = false;

    const QList<int> top = m_model->top3Rows();
    if (top.size() < 3) {
        m_stability->setText(tr("Score at least four candidates to see how stable the top "
                                "three is."));
    } else if (const auto stability = m_model->top3Stability(); stability && *stability < 0.05) {
        m_stability->setText(tr("The top 3 rests on a tie: any shift of weight changes it."));
    } else if (stability) {
        m_stability->setText(tr("The top 3 holds until a %1-point shift of weight.")
                                 .arg(QLocale().toString(*stability, 'f', 1)));
    } else {
        m_stability->setText(tr("No shift of weight changes the top 3."));
    }

    QString html = u"<b>%1</b>"_s.arg(tr("Top three").toHtmlEscaped());
    if (top.isEmpty())
        html += u"<br>"_s + tr("No candidate is scored yet.").toHtmlEscaped();
    for (int row : top) {
        const auto &c = m_model->candidateAt(row);
        const auto &rank = m_model->rankAt(row);
        html += u"<br>%1. <a href=\"%2\">%3</a> — %4"_s.arg(rank.rank).arg(c.id).arg(
            c.name.toHtmlEscaped(), QLocale().toString(rank.score.value_or(0), 'f', 1));
    }
    m_top3->setText(html);
}

} // namespace pb::ui
