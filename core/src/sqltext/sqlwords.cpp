// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/sqlwords.h>

#include <algorithm>

namespace pgdesk::core {

QList<SqlWord> sqlWords(const QString& statement) {
    SqlLexState state;
    QList<SqlWord> out;
    int depth = 0;
    for (const SqlToken& t : tokenizeSql(statement, state)) {
        if (t.type == SqlTokenType::Comment)
            continue;
        SqlWord word{t.type, {}, {}, statement.mid(t.start, t.length), depth};
        if (t.type == SqlTokenType::Word)
            word.keyword = word.name = word.raw.toUpper();
        else if (t.type == SqlTokenType::QuotedIdentifier && word.raw.startsWith(QLatin1Char('"')))
            word.name = word.raw.mid(1, word.raw.size() - 2)
                            .replace(QStringLiteral("\"\""), QStringLiteral("\""))
                            .toUpper();
        if (word.raw == QLatin1String(")"))
            word.depth = depth = std::max(0, depth - 1);
        out.append(word);
        if (word.raw == QLatin1String("("))
            ++depth;
    }
    return out;
}

bool isKeyword(const QList<SqlWord>& words, qsizetype i, const char* keyword) {
    return i >= 0 && i < words.size() && words[i].keyword == QLatin1String(keyword);
}

} // namespace pgdesk::core
