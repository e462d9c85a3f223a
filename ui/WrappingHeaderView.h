#pragma once

#include <QHeaderView>

namespace pb::ui {

// A horizontal header whose labels wrap at spaces onto up to maxLines lines, and beyond that
// are cut at the end with "…" (the full label then shows in the tooltip), so a long name keeps
// its start instead of losing both ends. A label may hold line breaks (the RACI grid's
// "name, then side", the KPI values' "name, then unit"). The header is as tall as its labels
// need at their current widths. Used by the RACI grid and the KPI values table.
class WrappingHeaderView : public QHeaderView
{
    Q_OBJECT
public:
    explicit WrappingHeaderView(QWidget *parent = nullptr, int maxLines = 4);

    // Whether the label of the section does not fit its width (tests, tooltips).
    bool isElided(int logicalIndex) const;
    // The narrowest width that shows the label's longest word whole.
    int wordWidth(int logicalIndex) const;
    QSize sizeHint() const override;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;
    bool viewportEvent(QEvent *event) override;

private:
    QFont sectionFont(int logicalIndex) const;
    int textWidth(int logicalIndex) const;
    // The label laid out in width: its lines, and whether it had to be cut.
    QStringList layOut(int logicalIndex, int width, bool *elided = nullptr) const;

    int m_maxLines;
};

} // namespace pb::ui
