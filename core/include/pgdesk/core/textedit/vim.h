// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <compare>
#include <functional>
#include <optional>

namespace pgdesk::core {

// A place in the text: a line and a column (UTF-16 units) in it, both from 0.
struct VimPos {
    int line = 0;
    int col = 0;
    auto operator<=>(const VimPos&) const = default;
};

// What visual mode shows selected: from anchor to cursor, both inclusive; whole lines, or the columns
// between them on every line (to each line's end with toLineEnd).
struct VimSelection {
    enum class Kind { None, Chars, Lines, Block };
    Kind kind = Kind::None;
    VimPos anchor;
    VimPos cursor;
    bool toLineEnd = false;
};

// The text the engine edits, lines without their line breaks: the editor's document, or VimTextBuffer.
class VimBuffer {
public:
    virtual ~VimBuffer() = default;
    virtual int lineCount() const = 0; // at least 1
    virtual QString line(int n) const = 0;
    // Replaces [from, to) by text ("\n" breaks lines). `to` may be the start of a later line: the line
    // breaks between go too.
    virtual void replace(VimPos from, VimPos to, const QString& text) = 0;
    virtual VimPos cursor() const = 0;
    virtual void setCursor(VimPos at) = 0;
    virtual void setSelection(const VimSelection& selection) = 0;
    // What is replaced between begin and end is one undo step.
    virtual void beginChange() = 0;
    virtual void endChange() = 0;
    // Where the undone (redone) change was; nothing when there was none.
    virtual std::optional<VimPos> undo() = 0;
    virtual std::optional<VimPos> redo() = 0;
    // ":w": false when it could not be saved (the engine says so).
    virtual bool save() { return false; }
};

// A buffer of plain lines with its own undo, for tests and for text edited without an editor.
class VimTextBuffer final : public VimBuffer {
public:
    explicit VimTextBuffer(const QString& text = {});
    QString text() const { return m_lines.join(u'\n'); }
    const VimSelection& selection() const { return m_selection; }
    int saves() const { return m_saves; }

    int lineCount() const override { return int(m_lines.size()); }
    QString line(int n) const override { return m_lines.value(n); }
    void replace(VimPos from, VimPos to, const QString& text) override;
    VimPos cursor() const override { return m_cursor; }
    void setCursor(VimPos at) override { m_cursor = at; }
    void setSelection(const VimSelection& selection) override { m_selection = selection; }
    void beginChange() override;
    void endChange() override;
    std::optional<VimPos> undo() override;
    std::optional<VimPos> redo() override;
    bool save() override;

private:
    // An undo step: the edits of one change, each as what it took out and what it put in at a place, so
    // undo and redo cost what the change did, not the size of the text.
    struct Edit {
        VimPos from;
        QString removed;
        QString inserted;
    };
    struct Step {
        QList<Edit> edits;
        VimPos cursor; // where the change began
    };
    void apply(VimPos from, VimPos to, const QString& text);
    QString textBetween(VimPos from, VimPos to) const;
    static VimPos endOf(VimPos from, const QString& text);
    QStringList m_lines;
    VimPos m_cursor;
    VimSelection m_selection;
    QList<Step> m_undo;
    QList<Step> m_redo;
    std::optional<Step> m_open; // the change being made
    int m_depth = 0;
    int m_saves = 0;
};

// Keys as vim writes them: a character is itself, others are named ("<Esc>", "<CR>", "<BS>", "<Del>",
// "<Tab>", "<Left>", "<Right>", "<Up>", "<Down>", "<Home>", "<End>", "<C-r>", "<C-v>", "<lt>" for "<").
QStringList parseVimKeys(const QString& notation);

// Vim's editing model over a VimBuffer, fed one key at a time: normal, insert, replace, visual, visual-line
// and visual-block modes; motions, operators and text objects with counts; registers ("a-"z, "A-"Z
// appending, "0 yanks, "1-"9 deletes, "- small deletes, "_ discards, "+ and "* the clipboard when one is
// set); "." repeats the last change; undo and redo; / ? n N * # search; marks; ":w", ":N", ":s" and ":%s".
// An editor draws the buffer and the selection; the engine never touches widgets.
class VimEngine {
public:
    enum class Mode { Normal, Insert, Replace, Visual, VisualLine, VisualBlock };
    struct Register {
        enum class Kind { Chars, Lines, Block };
        QString text; // lines of a Lines or Block register joined by "\n", Lines without a last "\n"
        Kind kind = Kind::Chars;
    };

    explicit VimEngine(VimBuffer& buffer);
    ~VimEngine();
    VimEngine(const VimEngine&) = delete;
    VimEngine& operator=(const VimEngine&) = delete;

    // One key (see parseVimKeys); true when it was the engine's. In insert mode a key with no meaning there
    // (say, <C-Space>) is not, so the editor may use it.
    bool feed(const QString& key);
    void feedKeys(const QString& notation);

    Mode mode() const { return m_mode; }
    // Normal mode with nothing typed yet: an Esc now would end nothing (the editor lets the window have it).
    bool isIdle() const { return m_mode == Mode::Normal && m_pending.isEmpty() && m_commandLine.isEmpty(); }
    bool inVisual() const {
        return m_mode == Mode::Visual || m_mode == Mode::VisualLine || m_mode == Mode::VisualBlock;
    }
    // What a status line shows: "-- INSERT --", "-- VISUAL BLOCK --", the command line being typed
    // (":w", "/foo"), the keys of a command not yet complete ("2d"), or the last message.
    QString statusText() const;
    QString message() const { return m_message; }
    Register reg(QChar name) const;
    void setRegister(QChar name, const Register& value);
    // "+ and "* read and write through these (the window's clipboard); without them they are plain registers.
    void setClipboard(std::function<QString()> read, std::function<void(const QString&)> write);
    // Shift width for > and < (spaces).
    void setShiftWidth(int width) { m_shiftWidth = width; }
    // Back to normal mode, nothing pending (the editor's text was replaced, vim mode switched on).
    void reset();

private:
    struct Range;
    struct Command;
    struct Motion;
    enum class Parse { Incomplete, Invalid, Complete, CommandLine };

    Parse parseNormal(const QStringList& keys, Command& out) const;
    Parse parseMotion(const QStringList& keys, int& i, Command& out) const;
    void runNormal(const Command& command);
    void runVisual(const Command& command);
    bool runMotion(const Command& command, int count, Motion& out);
    bool textObject(const QString& which, int count, Range& out) const;
    Register rangeText(const Range& range) const;
    void deleteRange(const Range& range);
    Range selectionRange() const;
    void applyOperator(const QString& op, const Range& range, QChar regName, bool fromVisual = false);
    void feedInsert(const QString& key);
    void feedCommandLine(const QString& key);
    void runExCommand(const QString& text);
    void startInsert(const QString& how, int count);
    void leaveInsert();
    void enterVisual(Mode mode);
    void leaveVisual();
    void showSelection();
    void put(const Command& command, bool before);
    void putOverSelection(const Command& command);
    void joinLines(int line, int count, bool spaces);
    void storeRegister(QChar name, const Register& value, bool deleted, bool small);
    std::optional<VimPos> search(const QString& pattern, VimPos from, bool forward, int count);
    void changeCase(const Range& range, int how);
    void shiftLines(int first, int last, int times, bool right);
    void replaceChars(const QString& with, int count);
    void addToNumber(int delta);
    void blockInsert(const Range& block, bool append);
    void finishChange();
    void setCursorClamped(VimPos at, bool allowPastEnd = false);
    QString lineText(int n) const { return m_buffer.line(n); }
    int lastLine() const { return m_buffer.lineCount() - 1; }

    VimBuffer& m_buffer;
    Mode m_mode = Mode::Normal;
    QStringList m_pending; // keys of a normal or visual command not yet complete
    QString m_commandLine; // ":…", "/…" or "?…" being typed; empty when none
    QString m_message;
    QHash<QChar, Register> m_registers;
    QHash<QChar, VimPos> m_marks;
    std::function<QString()> m_readClipboard;
    std::function<void(const QString&)> m_writeClipboard;
    int m_shiftWidth = 4;
    int m_wantCol = 0;       // the column j and k go back to (INT_MAX after $) ...
    VimPos m_wantAt{-1, -1}; // ... while the cursor is where the engine left it
    QString m_lastFind;      // "f", "F", "t" or "T" and the character, for ; and ,
    QString m_lastSearch;
    bool m_lastSearchForward = true;
    VimPos m_anchor;           // visual mode's other end
    bool m_blockToEnd = false; // visual block after $
    // The change being recorded for ".", and the last one complete.
    QStringList m_recording;
    QStringList m_lastChange;
    bool m_replaying = false;
    bool m_inChange = false; // beginChange() called, endChange() owed
    // Insert mode: how it began, its count, the column of a visual block insert and the lines it spans.
    QString m_insertHow;
    int m_insertCount = 1;
    VimPos m_insertStart;
    int m_blockFirst = -1, m_blockLast = -1, m_blockCol = 0, m_blockLeft = 0;
    bool m_blockAppend = false;
    bool m_blockInsertToEnd = false;
    QStringList m_insertKeys; // typed since insert mode began, for a count
};

} // namespace pgdesk::core
