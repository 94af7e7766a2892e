// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/completion/snippets.h>

#include <QList>
#include <QPlainTextEdit>
#include <QTextCursor>

#include <functional>
#include <memory>
#include <utility>

namespace pgdesk::core {
class VimEngine;
}

namespace pgdesk::ui {

class EditorVimBuffer;
class JobSlot;
class LineNumberGutter;
class SqlCompleter;
class SqlHighlighter;

// The query tool's SQL editor: plain text, no wrapping, a fixed-width font, highlighted SQL and line
// numbers in a gutter on the left (Qt's CodeEditor example: the viewport's left margin makes room, the
// gutter follows the editor's updateRequest). Gutter and highlighting take their colours from the
// palette and follow it when it changes (a theme switched live).
class SqlEditor final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SqlEditor(QWidget* parent = nullptr);
    ~SqlEditor() override;

    QWidget* gutter() const;
    SqlHighlighter* highlighter() const { return m_highlighter; }
    // Room for the digits of the last line number (two at least), with a little padding.
    int gutterWidth() const;
    // Called by the gutter's paintEvent.
    void paintGutter(QWidget* gutter, QPaintEvent* event);

    // Editing comforts, each one undo step. Lines are those the selection touches (or the cursor's).
    // "-- " before each line; taken away instead when every non-blank line already starts with "--".
    void toggleComment();
    // Four spaces more (or fewer, as far as there are) at the start of each line.
    void indentLines(bool outdent);
    // The next larger piece of SQL around the selection (core::expandSelection: word, dotted name,
    // parentheses' inside, with them, statement, all); Shrink goes back through the same steps.
    void expandSelection();
    void shrinkSelection();
    // The lines the selection touches moved one line up or down, selection kept on them; copied above or
    // below instead, the copy selected (below) as editors do.
    void moveLines(bool up);
    void copyLines(bool up);
    // Moves the cursor to the start of 1-based line `line` (clamped) and shows it.
    void goToLine(int line);
    // core::formatSql() on the selection, else on the whole text, as one undo step that replaces only the
    // part that changed. Up to kFormatInPlaceChars it is done at once; a longer text is formatted on the job
    // pool while the editor is read-only (the window keeps answering), then put in if nothing changed it
    // meanwhile. formattingChanged() says when that starts and ends.
    void formatSql();
    bool isFormatting() const;
    static constexpr qsizetype kFormatInPlaceChars = 64 * 1024;
    // The completion popup that sees the keys first (owned by the editor); null: no completion.
    void setCompleter(SqlCompleter* completer) { m_completer = completer; }
    SqlCompleter* completer() const { return m_completer; }

    // Inserts a snippet in place of the selection (or at the cursor), as one undo step, its later lines
    // indented as the line it goes into, and selects its first stop. Tab and Shift+Tab then go from stop to
    // stop (what was typed into a stop is copied to the other places of its number when Tab leaves it); the
    // last stop ($0) or Esc ends it.
    void insertSnippet(const core::SnippetExpansion& snippet);
    bool isInSnippet() const { return m_stop >= 0; }
    // The number of the stop the cursor is in (0 for the end); -1 outside a snippet.
    int snippetStop() const { return m_stop >= 0 ? m_stops[m_stop].number : -1; }

    // Vim's keys (Preferences ▸ Vim keys; it follows UiSettings::vimMode()): keys go to core::VimEngine
    // first, over this editor's document (sqleditorvim.cpp). vim() is null when off.
    void setVimMode(bool on);
    bool isVimMode() const { return m_vim != nullptr; }
    core::VimEngine* vim() const;
    // What vim's ":w" does (the query tool saves its file); without one ":w" says it could not save.
    void setSaveHandler(std::function<bool()> save) { m_save = std::move(save); }

    // Several carets (sqleditorcarets.cpp): each edit key acts at every one, as one undo step. carets() is
    // all of them, the main one (textCursor()) included, top down (a cursor each: for a few, as in tests).
    QList<QTextCursor> carets() const;
    int caretCount() const { return int(m_carets.size()) + 1; }
    void addCaretVertically(bool down); // Ctrl+Alt+Up/Down: one more above the top or below the bottom
    void toggleCaretAt(int position);   // Ctrl+click
    void selectNextOccurrence();        // Ctrl+D: the word, then its next occurrence, a caret each
    void selectColumns(QPoint anchor, QPoint head); // x the column, y the line: a caret per line
    void clearCarets();
    // Ranges (anchor, position) drawn as selected: a column's pieces, vim's block. Only those in view
    // become extra selections, again when the view scrolls: the document moves every cursor it knows
    // at each edit, and its set of them never shrinks, so 10,000 of them would slow every later key.
    void showSelected(QList<std::pair<int, int>> ranges);

signals:
    void formattingChanged(bool running);
    void vimModeChanged(bool on);
    // Vim's mode, the command being typed or its last message ("-- INSERT --", ":w", "written").
    void vimStatusChanged(const QString& status);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // The cursor selecting whole lines from the first to the last line the selection touches.
    QTextCursor lineSelection() const;
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    // Replaces [start, start + before.size()) (holding `before`) by `after`, touching only what differs, and
    // selects the result when there was a selection.
    void putFormatted(int start, const QString& before, const QString& after, bool select);

    // Snippet stops: begin keeps its place when text is typed at it, end moves on, so a stop grows with
    // what is typed into it.
    struct SnippetStop {
        int number = 0;
        QTextCursor begin;
        QTextCursor end;
    };
    void goToStop(int index);
    void leaveStop(); // copies the stop's text to the other places of its number
    void endSnippet();
    bool snippetKey(QKeyEvent* event); // Tab, Shift+Tab, Esc in a snippet
    bool vimKey(QKeyEvent* event);     // the key to the vim engine; false: not its
    bool caretKey(QKeyEvent* event);   // a key at every caret; false: not one for them
    bool caretCommandKey(QKeyEvent* event);
    template <class Edit> void atEveryCaret(Edit edit);
    void mergeCarets();
    void showCarets();
    void paintCarets();
    void showSelectedInView();
    void
    deferHighlighting(); // the lines out of view coloured after the edit (SqlHighlighter::beginDeferring)
    void undoOrRedo(bool redo);
    std::pair<int, int> positionsInView() const; // the first and the last position shown
    void extendColumns(int lines, int columns);
    int columnAt(const QPoint& point) const;
    bool vimWantsShortcut(const QKeyEvent* event) const;

    // Expand selection's steps, to shrink back through while the selection is still the last one made.
    QList<std::pair<int, int>> m_expansions;
    std::pair<int, int> m_expandedTo{-1, -1};
    QList<SnippetStop> m_stops;
    int m_stop = -1;
    LineNumberGutter* m_gutter = nullptr;
    SqlHighlighter* m_highlighter = nullptr;
    SqlCompleter* m_completer = nullptr;
    JobSlot* m_formatJob = nullptr;
    std::unique_ptr<EditorVimBuffer> m_vimBuffer;
    std::unique_ptr<core::VimEngine> m_vim;
    std::function<bool()> m_save;
    struct Caret {
        int anchor = 0;
        int position = 0;
    };
    QTextCursor cursorOf(const Caret& caret) const;
    QList<Caret> m_carets;                      // besides textCursor()
    QList<std::pair<int, int>> m_selected;      // showSelected()'s
    std::pair<int, int> m_selectedView{-1, -1}; // the view they were made extra selections for
    bool m_editingCarets = false;               // atEveryCaret's own edits: any other edit ends the carets
    bool m_column = false; // the carets are a column selection from m_columnAnchor to m_columnHead
    bool m_columnDrag = false;
    QPoint m_columnAnchor;
    QPoint m_columnHead;
};

} // namespace pgdesk::ui
