// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine's inner pieces, shared by its two source files.
#pragma once

#include <pgdesk/core/textedit/vim.h>

namespace pgdesk::core {

// What an operator works on: [from, to) of characters; the lines from.line to to.line; or a block, the
// columns from.col to to.col (inclusive) of those lines, to each line's end with toLineEnd.
struct VimEngine::Range {
    enum class Kind { Chars, Lines, Block };
    Kind kind = Kind::Chars;
    VimPos from;
    VimPos to;
    bool toLineEnd = false;
};

// A parsed command: "[\"x][count]op[count]motion", "[count]command[arg]", or a command line's text.
struct VimEngine::Command {
    QChar reg;            // null: none named
    int count = 0;        // 0: none given (both counts multiplied when there are two)
    QString op;           // d c y < > gu gU g~; empty: none
    bool doubled = false; // dd, cc, >>, gUU…: whole lines
    QString key;          // the motion or command ("w", "gg", "f", "i" for an object, "/", ":")
    QString arg;          // its character, object or text
    QStringList plain;    // the keys without the counts, for "."
};

// Where a motion goes, and how an operator takes it.
struct VimEngine::Motion {
    enum class Type { Exclusive, Inclusive, Lines };
    VimPos to;
    Type type = Type::Exclusive;
    bool keepColumn = false; // j and k: the wanted column stays
};

// The keys that are commands in visual mode (the others are motions or objects there).
const QStringList& vimVisualCommands();

} // namespace pgdesk::core
