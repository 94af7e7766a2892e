// SPDX-License-Identifier: GPL-3.0-or-later
// Vim's motions and text objects as pure functions of the buffer and a place in it.
#pragma once

#include <pgdesk/core/textedit/vim.h>

#include <optional>

namespace pgdesk::core::vimtext {

// A stretch of text: [from, to) of characters, or the lines from.line to to.line.
struct TextRange {
    VimPos from;
    VimPos to;
    bool lines = false;
};

int firstNonBlank(const QString& line);
// The place after `count` words (w, W); with forOperator the last word's line end stops it, as in "dw".
VimPos wordForward(const VimBuffer& buffer, VimPos from, bool big, int count, bool forOperator);
VimPos wordEnd(const VimBuffer& buffer, VimPos from, bool big, int count);         // e, E
VimPos wordBackward(const VimBuffer& buffer, VimPos from, bool big, int count);    // b, B
VimPos wordEndBackward(const VimBuffer& buffer, VimPos from, bool big, int count); // ge, gE
// f F t T: the column reached on the line, or nothing.
std::optional<int> findInLine(const QString& line, int col, QChar how, QChar what, int count);
// %: the bracket matching the first one at or after the cursor on its line.
std::optional<VimPos> matchingBracket(const VimBuffer& buffer, VimPos from);
VimPos paragraphForward(const VimBuffer& buffer, VimPos from, int count);  // }
VimPos paragraphBackward(const VimBuffer& buffer, VimPos from, int count); // {

// Text objects ("iw", "a(", "i\"", "ip", …) around `at`.
std::optional<TextRange> wordObject(const VimBuffer& buffer, VimPos at, int count, bool around, bool big);
std::optional<TextRange> bracketObject(const VimBuffer& buffer, VimPos at, QChar open, QChar close,
                                       bool around, int count);
std::optional<TextRange> quoteObject(const QString& line, int lineNo, int col, QChar quote, bool around);
std::optional<TextRange> paragraphObject(const VimBuffer& buffer, int line, int count, bool around);

} // namespace pgdesk::core::vimtext
