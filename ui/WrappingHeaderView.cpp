#include "WrappingHeaderView.h"

#include <QHelpEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QStyleOptionHeader>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace pb::ui {

namespace {
int margin(const QWidget *widget)
{
    return widget->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, widget) + 2;
}
} // namespace

WrappingHeaderView::WrappingHeaderView(QWidget *parent, int maxLines)
    : QHeaderView(Qt::Horizontal, parent)
    , m_maxLines(maxLines)
{
    setDefaultAlignment(Qt::AlignCenter);
    // As a table's own header: click to select a column, the current one drawn bold.
    setSectionsClickable(true);
    setHighlightSections(true);
    // The height follows the widths: a narrower column may need another line.
    connect(this, &QHeaderView::sectionResized, this, [this] { updateGeometry(); });
}

QFont WrappingHeaderView::sectionFont(int logicalIndex) const
{
    QFont font = this->font();
    if (model()) {
        const QVariant role = model()->headerData(logicalIndex, orientation(), Qt::FontRole);
        if (role.canConvert<QFont>())
            font = role.value<QFont>();
    }
    return font;
}

// Greedy word wrap of each paragraph; words longer than the width, and the last line when
// there are too many, are cut at the end.
QStringList WrappingHeaderView::layOut(int logicalIndex, int width, bool *elided) const
{
    const QString text =
        model() ? model()->headerData(logicalIndex, orientation()).toString() : QString();
    // Bold, as the style draws the label of a highlighted section: lay out for the wider.
    QFont font = sectionFont(logicalIndex);
    font.setBold(true);
    const QFontMetrics metrics(font);
    QStringList lines;
    bool cut = false;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            const QString longer = line.isEmpty() ? word : line + u' ' + word;
            if (line.isEmpty() || metrics.horizontalAdvance(longer) <= width) {
                line = longer;
                continue;
            }
            lines.append(line);
            line = word;
        }
        lines.append(line);
    }
    if (lines.size() > m_maxLines) {
        const QString rest = lines.mid(m_maxLines - 1).join(u' ');
        lines = lines.mid(0, m_maxLines - 1) << rest;
        cut = true;
    }
    for (QString &line : lines) {
        const QString shown = metrics.elidedText(line, Qt::ElideRight, width);
        cut |= shown != line;
        line = shown;
    }
    if (elided)
        *elided = cut;
    return lines;
}

int WrappingHeaderView::textWidth(int logicalIndex) const
{
    return sectionSize(logicalIndex) - 2 * margin(this);
}

bool WrappingHeaderView::isElided(int logicalIndex) const
{
    bool elided = false;
    layOut(logicalIndex, textWidth(logicalIndex), &elided);
    return elided;
}

int WrappingHeaderView::wordWidth(int logicalIndex) const
{
    QFont font = sectionFont(logicalIndex);
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString text =
        model() ? model()->headerData(logicalIndex, orientation()).toString() : QString();
    int widest = 0;
    for (const QString &word : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
        widest = std::max(widest, metrics.horizontalAdvance(word));
    return widest + 2 * margin(this) + 2; // + 2: advances are rounded, eliding is not
}

QSize WrappingHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    // As wide as the longest line unwrapped (the view may give less), one line per paragraph.
    QFont font = sectionFont(logicalIndex);
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QStringList paragraphs =
        model() ? model()->headerData(logicalIndex, orientation()).toString().split(u'\n')
                : QStringList();
    int width = 0;
    for (const QString &paragraph : paragraphs)
        width = std::max(width, metrics.horizontalAdvance(paragraph));
    const int height = int(paragraphs.size()) * metrics.lineSpacing();
    return QSize(width, height) + QSize(2 * margin(this), 2 * margin(this));
}

QSize WrappingHeaderView::sizeHint() const
{
    QSize hint = QHeaderView::sizeHint();
    int lines = 1;
    for (int section = 0; section < count(); ++section) {
        if (!isSectionHidden(section))
            lines = std::max(lines, int(layOut(section, textWidth(section)).size()));
    }
    const int needed = lines * fontMetrics().lineSpacing() + 2 * margin(this);
    hint.setHeight(std::max(hint.height(), needed));
    return hint;
}

void WrappingHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid())
        return;
    QStyleOptionHeader option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    option.rect = rect;
    const Qt::Alignment alignment = option.textAlignment;
    option.text.clear(); // the style draws the section; the label is drawn below
    painter->save();
    style()->drawControl(QStyle::CE_Header, &option, painter, this);
    painter->restore();
    painter->save();
    QFont font = sectionFont(logicalIndex);
    font.setBold(option.state & QStyle::State_On);
    painter->setFont(font);
    painter->setPen(option.palette.color(QPalette::ButtonText));
    const QRect area = rect.adjusted(margin(this), margin(this), -margin(this), -margin(this));
    const QStringList lines = layOut(logicalIndex, area.width());
    const int lineHeight = QFontMetrics(font).lineSpacing();
    int top = area.top() + (area.height() - int(lines.size()) * lineHeight) / 2;
    for (const QString &line : lines) {
        painter->drawText(QRect(area.left(), top, area.width(), lineHeight),
                          int(alignment & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter, line);
        top += lineHeight;
    }
    painter->restore();
}

bool WrappingHeaderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && model()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int section = logicalIndexAt(help->pos());
        if (section >= 0 && isElided(section)) {
            QString tip = model()->headerData(section, orientation()).toString();
            tip.replace(u'\n', u" — "_s);
            const QString more =
                model()->headerData(section, orientation(), Qt::ToolTipRole).toString();
            if (!more.isEmpty())
                tip += u'\n' + more;
            QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
    }
    return QHeaderView::viewportEvent(event);
}

} // namespace pb::ui
