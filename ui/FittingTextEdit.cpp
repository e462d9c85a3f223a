#include "FittingTextEdit.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QTextBlock>
#include <QTextLayout>

namespace pb::ui {

FittingTextEdit::FittingTextEdit(int minLines, int maxLines, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_minLines(minLines)
    , m_maxLines(maxLines)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, &FittingTextEdit::fitHeight);
    fitHeight();
}

void FittingTextEdit::setTextIfChanged(const QString &text)
{
    if (toPlainText() != text) {
        setPlainText(text);
        fitHeight();
    }
}

int FittingTextEdit::lineCount() const
{
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    return lines;
}

void FittingTextEdit::fitHeight()
{
    const int lines = std::clamp(lineCount(), m_minLines, m_maxLines);
    const QMargins margins = contentsMargins();
    const int height = lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) +
                       margins.top() + margins.bottom() + 2 * frameWidth();
    if (height != this->height())
        setFixedHeight(height);
}

void FittingTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    fitHeight(); // a new width wraps the text anew
}

void FittingTextEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    emit editingFinished();
}

void FittingTextEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (m_singleParagraph && enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit editingFinished();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace pb::ui
