// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

// One token of a statement as the guards read it (comments left out).
struct SqlWord {
    SqlTokenType type;
    QString keyword; // a Word upper-cased; empty otherwise (a quoted "where" is no keyword)
    QString name;    // a Word or a quoted identifier's name, upper-cased: "pg_read_file"( is a call too
    QString raw;     // as written
    int depth;       // parentheses around it
};

QList<SqlWord> sqlWords(const QString& statement);

// words[i] is the keyword `keyword` (upper case); false out of range.
bool isKeyword(const QList<SqlWord>& words, qsizetype i, const char* keyword);

} // namespace pgdesk::core
