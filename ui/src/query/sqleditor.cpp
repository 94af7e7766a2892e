#include "query/sqleditor.h"

#include "common/sqlhighlighter.h"
#include "query/linenumbergutter.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QStyle>
#include <QTextBlock>

#include <algorithm>

namespace pgdesk::ui {

namespace {

const int kGutterPadding = 4; // each side of the digits

} // namespace

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberGutter(this)) // first: setFont() below already asks for its width
    , m_highlighter(new SqlHighlighter(document(), palette())) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SqlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SqlEditor::updateGutter);
    // The current line's number is drawn stronger: repaint when the cursor changes lines.
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterWidth();
}

QWidget* SqlEditor::gutter() const {
    return m_gutter;
}

int SqlEditor::gutterWidth() const {
    const int digits = std::max(2, int(QString::number(std::max(1, blockCount())).size()));
    return 2 * kGutterPadding + digits * fontMetrics().horizontalAdvance(QLatin1Char('9'));
}

void SqlEditor::updateGutterWidth() {
    // In a right-to-left layout the viewport's leading margin is on the right; Qt mirrors it for us.
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QStyle::visualRect(layoutDirection(), area,
                                             QRect(area.left(), area.top(), gutterWidth(), area.height())));
}

void SqlEditor::updateGutter(const QRect& rect, int dy) {
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void SqlEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
}

void SqlEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->usePalette(palette()); // a theme switched while the editor is open
        m_gutter->update();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
}

void SqlEditor::paintGutter(QWidget* gutter, QPaintEvent* event) {
    QPainter painter(gutter);
    const QPalette& p = palette();
    // A shade between the text area and the window: set apart from the text, calm in both themes.
    painter.fillRect(event->rect(), p.color(QPalette::AlternateBase));
    const QColor number = p.color(QPalette::PlaceholderText);
    const QColor current = p.color(QPalette::Text);
    const int currentBlock = textCursor().blockNumber();
    const int width = gutter->width() - kGutterPadding;
    const int lineHeight = fontMetrics().height();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(block.blockNumber() == currentBlock ? current : number);
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace pgdesk::ui
