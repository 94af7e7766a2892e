// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace pgdesk::core {

// Pure: the next larger piece of SQL around the selection [start, end) (QString indexes), read with the
// project's lexer: the word, name, string or number it is in, then a dotted name (`s.t.col`), the inside of
// the parentheses around it, the parentheses with it, theirs in turn, the statement, the whole text. The
// selection itself when nothing is larger. The editor's Expand selection; Shrink goes back the same way.
std::pair<qsizetype, qsizetype> expandSelection(const QString& text, qsizetype start, qsizetype end);

} // namespace pgdesk::core
