#include "StructureChooserDialog.h"

#include "domain/ProposalBuilder.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::ui {

namespace {

QComboBox *yesNoBox(YesNo value)
{
    auto *box = new QComboBox;
    box->addItem(StructureChooserDialog::tr("not known"), int(YesNo::Unknown));
    box->addItem(StructureChooserDialog::tr("yes"), int(YesNo::Yes));
    box->addItem(StructureChooserDialog::tr("no"), int(YesNo::No));
    box->setCurrentIndex(box->findData(int(value)));
    return box;
}

QComboBox *choiceBox(const QList<std::pair<QString, int>> &choices, int value)
{
    auto *box = new QComboBox;
    for (const auto &[label, data] : choices)
        box->addItem(label, data);
    box->setCurrentIndex(box->findData(value));
    return box;
}

QString bullets(const QStringList &lines)
{
    QString html;
    for (const QString &line : lines)
        html += u"<li>"_s + line.toHtmlEscaped() + u"</li>"_s;
    return u"<ul style=\"margin-left:-24px\">"_s + html + u"</ul>"_s;
}

} // namespace

StructureChooserDialog::StructureChooserDialog(const QString &candidateName, Structure current,
                                               const ChooserAnswers &answers, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
{
    setWindowTitle(tr("Choose a Structure for %1").arg(candidateName));
    m_headline = new QLabel;
    m_reasons = new QLabel;
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::RichText);
    m_reasons->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *right = new QVBoxLayout;
    right->addWidget(buildMatrix());
    right->addWidget(m_headline);
    right->addWidget(m_reasons, 1);
    auto *top = new QHBoxLayout;
    top->addWidget(buildQuestions(answers), 0, Qt::AlignTop);
    top->addLayout(right, 1);
    auto *buttons = new QDialogButtonBox;
    m_use = buttons->addButton(tr("&Use This Structure"), QDialogButtonBox::AcceptRole);
    m_use->setDefault(true);
    auto *save = buttons->addButton(tr("&Save Answers"), QDialogButtonBox::ApplyRole);
    save->setToolTip(tr("Keep the answers; leave the structure as it is"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_use, &QPushButton::clicked, this, &StructureChooserDialog::use);
    connect(save, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    update();
}

QWidget *StructureChooserDialog::buildQuestions(const ChooserAnswers &a)
{
    auto *box = new QWidget;
    auto *form = new QFormLayout(box);
    const std::pair<QString, YesNo> yesNo[] = {
        {tr("&New to this market, or testing it?"), a.newToMarket},
        {tr("Do we have &product-market fit?"), a.productMarketFit},
        {tr("Can we &fund enablement?"), a.canFundEnablement},
        {tr("A trusted &track record with them?"), a.trackRecord},
        {tr("Needs &engineering on both sides?"), a.needsEngineering},
        {tr("A &long-term strategic market?"), a.longTerm},
    };
    for (const auto &[label, value] : yesNo) {
        m_questions << yesNoBox(value);
        form->addRow(label, m_questions.last());
    }
    m_questions << choiceBox({{tr("not known"), int(PartnerRole::Unknown)},
                              {tr("only refer"), int(PartnerRole::Refer)},
                              {tr("sell"), int(PartnerRole::Sell)},
                              {tr("sell and deliver"), int(PartnerRole::SellAndDeliver)}},
                             int(a.partnerRole));
    form->addRow(tr("We need them to (&role)"), m_questions.last());
    m_questions << choiceBox({{tr("not known"), int(GtmStage::Unknown)},
                              {tr("early"), int(GtmStage::Early)},
                              {tr("growth"), int(GtmStage::Growth)},
                              {tr("mature"), int(GtmStage::Mature)}},
                             int(a.gtmStage));
    form->addRow(tr("Our go-to-market &stage"), m_questions.last());
    for (QComboBox *question : std::as_const(m_questions))
        connect(question, &QComboBox::currentIndexChanged, this, &StructureChooserDialog::update);
    return box;
}

QWidget *StructureChooserDialog::buildMatrix()
{
    const auto columns = StructureChooser::matrix();
    const QStringList rows = StructureChooser::matrixRowNames();
    m_matrix = new QTableWidget(int(rows.size()), int(columns.size()));
    m_matrix->setVerticalHeaderLabels(rows);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setWordWrap(true);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->setToolTip(tr("The decision matrix of the practice; click a column to use another "
                            "structure than the one recommended"));
    for (int c = 0; c < int(columns.size()); ++c) {
        QString title = ProposalBuilder::structureName(columns[c].structure);
        if (columns[c].structure == m_current)
            title += tr(" (now)");
        m_matrix->setHorizontalHeaderItem(c, new QTableWidgetItem(title));
        const QStringList values = StructureChooser::matrixValues(columns[c]);
        for (int r = 0; r < values.size(); ++r)
            m_matrix->setItem(r, c, new QTableWidgetItem(values.at(r)));
    }
    m_matrix->setMinimumWidth(520);
    m_matrix->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return m_matrix;
}

// The matrix as tall as its rows, which wrap with its width: no empty space below it.
void StructureChooserDialog::fitMatrix()
{
    m_matrix->resizeRowsToContents();
    int height = m_matrix->horizontalHeader()->height() + 2 * m_matrix->frameWidth();
    for (int r = 0; r < m_matrix->rowCount(); ++r)
        height += m_matrix->rowHeight(r);
    m_matrix->setFixedHeight(height);
}

void StructureChooserDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitMatrix();
}

ChooserAnswers StructureChooserDialog::answers() const
{
    ChooserAnswers a;
    YesNo *yesNo[] = {&a.newToMarket, &a.productMarketFit, &a.canFundEnablement,
                      &a.trackRecord, &a.needsEngineering, &a.longTerm};
    for (int i = 0; i < 6; ++i)
        *yesNo[i] = YesNo(m_questions.at(i)->currentData().toInt());
    a.partnerRole = PartnerRole(m_questions.at(6)->currentData().toInt());
    a.gtmStage = GtmStage(m_questions.at(7)->currentData().toInt());
    return a;
}

int StructureChooserDialog::columnOf(Structure structure) const
{
    const auto columns = StructureChooser::matrix();
    for (int c = 0; c < int(columns.size()); ++c) {
        if (columns[c].structure == structure)
            return c;
    }
    return -1;
}

void StructureChooserDialog::update()
{
    m_recommendation = StructureChooser::recommend(answers());
    const QString name = ProposalBuilder::structureName(m_recommendation.structure);
    m_headline->setText(tr("<b>Recommended: %1</b>").arg(name.toHtmlEscaped()));
    m_reasons->setText(tr("Why:") + bullets(m_recommendation.reasons) +
                       tr("What would change it:") + bullets(m_recommendation.wouldChange));
    m_use->setText(tr("&Use %1").arg(name));
    highlight(columnOf(m_recommendation.structure));
}

void StructureChooserDialog::highlight(int column)
{
    const QColor tint = palette().color(QPalette::Highlight).lighter(185);
    for (int c = 0; c < m_matrix->columnCount(); ++c) {
        QFont font = m_matrix->horizontalHeaderItem(c)->font();
        font.setBold(c == column);
        m_matrix->horizontalHeaderItem(c)->setFont(font);
        for (int r = 0; r < m_matrix->rowCount(); ++r)
            m_matrix->item(r, c)->setBackground(c == column ? QBrush(tint) : QBrush());
    }
    m_matrix->selectColumn(column);
}

void StructureChooserDialog::use()
{
    // The column the user picked, or the recommendation.
    const QList<QTableWidgetSelectionRange> ranges = m_matrix->selectedRanges();
    const int column =
        ranges.isEmpty() ? columnOf(m_recommendation.structure) : ranges.first().leftColumn();
    m_chosen = StructureChooser::matrix()[size_t(column)].structure;
    accept();
}

} // namespace pb::ui
