// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/selectionexpand.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>

#include <algorithm>

namespace pgdesk::core {

namespace {

using Range = std::pair<qsizetype, qsizetype>;

bool isName(const SqlToken& t) {
    return t.type == SqlTokenType::Word || t.type == SqlTokenType::QuotedIdentifier;
}

bool isOperator(const QString& text, const SqlToken& t, QChar c) {
    return t.type == SqlTokenType::Operator && t.length == 1 && text[t.start] == c;
}

} // namespace

std::pair<qsizetype, qsizetype> expandSelection(const QString& text, qsizetype start, qsizetype end) {
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(text, state);
    QList<Range> candidates;
    // Tokens and dotted names.
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const SqlToken& t = tokens[i];
        if (t.type != SqlTokenType::Operator)
            candidates << Range{t.start, t.start + t.length};
        // A dotted name from its first part only: `s.t.c`, not `t.c` as well.
        const bool continues = i >= 2 && isOperator(text, tokens[i - 1], u'.') && isName(tokens[i - 2]) &&
                               tokens[i - 1].start == tokens[i - 2].start + tokens[i - 2].length &&
                               t.start == tokens[i - 1].start + 1;
        if (!isName(t) || continues)
            continue;
        qsizetype j = i;
        while (j + 2 < tokens.size() && isOperator(text, tokens[j + 1], u'.') && isName(tokens[j + 2]) &&
               tokens[j + 1].start == tokens[j].start + tokens[j].length &&
               tokens[j + 2].start == tokens[j + 1].start + 1)
            j += 2;
        if (j > i)
            candidates << Range{t.start, tokens[j].start + tokens[j].length};
    }
    // Parentheses: their inside, then with them.
    QList<qsizetype> open;
    for (const SqlToken& t : tokens) {
        if (isOperator(text, t, u'('))
            open << t.start;
        else if (isOperator(text, t, u')') && !open.isEmpty()) {
            const qsizetype from = open.takeLast();
            candidates << Range{from + 1, t.start} << Range{from, t.start + 1};
        }
    }
    for (const SqlStatement& s : splitStatements(text))
        candidates << Range{s.offset, s.end()};
    candidates << Range{0, text.size()};

    Range best{start, end};
    qsizetype bestLength = -1;
    for (const Range& r : candidates) {
        const qsizetype length = r.second - r.first;
        if (r.first <= start && r.second >= end && length > end - start &&
            (bestLength < 0 || length < bestLength)) {
            best = r;
            bestLength = length;
        }
    }
    return best;
}

} // namespace pgdesk::core
