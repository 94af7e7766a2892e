// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/conninfosecrets.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/sqltext/secretmask.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>

namespace pgdesk::core {

namespace {

const QString kMaskedLiteral = QStringLiteral("'********'");

// What a string token says ('' and E'\…' undone, the dollar quotes taken off); an unterminated one as far
// as it goes. Only read to find a connection string in it, so the rarer escapes (octal, Unicode) stay as
// written.
QString literalText(const QString& raw) {
    if (raw.startsWith(QLatin1Char('$'))) {
        const qsizetype tagEnd = raw.indexOf(QLatin1Char('$'), 1);
        if (tagEnd < 0)
            return {};
        const qsizetype tagLength = tagEnd + 1;
        const bool closed = raw.size() >= 2 * tagLength && raw.endsWith(raw.left(tagLength));
        return raw.mid(tagLength, raw.size() - tagLength - (closed ? tagLength : 0));
    }
    const qsizetype open = raw.indexOf(QLatin1Char('\''));
    if (open < 0)
        return {};
    const bool escapes = open > 0 && raw[0].toUpper() == QLatin1Char('E');
    QString out;
    for (qsizetype i = open + 1; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == QLatin1Char('\'')) {
            if (i + 1 < raw.size() && raw[i + 1] == QLatin1Char('\'')) {
                out += c;
                ++i;
                continue;
            }
            break;
        }
        if (escapes && c == QLatin1Char('\\') && i + 1 < raw.size()) {
            const QChar next = raw[++i];
            out += next == QLatin1Char('n')   ? QChar(u'\n')
                   : next == QLatin1Char('t') ? QChar(u'\t')
                   : next == QLatin1Char('r') ? QChar(u'\r')
                                              : next;
            continue;
        }
        out += c;
    }
    return out;
}

// A keyword or an option's name as lower-case text: PASSWORD, password, "password" (an FDW option's name
// may be quoted); empty for any other token.
QString optionName(const QString& sql, const SqlToken& t) {
    if (t.type == SqlTokenType::Word)
        return sql.mid(t.start, t.length).toLower();
    if (t.type == SqlTokenType::QuotedIdentifier && t.length >= 2 && sql[t.start] == QLatin1Char('"'))
        return sql.mid(t.start + 1, t.length - 2);
    return {};
}

bool mayHoldSecret(const QString& sql) {
    return sql.contains(QLatin1String("password"), Qt::CaseInsensitive) || sql.contains(QLatin1String("://"));
}

} // namespace

QString maskStatementSecrets(const QString& sql) {
    if (!mayHoldSecret(sql))
        return sql;
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(sql, state);
    struct Replacement {
        qsizetype start;
        qsizetype length;
        QString text;
    };
    QList<Replacement> replacements;
    const SqlToken* previous = nullptr;
    for (const SqlToken& t : tokens) {
        if (t.type == SqlTokenType::Comment)
            continue;
        if (t.type == SqlTokenType::String || t.type == SqlTokenType::DollarString) {
            const bool afterSecretKeyword = previous && isSecretOption(optionName(sql, *previous));
            if (afterSecretKeyword) {
                replacements.append({t.start, t.length, kMaskedLiteral});
            } else {
                const QString text = literalText(sql.mid(t.start, t.length));
                if (mayHoldSecret(text)) {
                    const QString masked = maskDsnPassword(text);
                    if (masked != text)
                        replacements.append({t.start, t.length, quoteLiteralPure(masked)});
                }
            }
        }
        previous = &t;
    }
    if (replacements.isEmpty())
        return sql;
    QString out = sql;
    for (qsizetype i = replacements.size() - 1; i >= 0; --i)
        out.replace(replacements[i].start, replacements[i].length, replacements[i].text);
    return out;
}

} // namespace pgdesk::core
