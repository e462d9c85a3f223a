#pragma once

#include <QPlainTextEdit>

namespace pb::ui {

// A text field as tall as its wrapped text, between minLines and maxLines (then it scrolls),
// so that a long answer is read whole instead of cut at the edge of a one-line field. It
// reports editingFinished when it loses the focus. With singleParagraph, Enter finishes the
// field (moves on) instead of starting a new line, as in a one-line field. Used by the
// candidate's qualification record.
class FittingTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    FittingTextEdit(int minLines, int maxLines, QWidget *parent = nullptr);

    void setSingleParagraph(bool single) { m_singleParagraph = single; }
    // Replaces the text, unless it is the same (which would move the cursor).
    void setTextIfChanged(const QString &text);
    // The lines the text takes at the current width.
    int lineCount() const;

signals:
    void editingFinished();

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();

    int m_minLines;
    int m_maxLines;
    bool m_singleParagraph = false;
};

} // namespace pb::ui
