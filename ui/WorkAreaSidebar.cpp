#include "WorkAreaSidebar.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pb::ui {

WorkAreaSidebar::WorkAreaSidebar(QWidget *parent)
    : QWidget(parent)
    , m_areas(new QListWidget(this))
    , m_title(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(8, 10, 8, 6);

    m_areas->setObjectName(u"workAreas"_s);
    m_areas->setAccessibleName(tr("Work areas"));
    m_areas->setFrameShape(QFrame::NoFrame);
    m_areas->setFocusPolicy(Qt::StrongFocus);
    QFont areasFont = m_areas->font();
    areasFont.setPointSizeF(areasFont.pointSizeF() * 1.1);
    m_areas->setFont(areasFont);
    connect(m_areas, &QListWidget::currentRowChanged, this, &WorkAreaSidebar::areaChosen);

    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setFixedWidth(210);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_areas, 1);
}

void WorkAreaSidebar::addArea(const QString &title, const QString &summary)
{
    auto *item = new QListWidgetItem(title, m_areas);
    item->setToolTip(summary);
    item->setSizeHint(QSize(0, 36));
}

void WorkAreaSidebar::setCurrentArea(int index)
{
    if (m_areas->currentRow() != index)
        m_areas->setCurrentRow(index);
}

void WorkAreaSidebar::setWorkbookTitle(const QString &title, const QString &path)
{
    m_title->setText(title);
    m_title->setToolTip(path);
}

} // namespace pb::ui
