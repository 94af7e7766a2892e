// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/ddltokens.h"

#include <pgdesk/core/sqltext/statementsplitter.h>

namespace pgdesk::core::ddl {

QList<Token> significantTokens(const QString& statement) {
    SqlLexState state;
    QList<Token> out;
    for (const SqlToken& t : tokenizeSql(statement, state)) {
        if (t.type == SqlTokenType::Comment)
            continue;
        Token token;
        token.text = statement.mid(t.start, t.length);
        token.word = t.type == SqlTokenType::Word;
        token.quoted = t.type == SqlTokenType::QuotedIdentifier;
        token.upper = token.word ? token.text.toUpper() : token.text;
        out << std::move(token);
    }
    return out;
}

QString foldIdentifier(const Token& t) {
    if (!t.quoted)
        return t.text.toLower();
    QString inner = t.text;
    if (inner.startsWith(QLatin1String("U&"), Qt::CaseInsensitive))
        inner.remove(0, 2);
    inner = inner.mid(1, inner.size() - 2);
    return inner.replace(QLatin1String("\"\""), QLatin1String("\""));
}

bool Cursor::isWord(const char* upper, qsizetype ahead) const {
    const Token* t = peek(ahead);
    return t && t->word && t->upper == QLatin1String(upper);
}

bool Cursor::accept(std::initializer_list<const char*> words) {
    qsizetype i = 0;
    for (const char* w : words)
        if (!isWord(w, i++))
            return false;
    m_pos += qsizetype(words.size());
    return true;
}

bool Cursor::acceptOp(QChar c) {
    if (atEnd() || !m_tokens[m_pos].isOp(c))
        return false;
    ++m_pos;
    return true;
}

void Cursor::skipParens() {
    if (atEnd() || !m_tokens[m_pos].isOp(u'('))
        return;
    int depth = 0;
    for (; m_pos < m_tokens.size(); ++m_pos) {
        if (m_tokens[m_pos].isOp(u'('))
            ++depth;
        else if (m_tokens[m_pos].isOp(u')') && --depth == 0) {
            ++m_pos;
            return;
        }
    }
}

QStringList Cursor::name() {
    QStringList parts;
    while (!atEnd() && (m_tokens[m_pos].word || m_tokens[m_pos].quoted)) {
        parts << foldIdentifier(m_tokens[m_pos]);
        ++m_pos;
        if (!acceptOp(u'.'))
            break;
    }
    return parts;
}

bool Cursor::containsWord(const char* upper) const {
    for (qsizetype i = m_pos; i < m_tokens.size(); ++i)
        if (m_tokens[i].word && m_tokens[i].upper == QLatin1String(upper))
            return true;
    return false;
}

QStringList Cursor::functionCalls() const {
    QStringList out;
    for (qsizetype i = m_pos; i + 1 < m_tokens.size(); ++i)
        if ((m_tokens[i].word || m_tokens[i].quoted) && m_tokens[i + 1].isOp(u'('))
            out << foldIdentifier(m_tokens[i]);
    return out;
}

QList<QList<Token>> Cursor::splitAtCommas() const {
    QList<QList<Token>> out{{}};
    int depth = 0;
    for (qsizetype i = m_pos; i < m_tokens.size(); ++i) {
        const Token& t = m_tokens[i];
        if (t.isOp(u'('))
            ++depth;
        else if (t.isOp(u')'))
            --depth;
        if (depth == 0 && t.isOp(u',')) {
            out << QList<Token>{};
            continue;
        }
        out.last() << t;
    }
    return out;
}

QString Cursor::restText() const {
    QStringList parts;
    for (qsizetype i = m_pos; i < m_tokens.size(); ++i)
        parts << m_tokens[i].text;
    return parts.join(u' ');
}

} // namespace pgdesk::core::ddl
